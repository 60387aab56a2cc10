// @vitest-environment happy-dom
/**
 * The selector registry (utils/page/anchors.ts) against GitLab's own markup: one fragment per
 * GitLab version and page (test/fixtures/gitlab-dom/<version>/<page>.html), each written from
 * GitLab's templates and naming on its first line the source files and version it came from (not
 * from our stand-in GitLab, which was written from the same notes as the anchors). Each list must
 * find the intended element on every version: the first selector that matches wins, so a
 * fallback meant for one version must not catch the wrong element of another.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, URL as NodeURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  boardAnchors,
  driPanelAnchors,
  cardPathOf,
  detectIssueView,
  drawerAnchors,
  drawerRefLinks,
  drawerRoots,
  epicHeaderAnchors,
  firstMatch,
  issueHeaderAnchors,
} from '../../../utils/page/anchors';

// Node's URL: the happy-dom environment replaces the global one.
const FIXTURES = fileURLToPath(new NodeURL('../../fixtures/gitlab-dom/', import.meta.url));

/** A fixture (our own test data, not page text) parsed into a detached element. */
function fragment(version: string, page: string): HTMLElement {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, version, `${page}.html`), 'utf8'), 'text/html');
  const root = document.createElement('div');
  root.append(...Array.from(parsed.body.childNodes).map((node) => document.importNode(node, true)));
  return root;
}

/** A short description of what an anchor list found, for readable failures. */
function describeElement(element: Element | null): string {
  if (!element) return 'nothing';
  const testId = element.getAttribute('data-testid');
  return `${element.tagName.toLowerCase()}${testId ? `[data-testid="${testId}"]` : ''} "${element.textContent?.trim().replace(/\s+/g, ' ')}"`;
}

/** The anchors the issue page feature uses: both views, work-item view first (issue-kpi-badges.tsx). */
const issuePageAnchors = [...issueHeaderAnchors['work-item'], ...issueHeaderAnchors.legacy];

describe('fixtures', () => {
  const files = readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));

  it('exist for every GitLab major version from 15 to 18', () => {
    for (const major of ['15', '16', '17', '18']) expect(files.some((file) => file.startsWith(`${major}.`))).toBe(true);
  });

  it.each(files)('%s opens with a comment naming its GitLab source files and version', (file) => {
    const firstLine = readFileSync(join(FIXTURES, file), 'utf8').split('\n')[0]!;
    expect(firstLine).toMatch(/^<!-- GitLab \d+\.(\d+|x)\b.*-->$/);
    expect(firstLine).toMatch(/app\/(assets\/javascripts|views)\//);
    // Where each file was read: a commit, or the search index copy when the index has no commit.
    expect(firstLine).toMatch(/@ [0-9a-f]{40}|search-index copy \d+|index cop(y|ies) \d+/);
  });
});

describe('issue title anchors, work-item view', () => {
  it('15.x: the title heading of item_title.vue, not the type icon in the row above it', () => {
    const found = firstMatch(fragment('15.x', 'work-item'), issuePageAnchors);
    expect(describeElement(found)).toBe('h2 "Work item title 15.x"');
    expect(found?.getAttribute('aria-labelledby')).toBe('item-title');
  });

  it.each(['16.x', '17.x', '18.x'])('%s: the div around the title', (version) => {
    const found = firstMatch(fragment(version, 'work-item'), issuePageAnchors);
    expect(describeElement(found)).toBe(`div[data-testid="work-item-type"] "Work item title ${version}"`);
    expect(found?.querySelector('h1, h2')?.textContent?.trim()).toBe(`Work item title ${version}`);
  });

  it.each(['17.x', '18.x'])('%s: the title itself is the next choice', (version) => {
    const root = fragment(version, 'work-item');
    root.querySelector('div[data-testid="work-item-type"]')!.removeAttribute('data-testid');
    expect(describeElement(firstMatch(root, issuePageAnchors))).toBe(`h1[data-testid="work-item-title"] "Work item title ${version}"`);
  });
});

describe('issue title anchors, legacy view', () => {
  it.each([
    ['14.x', 'issue-legacy', 'h2 "Legacy issue title 14.x"'],
    ['14.x', 'issue-legacy-unmounted', 'h2 "Legacy issue title 14.x"'],
    ['15.x', 'issue-legacy', 'h1 "Legacy issue title 15.x"'],
    ['15.x', 'issue-legacy-unmounted', 'h1 "Legacy issue title 15.x"'],
    ['16.x', 'issue-legacy-unmounted', 'h1 "Legacy issue title 16.x"'],
    ['17.x', 'issue-legacy', 'h1[data-testid="issue-title"] "Legacy issue title 17.x"'],
  ])('%s %s: the h1/h2 title', (version, page, expected) => {
    const root = fragment(version, page);
    // Only the legacy view is rendered: the work-item anchors find nothing there.
    expect(firstMatch(root, issueHeaderAnchors['work-item'])).toBeNull();
    const found = firstMatch(root, issuePageAnchors);
    expect(describeElement(found)).toBe(expected);
    expect(found?.classList.contains('title') || found?.getAttribute('data-testid') === 'issue-title').toBe(true);
  });

  it('15.x: the mounted title is found by its QA selector, before the generic h1.title', () => {
    const found = firstMatch(fragment('15.x', 'issue-legacy'), issueHeaderAnchors.legacy);
    expect(found?.getAttribute('data-qa-selector')).toBe('title_content');
  });

  it('17.x: the server-rendered title (no `.title`, no test id) is not an anchor: the strip waits for the Vue title', () => {
    expect(firstMatch(fragment('17.x', 'issue-legacy-unmounted'), issuePageAnchors)).toBeNull();
  });
});

describe('detectIssueView', () => {
  it.each([
    ['14.x', 'issue-legacy', 'legacy'],
    ['14.x', 'issue-legacy-unmounted', 'legacy'],
    ['15.x', 'issue-legacy', 'legacy'],
    ['16.x', 'issue-legacy-unmounted', 'legacy'],
    ['17.x', 'issue-legacy', 'legacy'],
    ['17.x', 'work-item', 'work-item'],
    ['18.x', 'work-item', 'work-item'],
    // The 15.x–16.x work item detail has no `.work-item-view` (nor a legacy root).
    ['15.x', 'work-item', null],
    ['16.x', 'work-item', null],
  ])('%s %s: %s', (version, page, view) => {
    expect(detectIssueView(fragment(version, page))).toBe(view);
  });
});

describe('epic header anchors', () => {
  it.each(['17.x', '18.x'])('%s epic as work item: the div around the title', (version) => {
    expect(describeElement(firstMatch(fragment(version, 'work-item'), epicHeaderAnchors))).toBe(
      `div[data-testid="work-item-type"] "Work item title ${version}"`,
    );
  });

  it('15.x legacy epic: the title (QA selector), not the status row above it', () => {
    const found = firstMatch(fragment('15.x', 'epic-legacy'), epicHeaderAnchors);
    expect(describeElement(found)).toBe('h1 "Legacy epic title 15.x"');
    expect(found?.getAttribute('data-qa-selector')).toBe('title_content');
  });

  it('15.x legacy epic without its body yet: the status row, then the app root', () => {
    const root = fragment('15.x', 'epic-legacy');
    root.querySelector('.issuable-details')!.remove();
    expect(firstMatch(root, epicHeaderAnchors)?.classList.contains('detail-page-header')).toBe(true);
    root.querySelector('.detail-page-header')!.remove();
    expect(firstMatch(root, epicHeaderAnchors)?.classList.contains('epic-page-container')).toBe(true);
  });

  it('17.x legacy epic: the title (test id)', () => {
    expect(describeElement(firstMatch(fragment('17.x', 'epic-legacy'), epicHeaderAnchors))).toBe('h1[data-testid="issue-title"] "Legacy epic title 17.x"');
  });

  it('17.x legacy epic before Vue mounts: only the last fallback, the mount point', () => {
    const root = fragment('17.x', 'epic-legacy-unmounted');
    // epic-kpi-badges waits for all but the last anchor before settling for it.
    expect(firstMatch(root, epicHeaderAnchors.slice(0, -1))).toBeNull();
    expect(firstMatch(root, epicHeaderAnchors)?.id).toBe('epic-app-root');
  });
});

describe('board anchors', () => {
  const cardSelector = boardAnchors.card.join(', ');

  it.each([
    ['13.x', 'div', 'boards_list'],
    ['15.x', 'div', 'boards_list'],
    ['17.x', 'div', null],
    ['18.x', 'div', null],
  ])('%s: the lists element', (version, tag, qaSelector) => {
    const root = fragment(version, 'board');
    const lists = firstMatch(root, boardAnchors.lists);
    expect(lists?.tagName.toLowerCase()).toBe(tag);
    if (qaSelector) expect(lists?.getAttribute('data-qa-selector')).toBe(qaSelector);
    else expect(lists?.getAttribute('data-testid')).toBe('boards-list');
    // The lists element holds every card and is what the summary bar goes before.
    expect(lists?.querySelectorAll(cardSelector).length).toBe(root.querySelectorAll('li.board-card').length);
    expect(firstMatch(root, boardAnchors.app)?.classList.contains('boards-app')).toBe(true);
  });

  it.each([
    ['13.x', ['gitlab-org/gitlab-test#12', 'gitlab-org/gitlab-test#13']],
    ['15.x', ['gitlab-org/gitlab-test#12']],
    ['17.x', ['gitlab-org/gitlab-test#12']],
    ['18.x', ['gitlab-org/gitlab-test#12']],
  ])('%s: every card and its issue path', (version, paths) => {
    const cards = Array.from(fragment(version, 'board').querySelectorAll(cardSelector));
    expect(cards.every((card) => card.matches('li.board-card'))).toBe(true);
    expect(cards.map(cardPathOf)).toEqual(paths);
  });

  it('the 13.x cards carry data-issue-path, not data-item-path', () => {
    const card = fragment('13.x', 'board').querySelector(cardSelector)!;
    expect(card.hasAttribute('data-item-path')).toBe(false);
    expect(cardPathOf(card)).toBe(card.getAttribute('data-issue-path'));
  });

  it('the 17.x lists element still wins over the drawer it contains', () => {
    expect(firstMatch(fragment('17.x', 'drawer'), boardAnchors.lists)?.getAttribute('data-testid')).toBe('boards-list');
  });
});

describe('cardPathOf', () => {
  const card = (attributes: Record<string, string>) => {
    const li = document.createElement('li');
    for (const [name, value] of Object.entries(attributes)) li.setAttribute(name, value);
    return li;
  };

  it('prefers data-item-path, falls back to data-issue-path, and is null without either', () => {
    expect(cardPathOf(card({ 'data-item-path': 'g/p#1', 'data-issue-path': 'g/p#2' }))).toBe('g/p#1');
    expect(cardPathOf(card({ 'data-item-path': '', 'data-issue-path': 'g/p#2' }))).toBe('g/p#2');
    expect(cardPathOf(card({ 'data-issue-path': 'g/p#2' }))).toBe('g/p#2');
    expect(cardPathOf(card({}))).toBeNull();
  });
});

describe('drawer anchors', () => {
  it.each([
    ['17.x', 'drawer', 'Drawer issue title 17.x', '/gitlab-org/gitlab-test/-/issues/12'],
    ['18.x', 'drawer', 'Drawer issue title 18.x', '/gitlab-org/gitlab-test/-/issues/12'],
    ['18.x', 'drawer-panel', 'Panel issue title 18.x', '/gitlab-org/gitlab-test/-/issues/14'],
  ])('%s %s: the drawer, its link to the item and the div around its title', (version, page, title, path) => {
    const root = fragment(version, page);
    expect(firstMatch(root, drawerRoots)?.getAttribute('data-testid')).toBe('work-item-drawer');
    expect(new URL(firstMatch(root, drawerRefLinks)!.getAttribute('href')!).pathname).toBe(path);
    const found = firstMatch(root, drawerAnchors);
    expect(describeElement(found)).toBe(`div[data-testid="work-item-type"] "${title}"`);
    expect(found?.querySelector('h2[data-testid="work-item-title"]')?.textContent?.trim()).toBe(title);
  });
});

describe('allocation and Suggested DRI anchors', () => {
  it.each(['15.x', '17.x', '18.x'])('%s: each board column once, by its list id', (version) => {
    const root = fragment(version, 'board');
    const columns = root.querySelectorAll(boardAnchors.column.join(', '));
    expect(columns.length).toBeGreaterThan(0);
    for (const column of columns) expect(column.getAttribute('data-list-id')).toMatch(/^gid:\/\/gitlab\/List\/\d+$/);
  });

  it.each(['17.x', '18.x'])('%s work-item view: the Suggested DRI panel goes at the end of the attributes sidebar', (version) => {
    const sidebar = firstMatch(fragment(version, 'work-item'), driPanelAnchors);
    expect(sidebar?.getAttribute('data-testid')).toBe('work-item-overview-right-sidebar');
  });
});
