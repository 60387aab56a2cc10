/**
 * Mounts a feature's React UI in an open Shadow DOM root (SPEC §1) next to a GitLab anchor, and
 * keeps it there: GitLab mounts its Vue apps late and re-renders them, so the host is re-attached
 * whenever the anchor (re)appears, and removed when the feature's signal aborts. Call it before
 * the anchor exists: the UI is prepared first and goes in as soon as the anchor does.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import overlayCss from '../../../components/overlay.css?inline';
import { firstMatch } from '../../../utils/page/anchors';

export interface LensHostOptions {
  ctx: ContentScriptContext;
  featureId: string;
  signal: AbortSignal;
  /** Anchor alternatives in order of preference (utils/page/anchors.ts). */
  anchors: readonly string[];
  /**
   * Where the host goes relative to the anchor. `after-row`: below the horizontal flex row the
   * anchor sits in (GitLab puts titles and action buttons side by side; a badge strip squeezed
   * in between would break that header).
   */
  append: Placement;
  /** Limit the anchor search to this element (a drawer, a card). */
  root?: ParentNode;
  render: () => ReactNode;
  /** Called with the host each time it is mounted (e.g. to note what it was mounted on). */
  onMount?: (host: HTMLElement) => void;
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
    append: (anchor, host) => place(anchor, host, append),
    // GitLab's keyboard shortcuts must not fire while typing in our UI.
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    onMount(container, _shadow, host) {
      host.setAttribute('data-lens', featureId);
      host.dataset.theme = gitlabTheme();
      options.onMount?.(host);
      reactRoot = createRoot(container);
      const root = reactRoot;
      // Render now, not in React's next task: the reserved height must be in the same frame as
      // the host, or GitLab's content below jumps when it arrives.
      flushSync(() => root.render(render()));
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
    if (ui.shadowHost.isConnected && isPlaced(ui.shadowHost, anchor, append)) return;
    ui.remove();
    ui.mount();
  };
  // Checked in the observer's microtask, before the browser paints the mutation: the host goes
  // in with the anchor's first frame, so GitLab's content below never visibly moves.
  const observer = new MutationObserver(() => {
    if (!signal.aborted) ensureMounted();
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

export type Placement = 'after' | 'after-row' | 'before' | 'first' | 'last';

function place(anchor: Element, host: Element, placement: Placement): void {
  switch (placement) {
    case 'after':
      anchor.after(host);
      return;
    case 'after-row':
      rowOf(anchor).after(host);
      return;
    case 'before':
      anchor.before(host);
      return;
    case 'first':
      anchor.prepend(host);
      return;
    case 'last':
      anchor.append(host);
  }
}

/** The outermost ancestor reached while the parent lays children out in a row. */
function rowOf(anchor: Element): Element {
  let element = anchor;
  while (element.parentElement && element.parentElement !== document.body && isRow(element.parentElement)) {
    element = element.parentElement;
  }
  return element;
}

function isRow(element: Element): boolean {
  const style = getComputedStyle(element);
  return (style.display === 'flex' || style.display === 'inline-flex') && !style.flexDirection.startsWith('column');
}

function isPlaced(host: Element, anchor: Element, append: Placement): boolean {
  switch (append) {
    case 'after-row':
      return rowOf(anchor).nextElementSibling === host;
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
