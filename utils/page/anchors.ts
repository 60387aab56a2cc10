/**
 * Every GitLab selector the content script uses, each list ordered by preference with the page
 * version it serves. Read from GitLab's source (the Vue components, HAML views and QA page objects
 * named next to each selector), not from a live GitLab, so keep alternatives: GitLab renames
 * these often. `§n` is the section of the product's GitLab DOM notes (DOM.md) with the evidence.
 */
import type { IssueView } from './detect';

/** The root of each issue view: the URL is the same for both (DOM.md §1, §7). */
const issueViewRoots: Record<IssueView, readonly string[]> = {
  'work-item': [
    '.work-item-view', // work_item_detail.vue, full page and drawer (§3)
  ],
  legacy: [
    '.issuable-details', // legacy root `.issue-details.issuable-details.js-issue-details` (§4)
    '.js-issue-details', // same root, older class list
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
    '[data-testid="work-item-type"]', // wraps the title in old and new work_item_detail.vue (§3)
    '[data-testid="work-item-title"]', // h1 on the full page, h2 in drawers (§3)
  ],
  legacy: [
    '.issuable-details [data-testid="issue-title"]', // h1.title (title.vue, §4)
    '.issuable-details h2.title', // older versions (`h2.title.qa-title`, §4)
  ],
};

export const epicHeaderAnchors: readonly string[] = [
  '.work-item-view [data-testid="work-item-type"]', // epics as work items, 17.6+ (§3, §7)
  '.work-item-view [data-testid="work-item-title"]',
  // Legacy epic page: its header row once the Vue app has mounted. DOM.md §5 did not capture the
  // legacy epic title; `.detail-page-header` is the header row of GitLab's legacy issuable pages.
  '.js-epic-container #epic-app-root .detail-page-header',
  '.js-epic-container #epic-app-root', // legacy epic page, older instances (§5): below the whole app
];

export const boardAnchors = {
  app: ['.boards-app'], // board_app.vue (§6)
  lists: ['[data-testid="boards-list"]'], // board_content.vue (§6)
  card: [
    'li.board-card[data-testid="board-card"]', // board_card.vue, current
    '[data-testid="board_card"]', // older versions used an underscore (§6)
  ],
} as const;

/** A card's issue as `group/project#12` (board_card.vue `data-item-path` = referencePath, §6). */
export const boardCardPathAttribute = 'data-item-path';

/** The `?show=` drawer itself and its link to the opened item (work_item_drawer.vue, §3). */
export const drawerRoots: readonly string[] = ['[data-testid="work-item-drawer"]'];
export const drawerRefLinks: readonly string[] = [
  '[data-testid="work-item-drawer"] [data-testid="work-item-drawer-ref-link"]', // href = the item URL
];

/** The work-item drawer opened by `?show=` on boards and lists (§3, §7). */
export const drawerAnchors: readonly string[] = [
  '[data-testid="work-item-drawer"] [data-testid="work-item-type"]',
  '[data-testid="work-item-drawer"] [data-testid="work-item-title"]',
];

export function firstMatch(root: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector);
    if (found) return found;
  }
  return null;
}
