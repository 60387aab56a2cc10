/**
 * Keeps exactly one badge host on every board card, including cards that infinite scroll,
 * filtering or drag and drop add later (DOM.md §7: Apollo and Sortable re-render cards).
 *
 * - A MutationObserver on the lists (batched per animation frame) finds new, moved and
 *   re-rendered cards; a cheap one on <body> notices when the lists element itself is replaced.
 * - Badges of all cards without data come from the background in one message per batch.
 * - Hosts are created in slices of a few milliseconds per frame, so no task grows long.
 * - A card that carries a host we did not make (a copy made while dragging) loses it.
 */
import type { BadgeView } from '../../utils/overview/badge-view';
import { boardAnchors, boardCardPathAttribute, firstMatch } from '../../utils/page/anchors';
import { CARD_BADGES_ID, createCardHost, fillCardHost, sameBadges } from './card-badge-host';
import { onDataChanged } from './data-changes';

/** Script time per frame spent creating hosts (the browser's layout comes on top). */
const SLICE_MS = 8;
const CARD_SELECTOR = boardAnchors.card.join(', ');
const HOST_SELECTOR = `[data-lens="${CARD_BADGES_ID}"]`;

export interface CardBadgesOptions {
  signal: AbortSignal;
  /** Badges by card path; cards the background does not know yet are left out. */
  load(paths: string[]): Promise<Record<string, BadgeView[]>>;
  theme: string;
  onError(error: unknown): void;
}

interface Rendered {
  host: HTMLElement;
  path: string;
  badges: readonly BadgeView[];
}

export function startCardBadges({ signal, load, theme, onError }: CardBadgesOptions): void {
  const known = new Map<string, readonly BadgeView[]>();
  /** Paths asked for (in flight, or unknown to the background until its data changes). */
  const asked = new Set<string>();
  const rendered = new WeakMap<Element, Rendered>();
  const ownHosts = new WeakSet<Element>();
  let queue: Element[] = [];
  let next = 0;
  let scanFrame = 0;
  let sliceFrame = 0;
  let observedLists: Element | null = null;

  // Our own hosts going in or out need no new scan.
  const listsObserver = new MutationObserver((records) => {
    if (records.some((record) => !isOwnHostRecord(record))) scheduleScan();
  });
  const pageObserver = new MutationObserver(() => {
    if (!observedLists?.isConnected) scheduleScan();
  });
  pageObserver.observe(document.body, { childList: true, subtree: true });
  const stopListening = onDataChanged(() => refresh());
  signal.addEventListener('abort', stop, { once: true });
  scan();

  function scheduleScan(): void {
    if (!scanFrame && !signal.aborted) scanFrame = requestAnimationFrame(scan);
  }

  function scan(): void {
    scanFrame = 0;
    if (signal.aborted) return;
    const lists = firstMatch(document, boardAnchors.lists);
    if (lists !== observedLists) {
      listsObserver.disconnect();
      observedLists = lists;
      if (lists) listsObserver.observe(lists, { childList: true, subtree: true, attributes: true, attributeFilter: [boardCardPathAttribute] });
    }
    if (!lists) return;
    const missing: string[] = [];
    const queued = new Set(queue.slice(next));
    for (const card of lists.querySelectorAll(CARD_SELECTOR)) {
      removeStrayHosts(card);
      const path = card.getAttribute(boardCardPathAttribute);
      if (!path) continue;
      const badges = known.get(path);
      if (!badges) {
        if (!asked.has(path)) missing.push(path);
        continue;
      }
      const state = rendered.get(card);
      const current = state && state.host.parentElement === card && state.path === path && state.badges === badges;
      if (!current && !queued.has(card)) queue.push(card);
    }
    if (missing.length) void ask(missing);
    if (queue.length > next && !sliceFrame) renderSlice();
  }

  function isOwnHostRecord(record: MutationRecord): boolean {
    if (record.type !== 'childList') return false;
    for (const node of record.addedNodes) if (!ownHosts.has(node as Element)) return false;
    for (const node of record.removedNodes) if (!ownHosts.has(node as Element)) return false;
    return true;
  }

  /** Hosts we did not make (cloned with a dragged card) or left over in a re-used card. */
  function removeStrayHosts(card: Element): void {
    for (const child of Array.from(card.children)) {
      if (child.matches(HOST_SELECTOR) && (!ownHosts.has(child) || rendered.get(card)?.host !== child)) child.remove();
    }
  }

  async function ask(paths: string[], force = false): Promise<void> {
    for (const path of paths) asked.add(path);
    let answer: Record<string, BadgeView[]>;
    try {
      answer = await load(paths);
    } catch (error) {
      if (!signal.aborted) onError(error);
      return;
    }
    if (signal.aborted) return;
    let changed = false;
    for (const path of paths) {
      const badges = answer[path];
      const before = known.get(path);
      if (badges && !(before && sameBadges(before, badges))) {
        known.set(path, badges);
        changed = true;
      }
    }
    if (changed || force) scan();
  }

  function renderSlice(): void {
    sliceFrame = 0;
    const start = performance.now();
    while (next < queue.length && performance.now() - start < SLICE_MS) render(queue[next++]!);
    if (next < queue.length) {
      sliceFrame = requestAnimationFrame(renderSlice);
    } else {
      queue = [];
      next = 0;
    }
  }

  function render(card: Element): void {
    const path = card.getAttribute(boardCardPathAttribute);
    const badges = path ? known.get(path) : undefined;
    if (!path || !badges || !card.isConnected) return;
    const state = rendered.get(card);
    if (state && state.host.parentElement === card) {
      if (state.path !== path || state.badges !== badges) fillCardHost(state.host, badges);
      rendered.set(card, { host: state.host, path, badges });
      return;
    }
    const host = createCardHost(badges, theme);
    ownHosts.add(host);
    rendered.set(card, { host, path, badges });
    card.append(host);
  }

  /** The background's data changed: ask again for every card on the board. */
  function refresh(): void {
    if (signal.aborted || !observedLists) return;
    asked.clear();
    const paths = new Set<string>();
    for (const card of observedLists.querySelectorAll(CARD_SELECTOR)) {
      const path = card.getAttribute(boardCardPathAttribute);
      if (path) paths.add(path);
    }
    if (paths.size) void ask([...paths], true);
  }

  function stop(): void {
    cancelAnimationFrame(scanFrame);
    cancelAnimationFrame(sliceFrame);
    listsObserver.disconnect();
    pageObserver.disconnect();
    stopListening();
    for (const host of document.querySelectorAll(HOST_SELECTOR)) host.remove();
  }
}
