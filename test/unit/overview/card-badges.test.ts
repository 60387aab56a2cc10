import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '@/utils/kpi/settings';
import { boardCardBadges, parseItemPath } from '@/utils/overview/card-badges';
import { closedIssue, issue } from '../kpi/fixtures';

const now = new Date('2025-03-10T12:00:00Z');

describe('boardCardBadges', () => {
  it('shows overdue days and age of an open issue', () => {
    // Due Mar 5, today Mar 10 (UTC): 5 days overdue. Created Feb 10 00:00Z: 28.5 days → "28 d".
    const card = issue(1, { due_date: '2025-03-05', created_at: '2025-02-10T00:00:00Z' });
    expect(boardCardBadges(card, DEFAULT_KPI_SETTINGS, now)).toEqual([
      { id: 'due', text: 'overdue 5 d', explanation: 'Due 2025-03-05 (its due date), end of day in UTC.', status: 'missed' },
      { id: 'age', text: 'open 28 d', explanation: 'Opened 2025-02-10, still open.', status: 'neutral' },
    ]);
  });

  it('reads the milestone due date of a closed issue, and due soon', () => {
    // Milestone due Mar 1, closed Mar 3 09:00Z: 2 days late; open Feb 1 09:00Z → Mar 3 09:00Z = 30 d.
    const late = closedIssue(2, '2025-03-03T09:00:00Z', { created_at: '2025-02-01T09:00:00Z', milestone: { id: 1, due_date: '2025-03-01' } });
    expect(boardCardBadges(late, DEFAULT_KPI_SETTINGS, now)).toEqual([
      { id: 'due', text: 'closed 2 d late', explanation: "Due 2025-03-01 (the milestone's due date), end of day in UTC.", status: 'missed' },
      { id: 'age', text: 'was open 30 d', explanation: 'Opened 2025-02-01, closed 2025-03-03.', status: 'neutral' },
    ]);
    // Due Mar 12: 2 days left, within the 3-day "due soon" band.
    expect(boardCardBadges(issue(3, { due_date: '2025-03-12' }), DEFAULT_KPI_SETTINGS, now)[0]).toMatchObject({ text: 'due in 2 d', status: 'near' });
  });

  it('shows only the age without a due date', () => {
    expect(boardCardBadges(issue(4), DEFAULT_KPI_SETTINGS, now).map((badge) => badge.id)).toEqual(['age']);
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
