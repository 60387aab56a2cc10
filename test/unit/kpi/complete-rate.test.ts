import { describe, expect, it } from 'vitest';
import { completeRate } from '@/utils/kpi/complete-rate';
import { rollingWindow } from '@/utils/kpi/window';
import { closedIssue, issue } from './fixtures';

// Window [2025-01-01 12:00Z, 2025-04-01 12:00Z).
const now = new Date('2025-04-01T12:00:00Z');
const window = rollingWindow(now, 90);
const m1 = { id: 1, title: 'Sprint 10', due_date: '2025-03-14' };
const m2 = { id: 2, title: 'Sprint 9', due_date: '2025-02-28' };
const future = { id: 3, title: 'Sprint 12', due_date: '2025-04-10' };
const old = { id: 4, title: 'Sprint 1', due_date: '2024-12-01' };

const issues = [
  closedIssue(1, '2025-03-14T20:00:00Z', { milestone: m1 }), // by due date (UTC)
  closedIssue(2, '2025-03-15T01:00:00Z', { milestone: m1 }), // a day late
  issue(3, { milestone: m1 }), // still open
  closedIssue(4, '2025-02-20T10:00:00Z', { milestone: m2 }),
  closedIssue(5, '2025-02-28T23:30:00Z', { milestone: m2 }), // 23:30 UTC; 00:30 Mar 1 in Berlin
  issue(6, { milestone: future }), // milestone due in the future: excluded
  closedIssue(7, '2024-11-30T10:00:00Z', { milestone: old }), // milestone before the window: excluded
  closedIssue(8, '2025-03-01T10:00:00Z'), // no milestone
];

describe('completeRate', () => {
  it('pools issues of milestones due in the window', () => {
    // m1: #1 by due of 3; m2: #4 #5 of 2 → (1 + 2) / (3 + 2) = 3/5 = 60 %.
    const result = completeRate(issues, undefined, window, { now, timeZone: 'UTC' });
    expect(result.value).toBe(0.6);
    expect(result.display).toBe('Complete 60% (3/5)');
    expect(result.items.map((m) => [m.title, m.closedByDue, m.total, m.scopeAdded])).toEqual([
      ['Sprint 10', 1, 3, null],
      ['Sprint 9', 2, 2, null],
    ]);
    expect(result.formula).toBe(
      '3 of 5 issues in 2 milestones due in the last 90 days were closed by the milestone due date (end of day, UTC).',
    );
  });

  it('uses the zone for the end of the milestone day', () => {
    // Berlin (UTC+1): #5 closed 00:30 on Mar 1 → late; #1 (21:00 Mar 14) still on time → 2/5.
    expect(completeRate(issues, undefined, window, { now, timeZone: 'Europe/Berlin' }).display).toBe('Complete 40% (2/5)');
  });

  it('takes an explicit milestone list, including empty milestones', () => {
    const empty = { id: 9, title: 'Sprint 11', due_date: '2025-03-28' };
    // Only m1 and the empty one are listed: 1/3; the empty milestone adds 0/0 but is listed.
    const result = completeRate(issues, [m1, empty, future], window, { now, timeZone: 'UTC' });
    expect(result.display).toBe('Complete 33% (1/3)');
    expect(result.items.map((m) => m.title)).toEqual(['Sprint 10', 'Sprint 11']);
    expect(result.formula).toContain('in 2 milestones');
  });

  it('uses the commitment at milestone start when known and reports scope added', () => {
    // m1 committed #1 #2 at start; #3 was added later. m2 has no commitment data.
    // m1: 1 of 2 committed by due; m2: 2 of 2 → 3/4 = 75 %, scope added 1.
    const commitmentByMilestone = new Map([[1, new Set(['1#1', '1#2'])]]);
    const result = completeRate(issues, undefined, window, { now, timeZone: 'UTC', commitmentByMilestone });
    expect(result.display).toBe('Complete 75% (3/4)');
    expect(result.items[0]?.scopeAdded).toBe(1);
    expect(result.items[1]?.scopeAdded).toBeNull();
    expect(result.formula).toMatch(/ 1 issue added after the milestone started\.$/);
  });

  it('returns null without milestones in the window', () => {
    const result = completeRate([issue(1, { milestone: future })], undefined, window, { now });
    expect(result.value).toBeNull();
    expect(result.display).toBe('Complete —');
    expect(result.formula).toBe('No issues in milestones due in the last 90 days.');
  });
});
