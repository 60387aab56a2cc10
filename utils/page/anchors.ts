/**
 * Every GitLab selector the content script uses, each list ordered by preference (the first
 * selector that matches wins, see `firstMatch`). Read from GitLab's own source, not from a live
 * GitLab, so keep alternatives: GitLab renames these often. Each selector names the component
 * (paths below `app/assets/javascripts/`, `ee/…` for EE) or HAML view it comes from and the GitLab
 * versions that render it. Versions are dated from GitLab's CHANGELOG.md where the same commit
 * carried one, otherwise from what the markup shows (Bootstrap vs `gl-` utility vs Tailwind
 * classes, `data-qa-selector` vs `data-testid`; the QA selectors became test ids during 16.x).
 * "17.x+" means the newest copy read, not dated further: later versions are not confirmed.
 * test/unit/page/anchors.test.ts checks each list against one fragment per version
 * (test/fixtures/gitlab-dom/<version>/), each naming the source files it was written from.
 */
import type { IssueView } from './detect';

/** The root of each issue view: the URL is the same for both (DOM.md §1, §7). */
const issueViewRoots: Record<IssueView, readonly string[]> = {
  'work-item': [
    // work_items/components/work_item_detail.vue `section.work-item-view`, 17.x–18.x (full page
    // and drawer). The 15.x–16.x detail's root `<section>` has no class: null there.
    '.work-item-view',
  ],
  legacy: [
    // views/projects/issues/_details_content.html.haml (shared/issue_type/ up to 15.x)
    // `.issue-details.issuable-details`, ≤14.1–17.x+.
    '.issuable-details',
    // Same element; `js-issue-details` was added after 14.1 (there by 15.8), to 17.x+.
    '.js-issue-details',
  ],
};

/** Which issue view GitLab rendered, or null while its Vue app has not mounted yet. */
export function detectIssueView(root: ParentNode): IssueView | null {
  for (const view of ['work-item', 'legacy'] as const) {
    if (firstMatch(root, issueViewRoots[view])) return view;
  }
  return null;
}

/** Where issue overlays go: just below the title block, inside GitLab's own column. */
export const issueHeaderAnchors: Record<IssueView, readonly string[]> = {
  'work-item': [
    // work_item_detail.vue: the `div` wrapping work_item_title.vue in the title/actions row,
    // 16.x–18.x. 15.x put this test id on the type icon (a `span`, work_item_type_icon.vue) in the
    // row above the title, which `div` leaves out.
    'div[data-testid="work-item-type"]',
    // work_item_title.vue `h1` on the page, `h2` in modal and drawer, 17.x–18.x (with an inner
    // `span` in 18.x); in between item_title.vue's editable `span#item-title` carried it (17.x
    // copy read; not the 15.x one).
    '[data-testid="work-item-title"]',
    // work_items/components/item_title.vue: the heading around `span#item-title`, 15.x–17.x
    // (the only title anchor of the 15.x detail).
    '[aria-labelledby="item-title"]',
  ],
  legacy: [
    // issues/show/components/title.vue `h1.title[data-testid="issue-title"]`, 16.x (the QA
    // selector migration; title_spec.js asserts it) – 17.x+.
    '.issuable-details [data-testid="issue-title"]',
    // Same h1 before the migration: `h1.title[data-qa-selector="title_content"]`, 15.7–16.x.
    '.issuable-details [data-qa-selector="title_content"]',
    // Any version whose title is an h1.title: title.vue 15.7–17.x+, and the server-rendered title
    // shown until Vue replaces `#js-issuable-app` (_details_content.html.haml
    // `%h1.title.page-title`, 15.8–16.x; 17.x+ renders `%h1.gl-heading-1` without `.title`, so
    // there the strip waits for the Vue title).
    '.issuable-details h1.title',
    // ≤14.x: issue_show/components/title.vue `h2.title.qa-title` and the server-rendered
    // `%h2.title` (shared/issue_type/_details_content.html.haml, 14.1).
    '.issuable-details h2.title',
  ],
};

export const epicHeaderAnchors: readonly string[] = [
  // Epics as work items: the same work_item_detail.vue as issues, 17.2+ (GitLab.com 17.6,
  // Self-Managed default 17.7).
  '.work-item-view div[data-testid="work-item-type"]',
  '.work-item-view [data-testid="work-item-title"]',
  // Legacy epic page (ee/app/views/groups/epics/show.html.haml `.js-epic-container`):
  // ee/…/epic/components/epic_body.vue renders issues/show/components/app.vue, so the epic's
  // title is title.vue's h1: test id 16.x–17.x+,
  '.js-epic-container [data-testid="issue-title"]',
  // QA selector 15.x–16.x,
  '.js-epic-container [data-qa-selector="title_content"]',
  // h1.title 15.x–17.x+.
  '.js-epic-container .issuable-details h1.title',
  // ee/…/epic/components/epic_header.vue `div.detail-page-header` (15.x; 16.x+ renders
  // vue_shared issuable_header.vue, not read): the status and author row above the title. Not
  // below `#epic-app-root`: Vue 2 replaces that mount point (ee/…/epic/epic_bundle.js
  // `new Vue({ el })`), so it is gone once the app is up.
  '.js-epic-container .detail-page-header',
  // Last, the fallback epic-kpi-badges settles for: the epic app's root, `#epic-app-root` until
  // Vue mounts and the element Vue replaces it with after (show.html.haml renders it first in
  // `.js-epic-container`, 15.x–17.x), so the strip goes below the whole app.
  '.js-epic-container > :first-child',
];

export const boardAnchors = {
  // boards/components/board_app.vue `div.boards-app` (in 13.x the HAML `#board-app.boards-app`),
  // 13.x–17.x+.
  app: ['.boards-app'],
  lists: [
    // boards/components/board_content.vue `div[data-testid="boards-list"]`, from the 16.x QA
    // selector migration (copies read: 17.x–18.x).
    '[data-testid="boards-list"]',
    // board_content.vue before: `div[data-qa-selector="boards_list"]` around the columns
    // (13.x–16.x, dated copies 14.1 and 15.8; in 13.x on the `.boards-list` row itself).
    '[data-qa-selector="boards_list"]',
    // board_content.vue's row of columns, 13.x–17.x+; not rendered while epic swimlanes are on.
    '.boards-app .boards-list',
  ],
  // boards/components/board_column.vue: each list's column carries `data-list-id="gid://gitlab/List/<id>"`
  // (on `div.board` in 15.x–18.x copies; DOM.md also has it on `div[data-testid="board-list"]`
  // around it). The outermost element with the attribute is the column.
  column: ['[data-list-id^="gid://gitlab/List/"]'],
  listHeader: [
    // board_list_header.vue `header.board-header[data-testid="board-list-header"]` (DOM.md §6).
    'header[data-testid="board-list-header"]',
    // The same header by class, where the test id is missing (older copies).
    'header.board-header',
  ],
  card: [
    // boards/components/board_card.vue `li.board-card[data-testid="board-card"]`, 16.x (Apollo
    // copy, pre-Tailwind) – 18.x.
    'li.board-card[data-testid="board-card"]',
    // board_card.vue `li.board-card[data-testid="board_card"]` (with `data-qa-selector`),
    // 13.x–16.x (dated copy 15.8).
    '[data-testid="board_card"]',
  ],
} as const;

/**
 * The attributes holding a card's issue as `group/project#12` (board_card.vue, bound to
 * `referencePath`), newest first: `data-item-path` since the card's issue became an item (13.x,
 * with epic boards) to 18.x, `data-issue-path` on the oldest cards (13.x).
 */
export const boardCardPathAttributes: readonly string[] = ['data-item-path', 'data-issue-path'];

/** A card's issue as `group/project#12`, or null when the card has none (yet). */
export function cardPathOf(card: Element): string | null {
  for (const attribute of boardCardPathAttributes) {
    const path = card.getAttribute(attribute);
    if (path) return path;
  }
  return null;
}

// work_items/components/work_item_drawer.vue, 17.x–18.x: `gl-drawer[data-testid="work-item-drawer"]`
// (GlDrawer's `aside.gl-drawer`), or with the 18.x paneled view a `div` with the same test id in
// `#contextual-panel-portal`. Its title slot holds `a[data-testid="work-item-drawer-ref-link"]`,
// href = the item URL; the body holds work_item_detail.vue (`is-drawer`).
/**
 * Where the Suggested DRI panel goes: at the end of the issue's sidebar (DOM.md §3, §4), below
 * GitLab's own widgets, so mounting it moves none of them. Work-item view: work_item_detail.vue's
 * `[data-testid="work-item-overview-right-sidebar"]` (17.x–18.x; its tag changed from aside to
 * section, the test id did not). Legacy view: app/views/shared/issuable/_sidebar.html.haml
 * `aside.right-sidebar` > `.issuable-sidebar` (15.x–18.x).
 */
export const driPanelAnchors: readonly string[] = ['[data-testid="work-item-overview-right-sidebar"]', 'aside.right-sidebar .issuable-sidebar'];
/** The same place inside the `?show=` drawer (work_item_detail.vue with `is-drawer`). */
export const drawerDriPanelAnchors: readonly string[] = ['[data-testid="work-item-drawer"] [data-testid="work-item-overview-right-sidebar"]'];

/** The `?show=` drawer itself and its link to the opened item. */
export const drawerRoots: readonly string[] = ['[data-testid="work-item-drawer"]'];
export const drawerRefLinks: readonly string[] = [
  '[data-testid="work-item-drawer"] [data-testid="work-item-drawer-ref-link"]', // 17.x–18.x
];

/** The work-item drawer opened by `?show=` on boards and lists (DOM.md §3, §7). */
export const drawerAnchors: readonly string[] = [
  // work_item_detail.vue inside the drawer, 17.x–18.x: the div around the title (h2 here),
  '[data-testid="work-item-drawer"] div[data-testid="work-item-type"]',
  // work_item_title.vue `h2`, 17.x–18.x.
  '[data-testid="work-item-drawer"] [data-testid="work-item-title"]',
];

export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
