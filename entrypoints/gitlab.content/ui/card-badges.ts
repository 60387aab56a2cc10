/**
 * Keeps one badge host on every board card that needs one, including cards that infinite
 * scroll, filtering or drag and drop add later (DOM.md §7: Apollo and Sortable re-render cards).
 * Only cards with something to say get a host (overdue, due soon: utils/overview/card-badges.ts);
 * a card with nothing to say gets no empty row.
 *
 * - A MutationObserver on the lists, batched per animation frame, finds new, moved and
 *   re-rendered cards; the frame callback runs before the browser lays the new cards out, so
 *   hosts of cards whose badges are known (prefetched on a warm cache) are part of that first
 *   layout. Cards near the top of a list that render before their data (a cold cache, or a
 *   page faster than the prefetch) get an empty host of the final height at once instead, so
 *   the badges that come later move nothing in view. A cheap listener on the shared document observer (dom-watch.ts)
 *   notices when the lists element itself is replaced.
 * - Badges of all cards without data come from the background in one message per batch.
 * - Hosts are filled in slices of a few milliseconds per frame, top cards of every list first,
 *   so no task grows long and the cards in view are done first.
 * - A card that carries a host we did not make (a copy made while dragging) loses it.
 */
import type { BadgeView } from '../../../utils/overview/badge-view';
import { boardAnchors, boardCardPathAttributes, cardPathOf, firstMatch } from '../../../utils/page/anchors';
import { CARD_BADGES_ID, createCardHost, fillCardHost, sameBadges } from './card-badge-host';
import { onSyncEnded } from './data-changes';
import { watchDom } from './dom-watch';

/**
 * Script time per slice spent filling hosts: well under the 50 ms long-task budget (SPEC §9)
 * with room for the browser's style and layout, yet few frames for 1,000 cards.
 */
const SLICE_MS = 25;
const CARD_SELECTOR = boardAnchors.card.join(', ');
/** Cards per list that can be in view when a board opens (a tall screen shows about a dozen). */
const RESERVED_RANKS = 15;
const HOST_SELECTOR = `[data-lens="${CARD_BADGES_ID}"]`;
const HOST_CHILD_SELECTOR = `:scope > ${HOST_SELECTOR}`;

/** Badges by card path (cards the background does not know yet are left out) and the scopes they came from. */
export interface CardAnswer {
  cards: Record<string, BadgeView[]>;
  scopes: readonly string[];
  /** The board's scope has synced: a card it does not answer for has nothing to say. */
  complete: boolean;
}

interface CardBadgesOptions {
  signal: AbortSignal;
  load(paths: string[]): Promise<CardAnswer>;
  /**
   * Badges asked for before the cards rendered (the scope's likely cards), if any: a promise, or
   * the answer itself when it has already come (then it counts for the very first scan).
   */
  prefetched?: Promise<CardAnswer> | CardAnswer;
  /** The theme of hosts made now (GitLab's may change while the board is open: ui/theme.ts). */
  theme: () => string;
  onError(error: unknown): void;
}

interface CardState {
  host: HTMLElement;
  /** What the host shows, null while empty. */
  path: string | null;
  badges: readonly BadgeView[] | null;
}

export function startCardBadges({ signal, load, prefetched, theme, onError }: CardBadgesOptions): void {
  const known = new Map<string, readonly BadgeView[]>();
  /** Paths asked for (in flight, or unknown to the background until its data changes). */
  const asked = new Set<string>();
  const cards = new WeakMap<Element, CardState>();
  const ownHosts = new WeakSet<Element>();
  /** Cards a scan looked at while the page was parsed (see `scan`). */
  const seenWhileParsing = new WeakSet<Element>();
  let fillQueue: Element[] = [];
  let next = 0;
  let scanFrame = 0;
  let fillFrame = 0;
  let observedLists: Element | null = null;
  /** The last ask failed: no empty hosts for cards without data until one succeeds. */
  let failing = false;
  /** Scopes the badges came from: a sync of one of them that brought data means asking again. */
  const scopes = new Set<string>();
  /**
   * Cards without data yet get an empty host now, so badges that come later move nothing: while
   * no answer has come (GitLab rendered the board before the prefetch arrived) and while the
   * cache is cold. Once an answer says the scope has synced, a card without data has nothing to
   * say and gets no host.
   */
  let reserveEmpty = true;

  // Our own hosts going in or out need no new scan.
  const listsObserver = new MutationObserver((records) => {
    if (records.some((record) => !isOwnHostRecord(record))) scheduleScan();
  });
  /** The lists observer is attached once the page is parsed (dom-watch.ts says why). */
  let listsObserved = false;
  // While the page is parsed, every frame; then when the lists element itself is replaced.
  const stopWatchingPage = watchDom(() => {
    if (!listsObserved || !observedLists?.isConnected) scheduleScan();
  });
  const stopListening = onSyncEnded((push) => {
    if (push.ok && scopes.has(push.scope)) refresh();
  });
  signal.addEventListener('abort', stop, { once: true });
  const takePrefetched = (answer: CardAnswer) => {
    for (const scope of answer.scopes) scopes.add(scope);
    reserveEmpty = !answer.complete;
    for (const [path, badges] of Object.entries(answer.cards)) if (!known.has(path)) known.set(path, badges);
  };
  if (prefetched instanceof Promise) {
    prefetched.then(
      (answer) => {
        if (signal.aborted) return;
        takePrefetched(answer);
        scan();
      },
      () => {
        // Cards are then asked for as they appear.
      },
    );
  } else if (prefetched) {
    takePrefetched(prefetched);
  }
  scan();

  function scheduleScan(): void {
    if (!scanFrame && !signal.aborted) scanFrame = requestAnimationFrame(() => scan(false));
  }

  /**
   * `full`: look at every card again (new answers came). Otherwise, while the page is still
   * parsed (one scan per frame), cards looked at in an earlier frame are passed over: nothing
   * re-renders them before parsing ends, and the scan after it is full.
   */
  function scan(full = true): void {
    scanFrame = 0;
    if (signal.aborted) return;
    const lists = firstMatch(document, boardAnchors.lists);
    const parsed = document.readyState !== 'loading';
    if (lists !== observedLists || (parsed && !listsObserved)) {
      listsObserver.disconnect();
      observedLists = lists;
      listsObserved = Boolean(lists && parsed);
      if (lists && parsed) listsObserver.observe(lists, { childList: true, subtree: true, attributes: true, attributeFilter: [...boardCardPathAttributes] });
    }
    if (!lists) return;
    const missing: string[] = [];
    const queued = new Set(fillQueue.slice(next));
    const added: { card: Element; rank: number }[] = [];
    const perList = new Map<Element | null, number>();
    const incremental = !full && document.readyState === 'loading';
    for (const card of lists.querySelectorAll(CARD_SELECTOR)) {
      const rank = perList.get(card.parentElement) ?? 0;
      perList.set(card.parentElement, rank + 1);
      if (incremental) {
        if (seenWhileParsing.has(card)) continue;
        seenWhileParsing.add(card);
      }
      const path = cardPathOf(card);
      if (!path) continue;
      const badges = known.get(path);
      // A card without data gets a reserved host only near the top of its list, where the page
      // opens: an empty row on every card would stay on the many that turn out to need none,
      // and a list's lower cards are out of view (a row put in there later moves nothing seen).
      const needsHost = badges ? badges.length > 0 : reserveEmpty && !failing && rank < RESERVED_RANKS;
      const state = needsHost ? hostOf(card) : keptHost(card);
      if (!badges) {
        if (!asked.has(path)) missing.push(path);
        // A card element re-used for another issue must not show the previous one's badges.
        if (state && state.path !== null && state.path !== path) clear(state);
      } else if (state && (state.path !== path || state.badges !== badges) && !queued.has(card)) {
        added.push({ card, rank });
      }
    }
    // Top cards of every list first: those are the ones in view.
    for (const { card } of added.sort((a, b) => a.rank - b.rank)) fillQueue.push(card);
    if (missing.length) void ask(missing);
    // Fill now, in this frame, so prefetched badges go in with the cards; the rest follows in
    // the next frames.
    if (fillQueue.length > next && !fillFrame) fillSlice();
  }

  /** The card's one host: kept, re-attached, or made (empty) now; strays are removed. */
  function hostOf(card: Element): CardState {
    let state = keptHost(card) ?? cards.get(card);
    if (!state) {
      const host = createCardHost(theme());
      ownHosts.add(host);
      state = { host, path: null, badges: null };
      cards.set(card, state);
    }
    if (state.host.parentElement !== card) card.append(state.host);
    return state;
  }

  /**
   * The card's host if it still carries it (a card with nothing new to say keeps what it has:
   * taking a row away would move the card's neighbours); hosts we did not make are removed.
   */
  function keptHost(card: Element): CardState | null {
    const state = cards.get(card);
    // A native query: most cards have no host, and walking every card's children from our world
    // costs a wrapper per child on each scan.
    for (const child of card.querySelectorAll(HOST_CHILD_SELECTOR)) if (child !== state?.host) child.remove();
    return state && state.host.parentElement === card ? state : null;
  }

  function isOwnHostRecord(record: MutationRecord): boolean {
    if (record.type !== 'childList') return false;
    for (const node of record.addedNodes) if (!ownHosts.has(node as Element)) return false;
    for (const node of record.removedNodes) if (!ownHosts.has(node as Element)) return false;
    return true;
  }

  async function ask(paths: string[], force = false): Promise<void> {
    for (const path of paths) asked.add(path);
    let answer: CardAnswer;
    try {
      answer = await load(paths);
    } catch (error) {
      // Not answered: these cards are asked for again with the next ask that can be made.
      for (const path of paths) asked.delete(path);
      if (signal.aborted) return;
      onError(error);
      if (!failing) removeEmptyHosts();
      failing = true;
      return;
    }
    if (signal.aborted) return;
    failing = false;
    for (const scope of answer.scopes) scopes.add(scope);
    reserveEmpty = !answer.complete;
    let changed = false;
    for (const path of paths) {
      const badges = answer.cards[path];
      const before = known.get(path);
      if (badges && !(before && sameBadges(before, badges))) {
        known.set(path, badges);
        changed = true;
      }
    }
    if (changed || force) scan();
  }

  /** Without answers (GitLab unreachable...) empty rows would only take space on every card. */
  function removeEmptyHosts(): void {
    for (const card of observedLists?.querySelectorAll(CARD_SELECTOR) ?? []) {
      const state = cards.get(card);
      if (state && state.path === null) {
        state.host.remove();
        cards.delete(card);
      }
    }
  }

  function fillSlice(): void {
    fillFrame = 0;
    if (signal.aborted) return;
    const start = performance.now();
    while (next < fillQueue.length && performance.now() - start < SLICE_MS) fill(fillQueue[next++]!);
    if (next < fillQueue.length) {
      fillFrame = requestAnimationFrame(fillSlice);
    } else {
      fillQueue = [];
      next = 0;
    }
  }

  function fill(card: Element): void {
    const state = cards.get(card);
    const path = cardPathOf(card);
    const badges = path ? known.get(path) : undefined;
    if (!state || !path || !badges || state.host.parentElement !== card) return;
    if (state.path === path && state.badges === badges) return;
    fillCardHost(state.host, badges);
    state.path = path;
    state.badges = badges;
  }

  function clear(state: CardState): void {
    fillCardHost(state.host, []);
    state.path = null;
    state.badges = null;
  }

  /** A sync brought new data: ask again for every card on the board. */
  function refresh(): void {
    if (signal.aborted || !observedLists) return;
    asked.clear();
    const paths = new Set<string>();
    for (const card of observedLists.querySelectorAll(CARD_SELECTOR)) {
      const path = cardPathOf(card);
      if (path) paths.add(path);
    }
    if (paths.size) void ask([...paths], true);
  }

  function stop(): void {
    cancelAnimationFrame(scanFrame);
    cancelAnimationFrame(fillFrame);
    listsObserver.disconnect();
    stopWatchingPage();
    stopListening();
    for (const host of document.querySelectorAll(HOST_SELECTOR)) host.remove();
  }
}
