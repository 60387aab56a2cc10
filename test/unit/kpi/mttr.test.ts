import { describe, expect, it } from 'vitest';
import { mttr } from '@/utils/kpi/mttr';
import { medianOfSorted, percentileNearestRank } from '@/utils/kpi/stats';
import { rollingWindow } from '@/utils/kpi/window';
import { closedIssue, issue } from './fixtures';

// Window [2025-01-01 00:00Z, 2025-04-01 00:00Z).
const now = new Date('2025-04-01T00:00:00Z');
const window = rollingWindow(now, 90);
const incident = { issue_type: 'incident' };

describe('mttr', () => {
  const issues = [
    closedIssue(1, '2025-02-01T01:00:00Z', { ...incident, created_at: '2025-02-01T00:00:00Z' }), // 1 h
    closedIssue(2, '2025-02-02T02:00:00Z', { ...incident, created_at: '2025-02-02T00:00:00Z' }), // 2 h
    closedIssue(3, '2025-02-03T03:00:00Z', { labels: ['incident'], created_at: '2025-02-03T00:00:00Z' }), // 3 h
    closedIssue(4, '2025-02-04T04:00:00Z', { labels: ['type::bug', 'severity::1'], created_at: '2025-02-04T00:00:00Z' }), // 4 h
    // Created before the window, closed inside it: counts (closed in the window), 10 h.
    closedIssue(5, '2025-01-01T06:00:00Z', { ...incident, created_at: '2024-12-31T20:00:00Z' }),
    closedIssue(6, '2024-12-31T23:00:00Z', { ...incident, created_at: '2024-12-31T00:00:00Z' }), // closed before: out
    issue(7, { ...incident, created_at: '2025-03-01T00:00:00Z' }), // still open: out
    closedIssue(8, '2025-02-05T09:00:00Z', { labels: ['type::bug'], created_at: '2025-02-05T00:00:00Z' }), // not a failure
  ];

  it('averages closed − created over failures closed in the window', () => {
    // Durations 1, 2, 3, 4, 10 h → mean 20 / 5 = 4 h; median 3 h; p90 rank ⌈0.9 × 5⌉ = 5 → 10 h.
    const result = mttr(issues, window);
    expect(result.n).toBe(5);
    expect(result.value).toBe(4 * 3_600_000);
    expect(result.medianMs).toBe(3 * 3_600_000);
    expect(result.p90Ms).toBe(10 * 3_600_000);
    expect(result.display).toBe('MTTR 4.0 h');
    expect(result.formula).toBe(
      'Mean time to restore over 5 failures closed in the last 90 days: mean 4.0 h, median 3.0 h, p90 10.0 h.',
    );
    expect(result.items.find((i) => i.ref === '1#4')?.why).toBe('labels type::bug + severity::1');
  });

  it('uses the configured failure rules', () => {
    // Only label "incident" counts now: #3 alone, 3 h.
    const result = mttr(issues, window, { failureRules: { incidentTypeIsFailure: false, labelSets: [['incident']], outageLabels: [] } });
    expect(result.items.map((i) => i.ref)).toEqual(['1#3']);
    expect(result.display).toBe('MTTR 3.0 h');
  });

  it('returns null when no failure was closed', () => {
    const result = mttr([issue(1, incident)], window);
    expect(result.value).toBeNull();
    expect(result.medianMs).toBeNull();
    expect(result.display).toBe('MTTR —');
    expect(result.formula).toBe('No failures were closed in the last 90 days.');
  });
});

describe('order statistics', () => {
  it('takes the nearest rank ⌈p/100 × n⌉, never interpolating', () => {
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    // n = 10: rank ⌈9⌉ = 9 → 9 (linear interpolation would give 9.1).
    expect(percentileNearestRank(oneToTen, 90)).toBe(9);
    // n = 11: rank ⌈9.9⌉ = 10 → 10.
    expect(percentileNearestRank([...oneToTen, 11], 90)).toBe(10);
    // n = 16: rank ⌈14.4⌉ = 15 → 15 (rounding would give rank 14, interpolation 14.5).
    expect(percentileNearestRank([...oneToTen, 11, 12, 13, 14, 15, 16], 90)).toBe(15);
    // p50 of 10 values: rank 5 → 5 (the lower middle).
    expect(percentileNearestRank(oneToTen, 50)).toBe(5);
    // p0 clamps to rank 1; one value is every percentile.
    expect(percentileNearestRank(oneToTen, 0)).toBe(1);
    expect(percentileNearestRank([7], 90)).toBe(7);
    expect(percentileNearestRank([], 90)).toBeNull();
  });

  it('averages the two middle values for an even median', () => {
    expect(medianOfSorted([1, 2, 3, 4])).toBe(2.5);
    expect(medianOfSorted([1, 2, 9])).toBe(2);
    expect(medianOfSorted([])).toBeNull();
  });
});
