/**
 * One board card's badge row, in plain DOM: a board has up to 1,000 cards (SPEC §9), and a WXT
 * shadow UI with a React root per card costs too much. Same markup and classes as
 * components/Badge.tsx, in an open shadow root per card; text is set with textContent only.
 *
 * The host goes into the card empty, with its final height (overlay.css), in the frame the card
 * first renders; the badges fill it later without changing the card's size, so GitLab's board
 * neither shifts nor has to be laid out and painted again as a whole.
 */
import overlayCss from '../../../components/overlay.css?inline';
import { badgeLabel, type BadgeView } from '../../../utils/overview/badge-view';

export const CARD_BADGES_ID = 'board-card-badges';

let sharedSheet: CSSStyleSheet | null | undefined;

/** One parsed stylesheet adopted by every card's shadow root, where the browser allows it. */
function cardSheet(): CSSStyleSheet | null {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(overlayCss);
    } catch {
      sharedSheet = null;
    }
  }
  return sharedSheet;
}

export function createCardHost(theme: string): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-lens', CARD_BADGES_ID);
  host.dataset.theme = theme;
  const shadow = host.attachShadow({ mode: 'open' });
  const sheet = cardSheet();
  if (sheet) {
    try {
      shadow.adoptedStyleSheets = [sheet];
    } catch {
      // Some content-script worlds cannot share a sheet with the page: use a <style> below.
    }
  }
  if (shadow.adoptedStyleSheets.length === 0) {
    const style = document.createElement('style');
    style.textContent = overlayCss;
    shadow.append(style);
  }
  return host;
}

export function fillCardHost(host: HTMLElement, badges: readonly BadgeView[]): void {
  const shadow = host.shadowRoot;
  if (!shadow) return;
  const row = document.createElement('div');
  row.className = 'lens-card-row';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Engineering Lens');
  badges.forEach((badge, index) => row.append(badgeElement(badge, `lens-tip-${index}`)));
  const old = shadow.querySelector('.lens-card-row');
  if (old) old.replaceWith(row);
  else shadow.append(row);
}

function badgeElement(badge: BadgeView, tooltipId: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'lens-badge';
  element.tabIndex = 0;
  element.setAttribute('role', 'note');
  element.setAttribute('aria-label', badgeLabel(badge));
  element.setAttribute('aria-describedby', tooltipId);
  element.dataset.status = badge.status;
  element.dataset.testid = `lens-${badge.id}`;
  const tooltip = document.createElement('span');
  tooltip.className = 'lens-tooltip';
  tooltip.id = tooltipId;
  tooltip.setAttribute('role', 'tooltip');
  tooltip.textContent = badge.explanation;
  element.append(document.createTextNode(badge.text), tooltip);
  return element;
}

export function sameBadges(a: readonly BadgeView[], b: readonly BadgeView[]): boolean {
  return (
    a.length === b.length &&
    a.every((badge, i) => {
      const other = b[i]!;
      return badge.id === other.id && badge.text === other.text && badge.explanation === other.explanation && badge.status === other.status && badge.statusLabel === other.statusLabel;
    })
  );
}
