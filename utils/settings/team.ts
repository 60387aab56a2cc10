/** Settings section "team": whose KPIs the Team view and the popup show (SPEC §2). */
import { z } from 'zod';

const listOfNames = z.array(z.string().trim().min(1)).default([]);

export const teamSection = z
  .object({
    /** Group full path used for Team KPIs and group pages. */
    group: z.string().trim().default(''),
    /** Project ids or full paths. */
    projects: listOfNames,
    /** Engineer usernames; empty means active members with Developer access or more. */
    engineers: listOfNames,
  })
  .prefault({});
