/**
 * Mounts a feature's React UI in an open Shadow DOM root (SPEC §1) next to a GitLab anchor, and
 * keeps it there: GitLab mounts its Vue apps late and re-renders them, so the host is re-attached
 * whenever the anchor (re)appears, and removed when the feature's signal aborts.
 */
import type { ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import overlayCss from '../../components/overlay.css?inline';
import { firstMatch } from '../../utils/page/anchors';

export interface LensHostOptions {
  ctx: ContentScriptContext;
  featureId: string;
  signal: AbortSignal;
  /** Anchor alternatives in order of preference (utils/page/anchors.ts). */
  anchors: readonly string[];
  /** Where the host goes relative to the anchor. */
  append: 'after' | 'before' | 'first' | 'last';
  /** Limit the anchor search to this element (a drawer, a card). */
  root?: ParentNode;
  render: () => ReactNode;
}

export async function mountLensHost(options: LensHostOptions): Promise<void> {
  const { ctx, featureId, signal, anchors, append, render } = options;
  const searchRoot = options.root ?? document;
  let reactRoot: Root | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'engineering-lens',
    position: 'inline',
    css: overlayCss,
    anchor: () => firstMatch(searchRoot, anchors),
    append,
    // GitLab's keyboard shortcuts must not fire while typing in our UI.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, _shadow, host) {
      host.setAttribute('data-lens', featureId);
      host.dataset.theme = gitlabTheme();
      host.style.display = 'block';
      reactRoot = createRoot(container);
      reactRoot.render(render());
    },
    onRemove() {
      reactRoot?.unmount();
      reactRoot = null;
    },
  });
  if (signal.aborted) return;

  const ensureMounted = () => {
    const anchor = firstMatch(searchRoot, anchors);
    if (!anchor) return;
    if (ui.mounted && ui.shadowHost.isConnected && isPlaced(ui.shadowHost, anchor, append)) return;
    ui.remove();
    ui.mount();
  };
  let scheduled = false;
  const observer = new MutationObserver(() => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      if (!signal.aborted) ensureMounted();
    });
  });
  observer.observe(document.body, { childList: true, subtree: true });
  ensureMounted();
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      ui.remove();
    },
    { once: true },
  );
}

function isPlaced(host: Element, anchor: Element, append: LensHostOptions['append']): boolean {
  switch (append) {
    case 'after':
      return anchor.nextElementSibling === host;
    case 'before':
      return anchor.previousElementSibling === host;
    case 'first':
    case 'last':
      return host.parentElement === anchor;
  }
}

/** GitLab marks dark mode with `gl-dark` on <html> (or <body> in older versions). */
export function gitlabTheme(): 'dark' | 'light' {
  return document.documentElement.classList.contains('gl-dark') || document.body.classList.contains('gl-dark')
    ? 'dark'
    : 'light';
}
