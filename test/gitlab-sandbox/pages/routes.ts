// HTML page routes (GitLab URL patterns from DOM.md §1) and the fragments the client script fetches:
// ?sandbox_fragment=drawer (work item drawer), =cards / =card (board infinite scroll and moves).

import { boardColumns, ensureIssueCount, type BoardColumn } from '../boards.ts';
import type { Controls } from '../controls.ts';
import type { Dataset } from '../dataset.ts';
import type { Board, Group, GroupWorkItem, Project } from '../types.ts';
import { boardCard, boardPage, cardList, epicBoardPage } from './board.ts';
import { pageContext, type PageContext } from './context.ts';
import { html } from './html.ts';
import { renderPage, type Crumb } from './layout.ts';
import { legacyEpicPage, legacyIssuePage } from './legacy.ts';
import { epicModel, issueModel, type WorkItemModel } from './models.ts';
import { issueListPage, landingPage, mergeRequestPage } from './simple.ts';
import { workItemDrawer, workItemPage } from './work-item.ts';

export interface PageResponse {
  status: number;
  body: string;
  contentType: string;
  headers?: Record<string, string>;
}

const HTML = 'text/html; charset=utf-8';
const ok = (body: string): PageResponse => ({ status: 200, body, contentType: HTML });

function notFoundPage(ctx: PageContext): PageResponse {
  const body = renderPage(ctx, { title: 'Not Found', page: 'errors:not_found', crumbs: [], content: html`<h1 class="gl-heading-1">404: Page not found</h1><p>Make sure the address is correct and the page has not moved.</p>` });
  return { status: 404, body, contentType: HTML };
}

const groupCrumbs = (group: Group): Crumb[] => [{ text: group.name, href: `/groups/${group.full_path}/-/epics/1` }];
const projectCrumbs = (data: Dataset, project: Project): Crumb[] => {
  const group = data.groupOf(project);
  return [...(group ? groupCrumbs(group) : []), { text: project.name, href: `/${project.path_with_namespace}/-/issues` }];
};

function drawerOrPage(ctx: PageContext, model: WorkItemModel, page: () => string): PageResponse {
  if (ctx.url.searchParams.get('sandbox_fragment') === 'drawer') return ok(workItemDrawer(ctx, model).value);
  return ok(page());
}

function issueRoute(ctx: PageContext, projectPath: string, iid: number, workItemsRoute: boolean): PageResponse {
  const project = ctx.data.project(projectPath);
  const issue = project ? ctx.data.issue(project.id, iid) : undefined;
  if (!project || !issue) return notFoundPage(ctx);
  const model = issueModel(ctx.data, project, issue);
  // IssuesController#show: incidents (and Service Desk issues) always render the legacy page.
  const legacy = !workItemsRoute && (issue.issue_type === 'incident' || ctx.issueView === 'legacy');
  return drawerOrPage(ctx, model, () =>
    renderPage(ctx, {
      title: `${issue.title} (#${issue.iid})`,
      page: workItemsRoute ? 'projects:work_items:show' : 'projects:issues:show',
      pageTypeId: iid,
      project,
      crumbs: [...projectCrumbs(ctx.data, project), { text: workItemsRoute ? 'Work items' : 'Issues', href: `/${project.path_with_namespace}/-/issues` }, { text: `#${iid}`, href: model.webPath }],
      content: legacy ? legacyIssuePage(ctx, model) : workItemPage(ctx, model, model.kind),
      config: { view: legacy ? 'legacy' : 'work_item' },
    }),
  );
}

function epicRoute(ctx: PageContext, groupPath: string, kind: string, iid: number): PageResponse {
  const group = ctx.data.group(groupPath);
  const epic = group ? ctx.data.epicByIid(group.id, iid) : undefined;
  const other = group && !epic && kind === 'work_items' ? ctx.data.groupWorkItem(group.id, iid) : undefined;
  if (group && other) return groupWorkItemRoute(ctx, group, other);
  if (!group || !epic) return notFoundPage(ctx);
  const model = epicModel(ctx.data, group, epic);
  const legacy = kind === 'epics' && ctx.url.searchParams.get('force_legacy_view') === 'true';
  return drawerOrPage(ctx, model, () =>
    renderPage(ctx, {
      title: `${epic.title} (&${epic.iid})`,
      page: kind === 'epics' ? 'groups:epics:show' : 'groups:work_items:show',
      pageTypeId: iid,
      group,
      crumbs: [...groupCrumbs(group), { text: 'Epics', href: `/groups/${group.full_path}/-/epics/1` }, { text: `&${iid}`, href: model.webPath }],
      content: legacy ? legacyEpicPage(ctx, model) : workItemPage(ctx, model, 'Epic'),
      config: { view: legacy ? 'legacy' : 'work_item' },
    }),
  );
}

/** A group-level issue or task (18.x): the same work item page, typed by what it is. */
function groupWorkItemRoute(ctx: PageContext, group: Group, item: GroupWorkItem): PageResponse {
  const webPath = `/groups/${group.full_path}/-/work_items/${item.iid}`;
  const model: WorkItemModel = {
    kind: item.type,
    id: item.id,
    iid: item.iid,
    title: item.title,
    description: item.description,
    state: item.state,
    author: ctx.data.user(item.author_id),
    createdAt: item.created_at,
    assignees: [],
    labels: item.labels,
    weight: null,
    milestone: undefined,
    startDate: null,
    dueDate: null,
    parent: undefined,
    children: [],
    mergeRequests: [],
    reference: `${group.full_path}#${item.iid}`,
    webPath,
    fullPath: group.full_path,
    timeEstimate: 0,
    timeSpent: 0,
  };
  return drawerOrPage(ctx, model, () => renderPage(ctx, {
    title: `${item.title} (#${item.iid})`,
    page: 'groups:work_items:show',
    pageTypeId: item.iid,
    group,
    crumbs: [...groupCrumbs(group), { text: 'Work items', href: `/groups/${group.full_path}/-/work_items` }, { text: `#${item.iid}`, href: webPath }],
    content: workItemPage(ctx, model, item.type),
    config: { view: 'work_item' },
  }));
}

function boardRoute(ctx: PageContext, owner: { project?: Project; group?: Group }, boardId: number | null): PageResponse {
  const { data, url } = ctx;
  const boards = data.boards.filter((board) => (owner.project ? board.project_id === owner.project.id : board.group_id === owner.group?.id));
  const board: Board | undefined = boardId === null ? boards[0] : boards.find((candidate) => candidate.id === boardId);
  if (!board) return notFoundPage(ctx);
  const requested = Number(url.searchParams.get('sandbox_cards') ?? '') || undefined;
  const target = requested ?? board.card_target ?? undefined;
  const fillProject = owner.project ?? (owner.group ? data.projectsOfGroup(owner.group.id)[0] : undefined);
  if (target !== undefined && fillProject) {
    const others = data.issues.length - data.issuesOf(fillProject.id).length;
    ensureIssueCount(data, fillProject, owner.project ? target : target - others);
  }
  const fragment = url.searchParams.get('sandbox_fragment');
  // A single re-rendered card (after a move) must be found even where the card cap trims the list.
  const columns = boardColumns(data, board, fragment === 'card' ? undefined : target);
  const pageSize = Number(url.searchParams.get('sandbox_page_size') ?? '') || board.page_size;
  if (fragment === 'cards' || fragment === 'card') return boardFragment(ctx, board, columns, fragment, pageSize);
  const fullPath = owner.project?.path_with_namespace ?? owner.group?.full_path ?? '';
  const kind = owner.project ? 'projects' : 'groups';
  return ok(
    renderPage(ctx, {
      title: `${board.name} · Issue boards`,
      page: `${kind}:boards:${boardId === null ? 'index' : 'show'}`,
      pageTypeId: boardId ?? undefined,
      project: owner.project,
      group: owner.group,
      crumbs: [...(owner.project ? projectCrumbs(data, owner.project) : owner.group ? groupCrumbs(owner.group) : []), { text: 'Issue boards', href: url.pathname }],
      content: boardPage(ctx, board, columns, pageSize, fullPath),
      config: { boardId: board.id, pageSize, workItemDrawer: true },
      workItemsView: true,
    }),
  );
}

function boardFragment(ctx: PageContext, board: Board, columns: BoardColumn[], fragment: string, pageSize: number): PageResponse {
  const params = ctx.url.searchParams;
  const listId = Number((params.get('list') ?? '').replace('gid://gitlab/List/', ''));
  const column = columns.find((candidate) => candidate.list.id === listId);
  if (!column) return { status: 404, body: '', contentType: HTML };
  if (fragment === 'card') {
    const issue = column.issues.find((candidate) => candidate.id === Number(params.get('issue')));
    return issue ? ok(`<ul>${boardCard(ctx, board, column, issue).value}</ul>`) : { status: 404, body: '', contentType: HTML };
  }
  const offset = Math.max(0, Number(params.get('offset') ?? '0') || 0);
  const limit = Number(params.get('limit') ?? '') || pageSize;
  return ok(`<ul data-total="${column.issues.length}">${cardList(ctx, board, column, offset, limit).value}</ul>`);
}

export function handlePage(data: Dataset, controls: Controls, url: URL): PageResponse {
  const ctx = pageContext(data, controls, url);
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '') || '/';
  let match: RegExpExecArray | null;
  if (path === '/') return ok(renderPage(ctx, { title: 'Sandbox', page: 'root:index', crumbs: [], content: landingPage(ctx) }));
  if ((match = /^\/groups\/(.+?)\/-\/(epics|work_items)\/(\d+)$/.exec(path))) return epicRoute(ctx, match[1] ?? '', match[2] ?? '', Number(match[3]));
  if ((match = /^\/groups\/(.+?)\/-\/epic_boards(?:\/(\d+))?$/.exec(path))) {
    const group = data.group(match[1] ?? '');
    if (!group) return notFoundPage(ctx);
    const boardId = match[2] ? Number(match[2]) : 1;
    return ok(
      renderPage(ctx, {
        title: 'Epic boards',
        page: `groups:epic_boards:${match[2] ? 'show' : 'index'}`,
        pageTypeId: boardId,
        group,
        crumbs: [...groupCrumbs(group), { text: 'Epic boards', href: url.pathname }],
        content: epicBoardPage(ctx, group, boardId),
        config: { boardId },
      }),
    );
  }
  if ((match = /^\/groups\/(.+?)\/-\/boards(?:\/(\d+))?$/.exec(path))) {
    const group = data.group(match[1] ?? '');
    return group ? boardRoute(ctx, { group }, match[2] ? Number(match[2]) : null) : notFoundPage(ctx);
  }
  if ((match = /^\/(.+?)\/-\/issues\/(?:incident\/)?(\d+)$/.exec(path))) return issueRoute(ctx, match[1] ?? '', Number(match[2]), false);
  if ((match = /^\/(.+?)\/-\/work_items\/(\d+)$/.exec(path))) return issueRoute(ctx, match[1] ?? '', Number(match[2]), true);
  if ((match = /^\/(.+?)\/-\/boards(?:\/(\d+))?$/.exec(path))) {
    const project = data.project(match[1] ?? '');
    return project ? boardRoute(ctx, { project }, match[2] ? Number(match[2]) : null) : notFoundPage(ctx);
  }
  if ((match = /^\/(.+?)\/-\/issues$/.exec(path))) {
    const project = data.project(match[1] ?? '');
    if (!project) return notFoundPage(ctx);
    return ok(renderPage(ctx, { title: `Issues · ${project.name}`, page: 'projects:issues:index', project, crumbs: projectCrumbs(data, project), content: issueListPage(ctx, project) }));
  }
  if ((match = /^\/(.+?)\/-\/merge_requests\/(\d+)$/.exec(path))) {
    const project = data.project(match[1] ?? '');
    const mr = project ? data.mergeRequest(project.id, Number(match[2])) : undefined;
    if (!project || !mr) return notFoundPage(ctx);
    return ok(renderPage(ctx, { title: mr.title, page: 'projects:merge_requests:show', pageTypeId: mr.iid, project, crumbs: projectCrumbs(data, project), content: mergeRequestPage(ctx, mr) }));
  }
  const project = data.project(path.slice(1));
  if (project) return { status: 302, body: '', contentType: HTML, headers: { Location: `/${project.path_with_namespace}/-/issues` } };
  return notFoundPage(ctx);
}
