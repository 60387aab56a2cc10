import { describe, expect, it } from 'vitest';
import { onTimeRate } from '@/utils/kpi/on-time-rate';
import { rollingWindow } from '@/utils/kpi/window';
import { closedIssue, issue } from './fixtures';

// now = 2025-04-01 12:00Z; 90 days back (31 + 28 + 31) → window [2025-01-01 12:00Z, now).
const now = new Date('2025-04-01T12:00:00Z');
const window = rollingWindow(now, 90);
const milestone = (due: string) => ({ id: 7, title: '17.9', due_date: due });

describe('onTimeRate', () => {
  const issues = [
    closedIssue(1, '2025-03-10T23:59:00Z', { due_date: '2025-03-10' }), // last minute of the due day: on time
    closedIssue(2, '2025-03-11T00:01:00Z', { due_date: '2025-03-10' }), // first minute after: late
    closedIssue(3, '2025-03-19T09:00:00Z', { milestone: milestone('2025-03-20') }), // milestone due date: on time
    // Own due date wins over the milestone's: late for Mar 25 although on time for Mar 31.
    closedIssue(4, '2025-03-28T09:00:00Z', { due_date: '2025-03-25', milestone: milestone('2025-03-31') }),
    issue(5, { due_date: '2025-02-01' }), // open and overdue: late
    closedIssue(6, '2025-01-01T10:00:00Z', { due_date: '2025-01-01' }), // due day ends after window start: in
    issue(7, { due_date: '2025-04-01' }), // due today, open: day not over, excluded
    closedIssue(8, '2025-04-01T08:00:00Z', { due_date: '2025-04-01' }), // due today, closed: also excluded
    issue(9, { due_date: '2025-04-05' }), // future: excluded
    closedIssue(10, '2024-12-30T10:00:00Z', { due_date: '2024-12-31' }), // ended before the window: excluded
    closedIssue(11, '2025-03-01T10:00:00Z'), // no due date: excluded
    issue(12, { state: 'closed', closed_at: null, due_date: '2025-03-01' }), // closed, no close time: left out
  ];

  it('counts issues whose due day ended in the window; open overdue ones are late', () => {
    // Sample: #1 #2 #3 #4 #5 #6 = 6; on time: #1 #3 #6 = 3 → 3/6 = 50 %.
    const result = onTimeRate(issues, window, { now, timeZone: 'UTC' });
    expect(result.value).toBe(0.5);
    expect(result.n).toBe(6);
    expect(result.display).toBe('On-time 50% (3/6)');
    expect(result.items.map((i) => [i.ref, i.onTime, i.reason])).toEqual([
      ['1#1', true, 'closed-on-time'],
      ['1#2', false, 'closed-late'],
      ['1#3', true, 'closed-on-time'],
      ['1#4', false, 'closed-late'],
      ['1#5', false, 'open-overdue'],
      ['1#6', true, 'closed-on-time'],
    ]);
    expect(result.items[2]?.dueSource).toBe('milestone');
    expect(result.items[3]).toMatchObject({ dueDate: '2025-03-25', dueSource: 'issue' });
    expect(result.openOverdueCount).toBe(1);
    expect(result.unknownCloseTimeCount).toBe(1);
    expect(result.formula).toBe(
      '3 of 6 issues due in the last 90 days were closed by their due date (end of day, UTC). ' +
        '1 of the late ones is still open. 1 closed issue without a close time left out.',
    );
  });

  it('pins the spec example wording', () => {
    // 7 closed on the due day, 3 closed a day late → 7/10.
    const sample = [
      ...[1, 2, 3, 4, 5, 6, 7].map((iid) => closedIssue(iid, '2025-03-10T12:00:00Z', { due_date: '2025-03-10' })),
      ...[8, 9, 10].map((iid) => closedIssue(iid, '2025-03-11T12:00:00Z', { due_date: '2025-03-10' })),
    ];
    const result = onTimeRate(sample, window, { now, timeZone: 'UTC' });
    expect(result.display).toBe('On-time 70% (7/10)');
    expect(result.formula).toBe(
      '7 of 10 issues due in the last 90 days were closed by their due date (end of day, UTC).',
    );
  });

  it('judges the end of the due day in the team zone', () => {
    // Due Mar 10; Berlin is UTC+1 in early March, so its day ends at 22:59:59.999Z.
    const sample = [
      closedIssue(1, '2025-03-10T22:59:00Z', { due_date: '2025-03-10' }), // 23:59 Berlin: on time in both zones
      closedIssue(2, '2025-03-10T23:01:00Z', { due_date: '2025-03-10' }), // 00:01 Mar 11 Berlin: late there, on time in UTC
      closedIssue(3, '2025-03-11T03:00:00Z', { due_date: '2025-03-10' }), // 20:00 Mar 10 in Los Angeles (UTC-7)
    ];
    // UTC: #1 #2 on time, #3 late → 2/3.
    expect(onTimeRate(sample, window, { now, timeZone: 'UTC' }).display).toBe('On-time 67% (2/3)');
    // Berlin: only #1 → 1/3.
    expect(onTimeRate(sample, window, { now, timeZone: 'Europe/Berlin' }).display).toBe('On-time 33% (1/3)');
    // Los Angeles (PDT since Mar 9): all three before Mar 11 07:00Z → 3/3.
    expect(onTimeRate(sample, window, { now, timeZone: 'America/Los_Angeles' }).display).toBe('On-time 100% (3/3)');
  });

  it('admits an issue only once its due day has ended in the zone', () => {
    // Due Apr 1, open. Tokyo (UTC+9) ends Apr 1 at 14:59:59.999Z, after now (12:00Z): excluded.
    const dueToday = [issue(1, { due_date: '2025-04-01' })];
    expect(onTimeRate(dueToday, window, { now, timeZone: 'Asia/Tokyo' }).n).toBe(0);
    // Due Mar 31, open. Honolulu (UTC-10) ends Mar 31 at Apr 1 09:59:59.999Z, before now: late.
    const dueYesterday = [issue(2, { due_date: '2025-03-31' })];
    expect(onTimeRate(dueYesterday, window, { now, timeZone: 'Pacific/Honolulu' }).display).toBe('On-time 0% (0/1)');
    // At 08:00Z it is still 22:00 on Mar 31 in Honolulu: not late yet, not in the sample.
    const earlier = new Date('2025-04-01T08:00:00Z');
    expect(onTimeRate(dueYesterday, rollingWindow(earlier, 90), { now: earlier, timeZone: 'Pacific/Honolulu' }).n).toBe(0);
  });

  it('returns null with no sample', () => {
    const result = onTimeRate([], window, { now });
    expect(result.value).toBeNull();
    expect(result.n).toBe(0);
    expect(result.display).toBe('On-time —');
    expect(result.formula).toBe('No issues were due in the last 90 days.');
  });

  it('cuts a quarter still in progress at now and names its dates', () => {
    // Q1 window [Jan 1, Apr 1) with now = Feb 15 12:00Z: a Feb 20 due date is in the future.
    const quarter = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z') };
    const feb15 = new Date('2025-02-15T12:00:00Z');
    const sample = [closedIssue(1, '2025-02-01T00:00:00Z', { due_date: '2025-02-10' }), issue(2, { due_date: '2025-02-20' })];
    const result = onTimeRate(sample, quarter, { now: feb15, timeZone: 'UTC' });
    expect(result.display).toBe('On-time 100% (1/1)');
    expect(result.formula).toBe(
      '1 of 1 issue due in the period 2025-01-01 to 2025-03-31 was closed by its due date (end of day, UTC).',
    );
  });
});
