// Issue board (board_app.vue > board_content.vue > board_column.vue > board_list.vue >
// board_card.vue / board_card_inner.vue). Lists show `pageSize` cards first; the client loads the
// rest on scroll from ?sandbox_fragment=cards, as GitLab's infinite scroll does.

import type { BoardColumn } from '../boards.ts';
import type { Board, Issue } from '../types.ts';
import { humanDuration } from '../api/serialize.ts';
import type { PageContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { issuePath } from './models.ts';
import { avatarLink, formatDate, icon, labelChip, labelChips } from './widgets.ts';

export const listGid = (listId: number): string => `gid://gitlab/List/${listId}`;

export function boardCard(ctx: PageContext, board: Board, column: BoardColumn, issue: Issue): SafeHtml {
  const { data } = ctx;
  const project = data.project(issue.project_id);
  if (!project) return html``;
  const labels = issue.labels.filter((label) => label !== column.list.label);
  const assignees = issue.assignee_ids.map((id) => data.user(id)).filter((user) => user !== undefined);
  const shown = assignees.length <= 3 ? assignees : assignees.slice(0, 2);
  const milestone = data.milestone(issue.milestone_id);
  const groupBoard = board.group_id !== null;
  const premium = project.tier === 'premium';
  return html`<li class="board-card gl-relative gl-mb-3 gl-rounded-base gl-border gl-bg-default" data-testid="board-card" data-item-id="gid://gitlab/Issue/${issue.id}" data-item-iid="${issue.iid}" data-item-path="${project.path_with_namespace}#${issue.iid}">
<button type="button" class="board-card-button gl-block gl-w-full gl-border-0 gl-bg-transparent gl-text-left" data-testid="board-card-button">
<div class="gl-p-4">
  <div class="gl-flex" dir="auto"><h3 class="board-card-title gl-mb-0 gl-mt-0 gl-min-w-0 gl-break-words gl-text-base">${issue.confidential ? html`<span data-testid="confidential-icon" class="gl-mr-2" aria-label="Confidential">${icon('lock')}</span>` : ''}<a href="${issuePath(project, issue)}" title="${issue.title}" class="js-no-trigger-title gl-text-default" data-testid="board-card-title-link">${issue.title}</a></h3></div>
  ${labels.length > 0 ? html`<div class="board-card-labels gl-mt-2 gl-flex gl-flex-wrap">${labelChips(data, labels)}</div>` : ''}
  <div class="board-card-footer gl-mt-3 gl-flex gl-flex-wrap gl-items-end gl-justify-between gl-gap-y-3">
    <div class="board-card-number-container gl-flex gl-flex-wrap-reverse gl-items-start gl-overflow-hidden">
      <span class="board-info-items gl-inline-block gl-leading-20">
        <span class="board-card-number gl-mr-3 gl-text-sm gl-text-subtle">${groupBoard ? html`<span class="board-item-path gl-font-bold" title="${project.path_with_namespace}">${project.path}</span>` : ''}#${issue.iid}</span>
        <span>
          ${premium && issue.weight !== null ? html`<span class="board-card-info gl-mr-3 gl-text-sm gl-text-subtle" data-testid="issue-weight">${icon('weight')} <span class="board-card-info-text">${issue.weight}</span></span>` : ''}
          ${milestone ? html`<span class="gl-mr-3 gl-text-sm gl-text-subtle" data-testid="issue-milestone" title="${milestone.title}">${icon('clock')} ${milestone.title}</span>` : ''}
          ${issue.due_date ? html`<span><span class="board-card-info gl-mr-3 gl-text-sm" data-testid="issue-dueDate">${icon('calendar')} <time datetime="${issue.due_date}" class="board-card-info-text">${formatDate(issue.due_date)}</time></span></span>` : ''}
          ${issue.time_estimate > 0 ? html`<span class="board-card-info gl-mr-3 gl-text-sm gl-text-subtle" data-testid="issue-estimate">${icon('hourglass')} ${humanDuration(issue.time_estimate)}</span>` : ''}
        </span>
      </span>
    </div>
    <div class="gl-flex gl-flex-1 gl-flex-wrap gl-items-center gl-justify-end gl-gap-3">
      <div class="board-card-assignee gl-flex">${shown.map((user) => avatarLink(user, 24, 'js-no-trigger'))}${assignees.length > 3 ? html`<span class="avatar-counter gl-font-bold" title="${assignees.length - 2} more assignees">+${assignees.length - 2}</span>` : ''}</div>
    </div>
  </div>
</div>
</button>
</li>`;
}

export function cardList(ctx: PageContext, board: Board, column: BoardColumn, offset: number, limit: number): SafeHtml {
  return html`${column.issues.slice(offset, offset + limit).map((issue) => boardCard(ctx, board, column, issue))}`;
}

function countFooter(shown: number, total: number): SafeHtml {
  return html`<li class="board-list-count gl-py-4 gl-text-center gl-text-subtle" data-issue-id="-1" data-testid="board-list-count">${shown < total ? `Showing ${shown} of ${total} issues` : `Showing all ${total} issues`}</li>`;
}

function boardColumn(ctx: PageContext, board: Board, column: BoardColumn, pageSize: number): SafeHtml {
  const gid = listGid(column.list.id);
  const total = column.issues.length;
  const shown = Math.min(pageSize, total);
  const weight = column.issues.reduce((sum, issue) => sum + (ctx.data.project(issue.project_id)?.tier === 'premium' ? (issue.weight ?? 0) : 0), 0);
  const title =
    column.list.list_type === 'label' && column.list.label
      ? labelChip(ctx.data.labels.find((label) => label.name === column.list.label), column.list.label)
      : html`<span class="board-title-main-text gl-truncate" data-testid="board-list-title">${column.title}</span>`;
  return html`<div class="board-column gl-inline-flex gl-h-full gl-align-top is-draggable" data-list-id="${gid}" data-testid="board-list">
<div class="board is-expandable gl-relative gl-inline-block gl-h-full gl-whitespace-normal gl-px-3 gl-align-top">
<div class="gl-relative gl-flex gl-h-full gl-flex-col gl-rounded-base gl-bg-strong">
  <header class="board-header gl-relative" data-testid="board-list-header" data-list-type="${column.list.list_type}">
    <h2 class="board-title gl-m-0 gl-flex gl-h-9 gl-items-center gl-px-3 gl-text-base">
      <div class="board-title-text gl-grow gl-truncate">${title}</div>
      <div class="issue-count-badge gl-inline-flex gl-pr-2 gl-text-subtle" data-testid="issue-count-badge"><span class="gl-inline-flex gl-gap-3"><span data-testid="item-count">${total}</span>${board.group_id !== null || ctx.data.project(board.project_id ?? 0)?.tier === 'premium' ? html`<span data-testid="weight">${icon('weight')} ${weight}</span>` : ''}</span></div>
    </h2>
  </header>
  <div class="board-list-component gl-relative gl-flex gl-h-full gl-min-h-0 gl-flex-col" data-testid="board-list-cards-area">
    <ul class="board-list gl-mb-0 gl-h-full gl-w-full gl-list-none gl-overflow-y-auto gl-overflow-x-hidden gl-p-3 gl-pt-0" data-testid="tree-root-wrapper" data-board="${gid}" data-board-type="${column.list.list_type}" data-sandbox-total="${total}" data-sandbox-loaded="${shown}">
      ${cardList(ctx, board, column, 0, pageSize)}${countFooter(shown, total)}
    </ul>
  </div>
</div>
</div>
</div>`;
}

export function boardPage(ctx: PageContext, board: Board, columns: BoardColumn[], pageSize: number, fullPath: string): SafeHtml {
  const boards = ctx.data.boards.filter((candidate) => candidate.project_id === board.project_id && candidate.group_id === board.group_id);
  return html`<div id="js-issuable-board-app" data-board-id="${board.id}" data-full-path="${fullPath}" data-board-type="${board.group_id !== null ? 'group' : 'project'}">${lateUnlessStatic(ctx, html`<div class="boards-app gl-relative">
  <div class="issues-filters gl-flex gl-items-center gl-gap-3 gl-py-3">
    <div class="boards-switcher" data-testid="boards-selector"><button type="button" class="btn btn-default btn-md gl-button" data-testid="boards-dropdown">${board.name}</button>
      <span class="gl-ml-3 gl-text-sm">${boards.map((candidate) => html`<a href="${candidate.project_id !== null ? `/${fullPath}/-/boards/${candidate.id}` : `/groups/${fullPath}/-/boards/${candidate.id}`}" class="gl-mr-3" data-sandbox-spa>${candidate.name}</a>`)}</span></div>
    <input type="search" class="gl-form-input filtered-search" placeholder="Search or filter results…" aria-label="Search or filter results">
  </div>
  <div class="boards-list gl-flex gl-w-full gl-overflow-x-auto gl-whitespace-nowrap" data-testid="boards-list">
    ${columns.map((column) => boardColumn(ctx, board, column, pageSize))}
  </div>
</div>`)}</div>`;
}

/** The app mounted by script after the mount delay (GitLab's Vue app), or in the HTML (`sandbox_static=1`). */
function lateUnlessStatic(ctx: PageContext, app: SafeHtml): SafeHtml {
  return ctx.staticApp ? app : html`<template data-sandbox-late="app">${app}</template>`;
}

/**
 * An epic board (ee/app/assets/javascripts/boards, `/groups/<g>/-/epic_boards/<id>`): the same
 * board_app.vue > board_content.vue > board_list.vue > board_card.vue markup, with epics as cards
 * whose `data-item-path` is the epic's reference (`group&iid`). Two lists: Open and Closed.
 */
export function epicBoardPage(ctx: PageContext, group: { id: number; full_path: string }, boardId: number): SafeHtml {
  const epics = ctx.data.epics.filter((epic) => epic.group_id === group.id);
  const column = (title: string, listId: number, items: typeof epics) => html`<div class="board-column gl-inline-flex gl-h-full gl-align-top" data-list-id="gid://gitlab/Boards::EpicList/${listId}" data-testid="board-list">
<div class="board gl-relative gl-inline-block gl-h-full gl-whitespace-normal gl-px-3 gl-align-top">
<div class="gl-relative gl-flex gl-h-full gl-flex-col gl-rounded-base gl-bg-strong">
  <header class="board-header gl-relative" data-testid="board-list-header"><h2 class="board-title gl-m-0 gl-flex gl-h-9 gl-items-center gl-px-3 gl-text-base"><div class="board-title-text gl-grow gl-truncate"><span class="board-title-main-text gl-truncate" data-testid="board-list-title">${title}</span></div><div class="issue-count-badge gl-inline-flex gl-pr-2 gl-text-subtle"><span data-testid="item-count">${items.length}</span></div></h2></header>
  <div class="board-list-component gl-relative gl-flex gl-h-full gl-min-h-0 gl-flex-col" data-testid="board-list-cards-area">
    <ul class="board-list gl-mb-0 gl-h-full gl-w-full gl-list-none gl-overflow-y-auto gl-p-3 gl-pt-0" data-testid="tree-root-wrapper">
      ${items.map(
        (epic) => html`<li class="board-card gl-relative gl-mb-3 gl-rounded-base gl-border gl-bg-default" data-testid="board-card" data-item-id="gid://gitlab/Epic/${epic.id}" data-item-iid="${epic.iid}" data-item-path="${group.full_path}&${epic.iid}">
<button type="button" class="board-card-button gl-block gl-w-full gl-border-0 gl-bg-transparent gl-text-left" data-testid="board-card-button"><div class="gl-p-4">
  <div class="gl-flex" dir="auto"><h3 class="board-card-title gl-mb-0 gl-mt-0 gl-text-base"><a href="/groups/${group.full_path}/-/epics/${epic.iid}" title="${epic.title}" class="js-no-trigger-title gl-text-default" data-testid="board-card-title-link">${epic.title}</a></h3></div>
  <div class="board-card-footer gl-mt-3 gl-flex"><span class="board-card-number gl-mr-3 gl-text-sm gl-text-subtle">&amp;${epic.iid}</span>${epic.due_date ? html`<span class="board-card-info gl-mr-3 gl-text-sm" data-testid="issue-dueDate">${icon('calendar')} <time datetime="${epic.due_date}">${formatDate(epic.due_date)}</time></span>` : ''}</div>
</div></button>
</li>`,
      )}
    </ul>
  </div>
</div>
</div>
</div>`;
  return html`<div id="js-issuable-board-app" data-board-id="${boardId}" data-full-path="${group.full_path}" data-board-type="group">${lateUnlessStatic(ctx, html`<div class="boards-app gl-relative">
  <div class="boards-list gl-flex gl-w-full gl-overflow-x-auto gl-whitespace-nowrap" data-testid="boards-list">
    ${column('Open', 1, epics.filter((epic) => epic.state === 'opened'))}${column('Closed', 2, epics.filter((epic) => epic.state === 'closed'))}
  </div>
</div>`)}</div>`;
}
