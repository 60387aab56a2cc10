// The document shell around every page: <html class="gl-dark|gl-light">, head with csrf-token and
// gon, <body data-page ...> with GitLab's body data attributes, super sidebar and top bar.

import { randomBytes } from 'node:crypto';
import type { Group, Project } from '../types.ts';
import type { PageContext } from './context.ts';
import { html, jsonScript, raw, type SafeHtml } from './html.ts';
import { avatarSrc } from './widgets.ts';

export interface Crumb {
  text: string;
  href: string;
}

export interface PageShell {
  title: string;
  /** body[data-page], e.g. "projects:issues:show". */
  page: string;
  /** body[data-page-type-id]: the iid / board id from the URL. */
  pageTypeId?: string | number;
  project?: Project;
  group?: Group;
  crumbs: Crumb[];
  content: SafeHtml;
  /** Extra values for the client script (board id, drawer settings...). */
  config?: Record<string, unknown>;
  /** Value of gon.current_user_use_work_items_view for this page. */
  workItemsView?: boolean;
}

function bodyData(ctx: PageContext, shell: PageShell): SafeHtml {
  const { project } = shell;
  const group = shell.group ?? (project ? ctx.data.groupOf(project) : undefined);
  const attrs: [string, string | number | undefined][] = [
    ['data-page', shell.page],
    ['data-page-type-id', shell.pageTypeId],
    ['data-project-id', project?.id],
    ['data-project', project?.path],
    ['data-project-full-path', project?.path_with_namespace],
    ['data-group', group?.path],
    ['data-group-full-path', group?.full_path],
    ['data-namespace-id', project ? project.namespace_id : undefined],
  ];
  return html`${attrs.filter(([, value]) => value !== undefined).map(([name, value]) => html` ${name}="${value}"`)}`;
}

function gonScript(ctx: PageContext, shell: PageShell): SafeHtml {
  const gon = {
    relative_url_root: '',
    api_version: 'v4',
    version: '18.3.0-ee',
    current_user_id: ctx.user.id,
    current_username: ctx.user.username,
    current_user_fullname: ctx.user.name,
    current_user_avatar_url: avatarSrc(ctx.user),
    current_user_use_work_items_view: shell.workItemsView ?? ctx.issueView === 'work_item',
    features: { workItemViewForIssues: true, workItemEpics: true },
  };
  // Same shape as GitLab's include_gon: an inline script assigning window.gon.
  return html`<script>window.gon=${raw(JSON.stringify(gon).replace(/</g, '\\u003c'))};</script>`;
}

function sidebar(ctx: PageContext, shell: PageShell): SafeHtml {
  const { project } = shell;
  const group = shell.group ?? (project ? ctx.data.groupOf(project) : undefined);
  const groupPath = group?.full_path ?? 'lens-demo';
  const projectLinks = project
    ? html`<li><a class="super-sidebar-nav-item" href="/${project.path_with_namespace}/-/issues">Issues</a></li>
        <li><a class="super-sidebar-nav-item" href="/${project.path_with_namespace}/-/boards">Issue boards</a></li>`
    : '';
  return html`<aside id="super-sidebar" class="super-sidebar" aria-label="Primary navigation" data-testid="super-sidebar">
  <div class="super-sidebar-user">
    <img class="avatar s24 gl-avatar gl-avatar-circle" src="${avatarSrc(ctx.user)}" alt="${ctx.user.name} user’s menu" width="24" height="24">
    <span>${ctx.user.name}</span>
  </div>
  <div class="super-sidebar-context-header">${project ? project.name : (group?.name ?? 'Your work')}</div>
  <nav aria-label="${project ? 'Project navigation' : 'Group navigation'}">
    <ul class="gl-list-none">
      <li><a class="super-sidebar-nav-item" href="/">Sandbox home</a></li>
      ${projectLinks}
      <li><a class="super-sidebar-nav-item" href="/groups/${groupPath}/-/epics/1">Epics</a></li>
      <li><a class="super-sidebar-nav-item" href="/groups/${groupPath}/-/boards/5">Group board</a></li>
    </ul>
  </nav>
</aside>`;
}

function topBar(shell: PageShell): SafeHtml {
  return html`<div class="top-bar-fixed container-fluid" data-testid="top-bar">
  <div class="top-bar-container gl-flex gl-items-center gl-gap-2">
    <nav aria-label="Breadcrumbs" class="gl-breadcrumbs" data-testid="breadcrumb-links" id="js-vue-page-breadcrumbs-wrapper">
      <ol class="gl-breadcrumb-list breadcrumb">${shell.crumbs.map(
        (crumb) => html`<li class="gl-breadcrumb-item"><a href="${crumb.href}" data-sandbox-spa>${crumb.text}</a></li>`,
      )}</ol>
    </nav>
    <span class="sandbox-badge" title="Local GitLab stand-in">GitLab sandbox</span>
  </div>
</div>`;
}

export function renderPage(ctx: PageContext, shell: PageShell): string {
  const htmlClass = ctx.theme === 'dark' ? 'gl-dark' : ctx.theme === 'system' ? 'gl-system' : 'gl-light';
  const csrf = randomBytes(32).toString('base64');
  const config = { mountDelayMs: ctx.mountDelayMs, widgetDelayMs: ctx.widgetDelayMs, page: shell.page, ...shell.config };
  return html`<!DOCTYPE html>
<html class="${htmlClass} ui-neutral with-top-bar with-header" lang="en">
<head>
<meta charset="utf-8">
<meta content="width=device-width, initial-scale=1" name="viewport">
<title>${shell.title} · GitLab</title>
<meta name="csrf-param" content="authenticity_token">
<meta name="csrf-token" content="${csrf}">
<link rel="stylesheet" href="/assets/sandbox.css">
${gonScript(ctx, shell)}
<script src="/assets/sandbox.js" defer></script>
<script src="/assets/sandbox-board.js" defer></script>
</head>
<body class="tab-width-8 gl-browser-chrome page-with-super-sidebar"${bodyData(ctx, shell)}>
<div class="layout-page page-with-super-sidebar">
${sidebar(ctx, shell)}
<div class="content-wrapper">
${topBar(shell)}
<div class="container-fluid container-limited">
<main class="content" id="content-body" itemscope itemtype="http://schema.org/SoftwareSourceCode">
${shell.content}
</main>
</div>
</div>
</div>
${jsonScript('js-sandbox-config', config)}
</body>
</html>
`.value;
}
