// Input shapes for test fixtures (POST /__sandbox/fixtures, controls.addFixtures()).

import type { MemberRecord } from './dataset.ts';
import type { AccessLevel, FileChange, Issue, MergeRequest, Milestone } from './types.ts';

export type UserRef = string | number;

export interface IssueFixture {
  title: string;
  iid?: number;
  description?: string;
  state?: 'opened' | 'closed';
  created_at?: string;
  updated_at?: string;
  closed_at?: string | null;
  closed_by?: UserRef | null;
  labels?: string[];
  /** Milestone id or title (project or group milestone). */
  milestone?: number | string | null;
  assignees?: UserRef[];
  author?: UserRef;
  issue_type?: 'issue' | 'incident';
  due_date?: string | null;
  weight?: number | null;
  epic_iid?: number | null;
  time_estimate?: number;
  upvotes?: number;
  confidential?: boolean;
}

export interface MergeRequestFixture {
  title: string;
  iid?: number;
  description?: string;
  state?: MergeRequest['state'];
  created_at?: string;
  updated_at?: string;
  merged_at?: string | null;
  closed_at?: string | null;
  author?: UserRef;
  merge_user?: UserRef | null;
  labels?: string[];
  /** Issue iids this MR closes; "Closes #iid" is appended to the description. */
  closes?: number[];
  /** Changed paths (or full diff entries). */
  changes?: (string | FileChange)[];
  source_branch?: string;
  target_branch?: string;
  draft?: boolean;
}

export interface MilestoneFixture {
  title: string;
  description?: string;
  state?: 'active' | 'closed';
  start_date?: string | null;
  due_date?: string | null;
  /** Create it on the project's group instead of the project. */
  group?: boolean;
}

export interface MemberFixture {
  username: string;
  name?: string;
  access_level: AccessLevel;
  /** When they joined (membership created_at). */
  created_at?: string;
  state?: 'active' | 'blocked';
}

export interface FixtureInput {
  /** Project id or full path. */
  project: string | number;
  milestones?: MilestoneFixture[];
  members?: MemberFixture[];
  issues?: IssueFixture[];
  mergeRequests?: MergeRequestFixture[];
  /** Repository files by path (e.g. a CODEOWNERS). */
  files?: Record<string, string>;
}

export interface FixtureResult {
  milestones: Milestone[];
  members: MemberRecord[];
  issues: Issue[];
  mergeRequests: MergeRequest[];
}
