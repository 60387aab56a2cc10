// Landing page (demo entry point), a plain issue list and a minimal merge request page.

import { SANDBOX_TOKENS } from '../seed/people.ts';
import type { Issue, MergeRequest, Project } from '../types.ts';
import type { PageContext } from './context.ts';
import { html, type SafeHtml } from './html.ts';
import { epicPath, issuePath } from './models.ts';
import { descriptionHtml, labelChips, stateBadge } from './widgets.ts';

function issueRow(ctx: PageContext, project: Project, issue: Issue): SafeHtml {
  // Clicking a title opens the work-item drawer (?show=), as GitLab's work item list does.
  return html`<li class="issue gl-flex gl-flex-wrap gl-items-center gl-gap-2 gl-py-2" data-testid="issuable-container" data-qa-issue-id="${issue.id}" data-item-id="gid://gitlab/Issue/${issue.id}" data-item-path="${project.path_with_namespace}#${issue.iid}">
  ${stateBadge(issue.state, 'issuable-state')}
  <a href="${issuePath(project, issue)}" data-testid="issuable-title-link">${issue.title}</a>
  <span class="gl-text-subtle">${project.path}#${issue.iid}${issue.issue_type === 'incident' ? ' · incident' : ''}</span>
  ${labelChips(ctx.data, issue.labels)}
</li>`;
}

export function landingPage(ctx: PageContext): SafeHtml {
  const { data } = ctx;
  const group = data.groups[0];
  const highlights = (project: Project): Issue[] => {
    const issues = data.issuesOf(project.id);
    const special = issues.filter((issue) => issue.issue_type === 'incident' || issue.labels.some((label) => label === 'good first issue' || label.startsWith('engineering-allocation')));
    return [...special, ...issues.slice(-8).reverse()].slice(0, 16);
  };
  const tokens: [string, string][] = [
    [SANDBOX_TOKENS.api, "scopes ['api'], ava.chen (Owner)"],
    [SANDBOX_TOKENS.read, "scopes ['read_api'], dev.patel (Developer)"],
    [SANDBOX_TOKENS.userOnly, "scopes ['read_user']: /user and /personal_access_tokens/self only"],
    [SANDBOX_TOKENS.revoked, 'revoked: 401'],
    [SANDBOX_TOKENS.expired, 'expired: 401'],
  ];
  return html`<div class="sandbox-landing">
  <h1 class="gl-heading-1">GitLab sandbox</h1>
  <p>A local stand-in for GitLab's REST API (<code>/api/v4</code>) and page shells, for Engineering Lens tests and demos. GitLab URL: <code>${ctx.url.origin}</code></p>
  <h2 class="gl-heading-3">Personal access tokens</h2>
  <table class="sandbox-table"><tbody>${tokens.map(([token, text]) => html`<tr><td><code>${token}</code></td><td>${text}</td></tr>`)}</tbody></table>
  <h2 class="gl-heading-3">Group ${group?.name ?? ''} (<code>${group?.full_path ?? ''}</code>)</h2>
  <ul>
    <li><a href="/groups/${group?.full_path ?? ''}/-/boards/5">Group board</a></li>
    ${data.epics.map((epic) => (group ? html`<li><a href="${epicPath(group, epic)}">&amp;${epic.iid} ${epic.title}</a> · <a href="${epicPath(group, epic)}?force_legacy_view=true">legacy view</a> · <a href="/groups/${group.full_path}/-/work_items/${epic.iid}">as work item</a></li>` : ''))}
  </ul>
  ${data.projects.map(
    (project) => html`<section class="gl-mt-5">
    <h2 class="gl-heading-3">${project.name} (<code>${project.path_with_namespace}</code>, ${project.tier === 'premium' ? 'Premium-like' : 'Free-like'})</h2>
    <p>${data.boards.filter((board) => board.project_id === project.id).map((board) => html`<a class="gl-mr-3" href="/${project.path_with_namespace}/-/boards/${board.id}">Board: ${board.name}</a>`)}
      <a href="/${project.path_with_namespace}/-/issues">All issues (${data.issuesOf(project.id).length})</a></p>
    <ul class="gl-list-none gl-p-0">${highlights(project).map((issue) => issueRow(ctx, project, issue))}</ul>
  </section>`,
  )}
  <h2 class="gl-heading-3">Views</h2>
  <p>Append <code>?sandbox_view=legacy</code> or <code>?sandbox_view=work_item</code> to an issue URL, <code>?sandbox_theme=dark</code> for the dark theme, <code>?sandbox_mount_delay=1000</code> to slow the app mount. Controls: <code>/__sandbox/controls</code>.</p>
</div>`;
}

const PAGE_SIZE = 50;

export function issueListPage(ctx: PageContext, project: Project): SafeHtml {
  const issues = [...ctx.data.issuesOf(project.id)].reverse();
  const page = Math.max(1, Number(ctx.url.searchParams.get('page') ?? '1') || 1);
  const slice = issues.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const link = (target: number, text: string): SafeHtml => html`<a class="gl-mr-3" href="/${project.path_with_namespace}/-/issues?page=${target}">${text}</a>`;
  return html`<div class="issues-list-page">
  <h1 class="gl-heading-2">Issues</h1>
  <ul class="content-list issues-list gl-list-none gl-p-0" data-testid="issuable-list">${slice.map((issue) => issueRow(ctx, project, issue))}</ul>
  <nav class="gl-pagination gl-mt-3">${page > 1 ? link(page - 1, 'Prev') : ''}${page * PAGE_SIZE < issues.length ? link(page + 1, 'Next') : ''}</nav>
</div>`;
}

export function mergeRequestPage(ctx: PageContext, mr: MergeRequest): SafeHtml {
  return html`<div class="merge-request-details issuable-details">
  <h1 class="title gl-heading-1" data-testid="title-content">${mr.title}</h1>
  <p>${mr.state} · ${mr.source_branch} → ${mr.target_branch}</p>
  <div class="description">${descriptionHtml(mr.description)}</div>
  <h2 class="gl-heading-4">Changes</h2>
  <ul>${mr.changes.map((change) => html`<li><code>${change.new_path}</code></li>`)}</ul>
</div>`;
}
