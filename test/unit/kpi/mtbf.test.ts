import { describe, expect, it } from 'vitest';
import { mtbf, unionLengthMs } from '@/utils/kpi/mtbf';
import { rollingWindow } from '@/utils/kpi/window';
import { DAY_MS, closedIssue, issue } from './fixtures';

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
      '(90.0 d window − 5.0 d downtime) / 3 failures started in the last 90 days = 28.3 d.',
    );
    expect(result.items.map((i) => [i.ref, i.startedInWindow, i.endedAt === null])).toEqual([
      ['1#1', false, false],
      ['1#2', true, false],
      ['1#3', true, false],
      ['1#4', true, true],
    ]);
  });

  it('reports "no failures in 90 d" and still measures downtime', () => {
    const result = mtbf([crossingStart, issue(6)], window, { now });
    expect(result.value).toBeNull();
    expect(result.n).toBe(0);
    expect(result.downtimeMs).toBe(DAY_MS);
    expect(result.display).toBe('no failures in 90 d');
    expect(mtbf([], window, { now }).formula).toBe('No failures started in the last 90 days; downtime in the window 0 min.');
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

describe('unionLengthMs', () => {
  it('merges overlapping, nested and touching intervals', () => {
    // [0,10] ∪ [5,15] = 15; [20,30] ⊃ [22,25] = 10; [30,35] touches → +5; [40,41] = 1. Total 31.
    expect(unionLengthMs([[20, 30], [0, 10], [22, 25], [5, 15], [30, 35], [40, 41]])).toBe(31);
    expect(unionLengthMs([])).toBe(0);
  });
});
