/**
 * Mounts a feature's React UI in an open Shadow DOM root (SPEC §1) next to a GitLab anchor, and
 * keeps it there: GitLab mounts its Vue apps late and re-renders them, so the host is put back
 * whenever the anchor (re)appears, and removed when the feature's signal aborts. Call it before
 * the anchor exists: the UI is prepared first and goes in as soon as the anchor does.
 *
 * Ownership (issue 9, long-lived tabs): each call owns one WXT shadow-root UI, one React root and
 * one listener on the shared document observer (dom-watch.ts) for the life of its feature run,
 * not of the page. WXT's `createShadowRootUi` registers its `remove` with `ctx.onInvalidated` and never unregisters it;
 * on the page's context that kept every old host, shadow root and React container (with React's
 * ~150 root listeners) alive until the tab closed. So the UI gets a context scoped to this mount
 * (`mountScope`), which ends (and lets go of the page's context) when the feature stops.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import overlayCss from '../../../components/overlay.css?inline';
import { firstMatch } from '../../../utils/page/anchors';
import { watchDom } from './dom-watch';
import { gitlabTheme } from './theme';

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
  /** Called with the host each time it is placed (e.g. to note what it was placed on). */
  onMount?: (host: HTMLElement) => void;
}

export async function mountLensHost(options: LensHostOptions): Promise<void> {
  const { ctx, featureId, signal, anchors, append, render } = options;
  if (signal.aborted || ctx.signal.aborted) return;
  const scope = mountScope(ctx, signal);
  const searchRoot = options.root ?? document;
  let reactRoot: Root | null = null;
  /**
   * Where the host is (to be) put: the anchor and the element it goes against (for `after-row`,
   * the anchor's row). Checking that the host is still there needs no style lookups.
   */
  let placed: { anchor: Element; reference: Element } | null = null;
  const noteMount = (host: HTMLElement) => {
    host.dataset.theme = gitlabTheme();
    options.onMount?.(host);
  };
  const ui = await createShadowRootUi(scope.ctx, {
    name: 'engineering-lens',
    position: 'inline',
    css: overlayCss,
    anchor: () => firstMatch(searchRoot, anchors),
    append: (anchor, host) => insert(host, placed?.anchor === anchor ? placed.reference : referenceOf(anchor, append), append),
    onMount(container, _shadow, host) {
      host.setAttribute('data-lens', featureId);
      isolateTyping(host);
      reactRoot = createRoot(container);
      const root = reactRoot;
      noteMount(host);
      // Render now, not in React's next task: the reserved height must be in the same frame as
      // the host, or GitLab's content below jumps when it arrives.
      flushSync(() => root.render(render()));
    },
    onRemove() {
      reactRoot?.unmount();
      reactRoot = null;
    },
  });
  // Stopped while the UI was being prepared: the scope has already removed it.
  if (scope.signal.aborted) return;

  const host = ui.shadowHost;

  const ensureMounted = () => {
    const anchor = firstMatch(searchRoot, anchors);
    if (!anchor) return;
    if (placed?.anchor === anchor && host.isConnected && stillPlaced(host, anchor, placed.reference, append)) return;
    placed = { anchor, reference: referenceOf(anchor, append) };
    if (!reactRoot) {
      // First time: WXT puts the host in (`insert`) and calls onMount (React root, first render).
      ui.mount();
    } else {
      // GitLab re-rendered around the anchor: move the host with its shadow root and the React
      // tree in it. No new React root, no new question to the background.
      insert(host, placed.reference, append);
      noteMount(host);
    }
  };
  // Checked before the browser paints the mutation (dom-watch.ts): the host goes
  // in with the anchor's first frame, so GitLab's content below never visibly moves. While the
  // host is in place beside the most preferred anchor, nothing added elsewhere can change where
  // it goes: the page is not queried for each of the batches a board's thousands of nodes come in.
  const stopWatching = watchDom(() => {
    const inPlace = placed && host.isConnected && placed.anchor.isConnected && stillPlaced(host, placed.anchor, placed.reference, append);
    if (inPlace && placed!.anchor.matches(anchors[0]!)) return;
    ensureMounted();
  });
  scope.signal.addEventListener(
    'abort',
    () => {
      stopWatching();
      ui.remove();
      placed = null;
    },
    { once: true },
  );
  ensureMounted();
}

/**
 * A context for one mount: like the page's, but what is registered with its `onInvalidated` is
 * called (and dropped) when the feature's signal aborts or the page's context is invalidated,
 * whichever comes first. Nothing of the mount stays registered on the page's context afterwards.
 */
export function mountScope(ctx: ContentScriptContext, signal: AbortSignal): { ctx: ContentScriptContext; signal: AbortSignal } {
  const controller = new AbortController();
  const end = () => controller.abort();
  signal.addEventListener('abort', end, { once: true });
  const stopWatchingPage = ctx.onInvalidated(end);
  controller.signal.addEventListener(
    'abort',
    () => {
      signal.removeEventListener('abort', end);
      stopWatchingPage();
    },
    { once: true },
  );
  const onInvalidated = (callback: () => void): (() => void) => {
    if (controller.signal.aborted) {
      callback();
      return () => {};
    }
    controller.signal.addEventListener('abort', callback, { once: true });
    return () => controller.signal.removeEventListener('abort', callback);
  };
  // Everything else (options, signal checks) is the page context's.
  const scoped = Object.assign(Object.create(ctx) as ContentScriptContext, { onInvalidated });
  if (signal.aborted || ctx.signal.aborted) end();
  return { ctx: scoped, signal: controller.signal };
}

export type Placement = 'after' | 'after-row' | 'before' | 'first' | 'last';

/** The element the host goes against: the anchor, or for `after-row` the row the anchor is in. */
function referenceOf(anchor: Element, placement: Placement): Element {
  return placement === 'after-row' ? rowOf(anchor) : anchor;
}

function insert(host: Element, reference: Element, placement: Placement): void {
  switch (placement) {
    case 'after':
    case 'after-row':
      reference.after(host);
      return;
    case 'before':
      reference.before(host);
      return;
    case 'first':
      reference.prepend(host);
      return;
    case 'last':
      reference.append(host);
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

/**
 * Whether the host is still where it was put against `reference` (which, for `after-row`, must
 * still hold the anchor: only a new anchor makes us look at styles again).
 */
function stillPlaced(host: Element, anchor: Element, reference: Element, placement: Placement): boolean {
  switch (placement) {
    case 'after':
    case 'after-row':
      return reference.nextElementSibling === host && reference.contains(anchor);
    case 'before':
      return reference.previousElementSibling === host;
    case 'first':
    case 'last':
      return host.parentElement === reference;
  }
}


/**
 * GitLab's keyboard shortcuts must not fire while the user types in our UI, so keys typed into
 * an editable element of ours stop at the host. Other keys go on: Escape closes GitLab's drawer
 * even when focus is on one of our buttons (WXT's `isolateEvents` stopped every key).
 */
function isolateTyping(host: HTMLElement): void {
  for (const type of ['keydown', 'keyup', 'keypress'] as const) {
    host.addEventListener(type, (event) => {
      const target = event.composedPath()[0];
      const editable = target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (editable && event.key !== 'Escape') event.stopPropagation();
    });
  }
}
