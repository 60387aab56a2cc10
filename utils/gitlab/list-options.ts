import type { QueryParams } from './transport';

// What the client's list and write methods accept, and how that becomes GitLab query parameters.

export interface GitLabScope {
  kind: 'project' | 'group';
  id: number | string;
}

export interface IssueListOptions {
  /** ISO time; GitLab returns issues updated on or after it (issues.md `updated_after`). */
  updatedAfter?: string;
  state?: 'opened' | 'closed' | 'all';
  labels?: readonly string[];
  iids?: readonly number[];
  issueType?: 'issue' | 'incident' | 'test_case' | 'task';
  search?: string;
  /** Where `search` looks (issues.md `in`): title, description, or both (GitLab's default). */
  searchIn?: 'title' | 'description' | 'title,description';
  /** Default updated_at ascending, so sync can checkpoint after every page; `popularity` is by upvotes. */
  orderBy?: 'updated_at' | 'id' | 'popularity';
  sort?: 'asc' | 'desc';
  /** `created_by_me`: only issues the token's user opened (issues.md `scope`). */
  scope?: 'created_by_me' | 'all';
}

export interface MergeRequestListOptions {
  updatedAfter?: string;
  state?: 'opened' | 'closed' | 'merged' | 'locked' | 'all';
}

export const encode = (id: number | string) => encodeURIComponent(String(id));

export const scopePath = (scope: GitLabScope) => `${scope.kind === 'project' ? 'projects' : 'groups'}/${encode(scope.id)}`;

export function issueQuery(options: IssueListOptions): QueryParams {
  return {
    order_by: options.orderBy ?? 'updated_at',
    sort: options.sort ?? 'asc',
    updated_after: options.updatedAfter,
    state: options.state,
    labels: options.labels?.join(','),
    iids: options.iids,
    issue_type: options.issueType,
    search: options.search,
    in: options.searchIn,
    scope: options.scope,
  };
}

export function mergeRequestQuery(options: MergeRequestListOptions): QueryParams {
  return { order_by: 'updated_at', sort: 'asc', updated_after: options.updatedAfter, state: options.state };
}
