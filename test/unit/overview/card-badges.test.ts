import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '@/utils/kpi/settings';
import { boardCardBadges, parseItemPath } from '@/utils/overview/card-badges';
import { closedIssue, issue } from '../kpi/fixtures';

const now = new Date('2025-03-10T12:00:00Z');

describe('boardCardBadges', () => {
  it('badges an open issue that is overdue, and nothing else about it', () => {
    // Due Mar 5, today Mar 10 (UTC): 5 days overdue. Its age stays on the issue page.
    const card = issue(1, { due_date: '2025-03-05', created_at: '2025-02-10T00:00:00Z' });
    expect(boardCardBadges(card, DEFAULT_KPI_SETTINGS, now)).toEqual([
      { id: 'due', text: 'overdue 5 d', explanation: 'Due 2025-03-05 (its due date), end of day in UTC.', status: 'missed' },
    ]);
  });

  it("badges an issue due soon, by its own or its milestone's due date", () => {
    // Due Mar 12: 2 days left, within the 3-day "due soon" band.
    expect(boardCardBadges(issue(3, { due_date: '2025-03-12' }), DEFAULT_KPI_SETTINGS, now)).toEqual([
      { id: 'due', text: 'due in 2 d', explanation: 'Due 2025-03-12 (its due date), end of day in UTC.', status: 'near' },
    ]);
    expect(boardCardBadges(issue(5, { milestone: { id: 1, due_date: '2025-03-11' } }), DEFAULT_KPI_SETTINGS, now)[0]).toMatchObject({ text: 'due in 1 d' });
  });

  it('badges an ongoing incident, before its due status', () => {
    // Opened Mar 10 06:00, now 12:00: 6 h; also due Mar 9: overdue 1 d.
    const incident = issue(7, { issue_type: 'incident', created_at: '2025-03-10T06:00:00Z', due_date: '2025-03-09' });
    expect(boardCardBadges(incident, DEFAULT_KPI_SETTINGS, now).map((badge) => badge.text)).toEqual(['Ongoing incident · 6 h', 'overdue 1 d']);
  });

  it('leaves a card alone when nothing needs attention: on track, no due date, or closed (even late)', () => {
    expect(boardCardBadges(issue(6, { due_date: '2025-03-20' }), DEFAULT_KPI_SETTINGS, now)).toEqual([]);
    expect(boardCardBadges(issue(4), DEFAULT_KPI_SETTINGS, now)).toEqual([]);
    const late = closedIssue(2, '2025-03-03T09:00:00Z', { created_at: '2025-02-01T09:00:00Z', milestone: { id: 1, due_date: '2025-03-01' } });
    expect(boardCardBadges(late, DEFAULT_KPI_SETTINGS, now)).toEqual([]);
  });
});

describe('parseItemPath', () => {
  it('splits a card reference into project path and iid', () => {
    expect(parseItemPath('lens-demo/web-app#12')).toEqual({ projectPath: 'lens-demo/web-app', iid: 12 });
    expect(parseItemPath('a/b/c#7')).toEqual({ projectPath: 'a/b/c', iid: 7 });
    expect(parseItemPath('lens-demo/web-app')).toBeNull();
    expect(parseItemPath('lens-demo/web-app#x')).toBeNull();
  });
});
