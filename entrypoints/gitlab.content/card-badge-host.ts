/**
 * One board card's badge row, in plain DOM: a board has up to 1,000 cards (SPEC §9), and a WXT
 * shadow UI with a React root per card costs too much. Same markup and classes as
 * components/Badge.tsx, in an open shadow root per card; text is set with textContent only.
 */
import overlayCss from '../../components/overlay.css?inline';
import type { BadgeView } from '../../utils/overview/badge-view';

export const CARD_BADGES_ID = 'board-card-badges';

export function createCardHost(badges: readonly BadgeView[], theme: string): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('data-lens', CARD_BADGES_ID);
  host.dataset.theme = theme;
  host.attachShadow({ mode: 'open' });
  fillCardHost(host, badges);
  return host;
}

export function fillCardHost(host: HTMLElement, badges: readonly BadgeView[]): void {
  const style = document.createElement('style');
  // Identical style text in every root: the browser parses it once and shares it.
  style.textContent = overlayCss;
  const row = document.createElement('div');
  row.className = 'lens-card-row';
  row.setAttribute('role', 'group');
  row.setAttribute('aria-label', 'Engineering Lens');
  badges.forEach((badge, index) => row.append(badgeElement(badge, `lens-tip-${index}`)));
  host.shadowRoot?.replaceChildren(style, row);
}

function badgeElement(badge: BadgeView, tooltipId: string): HTMLElement {
  const element = document.createElement('span');
  element.className = 'lens-badge';
  element.tabIndex = 0;
  element.setAttribute('role', 'note');
  element.setAttribute('aria-label', badge.text);
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
      return badge.id === other.id && badge.text === other.text && badge.explanation === other.explanation && badge.status === other.status;
    })
  );
}
