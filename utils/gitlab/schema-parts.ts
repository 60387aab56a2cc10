import { z } from 'zod';

// Building blocks shared by the entity schemas in schemas.ts.
// z.object strips unknown keys (zod 4 default): GitLab adds fields every release and we must
// never reject a payload for a field we do not read; stripping also keeps the IndexedDB cache small.

/** ISO 8601 timestamp as GitLab renders it ("2016-01-04T15:31:46.176Z"); kept as a string. */
export const isoDateTime = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'Not an ISO 8601 date-time' });

/** Calendar date "YYYY-MM-DD" (issues.md: due_date; milestones.md: start_date, due_date). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Not a YYYY-MM-DD date' });

/** A field GitLab may send as null or leave out; normalised to null so readers test one thing. */
export function nullish<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? null);
}

/** Labels are names by default; with `with_labels_details=true` they are objects (issues.md). */
export const labelNames = z
  .array(z.union([z.string(), z.object({ name: z.string() }).transform((label) => label.name)]))
  .default([]);

/** The user summary embedded in issues, MRs, members (author, assignees, closed_by...). */
export const userSummarySchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  // `active`, `blocked`, `deactivated`, `banned`, ... (users.md); absent on very old instances.
  state: z.string().default('active'),
  avatar_url: nullish(z.string()),
  web_url: z.string().optional(),
});

/** Milestone as embedded in issues/MRs and as listed by the milestones API. */
export const milestoneSchema = z.object({
  id: z.number(),
  iid: z.number(),
  title: z.string(),
  state: z.string(),
  due_date: nullish(calendarDate),
  start_date: nullish(calendarDate),
  project_id: z.number().optional(),
  group_id: z.number().optional(),
  created_at: isoDateTime.optional(),
  updated_at: isoDateTime.optional(),
  web_url: z.string().optional(),
});

/** `references` (issues.md, merge_requests.md); absent on some embedded payloads (epic issues). */
export const referencesSchema = z.object({
  short: z.string().optional(),
  relative: z.string().optional(),
  full: z.string(),
});

export const timeStatsSchema = z.object({
  time_estimate: z.number().default(0),
  total_time_spent: z.number().default(0),
});

/** Premium+ `epic` attribute of an issue (issues.md, "include the `epic` property"). */
export const issueEpicSchema = z.object({
  id: z.number().optional(),
  iid: z.number(),
  title: z.string().optional(),
  url: z.string().optional(),
  group_id: z.number().optional(),
});

/** Premium+ `iteration` attribute of an issue. */
export const iterationSchema = z.object({
  id: z.number(),
  iid: z.number().optional(),
  title: z.string().nullable().optional(),
  start_date: nullish(calendarDate),
  due_date: nullish(calendarDate),
  web_url: z.string().optional(),
});
