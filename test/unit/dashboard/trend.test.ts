import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_RULES } from '@/utils/allocation/rules';
import { kpiTrend, type KpiTrendInput } from '@/utils/dashboard/trend';
import {
  completeRate,
  DEFAULT_KPI_SETTINGS,
  mrRate,
  mtbf,
  mttr,
  onTimeRate,
  resolveEngineers,
  techContribution,
  type KpiIssue,
  type KpiSettings,
} from '@/utils/kpi';
import { closedIssue, DAY_MS, HOUR_MS, issue, member, mergedMr } from '../kpi/fixtures';

// Ten-day windows keep the arithmetic by hand. now = 2025-03-01 00:00Z (2025: February has 28
// days), so the six windows [start, end) are:
//   W0 [2024-12-31, 2025-01-10)  W1 [01-10, 01-20)  W2 [01-20, 01-30)
//   W3 [01-30, 02-09)            W4 [02-09, 02-19)  W5 [02-19, 03-01)
// In UTC a due day D ends at D 23:59:59.999Z, so W0 judges due dates Dec 31 … Jan 9, W1 Jan 10 …
// Jan 19, and so on; W5 Feb 19 … Feb 28 (Mar 1, today, has not ended).
const now = new Date('2025-03-01T00:00:00Z');
const settings: KpiSettings = { ...DEFAULT_KPI_SETTINGS, windowDays: 10, timeZone: 'UTC' };

const data = (overrides: Partial<KpiTrendInput>): KpiTrendInput => ({
  issues: [],
  mergeRequests: [],
  members: [],
  allocationRules: DEFAULT_ALLOCATION_RULES,
  ...overrides,
});
const seriesOf = (input: KpiTrendInput, kpi: string, s: KpiSettings = settings) => {
  const series = kpiTrend(input, s, now).series.find((x) => x.kpi === kpi);
  if (!series) throw new Error(`no ${kpi} series`);
  return series;
};

const onTimeIssues: KpiIssue[] = [
  closedIssue(1, '2025-01-04T12:00:00Z', { due_date: '2025-01-05' }), // W0 on time
  closedIssue(2, '2025-01-07T12:00:00Z', { due_date: '2025-01-05' }), // W0 late
  closedIssue(3, '2025-01-25T23:00:00Z', { due_date: '2025-01-25' }), // W2 on time in UTC (last hour of the day)
  closedIssue(4, '2025-02-01T12:00:00Z', { due_date: '2025-02-01' }), // W3 on time
  closedIssue(5, '2025-02-01T12:00:00Z', { due_date: '2025-02-02' }), // W3 on time
  issue(6, { due_date: '2025-02-03' }), // W3 open, overdue: late
  closedIssue(7, '2025-02-10T12:00:00Z', { due_date: '2025-02-08' }), // W3 late (closed in W4: still late in W3)
  closedIssue(8, '2025-02-20T12:00:00Z', { due_date: '2025-02-10' }), // W4 late
  closedIssue(9, '2025-02-19T12:00:00Z', { due_date: '2025-02-20' }), // W5 on time
  closedIssue(10, '2025-02-28T10:00:00Z', { due_date: '2025-02-28' }), // W5 on time
  issue(11, { milestone: { id: 1, due_date: '2025-02-27' } }), // W5 open, overdue by its milestone: late
  issue(12, { due_date: '2025-03-01' }), // due today: in no window yet
  closedIssue(13, '2025-01-01T00:00:00Z', { due_date: '2024-12-30' }), // ended before W0: in no window
];

describe('kpiTrend: On-time', () => {
  it('gives six windows oldest → newest, each judged by the On-time rule', () => {
    // W0 #1 on time, #2 late → 1/2 = 0.5. W1 nothing due → null. W2 #3 → 1/1 = 1.
    // W3 #4 #5 on time, #6 #7 late → 2/4 = 0.5. W4 #8 late → 0/1 = 0. W5 #9 #10 on time, #11 late → 2/3.
    const series = seriesOf(data({ issues: onTimeIssues }), 'on-time');
    expect(series.values).toEqual([0.5, null, 1, 0.5, 0, 2 / 3]);
    expect(series.points.map((p) => p.n)).toEqual([2, 0, 1, 4, 1, 3]);
    expect(series.target).toBe(0.8);
    expect(series.direction).toBe('higher-is-better');
  });

  it('labels each window by its dates, except the newest, which is the badge window', () => {
    const { points } = seriesOf(data({ issues: onTimeIssues }), 'on-time');
    expect(points[0]).toMatchObject({ start: '2024-12-31T00:00:00.000Z', end: '2025-01-10T00:00:00.000Z' });
    expect(points[5]).toMatchObject({ start: '2025-02-19T00:00:00.000Z', end: '2025-03-01T00:00:00.000Z' });
    expect(points[0]?.formula).toBe(
      '1 of 2 issues due in the period 2024-12-31 to 2025-01-09 were closed by their due date (end of day, UTC).',
    );
    expect(points[1]?.display).toBe('On-time —');
    expect(points[5]?.display).toBe('On-time 67% (2/3)');
    expect(points[5]?.formula).toMatch(/^2 of 3 issues due in the last 10 days /);
  });

  it("judges due days in the team's time zone", () => {
    // #3 closed 2025-01-25 23:00Z = Jan 26 00:00 in Berlin (UTC+1): late there, so W2 is 0/1.
    // Berlin due days end at 22:59:59.999Z, which moves no due date into another window.
    const series = seriesOf(data({ issues: onTimeIssues }), 'on-time', { ...settings, timeZone: 'Europe/Berlin' });
    expect(series.values).toEqual([0.5, null, 0, 0.5, 0, 2 / 3]);
  });

  it('computes fewer windows on request, the same values as the last ones of six', () => {
    const trend = kpiTrend(data({ issues: onTimeIssues }), settings, now, 3);
    expect(trend.series.find((s) => s.kpi === 'on-time')?.values).toEqual([0.5, 0, 2 / 3]);
    expect(() => kpiTrend(data({}), settings, now, 0)).toThrow(RangeError);
    expect(() => kpiTrend(data({}), settings, now, 2.5)).toThrow(RangeError);
  });
});

// Failures: f1 incident Jan 1 00:00 → 06:00 (6 h). f5 incident Jan 8 00:00 → Jan 12 00:00 (96 h,
// spans W0/W1). f2 incident Feb 20 → Feb 21 (24 h). f3 bug + severity::1 Feb 22 00:00 → 12:00
// (12 h, a failure but no outage). f4 incident opened Feb 27 00:00, still open. #30 plain bug: no failure.
const failureIssues: KpiIssue[] = [
  closedIssue(20, '2025-01-01T06:00:00Z', { created_at: '2025-01-01T00:00:00Z', issue_type: 'incident' }),
  closedIssue(21, '2025-01-12T00:00:00Z', { created_at: '2025-01-08T00:00:00Z', issue_type: 'incident' }),
  closedIssue(22, '2025-02-21T00:00:00Z', { created_at: '2025-02-20T00:00:00Z', issue_type: 'incident' }),
  closedIssue(23, '2025-02-22T12:00:00Z', { created_at: '2025-02-22T00:00:00Z', labels: ['type::bug', 'severity::1'] }),
  issue(24, { created_at: '2025-02-27T00:00:00Z', issue_type: 'incident' }),
  closedIssue(30, '2025-02-25T00:00:00Z', { created_at: '2025-02-24T00:00:00Z', labels: ['type::bug'] }),
];

describe('kpiTrend: MTTR and MTBF', () => {
  it('MTTR: mean time to restore per window, lower is better against 24 h', () => {
    // Closed in W0: f1 6 h. W1: f5 96 h. W5: f2 24 h and f3 12 h → 18 h. The open f4 has no
    // restore time; W2–W4 closed no failure → null.
    const series = seriesOf(data({ issues: failureIssues }), 'mttr');
    expect(series.values).toEqual([6 * HOUR_MS, 96 * HOUR_MS, null, null, null, 18 * HOUR_MS]);
    expect(series.direction).toBe('lower-is-better');
    expect(series.target).toBe(24 * HOUR_MS);
  });

  it('MTBF: window minus outage downtime over failures started, null where none started', () => {
    // W0 (240 h): started f1, f5 = 2; downtime f1 6 h + f5 Jan 8 → Jan 10 48 h = 54 h → 186 / 2 = 93 h.
    // W1: f5's last 48 h are downtime, but no failure started → null.
    // W5 (240 h): started f2, f3, f4 = 3; downtime f2 24 h + f4 Feb 27 → now 48 h (f3 is no
    // outage) = 72 h → 168 / 3 = 56 h.
    const series = seriesOf(data({ issues: failureIssues }), 'mtbf');
    expect(series.values).toEqual([93 * HOUR_MS, null, null, null, null, 56 * HOUR_MS]);
    expect(series.points[1]?.display).toBe('no failures in 10 d');
    expect(series.direction).toBe('higher-is-better');
  });
});

describe('kpiTrend: Complete, MR rate and Tech contribution', () => {
  it('Complete: milestones due in each window; a milestone without issues has no sample', () => {
    const sprint7 = { id: 7, title: 'Sprint 7', due_date: '2025-02-25' };
    const sprint8 = { id: 8, title: 'Sprint 8', due_date: '2025-01-15' };
    const sprint9 = { id: 9, title: 'Sprint 9', due_date: '2025-01-25' };
    const issues = [
      closedIssue(40, '2025-02-24T12:00:00Z', { milestone: sprint7 }), // closed by the due date
      issue(41, { milestone: sprint7 }), // open
      closedIssue(42, '2025-01-14T12:00:00Z', { milestone: sprint8 }),
    ];
    // W1: Sprint 8 1/1 = 1. W2: Sprint 9 0/0 → null. W5: Sprint 7 1/2 = 0.5.
    const series = seriesOf(data({ issues, milestones: [sprint7, sprint8, sprint9] }), 'complete');
    expect(series.values).toEqual([null, 1, null, null, null, 0.5]);
  });

  it('MR rate and Tech contribution: per engineer-month, 0 with engineers but no merges', () => {
    const input = data({
      members: [
        member(1, 'ana', 30), // no membership date: there all along
        member(2, 'bo', 30, 'active', '2025-02-24T00:00:00Z'), // joined 5 days before now
        member(3, 'cy', 20), // Reporter: no engineer
      ],
      mergeRequests: [
        mergedMr(1, '2025-01-05T00:00:00Z', ['type::maintenance']), // W0, engineering-led
        mergedMr(2, '2025-02-25T00:00:00Z', ['type::feature']), // W5, product
        mergedMr(3, '2025-02-26T00:00:00Z', ['type::bug']), // W5, engineering-led
        mergedMr(4, null), // not merged
        mergedMr(5, '2024-12-30T00:00:00Z', ['type::bug']), // before W0
      ],
    });
    // W0–W4: ana 10 d = 1/3 engineer-month (bo joined after them). W0: 1 MR / (1/3) = 3; W1–W4: 0.
    // W5: ana 10 d + bo 5 d = 15 d = 0.5 → MR rate 2 / 0.5 = 4; Tech contribution 1 / 0.5 = 2.
    const mr = seriesOf(input, 'mr-rate').values;
    const tech = seriesOf(input, 'tech-contribution').values;
    [3, 0, 0, 0, 0, 4].forEach((expected, i) => expect(mr[i]).toBeCloseTo(expected, 10));
    [3, 0, 0, 0, 0, 2].forEach((expected, i) => expect(tech[i]).toBeCloseTo(expected, 10));
    expect(seriesOf(input, 'mr-rate').target).toBe(8);
  });

  it('gives null everywhere for a team without data (no engineers, no issues)', () => {
    const trend = kpiTrend(data({}), settings, now);
    expect(trend.windowDays).toBe(10);
    expect(trend.series.map((s) => s.kpi)).toEqual(['on-time', 'complete', 'mttr', 'mtbf', 'mr-rate', 'tech-contribution']);
    for (const series of trend.series) expect(series.values).toEqual([null, null, null, null, null, null]);
  });
});

describe('kpiTrend: window boundaries', () => {
  // now = 2025-03-01 23:59:59.999Z, so in UTC every window starts where a due day ends:
  //   W4 [02-09 23:59:59.999Z, 02-19 23:59:59.999Z)   W5 [02-19 23:59:59.999Z, now)
  const lateNow = new Date('2025-03-01T23:59:59.999Z');
  const input = data({
    issues: [
      closedIssue(1, '2025-02-19T12:00:00Z', { due_date: '2025-02-19' }), // ends exactly at W5's start: W5, on time
      issue(2, { due_date: '2025-02-09' }), // ends exactly at W4's start: W4, late
      issue(3, { due_date: '2025-03-01' }), // ends exactly at now: in no window yet
    ],
    members: [member(1, 'ana', 30)],
    mergeRequests: [
      mergedMr(1, '2025-02-19T23:59:59.999Z'), // W5's first instant
      mergedMr(2, '2025-02-19T23:59:59.998Z'), // W4's last
      mergedMr(3, '2025-03-01T23:59:59.999Z'), // now: excluded
    ],
  });

  it('puts an instant on a boundary in the window that starts there, and excludes now', () => {
    const trend = kpiTrend(input, settings, lateNow);
    // On-time: W4 #2 late → 0/1; W5 #1 → 1/1. MR rate: ana alone, 10 d = 1/3 month per window:
    // W4 1 MR → 3, W5 1 MR → 3, W0–W3 → 0.
    expect(trend.series[0]?.values).toEqual([null, null, null, null, 0, 1]);
    const mr = trend.series[4]?.values ?? [];
    [0, 0, 0, 0, 3, 3].forEach((expected, i) => expect(mr[i]).toBeCloseTo(expected, 10));
  });
});

describe('kpiTrend: the same numbers as the KPI engine', () => {
  // kpiTrend sorts the data into windows once before the 36 engine calls; this holds that sorting
  // to the engine's own selection, over all datasets above mixed (milestone issues are also
  // due-dated), at a midnight `now` and at one where windows start exactly where due days end.
  const sprint = { id: 7, title: 'Sprint 7', due_date: '2025-02-25' };
  const issues = [
    ...onTimeIssues,
    ...failureIssues,
    closedIssue(40, '2025-02-26T12:00:00Z', { milestone: sprint }),
    closedIssue(41, '2025-02-19T12:00:00Z', { due_date: '2025-02-19' }),
    issue(42, { due_date: '2025-02-09' }),
  ];
  const members = [member(1, 'ana', 30), member(2, 'bo', 30, 'active', '2025-02-24T00:00:00Z')];
  const mergeRequests = [
    mergedMr(1, '2025-01-05T00:00:00Z', ['type::bug']),
    mergedMr(2, '2025-02-25T00:00:00Z'),
    mergedMr(3, null),
    mergedMr(4, '2025-02-19T23:59:59.999Z', ['type::bug']),
    mergedMr(5, '2025-02-19T00:00:00Z'),
  ];

  it.each(['2025-03-01T00:00:00Z', '2025-03-01T23:59:59.999Z'])('each window equals the direct engine call (now %s)', (at) => {
    const at_ = new Date(at);
    const trend = kpiTrend(data({ issues, members, mergeRequests, milestones: [sprint] }), settings, at_);
    const engineers = resolveEngineers(members);
    const failureOpts = { now: at_, failureRules: settings.failureRules };
    for (let i = 0; i < 6; i++) {
      const endMs = at_.getTime() - (5 - i) * 10 * DAY_MS;
      const window = { start: new Date(endMs - 10 * DAY_MS), end: new Date(endMs) };
      const direct = [
        onTimeRate(issues, window, { now: at_, timeZone: 'UTC' }),
        completeRate(issues, [sprint], window, { now: at_, timeZone: 'UTC' }),
        mttr(issues, window, failureOpts),
        mtbf(issues, window, failureOpts),
        mrRate(mergeRequests, engineers, window, { now: at_ }),
        techContribution(mergeRequests, engineers, window, DEFAULT_ALLOCATION_RULES, { now: at_ }),
      ];
      direct.forEach((result, k) => {
        expect(trend.series[k]?.points[i]).toMatchObject({ value: result.value, n: result.n, display: result.display });
      });
    }
    // Not vacuous: the mixed data gives On-time samples in five windows of six.
    expect(trend.series[0]?.values.filter((v) => v !== null)).toHaveLength(5);
  });
});
