// @vitest-environment happy-dom
/**
 * Protects the badges on board cards (entrypoints/gitlab.content/card-badges.ts): exactly one
 * badge host on every card, including cards added later by infinite scroll, re-rendered by a
 * filter or moved by drag and drop; each filled with its own issue's badges; the background
 * asked only for cards whose badges are not known yet, in one message per batch, and again when
 * a sync brought new data for the board's scope; no empty rows while GitLab cannot answer; and
 * nothing left on the board once the feature stops.
 *
 * Animation frames are faked (vi.useFakeTimers with requestAnimationFrame) and stepped by hand.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_BADGES_ID } from '../../../entrypoints/gitlab.content/ui/card-badge-host';
import { startCardBadges } from '../../../entrypoints/gitlab.content/ui/card-badges';
import { listenForSyncPushes } from '../../../entrypoints/gitlab.content/ui/data-changes';
import { SYNC_ENDED_PUSH } from '../../../utils/message-envelope';
import type { BadgeView } from '../../../utils/overview/badge-view';

/** What `load` answers: badges by card path, and the scopes they came from. */
type CardAnswer = Awaited<ReturnType<Parameters<typeof startCardBadges>[0]['load']>>;

const SCOPE = 'project:7';

function element(tag: string, attributes: Record<string, string> = {}, ...children: Node[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** A card as board_card.vue renders it. */
function card(path: string): HTMLElement {
  return element(
    'li',
    { class: 'board-card', 'data-testid': 'board-card', 'data-item-path': path },
    element('span', { class: 'board-card-title' }, document.createTextNode(`Issue ${path}`)),
  );
}

/** A board: its lists element with one <ul> of cards per list. */
function renderBoard(...columns: string[][]): { lists: HTMLElement; uls: HTMLElement[] } {
  const uls = columns.map((paths) => element('ul', { class: 'board-list' }, ...paths.map(card)));
  const lists = element('div', { 'data-testid': 'boards-list' }, ...uls.map((ul) => element('div', { class: 'board' }, ul)));
  document.body.append(element('div', { class: 'boards-app' }, lists));
  return { lists, uls };
}

/** The badges the background computes for an issue. */
function badgesOf(path: string): BadgeView[] {
  return [
    { id: 'due', text: `due ${path}`, explanation: `Due date of ${path}.`, status: 'near' },
    { id: 'age', text: `age ${path}`, explanation: `Age of ${path}.`, status: 'neutral' },
  ];
}

const cardsOf = (path: string) => Array.from(document.querySelectorAll(`li[data-item-path="${path}"]`)) as HTMLElement[];
const hostsIn = (node: Element) => Array.from(node.children).filter((child) => child.getAttribute('data-lens') === CARD_BADGES_ID) as HTMLElement[];
const allHosts = () => document.querySelectorAll(`[data-lens="${CARD_BADGES_ID}"]`);

/** The badge texts a user sees on a card; fails unless the card has exactly one host. */
function shownOn(cardElement: Element): string[] {
  const hosts = hostsIn(cardElement);
  expect(hosts, `hosts on ${cardElement.getAttribute('data-item-path')}`).toHaveLength(1);
  return Array.from(hosts[0]!.shadowRoot?.querySelectorAll('.lens-badge') ?? []).map((badge) => badge.firstChild?.textContent ?? '');
}
const shown = (path: string) => shownOn(cardsOf(path)[0]!);
const expected = (path: string) => badgesOf(path).map((badge) => badge.text);

/** Lets observers, the load promise and what follows it run (real macrotask; frames are faked). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs `count` animation frames, letting pending work settle before and after each. */
async function frames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) {
    await settle();
    vi.advanceTimersToNextFrame();
  }
  await settle();
}

/** A background that knows the given issues (all by default), answering in one message per batch. */
function background(knows: (path: string) => boolean = () => true) {
  return vi.fn(async (paths: string[]): Promise<CardAnswer> => ({
    cards: Object.fromEntries(paths.filter(knows).map((path) => [path, badgesOf(path)])),
    scopes: [SCOPE],
    complete: true,
  }));
}

let controller: AbortController;
let ctx: ContentScriptContext;
let onError: Mock<(error: unknown) => void>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
  listenForSyncPushes(ctx);
  controller = new AbortController();
  onError = vi.fn<(error: unknown) => void>();
});

afterEach(() => {
  controller.abort();
  ctx.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

function start(load: (paths: string[]) => Promise<CardAnswer>, prefetched?: Promise<CardAnswer> | CardAnswer) {
  startCardBadges({ signal: controller.signal, load, prefetched, theme: () => 'dark', onError });
}

/** What the background pushes when a sync it ran for this tab ended. */
function push(scope: string, outcome: { ok: true } | { ok: false; error: { kind: string; message: string } } = { ok: true }) {
  return fakeBrowser.runtime.onMessage.trigger({ name: SYNC_ENDED_PUSH, scope, ...outcome }, { id: fakeBrowser.runtime.id });
}

describe('board card badges', () => {
  it("puts one host on every card, filled with that card's badges, in one ask", async () => {
    renderBoard(['g/p#1', 'g/p#2'], ['g/p#3']);
    const load = background();
    start(load);
    await frames();

    for (const path of ['g/p#1', 'g/p#2', 'g/p#3']) expect(shown(path)).toEqual(expected(path));
    expect(allHosts()).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load.mock.calls[0]![0].sort()).toEqual(['g/p#1', 'g/p#2', 'g/p#3']);
    expect((allHosts()[0] as HTMLElement).dataset.theme).toBe('dark');
    // The card's own content is untouched; the host comes after it.
    expect(cardsOf('g/p#1')[0]!.firstElementChild!.textContent).toBe('Issue g/p#1');
    expect(cardsOf('g/p#1')[0]!.lastElementChild!.getAttribute('data-lens')).toBe(CARD_BADGES_ID);
  });

  it('gives cards added later (infinite scroll) their badges, asking only for those cards, once per batch', async () => {
    const { uls } = renderBoard(['g/p#1'], []);
    const load = background();
    start(load);
    await frames();
    expect(load).toHaveBeenCalledTimes(1);

    const more = Array.from({ length: 40 }, (_, i) => `g/p#${100 + i}`);
    uls[0]!.append(...more.slice(0, 20).map(card));
    uls[1]!.append(...more.slice(20).map(card));
    await frames();

    expect(load).toHaveBeenCalledTimes(2);
    expect(load.mock.calls[1]![0].sort()).toEqual([...more].sort());
    for (const path of ['g/p#1', ...more]) expect(shown(path)).toEqual(expected(path));
    expect(allHosts()).toHaveLength(41);
  });

  it('keeps one host and the badges on a card dragged to another list, without asking again', async () => {
    const { uls } = renderBoard(['g/p#1', 'g/p#2'], ['g/p#3']);
    const load = background();
    start(load);
    await frames();

    // Sortable moves the card element itself.
    uls[1]!.prepend(cardsOf('g/p#1')[0]!);
    await frames();
    expect(cardsOf('g/p#1')[0]!.parentElement).toBe(uls[1]);
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));

    // Apollo then re-renders it: a new element for the same issue in the new list.
    cardsOf('g/p#2')[0]!.remove();
    uls[1]!.append(card('g/p#2'));
    await frames();
    expect(shown('g/p#2')).toEqual(expected('g/p#2'));

    expect(allHosts()).toHaveLength(3);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('replaces the host a drag copy carries over with its own filled one', async () => {
    const { uls } = renderBoard(['g/p#1'], []);
    start(background());
    await frames();

    // A copy of the card made while dragging: the host comes along without its shadow root.
    const copy = cardsOf('g/p#1')[0]!.cloneNode(true) as HTMLElement;
    expect(hostsIn(copy)).toHaveLength(1);
    uls[1]!.append(copy);
    await frames();

    for (const each of cardsOf('g/p#1')) expect(shownOn(each)).toEqual(expected('g/p#1'));
    expect(allHosts()).toHaveLength(2);
  });

  it('does not keep the old badges on a card element GitLab re-uses for another issue', async () => {
    const { uls } = renderBoard(['g/p#1', 'g/p#2']);
    let answer!: (value: CardAnswer) => void;
    const load = vi
      .fn<(paths: string[]) => Promise<CardAnswer>>()
      .mockImplementationOnce(background())
      .mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
    start(load);
    await frames();
    const reused = cardsOf('g/p#1')[0]!;
    expect(shownOn(reused)).toEqual(expected('g/p#1'));

    // A filter re-renders the list: Vue patches the card in place for issue #9.
    reused.setAttribute('data-item-path', 'g/p#9');
    await frames();
    expect(load).toHaveBeenLastCalledWith(['g/p#9']);
    expect(shownOn(reused)).toEqual([]);

    answer({ cards: { 'g/p#9': badgesOf('g/p#9') }, scopes: [SCOPE], complete: true });
    await frames();
    expect(shownOn(reused)).toEqual(expected('g/p#9'));

    // Re-used for an issue whose badges are known: shown at once, without asking.
    cardsOf('g/p#2')[0]!.setAttribute('data-item-path', 'g/p#1');
    await frames();
    expect(shownOn(uls[0]!.children[1]!)).toEqual(expected('g/p#1'));
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('puts prefetched badges on cards as they render, asking only for the cards it lacked', async () => {
    const { uls } = renderBoard([]);
    const load = background();
    start(load, Promise.resolve({ cards: { 'g/p#1': badgesOf('g/p#1'), 'g/p#2': badgesOf('g/p#2') }, scopes: [SCOPE], complete: true }));
    await frames();
    expect(load).not.toHaveBeenCalled();

    uls[0]!.append(card('g/p#1'), card('g/p#2'), card('g/p#3'));
    await frames(1);
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    expect(shown('g/p#2')).toEqual(expected('g/p#2'));
    await frames();
    expect(shown('g/p#3')).toEqual(expected('g/p#3'));
    expect(load).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledWith(['g/p#3']);
  });

  it('does not ask again for an issue the background does not know, until a sync brings data', async () => {
    // A warm cache: the prefetch (nothing about these cards) arrives before GitLab renders them.
    const { uls } = renderBoard([]);
    let knowsTwo = false;
    const load = background((path) => path !== 'g/p#2' || knowsTwo);
    start(load, Promise.resolve({ cards: {}, scopes: [SCOPE], complete: true }));
    await frames();
    uls[0]!.append(card('g/p#1'), card('g/p#2'));
    await frames();
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    // Not known yet on a synced scope: no host (nothing to say until data says otherwise).
    expect(hostsIn(cardsOf('g/p#2')[0]!)).toHaveLength(0);

    uls[0]!.append(card('g/p#3'));
    await frames();
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenLastCalledWith(['g/p#3']);

    knowsTwo = true;
    await push(SCOPE);
    await frames();
    expect(load).toHaveBeenCalledTimes(3);
    expect(load.mock.calls[2]![0].sort()).toEqual(['g/p#1', 'g/p#2', 'g/p#3']);
    expect(shown('g/p#2')).toEqual(expected('g/p#2'));
    expect(allHosts()).toHaveLength(3);
  });

  it('asks again only after a successful sync of a scope the badges came from', async () => {
    renderBoard(['g/p#1']);
    let text = 'before';
    const load = vi.fn(async (paths: string[]): Promise<CardAnswer> => ({
      cards: Object.fromEntries(paths.map((path) => [path, [{ ...badgesOf(path)[0]!, text }]])),
      scopes: [SCOPE],
      complete: true,
    }));
    start(load);
    await frames();
    expect(shown('g/p#1')).toEqual(['before']);

    text = 'after';
    await push('project:8');
    await push(SCOPE, { ok: false, error: { kind: 'network', message: 'GitLab is unreachable' } });
    await frames();
    expect(load).toHaveBeenCalledTimes(1);
    expect(shown('g/p#1')).toEqual(['before']);

    await push(SCOPE);
    await frames();
    expect(load).toHaveBeenCalledTimes(2);
    expect(shown('g/p#1')).toEqual(['after']);
  });

  it('leaves no empty hosts while the background cannot answer, and says why once per failure', async () => {
    const { uls } = renderBoard(['g/p#1', 'g/p#2']);
    const load = vi.fn<(paths: string[]) => Promise<CardAnswer>>().mockRejectedValue(new Error('GitLab is unreachable'));
    start(load);
    await frames();
    expect(allHosts()).toHaveLength(0);
    expect(onError).toHaveBeenCalledTimes(1);

    // Cards rendered while it still fails get no empty rows either.
    uls[0]!.append(card('g/p#3'));
    await frames();
    expect(load).toHaveBeenCalledTimes(2);
    expect(allHosts()).toHaveLength(0);

    // Once it answers again, new cards get their badges, and so do the cards whose ask failed.
    load.mockImplementation(background());
    uls[0]!.append(card('g/p#4'));
    await frames(5);
    for (const path of ['g/p#1', 'g/p#2', 'g/p#3', 'g/p#4']) expect(shown(path), path).toEqual(expected(path));
  });

  it('gives a card with nothing to say no host at all, once the background has answered', async () => {
    const { uls } = renderBoard([]);
    // #2 is known to the background but needs no attention: its badges are [].
    const load = vi.fn(async (paths: string[]): Promise<CardAnswer> => ({
      cards: Object.fromEntries(paths.map((path) => [path, path === 'g/p#2' ? [] : badgesOf(path)])),
      scopes: [SCOPE],
      complete: true,
    }));
    start(load, Promise.resolve({ cards: {}, scopes: [SCOPE], complete: true }));
    await frames();
    uls[0]!.append(card('g/p#1'), card('g/p#2'), card('g/p#3'));
    await frames();
    expect(hostsIn(cardsOf('g/p#2')[0]!)).toHaveLength(0);
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    expect(allHosts()).toHaveLength(2);
  });

  it('uses a prefetch that has already come for the very first scan: only cards with something to say get a host', async () => {
    renderBoard(['g/p#1', 'g/p#2', 'g/p#3']);
    const load = background();
    start(load, { cards: { 'g/p#1': badgesOf('g/p#1'), 'g/p#2': [], 'g/p#3': [] }, scopes: [SCOPE], complete: true });
    // In the same frame: GitLab's first layout of the cards already holds the one host.
    expect(allHosts()).toHaveLength(1);
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    await frames();
    expect(allHosts()).toHaveLength(1);
    expect(load).not.toHaveBeenCalled();
  });

  it('cards GitLab renders before any answer get an empty host, so badges coming later move nothing', async () => {
    renderBoard(['g/p#1', 'g/p#2']);
    let answer: (value: CardAnswer) => void = () => {};
    start(vi.fn(() => new Promise<CardAnswer>((resolve) => (answer = resolve))));
    await frames();
    expect(allHosts()).toHaveLength(2);
    answer({ cards: { 'g/p#1': badgesOf('g/p#1'), 'g/p#2': [] }, scopes: [SCOPE], complete: true });
    await frames();
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    // The reserved row stays: taking it away would move the cards below.
    expect(shown('g/p#2')).toEqual([]);
  });

  it('on a cold cache, reserves an empty host on the cards so badges coming later move nothing', async () => {
    // The prefetch says the board's scope has not synced yet.
    renderBoard([]);
    let answer: (value: CardAnswer) => void = () => {};
    const load = vi.fn(() => new Promise<CardAnswer>((resolve) => (answer = resolve)));
    start(load, Promise.resolve({ cards: {}, scopes: [SCOPE], complete: false }));
    await frames();
    const { uls } = { uls: Array.from(document.querySelectorAll('ul.board-list')) as HTMLElement[] };
    uls[0]!.append(card('g/p#1'), card('g/p#2'));
    await frames();
    expect(allHosts()).toHaveLength(2);
    expect(shown('g/p#1')).toEqual([]);

    // The sync ends: #1 needs attention, #2 does not; the hosts stay, so nothing moves.
    answer({ cards: { 'g/p#1': badgesOf('g/p#1'), 'g/p#2': [] }, scopes: [SCOPE], complete: true });
    await frames();
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    expect(shown('g/p#2')).toEqual([]);
    // From now on a card with nothing to say gets none.
    uls[0]!.append(card('g/p#3'));
    load.mockResolvedValue({ cards: { 'g/p#3': [] }, scopes: [SCOPE], complete: true });
    await frames();
    expect(hostsIn(cardsOf('g/p#3')[0]!)).toHaveLength(0);
  });

  it('reserves empty hosts before any answer only on the top 15 cards of each list, where the board opens', async () => {
    const paths = Array.from({ length: 20 }, (_, i) => `g/p#${i + 1}`);
    renderBoard(paths, ['g/q#1']);
    let answer: (value: CardAnswer) => void = () => {};
    start(vi.fn(() => new Promise<CardAnswer>((resolve) => (answer = resolve))));
    await frames();
    expect(paths.map((path) => hostsIn(cardsOf(path)[0]!).length)).toEqual([...Array(15).fill(1), ...Array(5).fill(0)]);
    expect(hostsIn(cardsOf('g/q#1')[0]!)).toHaveLength(1);
    // #18, out of view below, needs attention: it gets its row with the answer; #20 gets none.
    answer({ cards: Object.fromEntries(paths.map((path) => [path, path === 'g/p#18' ? badgesOf(path) : []])), scopes: [SCOPE], complete: true });
    await frames();
    expect(shown('g/p#18')).toEqual(expected('g/p#18'));
    expect(hostsIn(cardsOf('g/p#20')[0]!)).toHaveLength(0);
    expect(allHosts()).toHaveLength(17);
  });

  it('fills the top cards of every list first, a few per frame', async () => {
    // Each performance.now() call is 10 ms later: a 25 ms slice fills two cards.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const columns = [
      ['a#1', 'a#2', 'a#3'],
      ['b#1', 'b#2', 'b#3'],
    ];
    renderBoard(...columns);
    start(background());
    await settle();
    const filled = () => columns.flat().filter((path) => shown(path).length > 0);

    // The answer's own frame fills the first slice; the rest follows frame by frame.
    expect(filled()).toEqual(['a#1', 'b#1']);
    vi.advanceTimersToNextFrame();
    expect(filled()).toEqual(['a#1', 'a#2', 'b#1', 'b#2']);
    vi.advanceTimersToNextFrame();
    expect(filled()).toHaveLength(6);
  });

  it('follows a lists element GitLab replaces as a whole', async () => {
    const { lists } = renderBoard(['g/p#1']);
    const load = background();
    start(load);
    await frames();

    const fresh = element('div', { 'data-testid': 'boards-list' }, element('div', { class: 'board' }, element('ul', {}, card('g/p#1'), card('g/p#2'))));
    lists.replaceWith(fresh);
    await frames();
    expect(shown('g/p#1')).toEqual(expected('g/p#1'));
    expect(shown('g/p#2')).toEqual(expected('g/p#2'));
    expect(load).toHaveBeenCalledTimes(2);
    expect(load).toHaveBeenLastCalledWith(['g/p#2']);

    // And keeps watching the new one.
    fresh.querySelector('ul')!.append(card('g/p#3'));
    await frames();
    expect(shown('g/p#3')).toEqual(expected('g/p#3'));
  });

  it('removes every host when the feature stops, and adds none afterwards', async () => {
    const { uls } = renderBoard(['g/p#1', 'g/p#2'], ['g/p#3']);
    let answer!: (value: CardAnswer) => void;
    const load = vi
      .fn<(paths: string[]) => Promise<CardAnswer>>()
      .mockImplementationOnce(background())
      .mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    start(load);
    await frames();
    uls[1]!.append(card('g/p#4'));
    await frames();
    expect(load).toHaveBeenCalledTimes(2);
    // #4's answer is still on its way: it has no host yet.
    expect(allHosts()).toHaveLength(3);

    controller.abort();
    expect(allHosts()).toHaveLength(0);

    // The answer in flight, new cards and syncs change nothing any more.
    answer({ cards: { 'g/p#4': badgesOf('g/p#4') }, scopes: [SCOPE], complete: true });
    uls[0]!.append(card('g/p#5'));
    await push(SCOPE);
    await frames();
    expect(allHosts()).toHaveLength(0);
    expect(load).toHaveBeenCalledTimes(2);
    expect(onError).not.toHaveBeenCalled();
  });
});
