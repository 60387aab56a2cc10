// @ts-check
// Client script of the GitLab sandbox pages (served as /assets/sandbox.js).
// - Vue-like late mounting: the server sends <template data-sandbox-late="app|widgets">; the app
//   mounts after mountDelayMs, sidebar widgets widgetDelayMs later.
// - Client-side navigation like Vue Router: links with [data-sandbox-spa] fetch the next page,
//   swap #content-body (body[data-*] stays, as with Vue Router) and history.pushState; popstate too.
// - System colour mode: html.gl-system gets gl-dark when the OS prefers dark.
// Data never becomes markup on the client: pages arrive as HTML the server escaped, parsed with DOMParser
// and imported node by node.
(function () {
  'use strict';

  /** @type {any} */
  const w = window;
  const sandbox = (w.__sandbox = w.__sandbox || {});
  /** @type {Array<() => boolean>} handlers that may claim a popstate (board drawer, board reload) */
  sandbox.popStateHandlers = sandbox.popStateHandlers || [];
  let generation = 0;

  /** @returns {{ mountDelayMs?: number, widgetDelayMs?: number, page?: string, boardId?: number }} */
  function config() {
    const element = document.getElementById('js-sandbox-config');
    try {
      return element ? JSON.parse(element.textContent || '{}') : {};
    } catch {
      return {};
    }
  }

  /** Replaces every late template of `kind` under `root` with its content. */
  function mountLate(kind, root) {
    for (const template of Array.from(root.querySelectorAll(`template[data-sandbox-late="${kind}"]`))) {
      if (template instanceof HTMLTemplateElement) template.replaceWith(template.content.cloneNode(true));
    }
  }

  function mount() {
    const current = ++generation;
    const { mountDelayMs = 300, widgetDelayMs = 200 } = config();
    setTimeout(() => {
      if (current !== generation) return;
      mountLate('app', document);
      document.dispatchEvent(new CustomEvent('sandbox:mounted'));
      setTimeout(() => {
        if (current !== generation) return;
        mountLate('widgets', document);
        document.dispatchEvent(new CustomEvent('sandbox:widgets-mounted'));
      }, widgetDelayMs);
    }, mountDelayMs);
  }

  function applySystemTheme() {
    const root = document.documentElement;
    if (!root.classList.contains('gl-system')) return;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = () => root.classList.toggle('gl-dark', media.matches);
    apply();
    media.addEventListener('change', apply);
  }

  /** Parses HTML the server rendered (and escaped); never executes scripts. */
  function parseHtml(text) {
    return new DOMParser().parseFromString(text, 'text/html');
  }

  function replaceById(id, doc) {
    const current = document.getElementById(id);
    const next = doc.getElementById(id);
    if (current && next) current.replaceWith(document.importNode(next, true));
  }

  /** Vue Router-like navigation: swap the page content, push history; body[data-*] stays. */
  async function navigate(href, push) {
    const url = new URL(href, location.href);
    const response = await fetch(url.href, { headers: { Accept: 'text/html' } });
    const doc = parseHtml(await response.text());
    const main = document.getElementById('content-body');
    const next = doc.getElementById('content-body');
    if (!main || !next) {
      location.assign(url.href);
      return;
    }
    // body[data-*] stays as the server rendered it: GitLab's Vue Router does not update it
    // (DOM.md §7), so the extension must not rely on it after client-side navigation.
    document.title = doc.title;
    main.replaceChildren(...Array.from(next.childNodes, (node) => document.importNode(node, true)));
    replaceById('super-sidebar', doc);
    replaceById('js-vue-page-breadcrumbs-wrapper', doc);
    replaceById('js-sandbox-config', doc);
    if (push) history.pushState({ sandbox: true }, '', url.href);
    window.scrollTo(0, 0);
    document.dispatchEvent(new CustomEvent('sandbox:navigated', { detail: { url: url.href } }));
    mount();
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    const link = target ? target.closest('a[data-sandbox-spa]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.origin !== location.origin) return;
    event.preventDefault();
    navigate(link.href, true).catch(() => location.assign(link.href));
  });

  window.addEventListener('popstate', () => {
    for (const handler of sandbox.popStateHandlers) {
      if (handler()) return;
    }
    navigate(location.href, false).catch(() => location.reload());
  });

  sandbox.config = config;
  sandbox.mountLate = mountLate;
  sandbox.parseHtml = parseHtml;
  sandbox.navigate = (href) => navigate(href, true);

  applySystemTheme();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
