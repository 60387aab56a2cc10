// Why gitbeaker is used this way: single-object reads and the writes go through gitbeaker's
// resources (Users, Projects, Issues, ...) built with our own `requesterFn`, so they share one
// transport (transport.ts) with everything else. Lists do not use gitbeaker's `.all()`: it
// buffers every page before returning and hides the Link header, so sync could not store a page
// and advance its cursor before the next request, and keyset cursors (`cursor=` links) would be
// lost. Lists are therefore fetched page by page by paginate.ts, on the same transport. gitbeaker
// accepts an async `token` function, but that only authenticates gitbeaker's own requests; the
// transport reads the token itself, fresh on every attempt, for both paths.

import { Epics, Issues, Groups, PersonalAccessTokens, Projects, Users } from '@gitbeaker/rest';
import type { z } from 'zod';
import { GitLabError } from './errors';
import { transportRequesterFn } from './gitbeaker-requester';
import { normaliseBaseUrl } from './base-url';
import {
  encode,
  issueQuery,
  mergeRequestQuery,
  scopePath,
  type GitLabScope,
  type IssueListOptions,
  type MergeRequestListOptions,
} from './list-options';
import { fetchPages, type KeysetSupport, type Page } from './paginate';
import { parseOne } from './parse-list';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import * as schemas from './schemas';
import { GitLabTransport, type QueryParams } from './transport';

export type { GitLabScope, IssueListOptions, MergeRequestListOptions };
export { normaliseBaseUrl };

export interface GitLabClientOptions {
  /** Address the user opens GitLab at, e.g. https://gitlab.com or https://host/gitlab. */
  baseUrl: string;
  getToken: () => Promise<string>;
  fetch?: typeof fetch;
  /** Requests in flight at once, across all calls of this client (default 4). */
  concurrency?: number;
  /** Per-request timeout, body included (default 20 s). */
  timeoutMs?: number;
  maxRetries?: number;
  /** Longest Retry-After/backoff wait accepted before giving up with `rate-limited` (default 60 s). */
  maxRetryDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export type Pages<T> = AsyncGenerator<Page<T>, void, undefined>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class GitLabClient {
  readonly baseUrl: string;
  private readonly transport: GitLabTransport;
  /** Learnt from the first project issue list; reset when the worker restarts (costs ≤ 1 request). */
  private readonly issueKeyset: KeysetSupport = { state: 'unknown' };
  private tokenScopes: readonly string[] | undefined;
  private readonly gitbeaker;

  constructor(options: GitLabClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.transport = new GitLabTransport({
      baseUrl: this.baseUrl,
      getToken: options.getToken,
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      concurrency: options.concurrency ?? 4,
      timeoutMs: options.timeoutMs ?? 20_000,
      retry: {
        ...DEFAULT_RETRY_POLICY,
        ...(options.maxRetries === undefined ? {} : { maxRetries: options.maxRetries }),
        ...(options.maxRetryDelayMs === undefined ? {} : { maxRetryDelayMs: options.maxRetryDelayMs }),
        ...(options.random ? { random: options.random } : {}),
      },
      sleep: options.sleep ?? defaultSleep,
      now: options.now ?? Date.now,
      tokenScopes: () => this.tokenScopes,
    });
    const resourceOptions = {
      host: this.baseUrl,
      requesterFn: transportRequesterFn(this.transport),
      queryTimeout: null, // the transport applies timeoutMs to every attempt
    };
    this.gitbeaker = {
      users: new Users(resourceOptions),
      tokens: new PersonalAccessTokens(resourceOptions),
      projects: new Projects(resourceOptions),
      groups: new Groups(resourceOptions),
      issues: new Issues(resourceOptions),
      epics: new Epics(resourceOptions),
    };
  }

  /**
   * Cancels every request in flight or queued and refuses new ones (TransportClosedError): the
   * GitLab URL or token changed, and nothing meant for this GitLab may go out after that.
   */
  close(): void {
    this.transport.close();
  }

  get closed(): boolean {
    return this.transport.closed;
  }

  async getCurrentUser(): Promise<schemas.GitLabUser> {
    return parseOne(schemas.userSchema, await this.gitbeaker.users.showCurrentUser(), 'current user');
  }

  /** `GET /personal_access_tokens/self`: scopes, expiry, active. Remembered for 403 hints. */
  async getTokenInfo(): Promise<schemas.GitLabTokenInfo> {
    const info = parseOne(schemas.tokenInfoSchema, await this.gitbeaker.tokens.show(), 'token');
    this.tokenScopes = info.scopes;
    return info;
  }

  async getProject(idOrPath: number | string): Promise<schemas.GitLabProject> {
    return parseOne(schemas.projectSchema, await this.gitbeaker.projects.show(idOrPath), `project ${idOrPath}`);
  }

  async getGroup(idOrPath: number | string): Promise<schemas.GitLabGroup> {
    return parseOne(schemas.groupSchema, await this.gitbeaker.groups.show(idOrPath), `group ${idOrPath}`);
  }

  async getIssue(projectId: number | string, issueIid: number): Promise<schemas.GitLabIssue> {
    const body = await this.gitbeaker.issues.show(issueIid, { projectId });
    return parseOne(schemas.issueSchema, body, `issue ${projectId}#${issueIid}`);
  }

  /**
   * `PUT /projects/:id/issues/:iid` with `assignee_ids` (Suggested DRI's Assign). A write: needs
   * the `api` scope; only ever sent from the background after a click in our own UI.
   */
  async setIssueAssignees(projectId: number, issueIid: number, assigneeIds: readonly number[]): Promise<schemas.GitLabIssue> {
    const url = this.transport.url(`projects/${encode(projectId)}/issues/${issueIid}`, {});
    const response = await this.transport.send({ method: 'PUT', url, body: { assignee_ids: [...assigneeIds] } });
    return parseOne(schemas.issueSchema, response.body, `issue ${projectId}#${issueIid}`);
  }

  /**
   * `POST /projects/:id/issues` (survey suggestions). A write: `api` scope, sent only by the
   * background's outbox; never retried blindly (the transport retries no POST), since a lost
   * answer may hide a created issue: the outbox looks it up first.
   */
  async createIssue(projectId: number | string, issue: { title: string; description: string; labels: readonly string[] }): Promise<schemas.GitLabIssue> {
    const url = this.transport.url(`projects/${encode(projectId)}/issues`, {});
    const response = await this.transport.send({ method: 'POST', url, body: { title: issue.title, description: issue.description, labels: issue.labels.join(',') } });
    return parseOne(schemas.issueSchema, response.body, `new issue in ${projectId}`);
  }

  /** The files an MR changed (GitLab 15.7+): CODEOWNERS evidence for Suggested DRI. */
  listMergeRequestDiffs(projectId: number, mergeRequestIid: number): Pages<schemas.GitLabMergeRequestDiff> {
    return this.list(schemas.mergeRequestDiffSchema, `projects/${encode(projectId)}/merge_requests/${mergeRequestIid}/diffs`, {}, `diffs of !${mergeRequestIid}`);
  }

  /** Keyset pagination where supported (GitLab ≥ 18.3), offset otherwise (gitlab/API.md). */
  listProjectIssues(projectId: number | string, options: IssueListOptions = {}): Pages<schemas.GitLabIssue> {
    return fetchPages(this.transport, {
      schema: schemas.issueSchema,
      path: `projects/${encode(projectId)}/issues`,
      query: issueQuery(options),
      context: `issues of project ${projectId}`,
      keyset: this.issueKeyset,
    });
  }

  /**
   * How many issues or merge requests GitLab lists for the project, all states (the X-Total
   * header of a one-item page); null when GitLab does not say (it omits totals above 10,000).
   */
  async countProjectItems(projectId: number | string, kind: 'issues' | 'merge_requests'): Promise<number | null> {
    const query = kind === 'issues' ? issueQuery({ state: 'all' }) : mergeRequestQuery({ state: 'all' });
    const url = this.transport.url(`projects/${encode(projectId)}/${kind}`, { ...query, per_page: 1 });
    const response = await this.transport.send({ method: 'GET', url });
    const total = Number(response.headers.get('x-total'));
    return response.headers.has('x-total') && Number.isInteger(total) && total >= 0 ? total : null;
  }

  listGroupIssues(groupId: number | string, options: IssueListOptions = {}): Pages<schemas.GitLabIssue> {
    const path = `groups/${encode(groupId)}/issues`;
    return this.list(schemas.issueSchema, path, issueQuery(options), `issues of group ${groupId}`);
  }

  /**
   * The first page (up to 100) of a project's or group's issues, most upvoted first, and whether
   * there are more. Offset pagination: keyset cannot order by popularity.
   */
  async mostUpvotedIssues(scope: GitLabScope, options: Pick<IssueListOptions, 'labels' | 'state'>): Promise<{ items: schemas.GitLabIssue[]; more: boolean }> {
    const pages = this.list(schemas.issueSchema, `${scopePath(scope)}/issues`, issueQuery({ ...options, orderBy: 'popularity', sort: 'desc' }), `issues of ${scope.kind} ${scope.id}`);
    const first = await pages.next();
    await pages.return();
    return first.done ? { items: [], more: false } : { items: first.value.items, more: first.value.nextUrl !== null };
  }

  listProjectMergeRequests(projectId: number | string, options: MergeRequestListOptions = {}): Pages<schemas.GitLabMergeRequest> {
    const path = `projects/${encode(projectId)}/merge_requests`;
    return this.list(schemas.mergeRequestSchema, path, mergeRequestQuery(options), `merge requests of project ${projectId}`);
  }

  listGroupMergeRequests(groupId: number | string, options: MergeRequestListOptions = {}): Pages<schemas.GitLabMergeRequest> {
    const path = `groups/${encode(groupId)}/merge_requests`;
    return this.list(schemas.mergeRequestSchema, path, mergeRequestQuery(options), `merge requests of group ${groupId}`);
  }

  /** `/members/all` includes inherited and invited members (members.md). */
  listMembersAll(scope: GitLabScope): Pages<schemas.GitLabMember> {
    return this.list(schemas.memberSchema, `${scopePath(scope)}/members/all`, {}, `members of ${scope.kind} ${scope.id}`);
  }

  /** `updated_after` exists since GitLab 15.10; older versions ignore it and list everything. */
  listMilestones(scope: GitLabScope, options: { updatedAfter?: string } = {}): Pages<schemas.GitLabMilestone> {
    const query = { updated_after: options.updatedAfter };
    return this.list(schemas.milestoneSchema, `${scopePath(scope)}/milestones`, query, `milestones of ${scope.kind} ${scope.id}`);
  }

  /** Boards with their label (and on Premium assignee/milestone/iteration) lists; Open and Closed are not listed (boards.md). */
  listProjectBoards(projectId: number | string): Pages<schemas.GitLabBoard> {
    return this.list(schemas.boardSchema, `projects/${encode(projectId)}/boards`, {}, `boards of project ${projectId}`);
  }

  /** Group boards (group_boards.md); Free has one per group, Premium several. */
  listGroupBoards(groupId: number | string): Pages<schemas.GitLabBoard> {
    return this.list(schemas.boardSchema, `groups/${encode(groupId)}/boards`, {}, `boards of group ${groupId}`);
  }

  /**
   * One epic by iid; 404 when the group's work item of that iid is no epic (18.x group-level
   * issues and tasks share the iid sequence), 403 without epics (Free).
   */
  async getGroupEpic(groupId: number | string, epicIid: number): Promise<schemas.GitLabEpic> {
    return parseOne(schemas.epicSchema, await this.gitbeaker.epics.show(groupId, epicIid), `epic ${groupId}&${epicIid}`);
  }

  /** Premium+; a 403 on Free. The epics API is deprecated since 17.0 but still served (epics.md). */
  listGroupEpics(groupId: number | string, options: { updatedAfter?: string } = {}): Pages<schemas.GitLabEpic> {
    const query = { order_by: 'updated_at', sort: 'asc', updated_after: options.updatedAfter };
    return this.list(schemas.epicSchema, `groups/${encode(groupId)}/epics`, query, `epics of group ${groupId}`);
  }

  /**
   * A file's text at `ref`, or null if it does not exist there. Sent on the transport directly
   * rather than gitbeaker's showRaw, which would JSON-parse a file GitLab serves as JSON.
   */
  async getRawFile(projectId: number | string, filePath: string, ref: string): Promise<string | null> {
    const url = this.transport.url(`projects/${encode(projectId)}/repository/files/${encodeURIComponent(filePath)}/raw`, { ref });
    try {
      const response = await this.transport.send({ method: 'GET', url, responseType: 'text' });
      return typeof response.body === 'string' ? response.body : null;
    } catch (error) {
      // "404 File Not Found" / "404 Commit Not Found" mean no file; "404 Project Not Found" does not.
      const missingFile =
        error instanceof GitLabError && error.detail.kind === 'not-found' && !/project/i.test(error.detail.gitlabMessage ?? '');
      if (missingFile) return null;
      throw error;
    }
  }

  private list<S extends z.ZodType>(schema: S, path: string, query: QueryParams, context: string): Pages<z.output<S>> {
    return fetchPages(this.transport, { schema, path, query, context });
  }
}
