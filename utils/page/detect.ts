/**
 * Which GitLab page is this? Pure predicates over a URL (refined-github / github-url-detection
 * style), plus `detectPage` that adds what `body[data-*]` says. Routes are GitLab's own
 * (config/routes/project.rb, ee/config/routes/group.rb, the work_items Vue router and
 * work_items/constants.js for `?show=`); each predicate has its own table of URLs in
 * test/unit/page/detect.test.ts that must match it and nothing else.
 *
 * GitLab may live under a relative URL root (https://example.com/gitlab/...): callers pass the
 * path below that root, see `pathBelowRoot`.
 */

export type PageKind = 'issue' | 'epic' | 'board' | 'issue-list' | 'other';

export interface PageInfo {
  kind: PageKind;
  /** Full path of the project (`group/sub/project`) on project pages. */
  projectPath?: string;
  /** Full path of the group on group pages. */
  groupPath?: string;
  /** Issue or epic iid from the URL. */
  iid?: number;
  boardId?: number;
  /** Numeric project id from `body[data-project-id]`, when it belongs to this URL's project. */
  projectId?: number;
  /** `?show=` drawer parameter (DOM.md §7): an issue opened in a drawer on a board or list. */
  drawer: string | null;
  /**
   * `body[data-page]`, e.g. `projects:issues:show`. Informational only: the same page can carry
   * different names (an issue at `/-/issues/<iid>` says `projects:issues:show`, or
   * `projects:work_items:show` when the work items controller serves it, seen on GitLab 18.1), so
   * the kind always comes from the URL.
   */
  dataPage?: string;
  /** A group's epic board: its cards are epics (`group&iid`). */
  epicBoard?: boolean;
  /**
   * An epic-kind page at `/groups/<g>/-/work_items/<iid>`: on GitLab 18.x that URL also serves
   * group-level issues and tasks, so its type must be confirmed before an epic overlay is chosen.
   */
  groupWorkItem?: boolean;
}

// A namespace path: one or more segments, never starting with the reserved `groups` route.
const PROJECT = '(?!groups/)((?:[^/]+/)+[^/]+)';
const GROUP = 'groups/((?:[^/]+/)*[^/]+)';

const issueRoute = new RegExp(`^/${PROJECT}/-/(?:issues|work_items)/(\\d+)/?$`);
const epicRoute = new RegExp(`^/${GROUP}/-/(epics|work_items)/(\\d+)/?$`);
const projectBoardRoute = new RegExp(`^/${PROJECT}/-/boards(?:/(\\d+))?/?$`);
const groupBoardRoute = new RegExp(`^/${GROUP}/-/boards(?:/(\\d+))?/?$`);
// ee/config/routes/group.rb `resources :epic_boards`.
const epicBoardRoute = new RegExp(`^/${GROUP}/-/epic_boards(?:/(\\d+))?/?$`);
const projectIssueListRoute = new RegExp(`^/${PROJECT}/-/(?:issues|work_items)/?$`);
const groupIssueListRoute = new RegExp(`^/${GROUP}/-/(?:issues|work_items|epics)/?$`);

/** `/-/issues/<iid>` (legacy or work-item view: same URL) and `/-/work_items/<iid>`. */
export const isIssue = (path: string): boolean => issueRoute.test(path);
/** Epics as work items and legacy epics: `/groups/<g>/-/epics/<iid>`, `/groups/<g>/-/work_items/<iid>`. */
export const isEpic = (path: string): boolean => epicRoute.test(path);
export const isProjectBoard = (path: string): boolean => projectBoardRoute.test(path);
export const isGroupBoard = (path: string): boolean => groupBoardRoute.test(path);
export const isEpicBoard = (path: string): boolean => epicBoardRoute.test(path);
/** Issue and work-item lists, where an issue can open in a `?show=` drawer. */
export const isIssueList = (path: string): boolean =>
  projectIssueListRoute.test(path) || groupIssueListRoute.test(path);

/** The path below GitLab's relative URL root, or null when the URL is outside that GitLab. */
export function pathBelowRoot(url: URL, gitlabBase: URL | null): string | null {
  if (!gitlabBase) return url.pathname;
  if (url.origin !== gitlabBase.origin) return null;
  const root = gitlabBase.pathname.replace(/\/+$/, '');
  if (!root) return url.pathname;
  if (url.pathname === root) return '/';
  return url.pathname.startsWith(`${root}/`) ? url.pathname.slice(root.length) : null;
}

export interface BodyData {
  page?: string;
  projectId?: string;
  projectFullPath?: string;
  project?: string;
  group?: string;
  groupFullPath?: string;
}

export function detectPage(url: URL, body: BodyData, gitlabBase: URL | null = null): PageInfo {
  const drawer = url.searchParams.get('show');
  const path = pathBelowRoot(url, gitlabBase);
  // Every GitLab page carries body[data-page] (DOM.md §2); without it this is not GitLab. Its
  // value does not decide the kind: `/-/issues/<iid>` is an issue whether the body says
  // `projects:issues:show` or `projects:work_items:show` (GitLab 18.1, whose body then has no
  // `data-page-type-id` either), and `/-/work_items/<iid>` likewise.
  if (path === null || !body.page) return { kind: 'other', drawer: null };
  const base = { drawer, dataPage: body.page };
  const projectId = (projectPath: string): { projectId?: number } => {
    const id = Number(body.projectId);
    // After client-side navigation body data can lag behind the URL: trust it only when it
    // names the same project.
    return body.projectFullPath === projectPath && Number.isInteger(id) && id > 0 ? { projectId: id } : {};
  };

  let m = issueRoute.exec(path);
  if (m) return { kind: 'issue', projectPath: m[1], iid: Number(m[2]), ...projectId(m[1]!), ...base };
  m = epicRoute.exec(path);
  if (m) return { kind: 'epic', groupPath: m[1], iid: Number(m[3]), ...(m[2] === 'work_items' ? { groupWorkItem: true } : {}), ...base };
  m = projectBoardRoute.exec(path);
  if (m) return { kind: 'board', projectPath: m[1], ...boardId(m[2]), ...projectId(m[1]!), ...base };
  m = groupBoardRoute.exec(path);
  if (m) return { kind: 'board', groupPath: m[1], ...boardId(m[2]), ...base };
  m = epicBoardRoute.exec(path);
  if (m) return { kind: 'board', groupPath: m[1], epicBoard: true, ...boardId(m[2]), ...base };
  m = projectIssueListRoute.exec(path);
  if (m) return { kind: 'issue-list', projectPath: m[1], ...projectId(m[1]!), ...base };
  m = groupIssueListRoute.exec(path);
  if (m) return { kind: 'issue-list', groupPath: m[1], ...base };
  return { kind: 'other', ...base };
}

function boardId(raw: string | undefined): { boardId?: number } {
  return raw ? { boardId: Number(raw) } : {};
}

/** Reads the `body[data-*]` attributes detection uses (DOM.md §2). */
export function readBodyData(body: HTMLElement | null): BodyData {
  const d = body?.dataset ?? {};
  return {
    page: d.page,
    projectId: d.projectId,
    projectFullPath: d.projectFullPath,
    project: d.project,
    group: d.group,
    groupFullPath: d.groupFullPath,
  };
}

/** Legacy and work-item issue views share one URL (DOM.md §1, §7): only the DOM tells them apart. */
export type IssueView = 'legacy' | 'work-item';
