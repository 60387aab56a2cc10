// @vitest-environment happy-dom
/**
 * The oldest board cards (GitLab 13.x board_card.vue) name their issue in `data-issue-path`, not
 * `data-item-path`: card-badges.ts must badge them as well, find them among GitLab's markup of
 * that version (test/fixtures/gitlab-dom/13.x/board.html) and follow a change of that attribute
 * as it follows `data-item-path` (a card element Vue re-uses for another issue).
 *
 * Animation frames are faked and stepped by hand, as in test/unit/content/card-badges.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_BADGES_ID } from '../../../entrypoints/gitlab.content/ui/card-badge-host';
import { startCardBadges } from '../../../entrypoints/gitlab.content/ui/card-badges';
import { listenForSyncPushes } from '../../../entrypoints/gitlab.content/ui/data-changes';
import type { BadgeView } from '../../../utils/overview/badge-view';

type CardAnswer = Awaited<ReturnType<Parameters<typeof startCardBadges>[0]['load']>>;

const BOARD_13 = fileURLToPath(new NodeURL('../../fixtures/gitlab-dom/13.x/board.html', import.meta.url));

function badgesOf(path: string): BadgeView[] {
  return [{ id: 'due', text: `due ${path}`, explanation: `Due date of ${path}.`, status: 'near' }];
}

const background = () =>
  vi.fn(async (paths: string[]): Promise<CardAnswer> => ({
    cards: Object.fromEntries(paths.map((path) => [path, badgesOf(path)])),
    scopes: ['project:1'],
    complete: true,
  }));

/** The badge texts shown on a card; fails unless the card has exactly one host. */
function shownOn(card: Element): string[] {
  const hosts = Array.from(card.children).filter((child) => child.getAttribute('data-lens') === CARD_BADGES_ID);
  expect(hosts).toHaveLength(1);
  return Array.from(hosts[0]!.shadowRoot?.querySelectorAll('.lens-badge') ?? []).map((badge) => badge.firstChild?.textContent ?? '');
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
async function frames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) {
    await settle();
    vi.advanceTimersToNextFrame();
  }
  await settle();
}

let controller: AbortController;
let ctx: ContentScriptContext;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
  fakeBrowser.reset();
  ctx = new ContentScriptContext('test');
  listenForSyncPushes(ctx);
  controller = new AbortController();
  const parsed = new DOMParser().parseFromString(readFileSync(BOARD_13, 'utf8'), 'text/html');
  document.body.append(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
});

afterEach(() => {
  controller.abort();
  ctx.abort();
  vi.restoreAllMocks();
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('card badges on GitLab 13.x cards (data-issue-path)', () => {
  it('asks for and shows the badges of every card', async () => {
    const load = background();
    startCardBadges({ signal: controller.signal, load, theme: () => 'light', onError: () => {} });
    await frames();

    expect(load).toHaveBeenCalledWith(['gitlab-org/gitlab-test#12', 'gitlab-org/gitlab-test#13']);
    for (const card of document.querySelectorAll('li[data-issue-path]')) {
      expect(shownOn(card)).toEqual([`due ${card.getAttribute('data-issue-path')}`]);
    }
  });

  it('follows a card re-used for another issue', async () => {
    startCardBadges({ signal: controller.signal, load: background(), theme: () => 'light', onError: () => {} });
    await frames();
    const card = document.querySelector('li[data-issue-path="gitlab-org/gitlab-test#13"]')!;

    card.setAttribute('data-issue-path', 'gitlab-org/gitlab-test#14');
    await frames();

    expect(shownOn(card)).toEqual(['due gitlab-org/gitlab-test#14']);
  });
});
