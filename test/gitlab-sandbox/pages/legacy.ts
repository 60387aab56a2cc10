// Legacy (non work-item) views: the classic issue page (also every incident) and the legacy epic
// page (?force_legacy_view=true). Rails renders the frame; the title app and the sidebar widgets
// are separate Vue apps that mount after load, modelled with <template data-sandbox-late>.

import type { PageContext } from './context.ts';
import { html, jsonScript, type SafeHtml } from './html.ts';
import type { WorkItemModel } from './models.ts';
import { authorLink, avatarLink, descriptionHtml, formatDate, icon, labelChips, stateBadge } from './widgets.ts';

const late = (kind: 'app' | 'widgets', content: SafeHtml): SafeHtml => html`<template data-sandbox-late="${kind}">${content}</template>`;

function sidebarBlock(classes: string, testId: string, title: string, value: SafeHtml): SafeHtml {
  return html`<div class="block ${classes}" data-testid="${testId}">${late('widgets', html`<div class="hide-collapsed gl-flex gl-items-center gl-justify-between gl-font-bold gl-leading-20">${title}<button type="button" class="btn btn-link btn-sm gl-button js-sidebar-dropdown-toggle" data-testid="edit-button">Edit</button></div><div class="value hide-collapsed">${value}</div>`)}</div>`;
}

export function legacyIssuePage(ctx: PageContext, model: WorkItemModel): SafeHtml {
  const noun = model.kind === 'Incident' ? 'incident' : 'issue';
  const none = html`<span class="no-value">None</span>`;
  const titleApp = html`<div class="title-container gl-flex gl-items-start gl-justify-between gl-gap-3">
  <h1 class="title gl-heading-1 !gl-m-0" data-testid="issue-title" dir="auto">${model.title}</h1>
  <div class="detail-page-header-actions gl-flex gl-gap-3">
    <button type="button" class="btn btn-default btn-md gl-button js-issuable-edit" data-testid="edit-button">Edit</button>
    <div id="new-actions-header-dropdown" class="gl-new-dropdown" data-testid="desktop-dropdown"><button type="button" class="btn btn-default btn-md btn-icon gl-button" aria-label="${noun === 'incident' ? 'Incident' : 'Issue'} actions">${icon('ellipsis')}</button></div>
    <button type="button" class="btn btn-default btn-md gl-button" data-testid="toggle-issue-state-button">${model.state === 'opened' ? `Close ${noun}` : `Reopen ${noun}`}</button>
  </div>
</div>
<div class="issuable-meta gl-my-3 gl-flex gl-items-center gl-gap-2">
  ${stateBadge(model.state, 'issue-state-badge')}
  <span>${model.kind === 'Incident' ? 'Incident' : 'Issue'} created <time datetime="${model.createdAt}">${formatDate(model.createdAt)}</time> by ${authorLink(model.author)}</span>
</div>
<div class="description js-task-list-container" data-testid="issue-description">${descriptionHtml(model.description)}</div>`;
  const incidentTabs =
    model.kind === 'Incident'
      ? html`<div class="incident-tabs gl-mt-3" data-testid="incident-tabs"><ul class="nav-tabs gl-flex gl-gap-3 gl-list-none gl-p-0"><li class="active">Summary</li><li>Timeline</li><li>Alert details</li></ul></div>`
      : '';
  return html`<div class="issue-details issuable-details js-issue-details">
  <div class="detail-page-description content-block js-detail-page-description gl-pt-3">
    <div id="js-issuable-app" data-issuable-type="${noun}" data-iid="${model.iid}" data-full-path="${model.fullPath}">${late('app', titleApp)}</div>
    ${incidentTabs}
  </div>
  <section class="issuable-discussion js-vue-notes-event"><h2 class="gl-heading-4">Activity</h2></section>
</div>
<aside class="right-sidebar js-right-sidebar js-issuable-sidebar right-sidebar-expanded" aria-label="${noun}" aria-live="polite" data-signed-in="true" data-issuable-type="${noun}">
  <div class="issuable-sidebar">
    <div class="issuable-sidebar-header"><span class="gl-font-bold">${model.reference}</span></div>
    ${sidebarBlock('assignee', 'assignee-block-container', 'Assignees', model.assignees.length ? html`${model.assignees.map((user) => html`<span class="gl-flex gl-items-center gl-gap-2">${avatarLink(user, 24, 'js-assignee')}<span class="author">${user.name}</span></span>`)}` : none)}
    ${sidebarBlock('milestone', 'sidebar-milestones', 'Milestone', model.milestone ? html`<a href="#" class="milestone-title">${model.milestone.title}</a>` : none)}
    ${sidebarBlock('labels js-labels-block', 'sidebar-labels', 'Labels', model.labels.length ? labelChips(ctx.data, model.labels, 'selected-label-content') : none)}
    ${sidebarBlock('due_date', 'sidebar-due-date', 'Due date', model.dueDate ? html`<span class="value-content" data-testid="sidebar-date-value">${formatDate(model.dueDate)}</span>` : none)}
    ${model.weight === undefined ? '' : sidebarBlock('weight', 'sidebar-weight', 'Weight', model.weight === null ? none : html`<span data-testid="sidebar-weight-value">${model.weight}</span>`)}
  </div>
</aside>`;
}

export function legacyEpicPage(ctx: PageContext, model: WorkItemModel): SafeHtml {
  const header = html`<div class="detail-page-header gl-flex gl-items-start gl-justify-between gl-gap-3">
  <h1 class="title gl-heading-1" data-testid="epic-title" dir="auto">${model.title}</h1>
  <div class="gl-flex gl-gap-3" data-testid="desktop-dropdown">
    <button type="button" class="btn btn-default btn-md gl-button js-issuable-edit">Edit</button>
    <button type="button" class="btn btn-default btn-md gl-button" data-testid="toggle-status-button">${model.state === 'opened' ? 'Close epic' : 'Reopen epic'}</button>
  </div>
</div>
<div class="gl-my-3">${stateBadge(model.state, 'epic-state-badge')} Created <time datetime="${model.createdAt}">${formatDate(model.createdAt)}</time> by ${authorLink(model.author)}</div>
<div class="description">${descriptionHtml(model.description)}</div>`;
  const tree = html`<ul class="related-items-tree gl-list-none gl-p-0">${model.children.map(
    (child) => html`<li class="tree-item gl-flex gl-gap-2 gl-py-2" data-testid="links-child">${stateBadge(child.state === 'opened' ? 'opened' : 'closed', 'tree-item-state')}<a href="${child.href}" data-sandbox-spa>${child.title}</a><span class="gl-text-subtle">${child.reference}</span></li>`,
  )}</ul>`;
  return html`<div class="js-epic-container">
  <div id="epic-app-root" data-iid="${model.iid}" data-full-path="${model.fullPath}">${late('app', header)}</div>
  ${jsonScript('js-epic-initial-data', { iid: model.iid, title: model.title, state: model.state })}
  <div id="js-tree" data-id="${model.id}" data-iid="${model.iid}" data-full-path="${model.fullPath}">${late('widgets', html`<h2 class="gl-heading-4">Child issues and epics</h2>${tree}`)}</div>
  <div id="js-related-epics"></div>
  <section class="issuable-discussion"><h2 class="gl-heading-4">Activity</h2></section>
</div>
<aside class="right-sidebar js-right-sidebar epic-sidebar right-sidebar-expanded" aria-label="epic">
  <div class="issuable-sidebar">
    ${sidebarBlock('start-date', 'sidebar-start-date', 'Start date', html`<span>${model.startDate ? formatDate(model.startDate) : 'None'}</span>`)}
    ${sidebarBlock('due-date', 'sidebar-due-date', 'Due date', html`<span>${model.dueDate ? formatDate(model.dueDate) : 'None'}</span>`)}
    ${sidebarBlock('labels js-labels-block', 'sidebar-labels', 'Labels', model.labels.length ? labelChips(ctx.data, model.labels, 'selected-label-content') : html`<span class="no-value">None</span>`)}
  </div>
</aside>`;
}
