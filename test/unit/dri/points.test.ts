import { describe, expect, it } from 'vitest';
import { diminishing, displayScore, formatAmount, listNames } from '@/utils/dri/points';

describe('points', () => {
  it('halves each further unit of evidence: first × 2 × (1 − 0.5^units)', () => {
    expect(diminishing(0, 40)).toBe(0);
    expect(diminishing(1, 40)).toBe(40); // 80 × 0.5
    expect(diminishing(2, 40)).toBe(60); // 80 × 0.75 = 40 + 20
    expect(diminishing(3, 40)).toBe(70); // 40 + 20 + 10
    // Fractional units (recency-weighted): 1.5 → 80 × (1 − 0.5^1.5) = 80 × (1 − 0.353553) = 51.716.
    expect(diminishing(1.5, 40)).toBeCloseTo(51.716, 3);
    expect(diminishing(50, 40)).toBeLessThanOrEqual(80);
    expect(diminishing(-1, 40)).toBe(0);
    expect(diminishing(Number.NaN, 40)).toBe(0);
  });

  it('shows 100 × points / (points + 50), rounded', () => {
    expect(displayScore(0)).toBe(0);
    expect(displayScore(50)).toBe(50);
    expect(displayScore(40)).toBe(44); // 4000 / 90 = 44.4
    expect(displayScore(30)).toBe(38); // 3000 / 80 = 37.5 → 38
    expect(displayScore(150)).toBe(75);
    expect(displayScore(25)).toBe(33); // 2500 / 75 = 33.3
    expect(displayScore(1e6)).toBe(100);
  });

  it('lists names in words', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['/a/'])).toBe('/a/');
    expect(listNames(['/a/', '/b/'])).toBe('/a/ and /b/');
    expect(listNames(['/a/', '/b/', '/c/'])).toBe('/a/, /b/ and /c/');
    expect(listNames(['/a/', '/b/', '/c/', '/d/', '/e/'], 'more paths')).toBe('/a/, /b/ and 3 more paths');
    expect(formatAmount(12)).toBe('12');
    expect(formatAmount(7.25)).toBe('7.3');
  });
});
