/** Settings section "sync": how fresh cached data must be (SPEC §8). */
import { z } from 'zod';

export const syncSection = z
  .object({
    /** Cached data older than this is refreshed when a page asks for it. */
    staleAfterMinutes: z.number({ error: 'Enter a number.' }).int().min(1).max(24 * 60).default(60),
  })
  .prefault({});
