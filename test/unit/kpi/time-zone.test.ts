import { describe, expect, it } from 'vitest';
import {
  calendarDateInZone,
  endOfDayCache,
  endOfDayInZoneMs,
  isValidTimeZone,
} from '@/utils/kpi/time-zone';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

describe('endOfDayInZoneMs', () => {
  it('ends a UTC day at 23:59:59.999Z', () => {
    expect(iso(endOfDayInZoneMs('2025-03-10', 'UTC'))).toBe('2025-03-10T23:59:59.999Z');
  });

  it('follows the zone offset in winter and summer', () => {
    // Berlin is UTC+1 in January: local midnight of Jan 16 = Jan 15 23:00Z, minus 1 ms.
    expect(iso(endOfDayInZoneMs('2025-01-15', 'Europe/Berlin'))).toBe('2025-01-15T22:59:59.999Z');
    // Berlin is UTC+2 in July: Jul 16 00:00 local = Jul 15 22:00Z.
    expect(iso(endOfDayInZoneMs('2025-07-15', 'Europe/Berlin'))).toBe('2025-07-15T21:59:59.999Z');
    // Kolkata is UTC+5:30: Jan 16 00:00 local = Jan 15 18:30Z.
    expect(iso(endOfDayInZoneMs('2025-01-15', 'Asia/Kolkata'))).toBe('2025-01-15T18:29:59.999Z');
  });

  it('uses the offset of the next midnight on DST change days', () => {
    // Berlin springs forward on 2025-03-30; Mar 31 00:00 is CEST (UTC+2) = Mar 30 22:00Z.
    expect(iso(endOfDayInZoneMs('2025-03-30', 'Europe/Berlin'))).toBe('2025-03-30T21:59:59.999Z');
    // New York falls back on 2025-11-02; Nov 3 00:00 is EST (UTC-5) = Nov 3 05:00Z.
    expect(iso(endOfDayInZoneMs('2025-11-02', 'America/New_York'))).toBe('2025-11-03T04:59:59.999Z');
  });

  it('handles DST changes at midnight (Santiago)', () => {
    // Apr 5 2025 has 25 hours: 00:00 Apr 6 CLST (03:00Z) falls back to 23:00 Apr 5 CLT,
    // so Apr 5 ends at 04:00Z − 1 ms (a one-pass offset lookup says 03:00Z).
    expect(iso(endOfDayInZoneMs('2025-04-05', 'America/Santiago'))).toBe('2025-04-06T03:59:59.999Z');
    // Sep 7 2025 has no 00:00: 23:59:59 Sep 6 CLT (03:59:59Z) is followed by 01:00 Sep 7 CLST.
    expect(iso(endOfDayInZoneMs('2025-09-06', 'America/Santiago'))).toBe('2025-09-07T03:59:59.999Z');
  });

  it('rejects malformed dates instead of guessing', () => {
    expect(endOfDayInZoneMs('2025-3-10', 'UTC')).toBeNull();
    expect(endOfDayInZoneMs('2025-03-10T00:00:00Z', 'UTC')).toBeNull();
  });

  it('caches per date with the same answer', () => {
    const endOfDay = endOfDayCache('Europe/Berlin');
    expect(endOfDay('2025-01-15')).toBe(endOfDayInZoneMs('2025-01-15', 'Europe/Berlin'));
    expect(endOfDay('2025-01-15')).toBe(Date.parse('2025-01-15T22:59:59.999Z'));
    expect(endOfDay('nope')).toBeNull();
  });
});

describe('calendarDateInZone', () => {
  it('names the local date of an instant', () => {
    // 23:30Z on Mar 10 is already 00:30 on Mar 11 in Berlin (UTC+1), still Mar 10 in UTC.
    expect(calendarDateInZone(new Date('2025-03-10T23:30:00Z'), 'UTC')).toBe('2025-03-10');
    expect(calendarDateInZone(new Date('2025-03-10T23:30:00Z'), 'Europe/Berlin')).toBe('2025-03-11');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and rejects others', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
