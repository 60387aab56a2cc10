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

  it("adds the scope's own milestone list to the milestones its issues are in, empty ones included", () => {
    const empty = { id: 9, title: 'Sprint 11', due_date: '2025-03-28' };
    // The list names m1, an empty sprint and a future one; m2 is not listed but #4 and #5 are in
    // it: m1 1/3 + m2 2/2 + Sprint 11 0/0 = 3/5 = 60 %, over 3 milestones.
    const result = completeRate(issues, [m1, empty, future], window, { now, timeZone: 'UTC' });
    expect(result.display).toBe('Complete 60% (3/5)');
    expect(result.items.map((m) => [m.title, m.closedByDue, m.total])).toEqual([
      ['Sprint 10', 1, 3],
      ['Sprint 11', 0, 0],
      ['Sprint 9', 2, 2],
    ]);
    expect(result.formula).toContain('in 3 milestones');
  });

  it("counts a project's issues in its group's sprints, not only its own milestone (issue 10)", () => {
    // web-app has one project milestone (3 issues, 2 closed by its due date) and its other
    // issues in two group sprints: Group sprint A (due Mar 7): 3 issues, 1 closed by due;
    // Group sprint B (due Mar 21): 4 issues, 3 closed by due. Only the project milestone is in
    // the project's own list, as the project's milestones API returns it.
    const own = { id: 20, title: 'web-app 1.0', due_date: '2025-03-10' };
    const sprintA = { id: 31, title: 'Group sprint A', due_date: '2025-03-07' };
    const sprintB = { id: 32, title: 'Group sprint B', due_date: '2025-03-21' };
    const project = [
      closedIssue(1, '2025-03-09T10:00:00Z', { milestone: own }),
      closedIssue(2, '2025-03-10T10:00:00Z', { milestone: own }),
      issue(3, { milestone: own }),
      closedIssue(4, '2025-03-06T10:00:00Z', { milestone: sprintA }),
      closedIssue(5, '2025-03-08T10:00:00Z', { milestone: sprintA }), // a day late
      issue(6, { milestone: sprintA }),
      closedIssue(7, '2025-03-20T10:00:00Z', { milestone: sprintB }),
      closedIssue(8, '2025-03-21T10:00:00Z', { milestone: sprintB }),
      closedIssue(9, '2025-03-15T10:00:00Z', { milestone: sprintB }),
      issue(10, { milestone: sprintB }),
    ];
    // (2 + 1 + 3) / (3 + 3 + 4) = 6/10 = 60 %, where the project milestone alone said 2/3.
    const result = completeRate(project, [own], window, { now, timeZone: 'UTC' });
    expect(result.display).toBe('Complete 60% (6/10)');
    expect(result.formula).toBe(
      '6 of 10 issues in 3 milestones due in the last 90 days were closed by the milestone due date (end of day, UTC).',
    );
  });

  it('counts iterations where the tier has them, and an issue in a milestone and an iteration once', () => {
    const iteration = { id: 1, title: 'Iteration 5', due_date: '2025-03-14' };
    const withIterations = [
      // In m1 (id 1, same number as the iteration) and the iteration: counted in m1 only.
      closedIssue(1, '2025-03-14T20:00:00Z', { milestone: m1, iteration }),
      closedIssue(2, '2025-03-13T10:00:00Z', { iteration }),
      issue(3, { iteration }),
    ];
    // m1: #1 of 1; Iteration 5: #2 of 2 (#3 open) → 2/3 = 67 %.
    const result = completeRate(withIterations, undefined, window, { now, timeZone: 'UTC' });
    expect(result.display).toBe('Complete 67% (2/3)');
    expect(result.items.map((m) => [m.kind, m.title, m.closedByDue, m.total])).toEqual([
      ['milestone', 'Sprint 10', 1, 1],
      ['iteration', 'Iteration 5', 1, 2],
    ]);
    expect(result.formula).toContain('in 1 milestone and 1 iteration due in');
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
