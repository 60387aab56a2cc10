// Records of the sandbox dataset. Scalar field names follow GitLab's REST payloads (snake_case) so
// tests can compare records with API answers; relations are stored as ids and expanded by the
// serializers in api/serialize-*.ts.

export type AccessLevel = 10 | 15 | 20 | 30 | 40 | 50;
export type Scope = 'api' | 'read_api' | 'read_user' | 'read_repository' | 'write_repository' | 'read_registry';
export type Tier = 'premium' | 'free';

export interface User {
  id: number;
  username: string;
  name: string;
  state: 'active' | 'blocked';
  created_at: string;
  /** Service registry hint for demos: which shared service this person is DRI of. */
  job_title: string;
}

export interface Membership {
  user_id: number;
  source_type: 'Namespace' | 'Project';
  source_id: number;
  access_level: AccessLevel;
  /** When the person joined the group/project ("joined" in the members UI). */
  created_at: string;
  expires_at: string | null;
  created_by_id: number;
}

export interface Token {
  id: number;
  name: string;
  /** The secret sent in PRIVATE-TOKEN / Authorization: Bearer. */
  token: string;
  user_id: number;
  scopes: Scope[];
  revoked: boolean;
  created_at: string;
  last_used_at: string | null;
  /** YYYY-MM-DD or null. */
  expires_at: string | null;
}

export interface Group {
  id: number;
  name: string;
  path: string;
  full_path: string;
  description: string;
  created_at: string;
  tier: Tier;
}

export interface Project {
  id: number;
  name: string;
  path: string;
  path_with_namespace: string;
  namespace_id: number;
  description: string;
  default_branch: string;
  created_at: string;
  /** Premium-like projects carry weight/epic fields on issues; free ones do not. */
  tier: Tier;
  /** Repository files by path, served by /repository/files/:path/raw. */
  files: Map<string, string>;
}

export interface Label {
  id: number;
  name: string;
  color: string;
  text_color: string;
  description: string | null;
  group_id: number | null;
  project_id: number | null;
}

export interface Milestone {
  id: number;
  iid: number;
  group_id: number | null;
  project_id: number | null;
  title: string;
  description: string;
  state: 'active' | 'closed';
  created_at: string;
  updated_at: string;
  /** YYYY-MM-DD or null. */
  start_date: string | null;
  due_date: string | null;
}

/**
 * A work item that belongs to a group, not a project, and is not an epic: on GitLab 18.x a group's
 * `/-/work_items/<iid>` can be an issue or a task. Its iid comes from the same per-group sequence
 * as the group's epics, so the epics API answers 404 for it.
 */
export interface GroupWorkItem {
  id: number;
  iid: number;
  group_id: number;
  type: 'Issue' | 'Task';
  title: string;
  description: string;
  state: 'opened' | 'closed';
  author_id: number;
  created_at: string;
  labels: string[];
}

export interface Epic {
  id: number;
  iid: number;
  work_item_id: number;
  group_id: number;
  parent_id: number | null;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  author_id: number;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  start_date: string | null;
  due_date: string | null;
  labels: string[];
  color: string;
  upvotes: number;
}

export interface Issue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string;
  state: 'opened' | 'closed';
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by_id: number | null;
  labels: string[];
  milestone_id: number | null;
  assignee_ids: number[];
  author_id: number;
  issue_type: 'issue' | 'incident';
  /** YYYY-MM-DD or null. */
  due_date: string | null;
  /** Ignored (not serialized) on free-tier projects. */
  weight: number | null;
  epic_id: number | null;
  time_estimate: number;
  total_time_spent: number;
  user_notes_count: number;
  upvotes: number;
  downvotes: number;
  confidential: boolean;
  discussion_locked: boolean | null;
  /** Ordering on boards (GitLab relative_position); lower comes first. */
  relative_position: number;
}

export interface FileChange {
  old_path: string;
  new_path: string;
  new_file: boolean;
  renamed_file: boolean;
  deleted_file: boolean;
}

export interface MergeRequest {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  description: string;
  state: 'opened' | 'closed' | 'merged' | 'locked';
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  closed_at: string | null;
  author_id: number;
  merge_user_id: number | null;
  closed_by_id: number | null;
  assignee_ids: number[];
  reviewer_ids: number[];
  labels: string[];
  milestone_id: number | null;
  source_branch: string;
  target_branch: string;
  draft: boolean;
  /** Issue iids (same project) this MR closes; also written as "Closes #iid" in the description. */
  closes_issue_iids: number[];
  changes: FileChange[];
}

export interface BoardList {
  /** Numeric part of gid://gitlab/List/<id>. */
  id: number;
  list_type: 'backlog' | 'label' | 'closed';
  label: string | null;
  position: number;
}

export interface Board {
  id: number;
  name: string;
  project_id: number | null;
  group_id: number | null;
  lists: BoardList[];
  /** Total cards this board shows (the 1,000-card board tops its project up to this). */
  card_target: number | null;
  /** Cards rendered per list before infinite scroll loads more. */
  page_size: number;
}
