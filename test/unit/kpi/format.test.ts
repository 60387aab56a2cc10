import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatPercent } from '@/utils/kpi/format';
import { DAY_MS, HOUR_MS } from './fixtures';

describe('formatDuration', () => {
  it('uses minutes under an hour, hours under two days, days beyond', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(45 * 60_000)).toBe('45 min');
    expect(formatDuration(4.2 * HOUR_MS)).toBe('4.2 h');
    expect(formatDuration(30 * HOUR_MS)).toBe('30.0 h');
    expect(formatDuration(2 * DAY_MS)).toBe('2.0 d');
    expect(formatDuration(12.5 * DAY_MS)).toBe('12.5 d');
  });
});

describe('formatAge', () => {
  it('rounds down to whole units', () => {
    expect(formatAge(59 * 60_000)).toBe('59 min');
    expect(formatAge(23.9 * HOUR_MS)).toBe('23 h');
    expect(formatAge(1.99 * DAY_MS)).toBe('1 d');
  });
});

describe('formatPercent', () => {
  it('rounds, but never to 100 % or 0 % when that would be untrue', () => {
    expect(formatPercent(7, 10)).toBe('70%');
    expect(formatPercent(41, 50)).toBe('82%');
    expect(formatPercent(2, 3)).toBe('67%');
    expect(formatPercent(199, 200)).toBe('99%');
    expect(formatPercent(1, 300)).toBe('1%');
    expect(formatPercent(0, 0)).toBe('—');
  });
});
