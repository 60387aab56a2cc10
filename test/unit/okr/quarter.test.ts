import { describe, expect, it } from 'vitest';
import { currentQuarter, elapsedFraction, quarterById, quarterOf } from '../../../utils/okr/quarter';

const at = (iso: string) => new Date(iso);
const span = (q: { firstDay: string; lastDay: string; days: number }) => [q.firstDay, q.lastDay, q.days];

describe('quarterOf: calendar quarters (start month 1)', () => {
  it('puts mid-May 2026 in Q2: April 1 to June 30, 30 + 31 + 30 = 91 days, midnight UTC to midnight UTC', () => {
    const q = quarterOf(at('2026-05-15T12:00:00Z'), 1);
    expect(q).toEqual({
      id: '2026-Q2',
      year: 2026,
      number: 2,
      firstDay: '2026-04-01',
      lastDay: '2026-06-30',
      days: 91,
      start: at('2026-04-01T00:00:00.000Z'),
      end: at('2026-07-01T00:00:00.000Z'),
      label: 'Q2 2026',
    });
  });

  it('splits at midnight UTC: the last millisecond of March is Q1, the next one Q2', () => {
    expect(quarterOf(at('2026-03-31T23:59:59.999Z'), 1).id).toBe('2026-Q1');
    expect(quarterOf(Date.parse('2026-04-01T00:00:00.000Z'), 1).id).toBe('2026-Q2');
  });

  it('counts February 29 in a leap year: 2024-Q1 has 31 + 29 + 31 = 91 days, 2025-Q1 has 90', () => {
    expect(span(quarterOf(at('2024-02-29T08:00:00Z'), 1))).toEqual(['2024-01-01', '2024-03-31', 91]);
    expect(span(quarterById('2025-Q1', 1)!)).toEqual(['2025-01-01', '2025-03-31', 90]);
  });
});

describe('quarterOf: fiscal quarters, named by the year the fiscal year starts in', () => {
  it('start month 2: March 2026 is 2026-Q1 = Feb–Apr (28 + 31 + 30 = 89 days)', () => {
    const q = quarterOf(at('2026-03-10T00:00:00Z'), 2);
    expect([q.id, ...span(q), q.label]).toEqual(['2026-Q1', '2026-02-01', '2026-04-30', 89, 'Q1 2026 (Feb–Apr)']);
  });

  it('start month 2: January 2026 still belongs to the fiscal year that began in Feb 2025, as its Q4 (Nov–Jan, 30 + 31 + 31 = 92 days)', () => {
    const q = quarterOf(at('2026-01-20T00:00:00Z'), 2);
    expect([q.id, q.year, q.number, ...span(q), q.label]).toEqual(['2025-Q4', 2025, 4, '2025-11-01', '2026-01-31', 92, 'Q4 2025 (Nov–Jan)']);
  });

  it('start month 11: Q1 = Nov–Jan runs over the year boundary, and New Year changes nothing', () => {
    const december = quarterOf(at('2025-12-31T23:59:59.999Z'), 11);
    const january = quarterOf(at('2026-01-01T00:00:00Z'), 11);
    expect([december.id, ...span(december)]).toEqual(['2025-Q1', '2025-11-01', '2026-01-31', 92]);
    expect(january).toEqual(december);
    expect([december.start, december.end]).toEqual([at('2025-11-01T00:00:00Z'), at('2026-02-01T00:00:00Z')]);
  });

  it('start month 11: February 2026 is 2025-Q2 (Feb–Apr) and October 2025 is the previous year\'s Q4 (Aug–Oct)', () => {
    expect(quarterOf(at('2026-02-01T00:00:00Z'), 11).id).toBe('2025-Q2');
    const october = quarterOf(at('2025-10-31T12:00:00Z'), 11);
    expect([october.id, ...span(october), october.label]).toEqual(['2024-Q4', '2025-08-01', '2025-10-31', 92, 'Q4 2024 (Aug–Oct)']);
  });

  it('start month 12: 2023-Q1 = Dec 2023–Feb 2024 ends on the leap day (31 + 31 + 29 = 91 days); a year later it ends Feb 28 (90 days)', () => {
    expect(span(quarterById('2023-Q1', 12)!)).toEqual(['2023-12-01', '2024-02-29', 91]);
    expect(span(quarterById('2024-Q1', 12)!)).toEqual(['2024-12-01', '2025-02-28', 90]);
  });

  it('every quarter found for an instant is found again by its id, and contains the instant (all start months, 2024–2026)', () => {
    for (let startMonth = 1; startMonth <= 12; startMonth++) {
      for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2027, 0, 1); day += 5 * 86_400_000) {
        const q = quarterOf(day, startMonth);
        expect(quarterById(q.id, startMonth)).toEqual(q);
        expect(day >= q.start.getTime() && day < q.end.getTime()).toBe(true);
      }
    }
  });
});

describe('quarterOf: time zones', () => {
  it('2026-03-31T23:30Z is Q1 in UTC but 01:30 on April 1 in Berlin (CEST, UTC+2 since March 29): Q2 there', () => {
    expect(quarterOf(at('2026-03-31T23:30:00Z'), 1).id).toBe('2026-Q1');
    const berlin = quarterOf(at('2026-03-31T23:30:00Z'), 1, 'Europe/Berlin');
    expect(berlin.id).toBe('2026-Q2');
    // Midnight of April 1 and July 1 in CEST = 22:00 UTC the day before.
    expect([berlin.start, berlin.end]).toEqual([at('2026-03-31T22:00:00.000Z'), at('2026-06-30T22:00:00.000Z')]);
  });

  it('Berlin Q1 2026 starts at 23:00 UTC on Dec 31 (CET, UTC+1) and is one hour short of 90 days (spring forward)', () => {
    const q = quarterById('2026-Q1', 1, 'Europe/Berlin')!;
    expect(q.start).toEqual(at('2025-12-31T23:00:00.000Z'));
    expect(q.end.getTime() - q.start.getTime()).toBe(90 * 86_400_000 - 3_600_000);
    expect(q.days).toBe(90);
  });
});

describe('quarterById and currentQuarter', () => {
  it('accepts a lower-case q and surrounding spaces; refuses what is not YYYY-Qn', () => {
    expect(quarterById(' 2026-q3 ', 1)?.id).toBe('2026-Q3');
    expect(quarterById('2026-Q5', 1)).toBeNull();
    expect(quarterById('26-Q1', 1)).toBeNull();
    expect(quarterById('2026Q1', 1)).toBeNull();
  });

  it('refuses a start month outside 1–12 rather than inventing quarters', () => {
    expect(() => quarterOf(at('2026-01-01T00:00:00Z'), 13)).toThrow(RangeError);
    expect(() => quarterById('2026-Q1', 0)).toThrow(RangeError);
    expect(() => quarterById('2026-Q1', 1.5)).toThrow(RangeError);
  });

  it('currentQuarter is the quarter now falls in', () => {
    // Start month 2: Q2 = May–Jul, so July 31 is Q2 and August 1 starts Q3 (Aug–Oct).
    expect(currentQuarter(at('2026-07-31T23:59:59Z'), 2).id).toBe('2026-Q2');
    expect(currentQuarter(at('2026-08-01T00:00:00Z'), 2).id).toBe('2026-Q3');
  });
});

describe('elapsedFraction', () => {
  const febToApril = quarterById('2026-Q1', 2)!; // Feb 1 – Apr 30 2026, 89 days

  it('quarter Feb–Apr 2026, 45 of 89 days elapsed at midnight of March 18 → 45 / 89 = 0.5056', () => {
    expect(elapsedFraction(febToApril, at('2026-03-18T00:00:00Z'))).toBeCloseTo(45 / 89, 10);
    expect(elapsedFraction(febToApril, at('2026-03-18T00:00:00Z'))).toBeCloseTo(0.5056, 4);
  });

  it('half a day in: 0.5 / 89 = 0.005618', () => {
    expect(elapsedFraction(febToApril, at('2026-02-01T12:00:00Z'))).toBeCloseTo(0.005618, 6);
  });

  it('is 0 at the start and before it, 1 at the end and after it', () => {
    expect(elapsedFraction(febToApril, at('2026-02-01T00:00:00Z'))).toBe(0);
    expect(elapsedFraction(febToApril, at('2025-12-24T00:00:00Z'))).toBe(0);
    expect(elapsedFraction(febToApril, at('2026-05-01T00:00:00Z'))).toBe(1);
    expect(elapsedFraction(febToApril, at('2027-01-01T00:00:00Z'))).toBe(1);
    expect(elapsedFraction(febToApril, at('2026-04-30T23:59:59.999Z'))).toBeLessThan(1);
  });
});
