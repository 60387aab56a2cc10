// The work-item detail view (work_item_detail.vue): full page (#js-work-items), and the same view
// inside the board/list drawer ([data-testid="work-item-drawer"]). The app and the sidebar widgets
// are sent inside <template data-sandbox-late> and mounted later by /assets/sandbox.js.

import { humanDuration } from '../api/serialize.ts';
import type { PageContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import type { ItemLink, WorkItemModel } from './models.ts';
import { authorLink, avatarLink, descriptionHtml, formatDate, icon, labelChips, stateBadge } from './widgets.ts';

function attribute(testId: string, heading: string, body: SafeHtml | string, extraClass = ''): SafeHtml {
  return html`<div class="work-item-attributes-item">
  <div class="work-item-sidebar-widget ${extraClass}" data-testid="${testId}">
    <div class="gl-flex gl-items-center gl-justify-between"><h3 class="gl-heading-5 !gl-mb-0">${heading}</h3><button type="button" class="btn btn-link btn-sm gl-button" data-testid="edit-button">Edit</button></div>
    <div class="work-item-sidebar-widget-value">${body}</div>
  </div>
</div>`;
}

const none = html`<span class="gl-text-subtle">None</span>`;

function attributes(model: WorkItemModel, ctx: PageContext): SafeHtml {
  const dates = html`<span class="gl-block">Start: <span data-testid="start-date-value">${model.startDate ? formatDate(model.startDate) : 'None'}</span></span><span class="gl-block">Due: <span data-testid="due-date-value">${model.dueDate ? formatDate(model.dueDate) : 'None'}</span></span>`;
  return html`${[
    model.kind === 'Epic'
      ? ''
      : attribute(
          'work-item-assignees',
          'Assignees',
          model.assignees.length > 0 ? html`${model.assignees.map((user) => html`<span class="gl-flex gl-items-center gl-gap-2 gl-mb-2">${avatarLink(user)}<a href="/${user.username}" class="gl-text-default">${user.name}</a></span>`)}` : none,
          'js-assignee issuable-assignees',
        ),
    attribute('work-item-labels', 'Labels', model.labels.length > 0 ? labelChips(ctx.data, model.labels) : none, 'js-labels'),
    model.weight === undefined ? '' : attribute('work-item-weight', 'Weight', model.weight === null ? none : html`<span data-testid="work-item-weight-value">${model.weight}</span>`),
    model.kind === 'Epic' ? attribute('work-item-rolledup-dates', 'Dates', dates) : '',
    model.kind === 'Epic' ? '' : attribute('work-item-milestone', 'Milestone', model.milestone ? html`<a href="#" data-testid="work-item-milestone-link">${model.milestone.title}</a>` : none),
    model.kind === 'Epic' ? '' : attribute('work-item-due-dates', 'Dates', dates),
    model.parent ? attribute('work-item-parent', 'Parent', html`<a href="${model.parent.href}" data-sandbox-spa data-testid="work-item-parent-link">${model.parent.title}</a> <span class="gl-text-subtle">${model.parent.reference}</span>`) : '',
    model.kind === 'Epic' ? '' : attribute('work-item-time-tracking', 'Time tracking', html`<span>Spent ${humanDuration(model.timeSpent) ?? '0h'} of ${humanDuration(model.timeEstimate) ?? 'no estimate'}</span>`),
    attribute('work-item-participants', 'Participants', model.author ? avatarLink(model.author) : none),
  ]}`;
}

function linkList(testId: string, heading: string, items: ItemLink[]): SafeHtml {
  if (items.length === 0) return html``;
  return html`<div class="work-item-tree gl-mt-5" data-testid="${testId}" id="${testId === 'work-item-tree' ? 'childitems' : ''}">
  <h2 class="gl-heading-4">${heading} <span class="gl-badge badge-neutral">${items.length}</span></h2>
  <ul class="content-list gl-list-none gl-p-0">${items.map(
    (item) => html`<li class="gl-flex gl-items-center gl-gap-2 gl-py-2" data-testid="links-child">${stateBadge(item.state === 'opened' ? 'opened' : 'closed', 'links-child-state')}<a href="${item.href}" data-sandbox-spa class="gl-link">${item.title}</a><span class="gl-text-subtle">${item.reference}</span></li>`,
  )}</ul>
</div>`;
}

/** section.work-item-view; `drawer` renders the drawer variant (h2 title). */
export function workItemDetail(ctx: PageContext, model: WorkItemModel, drawer: boolean): SafeHtml {
  const title = drawer
    ? html`<h2 data-testid="work-item-title" class="gl-heading-2 !gl-m-0 gl-w-full gl-wrap-anywhere" dir="auto"><span>${model.title}</span></h2>`
    : html`<h1 data-testid="work-item-title" class="gl-heading-1 !gl-m-0 gl-w-full gl-wrap-anywhere" dir="auto"><span>${model.title}</span></h1>`;
  return html`<section class="work-item-view${drawer ? ' work-item-drawer-view' : ''}" data-work-item-type="${model.kind}">
<div data-testid="detail-wrapper" class="work-item-detail gl-relative">
  <div class="work-item-header gl-flex gl-items-start gl-gap-3">
    <div data-testid="work-item-type" class="gl-w-full">${title}</div>
    <div class="gl-ml-auto gl-mt-1 gl-flex gl-gap-3 gl-self-start">
      <button type="button" class="btn btn-default btn-md gl-button shortcut-edit-wi-description" data-testid="work-item-edit-form-button"><span class="gl-button-text">Edit</span></button>
      <button type="button" class="btn btn-default btn-md btn-icon gl-button" data-testid="work-item-todos-action" aria-label="Add a to-do item">${icon('check')}</button>
      <div class="gl-new-dropdown" data-testid="notifications-toggle"><button type="button" class="btn btn-default btn-md btn-icon gl-button" aria-label="Notifications">${icon('bell')}</button></div>
      <div class="gl-new-dropdown" data-testid="work-item-actions-dropdown"><button type="button" class="btn btn-default btn-md btn-icon gl-button gl-new-dropdown-toggle" aria-label="More actions" aria-expanded="false">${icon('ellipsis')}</button></div>
    </div>
  </div>
  <div class="gl-my-3 gl-flex gl-flex-wrap gl-items-center gl-gap-2 gl-text-subtle">
    ${stateBadge(model.state, 'work-item-state-badge')}
    <span class="gl-badge badge-neutral" data-testid="work-item-type-badge">${model.kind}</span>
    <span data-testid="work-item-author">Created <time datetime="${model.createdAt}">${formatDate(model.createdAt)}</time> by ${authorLink(model.author)}</span>
  </div>
  <div data-testid="work-item-overview" class="work-item-overview">
    <section class="work-item-overview-left gl-min-w-0">
      <div class="work-item-description description" data-testid="work-item-description">${descriptionHtml(model.description)}</div>
      ${linkList('work-item-tree', 'Child items', model.children)}
      ${linkList('work-item-development', 'Development', model.mergeRequests)}
      <div class="work-item-notes gl-mt-5" data-testid="work-item-notes"><h2 class="gl-heading-4">Activity</h2></div>
    </section>
    <section data-testid="work-item-overview-right-sidebar" class="work-item-overview-right-sidebar">
      <div class="work-item-attributes-wrapper" data-testid="work-item-attributes-wrapper"><template data-sandbox-late="widgets">${attributes(model, ctx)}</template></div>
    </section>
  </div>
</div>
</section>`;
}

/** Full-page mount point: empty until the client script mounts the app. */
export function workItemPage(ctx: PageContext, model: WorkItemModel, workItemType: string): SafeHtml {
  return html`<div id="js-work-items" data-full-path="${model.fullPath}" data-work-item-type="${workItemType}" data-iid="${model.iid}"><template data-sandbox-late="app">${workItemDetail(ctx, model, false)}</template></div>`;
}

/** The drawer a board card or list row opens; fetched by the client as a fragment. */
export function workItemDrawer(ctx: PageContext, model: WorkItemModel): SafeHtml {
  return html`<aside class="gl-drawer gl-drawer-default work-item-drawer" data-testid="work-item-drawer" aria-label="${model.kind} details">
  <div class="gl-drawer-header gl-flex gl-items-center gl-justify-between">
    <a href="${model.webPath}" class="gl-link" data-testid="work-item-drawer-ref-link">${model.reference}</a>
    <button type="button" class="btn btn-default btn-sm btn-icon gl-button gl-drawer-close-button" aria-label="Close drawer" data-testid="work-item-drawer-close">×</button>
  </div>
  <div class="gl-drawer-body">${workItemDetail(ctx, model, true)}</div>
</aside>`;
}
