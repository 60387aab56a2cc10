import { describe, expect, it } from 'vitest';
import { dueStatus, issueAge, timeToFix } from '@/utils/kpi/issue-badges';
import { HOUR_MS, closedIssue, issue } from './fixtures';

const now = new Date('2025-03-10T12:00:00Z'); // Monday noon UTC

describe('dueStatus', () => {
  const status = (due: string, opts = {}) => dueStatus(issue(1, { due_date: due }), now, 'UTC', opts);

  it('reads no due date, on track, due soon, due today and overdue in calendar days', () => {
    expect(dueStatus(issue(1), now, 'UTC')).toMatchObject({ kind: 'none', display: 'no due date' });
    expect(status('2025-03-10')).toMatchObject({ kind: 'due-soon', days: 0, display: 'due today' });
    expect(status('2025-03-12')).toMatchObject({ kind: 'due-soon', days: 2, display: 'due in 2 d' });
    // The 3-day threshold is inclusive; day 4 is on track.
    expect(status('2025-03-13')).toMatchObject({ kind: 'due-soon', days: 3, display: 'due in 3 d' });
    expect(status('2025-03-14')).toMatchObject({ kind: 'on-track', days: 4, display: 'on track' });
    expect(status('2025-03-07')).toMatchObject({ kind: 'overdue', days: 3, display: 'overdue 3 d' });
  });

  it('takes the due-soon threshold from settings', () => {
    expect(status('2025-03-12', { dueSoonDays: 1 }).kind).toBe('on-track');
  });

  it('falls back to the milestone due date', () => {
    const inMilestone = issue(1, { milestone: { id: 3, due_date: '2025-03-09' } });
    expect(dueStatus(inMilestone, now, 'UTC')).toMatchObject({ kind: 'overdue', days: 1, dueSource: 'milestone' });
  });

  it('counts the day in the team zone', () => {
    // 23:30Z on Mar 10 is 00:30 Mar 11 in Berlin: the Mar 10 due day is over there.
    const lateEvening = new Date('2025-03-10T23:30:00Z');
    const dueMar10 = issue(1, { due_date: '2025-03-10' });
    expect(dueStatus(dueMar10, lateEvening, 'UTC').display).toBe('due today');
    expect(dueStatus(dueMar10, lateEvening, 'Europe/Berlin').display).toBe('overdue 1 d');
  });

  it('reports closed issues as on time or days late', () => {
    // Closed Mar 5 for a Mar 7 due date: 2 days early.
    const early = closedIssue(1, '2025-03-05T10:00:00Z', { due_date: '2025-03-07' });
    expect(dueStatus(early, now, 'UTC')).toMatchObject({ kind: 'done-on-time', days: 2, display: 'closed on time' });
    // Closed Mar 9 01:00Z for Mar 7: 2 days late.
    const late = closedIssue(2, '2025-03-09T01:00:00Z', { due_date: '2025-03-07' });
    expect(dueStatus(late, now, 'UTC')).toMatchObject({ kind: 'done-late', days: 2, display: 'closed 2 d late' });
    // 23:30Z on Mar 7: on time in UTC, 1 day late in Berlin (00:30 Mar 8).
    const edge = closedIssue(3, '2025-03-07T23:30:00Z', { due_date: '2025-03-07' });
    expect(dueStatus(edge, now, 'UTC').kind).toBe('done-on-time');
    expect(dueStatus(edge, now, 'Europe/Berlin')).toMatchObject({ kind: 'done-late', days: 1 });
  });
});

describe('issueAge', () => {
  it('measures open time until now, or until closing', () => {
    // Created Feb 26 00:00Z; now Mar 10 12:00Z → 12.5 d → "12 d" (whole days).
    const open = issue(1, { created_at: '2025-02-26T00:00:00Z' });
    expect(issueAge(open, now)).toEqual({ openMs: 12.5 * 24 * HOUR_MS, isOpen: true, display: 'open 12 d' });
    const closed = closedIssue(2, '2025-03-01T05:30:00Z', { created_at: '2025-03-01T00:00:00Z' });
    expect(issueAge(closed, now)?.display).toBe('was open 5 h');
    expect(issueAge(issue(3, { created_at: 'garbage' }), now)).toBeNull();
  });
});

describe('timeToFix', () => {
  it('is closed − created for closed failures only', () => {
    // 4 h 12 min = 4.2 h.
    const fixed = closedIssue(1, '2025-03-01T04:12:00Z', { created_at: '2025-03-01T00:00:00Z', labels: ['incident'] });
    expect(timeToFix(fixed)).toEqual({ ms: 4.2 * HOUR_MS, display: 'fixed in 4.2 h', why: 'label incident' });
    expect(timeToFix(issue(2, { labels: ['incident'] }))).toBeNull();
    expect(timeToFix(closedIssue(3, '2025-03-01T04:12:00Z', { labels: ['docs'] }))).toBeNull();
  });
});
