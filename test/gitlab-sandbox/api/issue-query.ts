// Filters and ordering of the issue lists (doc/api/issues.md "List project issues").

import type { Dataset } from '../dataset.ts';
import { isoDate, parseTimeParam } from '../dates.ts';
import { ApiError, invalidParam, type ApiRequest } from '../http.ts';
import { compareKeys, type SortKey } from '../pagination.ts';
import type { Issue } from '../types.ts';
import { issueSearchPredicate } from './issue-search.ts';

export const ISSUE_ORDER_BY = ['created_at', 'updated_at', 'priority', 'due_date', 'relative_position', 'label_priority', 'milestone_due', 'popularity', 'weight', 'title', 'id'] as const;
export type IssueOrderBy = (typeof ISSUE_ORDER_BY)[number];
/** Orders project issues support with pagination=keyset (GitLab 18.3+). */
export const KEYSET_ISSUE_ORDER_BY: readonly IssueOrderBy[] = ['created_at', 'updated_at', 'title', 'id', 'weight', 'due_date', 'relative_position'];

export interface IssueOrder {
  orderBy: IssueOrderBy;
  direction: 'asc' | 'desc';
  keyOf: (issue: Issue) => SortKey;
}

export function issueOrder(req: ApiRequest): IssueOrder {
  const orderBy = req.params.oneOf('order_by', ISSUE_ORDER_BY, 'created_at');
  const direction = req.params.oneOf('sort', ['asc', 'desc'] as const, 'desc');
  const data = req.data;
  const keyOf = ((): ((issue: Issue) => SortKey) => {
    switch (orderBy) {
      case 'updated_at':
        return (issue) => issue.updated_at;
      case 'due_date':
        return (issue) => issue.due_date;
      case 'relative_position':
        return (issue) => issue.relative_position;
      case 'popularity':
        return (issue) => issue.upvotes;
      case 'weight':
        return (issue) => issue.weight;
      case 'title':
        return (issue) => issue.title.toLowerCase();
      case 'id':
        return (issue) => issue.id;
      case 'priority':
      case 'milestone_due':
        return (issue) => data.milestone(issue.milestone_id)?.due_date ?? null;
      default:
        return (issue) => issue.created_at;
    }
  })();
  return { orderBy, direction, keyOf };
}

/** ISO string bound for lexicographic comparison with stored timestamps. */
function timeBound(req: ApiRequest, name: string): string | undefined {
  const value = req.params.get(name);
  if (value === undefined || value === '') return undefined;
  const ms = parseTimeParam(value);
  if (Number.isNaN(ms)) throw invalidParam(`${name} is invalid`);
  return new Date(ms).toISOString();
}

function userIdParam(req: ApiRequest, idName: string, usernameName: string): number | 'None' | 'Any' | undefined {
  const raw = req.params.get(idName);
  if (raw === 'None' || raw === 'Any') return raw;
  if (raw !== undefined && raw !== '') {
    if (!/^\d+$/.test(raw)) throw invalidParam(`${idName} is invalid`);
    return Number(raw);
  }
  const username = req.params.list(usernameName)[0];
  if (username === undefined) return undefined;
  return req.data.userByUsername(username)?.id ?? -1;
}

type Predicate = (issue: Issue) => boolean;

/** Builds the filter of a project or group issue list. */
export function issueFilter(req: ApiRequest): Predicate {
  const { params, data } = req;
  const checks: Predicate[] = [];
  const state = params.oneOf('state', ['opened', 'closed', 'all'] as const, 'all');
  if (state !== 'all') checks.push((issue) => issue.state === state);
  const iids = params.list('iids').map(Number);
  if (iids.length > 0) {
    const wanted = new Set(iids);
    checks.push((issue) => wanted.has(issue.iid));
  }
  const issueType = params.get('issue_type');
  if (issueType !== undefined) {
    params.oneOf('issue_type', ['issue', 'incident', 'test_case', 'task'] as const, 'issue');
    checks.push((issue) => issue.issue_type === issueType);
  }
  checks.push(...labelChecks(params.get('labels'), false), ...labelChecks(params.get('not[labels]'), true));
  const milestone = params.get('milestone');
  if (milestone !== undefined && milestone !== '') checks.push(milestoneCheck(data, milestone));
  const bounds: [string, (issue: Issue) => string, 1 | -1][] = [
    ['created_after', (issue) => issue.created_at, 1],
    ['created_before', (issue) => issue.created_at, -1],
    ['updated_after', (issue) => issue.updated_at, 1],
    ['updated_before', (issue) => issue.updated_at, -1],
  ];
  for (const [name, field, sign] of bounds) {
    const bound = timeBound(req, name);
    if (bound !== undefined) checks.push((issue) => (sign === 1 ? field(issue) >= bound : field(issue) <= bound));
  }
  const scope = params.oneOf('scope', ['created_by_me', 'assigned_to_me', 'all', 'created-by-me', 'assigned-to-me'] as const, 'all');
  if (scope !== 'all') {
    const me = req.auth?.user.id ?? -1;
    checks.push(scope.startsWith('created') ? (issue) => issue.author_id === me : (issue) => issue.assignee_ids.includes(me));
  }
  const author = userIdParam(req, 'author_id', 'author_username');
  if (typeof author === 'number') checks.push((issue) => issue.author_id === author);
  const assignee = userIdParam(req, 'assignee_id', 'assignee_username');
  if (assignee === 'None') checks.push((issue) => issue.assignee_ids.length === 0);
  else if (assignee === 'Any') checks.push((issue) => issue.assignee_ids.length > 0);
  else if (assignee !== undefined) checks.push((issue) => issue.assignee_ids.includes(assignee));
  const search = issueSearchPredicate(params.get('search'), params.get('in'), req.issueSearch);
  if (search) checks.push(search);
  const confidential = params.get('confidential');
  if (confidential !== undefined) checks.push((issue) => issue.confidential === (confidential === 'true'));
  const dueDate = params.get('due_date');
  if (dueDate !== undefined) checks.push(dueDateCheck(data, dueDate));
  return (issue) => checks.every((check) => check(issue));
}

function labelChecks(raw: string | undefined, negate: boolean): Predicate[] {
  if (raw === undefined || raw === '') return [];
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const lower = (issue: Issue): string[] => issue.labels.map((label) => label.toLowerCase());
  if (names.length === 1 && names[0] === 'none') return [(issue) => (issue.labels.length === 0) !== negate];
  if (names.length === 1 && names[0] === 'any') return [(issue) => (issue.labels.length > 0) !== negate];
  // labels: all must match; not[labels]: none of them may be present.
  return negate
    ? [(issue) => !names.some((name) => lower(issue).includes(name))]
    : [(issue) => names.every((name) => lower(issue).includes(name))];
}

function milestoneCheck(data: Dataset, value: string): Predicate {
  const today = isoDate(data.clock());
  switch (value.toLowerCase()) {
    case 'none':
      return (issue) => issue.milestone_id === null;
    case 'any':
      return (issue) => issue.milestone_id !== null;
    case 'started':
      return (issue) => {
        const milestone = data.milestone(issue.milestone_id);
        return !!milestone?.start_date && milestone.start_date <= today && milestone.state === 'active';
      };
    case 'upcoming':
      return (issue) => {
        const milestone = data.milestone(issue.milestone_id);
        return !!milestone?.due_date && milestone.due_date > today;
      };
    default:
      return (issue) => data.milestone(issue.milestone_id)?.title === value;
  }
}

function dueDateCheck(data: Dataset, value: string): Predicate {
  const today = isoDate(data.clock());
  switch (value) {
    case '0':
      return (issue) => issue.due_date === null;
    case 'any':
      return (issue) => issue.due_date !== null;
    case 'today':
      return (issue) => issue.due_date === today;
    case 'overdue':
      return (issue) => issue.due_date !== null && issue.due_date < today && issue.state === 'opened';
    default:
      throw invalidParam('due_date does not have a valid value');
  }
}

const listCache = new WeakMap<Dataset, Map<string, { version: number; items: Issue[] }>>();
/** Below this size lists are recomputed on every request (always fresh, even without touch()). */
const CACHE_THRESHOLD = 2_000;

/** Filtered and ordered issues; large lists are cached per dataset version for fast paging. */
export function queryIssues(req: ApiRequest, sourceKey: string, source: () => Issue[]): { items: Issue[]; order: IssueOrder } {
  const order = issueOrder(req);
  const filter = issueFilter(req);
  const query = [...req.url.searchParams].filter(([name]) => !['page', 'per_page', 'cursor', 'pagination'].includes(name));
  const key = `${sourceKey}|${req.auth?.user.id ?? 0}|${req.issueSearch}|${JSON.stringify(query)}`;
  const cache = listCache.get(req.data) ?? new Map();
  listCache.set(req.data, cache);
  const cached = cache.get(key);
  if (cached && cached.version === req.data.version) return { items: cached.items, order };
  const all = source();
  const items = all.filter(filter);
  items.sort((a, b) => compareKeys(order.keyOf(a), a.id, order.keyOf(b), b.id, order.direction));
  if (all.length >= CACHE_THRESHOLD) {
    if (cache.size > 16) cache.clear();
    cache.set(key, { version: req.data.version, items });
  }
  return { items, order };
}

export function assertKeysetSupported(order: IssueOrder): void {
  if (!KEYSET_ISSUE_ORDER_BY.includes(order.orderBy)) {
    throw new ApiError(405, { error: 'Keyset pagination is not yet available for this type of request' });
  }
}
