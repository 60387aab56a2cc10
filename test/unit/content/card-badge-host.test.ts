// @vitest-environment happy-dom
/**
 * Protects one board card's badge row (entrypoints/gitlab.content/card-badge-host.ts): an open
 * shadow root marked with the card feature's id and GitLab's theme, styled, showing each badge's
 * text with its explanation as a linked tooltip, GitLab text always as text (never markup), and
 * a refill replacing the row rather than adding a second one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CARD_BADGES_ID, createCardHost, fillCardHost, sameBadges } from '../../../entrypoints/gitlab.content/ui/card-badge-host';
import type { BadgeView } from '../../../utils/overview/badge-view';

const overdue: BadgeView = { id: 'due', text: 'overdue 5 d', explanation: 'Due 2025-03-05 (its due date), end of day in UTC.', status: 'missed' };
const age: BadgeView = { id: 'age', text: 'open 28 d', explanation: 'Opened 2025-02-10, still open.', status: 'neutral' };

/** What a user sees on the card: each badge's own text (its tooltip follows it in the DOM). */
function shown(host: HTMLElement): string[] {
  return Array.from(host.shadowRoot!.querySelectorAll('.lens-badge')).map((badge) => badge.firstChild?.textContent ?? '');
}

afterEach(() => document.body.replaceChildren());

describe('card badge host', () => {
  it('is an empty, marked, styled host with an open shadow root', () => {
    const host = createCardHost('dark');
    document.body.append(host);
    expect(host.getAttribute('data-lens')).toBe(CARD_BADGES_ID);
    expect(host.dataset.theme).toBe('dark');
    expect(host.shadowRoot).not.toBeNull();
    expect(host.childNodes).toHaveLength(0);
    expect(shown(host)).toEqual([]);
    // The shared sheet where the browser allows it, a <style> otherwise: styled either way.
    const styled = host.shadowRoot!.adoptedStyleSheets.length > 0 || host.shadowRoot!.querySelector('style') !== null;
    expect(styled).toBe(true);
  });

  it('shows every badge with its status and its explanation as a tooltip linked to it', () => {
    const host = createCardHost('light');
    fillCardHost(host, [overdue, age]);
    expect(shown(host)).toEqual(['overdue 5 d', 'open 28 d']);
    const row = host.shadowRoot!.querySelector('.lens-card-row')!;
    expect(row.getAttribute('role')).toBe('group');
    expect(row.getAttribute('aria-label')).toBe('Engineering Lens');
    const [first, second] = Array.from(row.querySelectorAll<HTMLElement>('.lens-badge'));
    expect(first!.dataset.status).toBe('missed');
    expect(first!.dataset.testid).toBe('lens-due');
    expect(first!.tabIndex).toBe(0);
    expect(first!.getAttribute('aria-label')).toBe('overdue 5 d');
    const tooltip = host.shadowRoot!.getElementById(first!.getAttribute('aria-describedby')!);
    expect(tooltip?.getAttribute('role')).toBe('tooltip');
    expect(tooltip?.textContent).toBe(overdue.explanation);
    expect(second!.getAttribute('aria-describedby')).not.toBe(first!.getAttribute('aria-describedby'));
  });

  it('replaces the row on a refill instead of adding a second one, and can be emptied', () => {
    const host = createCardHost('light');
    fillCardHost(host, [overdue, age]);
    fillCardHost(host, [{ ...overdue, text: 'overdue 6 d' }]);
    expect(host.shadowRoot!.querySelectorAll('.lens-card-row')).toHaveLength(1);
    expect(shown(host)).toEqual(['overdue 6 d']);
    fillCardHost(host, []);
    expect(shown(host)).toEqual([]);
  });

  it('shows GitLab text as text, never as markup', () => {
    const host = createCardHost('light');
    fillCardHost(host, [{ ...overdue, text: '<img src=x onerror=alert(1)>', explanation: '<b>bold</b>' }]);
    expect(shown(host)).toEqual(['<img src=x onerror=alert(1)>']);
    expect(host.shadowRoot!.querySelector('img, b')).toBeNull();
  });

  it('tells equal badge lists from changed ones', () => {
    expect(sameBadges([overdue, age], [{ ...overdue }, { ...age }])).toBe(true);
    expect(sameBadges([overdue, age], [overdue])).toBe(false);
    expect(sameBadges([overdue], [{ ...overdue, text: 'overdue 6 d' }])).toBe(false);
    expect(sameBadges([overdue], [{ ...overdue, status: 'near' }])).toBe(false);
    expect(sameBadges([overdue], [{ ...overdue, explanation: 'other' }])).toBe(false);
  });
});
