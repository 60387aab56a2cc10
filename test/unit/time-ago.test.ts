import { describe, expect, it } from 'vitest';
import { timeAgo } from '../../utils/time-ago';

describe('timeAgo', () => {
  const now = Date.parse('2026-05-10T12:00:00Z');
  it.each([
    ['2026-05-10T11:59:40Z', 'just now'],
    ['2026-05-10T11:55:00Z', '5 min ago'],
    ['2026-05-10T09:00:00Z', '3 h ago'],
    ['2026-05-08T13:00:00Z', '47 h ago'],
    ['2026-05-07T12:00:00Z', '3 d ago'],
    ['2026-05-10T12:05:00Z', 'just now'], // a clock a little ahead never reads as negative
  ])('%s → %s', (iso, expected) => {
    expect(timeAgo(iso, now)).toBe(expected);
  });
});
