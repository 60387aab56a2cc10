import { z } from 'zod';
import {
  calendarDate,
  isoDateTime,
  issueEpicSchema,
  iterationSchema,
  labelNames,
  milestoneSchema,
  nullish,
  referencesSchema,
  timeStatsSchema,
  userSummarySchema,
} from './schema-parts';

// zod schemas for every GitLab REST field the extension reads (gitlab/API.md, "Payload notes").
// Output shapes are normalised so readers never deal with tier or version differences:
// deprecated fields are folded into their replacements and absent Premium fields become null.

export { milestoneSchema, userSummarySchema };
export { parseList, type ParseProblem, type ParsedList } from './parse-list';

const issueFields = z.object({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  description: nullish(z.string()),
  state: z.string(), // `opened` | `closed` (| `locked` on old payloads)
  created_at: isoDateTime,
  updated_at: isoDateTime,
  closed_at: nullish(isoDateTime),
  closed_by: nullish(userSummarySchema),
  due_date: nullish(calendarDate),
  milestone: nullish(milestoneSchema),
  labels: labelNames,
  author: userSummarySchema,
  assignees: z.array(userSummarySchema).optional(),
  assignee: nullish(userSummarySchema), // deprecated: use assignees (issues.md)
  issue_type: z.string().optional(), // `issue` | `incident` | `test_case` | `task`
  type: z.string().optional(), // `ISSUE` | `INCIDENT` ... (newer payloads)
  upvotes: z.number().default(0),
  downvotes: z.number().default(0),
  confidential: z.boolean().default(false),
  web_url: z.string(),
  references: referencesSchema.optional(),
  time_stats: timeStatsSchema.optional(),
  moved_to_id: nullish(z.number()),
  // Premium/Ultimate only; absent on Free (issues.md).
  weight: nullish(z.number()),
  epic: nullish(issueEpicSchema),
  epic_iid: nullish(z.number()), // deprecated: use epic.iid
  iteration: nullish(iterationSchema),
  health_status: nullish(z.string()),
  // Incidents: `CRITICAL` | `HIGH` | `MEDIUM` | `LOW` | `UNKNOWN`, where the payload carries it.
  severity: nullish(z.string()),
});

function normaliseIssue<T extends z.output<typeof issueFields>>({
  assignee,
  epic_iid,
  type,
  ...issue
}: T) {
  return {
    ...issue,
    assignees: issue.assignees ?? (assignee ? [assignee] : []),
    issue_type: (issue.issue_type ?? type ?? 'issue').toLowerCase(),
    epic: issue.epic ?? (epic_iid === null ? null : { iid: epic_iid }),
  };
}

export const issueSchema = issueFields.transform(normaliseIssue);

export const mergeRequestSchema = z
  .object({
    id: z.number(),
    iid: z.number(),
    project_id: z.number(),
    title: z.string(),
    description: nullish(z.string()),
    state: z.string(), // `opened` | `closed` | `merged` | `locked`
    created_at: isoDateTime,
    updated_at: isoDateTime,
    merged_at: nullish(isoDateTime),
    closed_at: nullish(isoDateTime),
    author: userSummarySchema,
    merge_user: nullish(userSummarySchema),
    merged_by: nullish(userSummarySchema), // deprecated: use merge_user (merge_requests.md)
    assignees: z.array(userSummarySchema).default([]),
    reviewers: z.array(userSummarySchema).default([]),
    labels: labelNames,
    milestone: nullish(milestoneSchema),
    source_branch: z.string().optional(),
    target_branch: z.string().optional(),
    draft: z.boolean().default(false),
    web_url: z.string(),
    references: referencesSchema.optional(),
  })
  .transform(({ merged_by, ...mr }) => ({ ...mr, merge_user: mr.merge_user ?? merged_by }));

/** members.md: access_level 10 guest, 15 planner, 20 reporter, 30 developer, 40 maintainer, 50 owner. */
// A member is a user summary plus the membership's fields.
export const memberSchema = userSummarySchema.extend({
  access_level: z.number(),
  created_at: nullish(isoDateTime), // when the membership started: onboarding candidates (SPEC §4)
  expires_at: nullish(calendarDate),
  membership_state: z.string().optional(),
});

export const epicSchema = z.object({
  id: z.number(),
  iid: z.number(),
  group_id: z.number(),
  parent_id: nullish(z.number()),
  parent_iid: nullish(z.number()),
  work_item_id: z.number().optional(), // GitLab 17.0+ (epics are work items)
  title: z.string(),
  description: nullish(z.string()),
  state: z.string(),
  web_url: z.string(),
  references: referencesSchema.optional(),
  author: userSummarySchema.optional(),
  labels: labelNames,
  start_date: nullish(calendarDate),
  due_date: nullish(calendarDate),
  created_at: isoDateTime,
  updated_at: isoDateTime,
  closed_at: nullish(isoDateTime),
  upvotes: z.number().default(0),
});

/** `GET /projects/:id/merge_requests/:iid/diffs` (GitLab 15.7+): one changed file. */
export const mergeRequestDiffSchema = z.object({
  old_path: z.string(),
  new_path: z.string(),
  new_file: z.boolean().default(false),
  renamed_file: z.boolean().default(false),
  deleted_file: z.boolean().default(false),
});
export type GitLabMergeRequestDiff = z.output<typeof mergeRequestDiffSchema>;

/** `GET /user`. */
export const userSchema = userSummarySchema.extend({
  email: z.string().optional(),
  is_admin: z.boolean().optional(),
});

/** `GET /personal_access_tokens/self` (personal_access_tokens.md). */
export const tokenInfoSchema = z.object({
  id: z.number(),
  name: z.string(),
  scopes: z.array(z.string()),
  active: z.boolean(),
  revoked: z.boolean().default(false),
  expires_at: nullish(calendarDate),
  created_at: isoDateTime.optional(),
  last_used_at: nullish(isoDateTime),
  user_id: z.number().optional(),
});

export const projectSchema = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string().optional(),
  path_with_namespace: z.string(),
  // null for a project with an empty repository.
  default_branch: nullish(z.string()),
  web_url: z.string(),
  archived: z.boolean().default(false),
  namespace: z
    .object({ id: z.number(), kind: z.string().optional(), full_path: z.string() })
    .optional(),
});

export const groupSchema = z.object({
  id: z.number(),
  name: z.string(),
  path: z.string().optional(),
  full_path: z.string(),
  web_url: z.string(),
  parent_id: nullish(z.number()),
});

/** What a board list or scope says of a user or milestone (Entities::UserSafe / UserBasic, Milestone). */
const boardUserSchema = z.object({ id: z.number(), username: z.string() });

/**
 * A list of `GET /projects/:id/boards` or `/groups/:id/boards` (boards.md, group_boards.md). Only
 * the destroyable lists are sent: label lists, and on Premium assignee, milestone and iteration
 * lists; never Open or Closed. The payload has no `list_type` (Entities::List exposes id, label,
 * position, plus EE's milestone/iteration/assignee on lists of that kind), so it is derived here.
 */
export const boardListSchema = z
  .object({
    id: z.number(),
    label: nullish(z.object({ name: z.string() })),
    position: nullish(z.number()),
    list_type: z.string().optional(),
    assignee: nullish(boardUserSchema),
    milestone: nullish(z.object({ id: z.number(), title: z.string() })),
    iteration: nullish(z.object({ id: z.number() })),
  })
  .transform((list) => ({
    ...list,
    list_type:
      list.list_type ??
      (list.label ? 'label' : list.assignee ? 'assignee' : list.milestone ? 'milestone' : list.iteration ? 'iteration' : 'unknown'),
  }));

/**
 * A board and its scope. `name` is EE-only on old versions; `hide_*_list` came in 12.x; the scope
 * (`milestone`, `labels`, `assignee`, `weight`) is Premium (`scoped_issue_board`) and absent on Free.
 * A milestone scope of "Upcoming" or "Started" is sent as `{title}` without an id (SpecialBoardFilter).
 * `weight`: -1 means any weight, -2 no weight (ee boards weight_select.vue).
 */
export const boardSchema = z.object({
  id: z.number(),
  name: z.string().default(''),
  hide_backlog_list: z.boolean().default(false),
  hide_closed_list: z.boolean().default(false),
  lists: z.array(boardListSchema).default([]),
  milestone: nullish(z.object({ id: nullish(z.number()), title: z.string() })),
  labels: labelNames,
  assignee: nullish(boardUserSchema),
  weight: nullish(z.number()),
});

export type GitLabMilestone = z.output<typeof milestoneSchema>;
export type GitLabIssue = z.output<typeof issueSchema>;
export type GitLabMergeRequest = z.output<typeof mergeRequestSchema>;
export type GitLabMember = z.output<typeof memberSchema>;
export type GitLabEpic = z.output<typeof epicSchema>;
export type GitLabUser = z.output<typeof userSchema>;
export type GitLabTokenInfo = z.output<typeof tokenInfoSchema>;
export type GitLabProject = z.output<typeof projectSchema>;
export type GitLabGroup = z.output<typeof groupSchema>;
export type GitLabBoard = z.output<typeof boardSchema>;
export type GitLabBoardList = z.output<typeof boardListSchema>;
