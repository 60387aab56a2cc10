import { describe, expect, it } from 'vitest';
import { mtbf, unionLengthMs } from '@/utils/kpi/mtbf';
import { DEFAULT_FAILURE_RULES } from '@/utils/kpi/settings';
import { rollingWindow } from '@/utils/kpi/window';
import { DAY_MS, HOUR_MS, closedIssue, issue } from './fixtures';

// Window [2025-01-01 00:00Z, 2025-04-01 00:00Z) = 90 d.
const now = new Date('2025-04-01T00:00:00Z');
const window = rollingWindow(now, 90);
const incident = { issue_type: 'incident' };

describe('mtbf', () => {
  const crossingStart = closedIssue(1, '2025-01-02T00:00:00Z', { ...incident, created_at: '2024-12-31T00:00:00Z' });
  const issues = [
    crossingStart, // 1 d of downtime inside the window (Jan 1 → Jan 2); not started in it
    closedIssue(2, '2025-02-03T00:00:00Z', { ...incident, created_at: '2025-02-01T00:00:00Z' }), // Feb 1 → Feb 3
    closedIssue(3, '2025-02-04T00:00:00Z', { ...incident, created_at: '2025-02-02T00:00:00Z' }), // Feb 2 → Feb 4, overlaps #2
    issue(4, { ...incident, created_at: '2025-03-31T00:00:00Z' }), // still open: runs until now, 1 d
    closedIssue(5, '2024-12-20T00:00:00Z', { ...incident, created_at: '2024-12-19T00:00:00Z' }), // before the window
    issue(6, { created_at: '2025-02-10T00:00:00Z' }), // not a failure
  ];

  it('divides up-time by failures started, with downtime as a union', () => {
    // Downtime: 1 d (#1) + union(Feb 1–3, Feb 2–4) = 3 d + 1 d (#4) = 5 d (a plain sum would be 6 d).
    // Started in window: #2 #3 #4 = 3. MTBF = (90 − 5) / 3 = 28.33 d.
    const result = mtbf(issues, window, { now });
    expect(result.n).toBe(3);
    expect(result.downtimeMs).toBe(5 * DAY_MS);
    expect(result.windowMs).toBe(90 * DAY_MS);
    expect(result.value).toBeCloseTo((85 / 3) * DAY_MS, 0);
    expect(result.display).toBe('MTBF 28.3 d');
    expect(result.formula).toBe(
      '(90.0 d window − 5.0 d outage downtime (4 outages)) / 3 failures started in the last 90 days = 28.3 d.',
    );
    expect(result.items.map((i) => [i.ref, i.startedInWindow, i.endedAt === null, i.outage])).toEqual([
      ['1#1', false, false, true],
      ['1#2', true, false, true],
      ['1#3', true, false, true],
      ['1#4', true, true, true],
    ]);
  });

  it('reports "no failures in 90 d" and still measures downtime', () => {
    const result = mtbf([crossingStart, issue(6)], window, { now });
    expect(result.value).toBeNull();
    expect(result.n).toBe(0);
    expect(result.downtimeMs).toBe(DAY_MS);
    expect(result.display).toBe('no failures in 90 d');
    expect(result.formula).toBe('No failures started in the last 90 days; outage downtime in the window 24.0 h (1 outage).');
    expect(mtbf([], window, { now }).formula).toBe('No failures started in the last 90 days; outage downtime in the window 0 min (no outages).');
  });

  it('measures only the elapsed part of a quarter in progress', () => {
    // Q1 [Jan 1, Apr 1) at now = Mar 2 00:00Z: elapsed 31 + 28 + 1 = 60 d.
    // Open failure since Feb 1: downtime Feb 1 → Mar 2 = 29 d. MTBF = (60 − 29) / 1 = 31 d.
    const quarter = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z'), label: 'Q1 2025' };
    const mar2 = new Date('2025-03-02T00:00:00Z');
    const result = mtbf([issue(1, { ...incident, created_at: '2025-02-01T00:00:00Z' })], quarter, { now: mar2 });
    expect(result.windowMs).toBe(60 * DAY_MS);
    expect(result.downtimeMs).toBe(29 * DAY_MS);
    expect(result.display).toBe('MTBF 31.0 d');
    expect(mtbf([], quarter, { now: mar2 }).display).toBe('no failures in 60 d');
  });
});

describe('mtbf: only outages add downtime', () => {
  const severity2 = ['type::bug', 'severity::2'];

  it('takes the union of incidents across projects; an open severity-2 bug is a failure without downtime', () => {
    const issues = [
      // Project 1, incident by issue_type: Feb 10 00:00 → Feb 10 12:00 = 12 h.
      closedIssue(1, '2025-02-10T12:00:00Z', { ...incident, created_at: '2025-02-10T00:00:00Z' }),
      // Project 2, same iid, incident by REST `type`: Feb 10 06:00 → Feb 11 00:00 = 18 h, overlaps #1.
      closedIssue(1, '2025-02-11T00:00:00Z', { project_id: 2, type: 'INCIDENT', created_at: '2025-02-10T06:00:00Z' }),
      // Project 1, severity-2 bug open since Jan 20: a failure, not an outage.
      issue(2, { labels: severity2, created_at: '2025-01-20T00:00:00Z' }),
      // Severity-2 bug open since before the window: neither started in it nor an outage, so not listed.
      issue(3, { labels: severity2, created_at: '2024-12-01T00:00:00Z' }),
    ];
    // Downtime = union(Feb 10 00:00–12:00, Feb 10 06:00–Feb 11 00:00) = Feb 10 00:00 → Feb 11 00:00
    // = 24 h (a plain sum would be 12 + 18 = 30 h). The bugs add none: under the old rule the bug
    // open since Jan 20 alone would have been 71 d of downtime (Jan 20 → Apr 1 = 12 + 28 + 31).
    // Started in the window: both incidents + the Jan 20 bug = 3. MTBF = (90 − 1) / 3 = 29.67 d.
    const result = mtbf(issues, window, { now });
    expect(result.n).toBe(3);
    expect(result.downtimeMs).toBe(DAY_MS);
    expect(result.outages).toBe(2);
    expect(result.value).toBeCloseTo((89 / 3) * DAY_MS, 0);
    expect(result.display).toBe('MTBF 29.7 d');
    expect(result.formula).toBe(
      '(90.0 d window − 24.0 h outage downtime (2 outages)) / 3 failures started in the last 90 days = 29.7 d.',
    );
    expect(result.items.map((i) => [i.ref, i.outage, i.downtimeInWindowMs / HOUR_MS, i.why])).toEqual([
      ['1#1', true, 12, 'issue type incident'],
      ['2#1', true, 18, 'issue type incident'],
      ['1#2', false, 0, 'labels type::bug + severity::2'],
    ]);
  });

  it('runs an open incident until now, and clips it at the end of a past window', () => {
    // Rolling window at now = Mar 15 12:00Z: [Dec 15 12:00, Mar 15 12:00) = 90 d.
    const mar15 = new Date('2025-03-15T12:00:00Z');
    const issues = [
      // Open incident since Mar 9 12:00: runs until now = 6 d of downtime.
      issue(1, { ...incident, created_at: '2025-03-09T12:00:00Z' }),
      // Severity-1 bug Mar 1 → Mar 3: a failure, no downtime.
      closedIssue(2, '2025-03-03T00:00:00Z', { labels: ['type::bug', 'severity::1'], created_at: '2025-03-01T00:00:00Z' }),
    ];
    // n = 2. MTBF = (90 − 6) / 2 = 42 d.
    const result = mtbf(issues, rollingWindow(mar15, 90), { now: mar15 });
    expect(result.n).toBe(2);
    expect(result.downtimeMs).toBe(6 * DAY_MS);
    expect(result.items[0]).toMatchObject({ ref: '1#1', endedAt: null, outage: true, downtimeInWindowMs: 6 * DAY_MS });
    expect(result.display).toBe('MTBF 42.0 d');

    // Q4 2024 [Oct 1, Jan 1) = 31 + 30 + 31 = 92 d, seen on Mar 15: an incident open since
    // Dec 30 00:00 runs to now but only Dec 30 → Jan 1 = 2 d is inside. MTBF = (92 − 2) / 1 = 90 d.
    const q4 = { start: new Date('2024-10-01T00:00:00Z'), end: new Date('2025-01-01T00:00:00Z'), label: 'Q4 2024' };
    const past = mtbf([issue(3, { ...incident, created_at: '2024-12-30T00:00:00Z' })], q4, { now: mar15 });
    expect(past.windowMs).toBe(92 * DAY_MS);
    expect(past.downtimeMs).toBe(2 * DAY_MS);
    expect(past.display).toBe('MTBF 90.0 d');
  });

  it('treats a failure with an outage label as an outage, and follows configured outage labels', () => {
    const issues = [
      // Label "Incident" (any case), no incident type: Feb 1 → Feb 4 = 3 d.
      closedIssue(1, '2025-02-04T00:00:00Z', { labels: ['Incident'], created_at: '2025-02-01T00:00:00Z' }),
      // Severity-1 bug also labelled "outage": Mar 1 → Mar 3 = 2 d.
      closedIssue(2, '2025-03-03T00:00:00Z', { labels: ['type::bug', 'severity::1', 'outage'], created_at: '2025-03-01T00:00:00Z' }),
      // "outage" but no failure rule matches: not a failure, so never an outage either.
      closedIssue(3, '2025-03-21T00:00:00Z', { labels: ['outage'], created_at: '2025-03-20T00:00:00Z' }),
    ];

    // Defaults (outage label "incident"): downtime 3 d (#1), n = 2 (#1, #2). (90 − 3) / 2 = 43.5 d.
    const byDefault = mtbf(issues, window, { now });
    expect(byDefault.n).toBe(2);
    expect(byDefault.downtimeMs).toBe(3 * DAY_MS);
    expect(byDefault.items.map((i) => [i.ref, i.outage])).toEqual([['1#1', true], ['1#2', false]]);
    expect(byDefault.display).toBe('MTBF 43.5 d');

    // Outage label "Outage": #1 is still a failure (label set "incident") but no outage; #2 is one:
    // downtime 2 d, n = 2. (90 − 2) / 2 = 44 d. #3 is still not a failure.
    const custom = mtbf(issues, window, { now, failureRules: { ...DEFAULT_FAILURE_RULES, outageLabels: ['Outage'] } });
    expect(custom.n).toBe(2);
    expect(custom.downtimeMs).toBe(2 * DAY_MS);
    expect(custom.items.map((i) => [i.ref, i.outage])).toEqual([['1#1', false], ['1#2', true]]);
    expect(custom.display).toBe('MTBF 44.0 d');

    // No outage labels and no incident types: no downtime. 90 / 2 = 45 d.
    const none = mtbf(issues, window, { now, failureRules: { ...DEFAULT_FAILURE_RULES, outageLabels: [] } });
    expect(none.downtimeMs).toBe(0);
    expect(none.formula).toBe('(90.0 d window − 0 min outage downtime (no outages)) / 2 failures started in the last 90 days = 45.0 d.');
  });
});

describe('unionLengthMs', () => {
  it('merges overlapping, nested and touching intervals', () => {
    // [0,10] ∪ [5,15] = 15; [20,30] ⊃ [22,25] = 10; [30,35] touches → +5; [40,41] = 1. Total 31.
    expect(unionLengthMs([[20, 30], [0, 10], [22, 25], [5, 15], [30, 35], [40, 41]])).toBe(31);
    expect(unionLengthMs([])).toBe(0);
  });
});
