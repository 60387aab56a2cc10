/** Settings section "survey": where engineering allocation suggestions are filed (SPEC §6). */
import { z } from 'zod';

export const surveySection = z
  .object({
    /**
     * Project path (`group/project`) or id receiving the suggestions; empty: the project the
     * suggestion is made from (the popup, having none, then asks for one).
     */
    project: z
      .string()
      .trim()
      .regex(/^(?:|\d+|[\w.-]+(?:\/[\w.-]+)+)$/, 'A project path such as group/project, or its id.')
      .default(''),
  })
  .prefault({});
