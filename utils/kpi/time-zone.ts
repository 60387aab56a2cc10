/**
 * Calendar-day arithmetic in an IANA time zone with Intl only (no libraries, SPEC budget).
 * GitLab due dates are zone-less calendar dates; "closed by the due date" means before the
 * due day ends in the team's zone, so the same closing instant can be on time in Berlin and
 * late in UTC.
 */

const DAY_MS = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatterByZone = new Map<string, Intl.DateTimeFormat>();

function zoneFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterByZone.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone; settings validate with isValidTimeZone first.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatterByZone.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    zoneFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a zone, read back as if they were UTC. */
function wallClockAsUtcMs(utcMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of zoneFormatter(timeZone).formatToParts(utcMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const f = (name: string): number => fields[name] ?? 0;
  return Date.UTC(f('year'), f('month') - 1, f('day'), f('hour'), f('minute'), f('second'));
}

/** Zone offset (local − UTC) in ms at an instant; second precision is enough for real zones. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(utcMs / 1000) * 1000;
  return wallClockAsUtcMs(wholeSecond, timeZone) - wholeSecond;
}

/** Days since 1970-01-01 for a YYYY-MM-DD date, or null when it is not one. */
export function calendarDayNumber(date: string): number | null {
  const match = CALENDAR_DATE.exec(date);
  if (!match) return null;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(ms) ? null : ms / DAY_MS;
}

/** The calendar date (YYYY-MM-DD) an instant falls on in a zone. */
export function calendarDateInZone(instant: Date | number, timeZone: string): string {
  const utcMs = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(wallClockAsUtcMs(utcMs, timeZone)).toISOString().slice(0, 10);
}

/** Day number of the calendar date an instant falls on in a zone. */
export function dayNumberInZone(instant: Date | number, timeZone: string): number {
  const utcMs = typeof instant === 'number' ? instant : instant.getTime();
  return Math.floor(wallClockAsUtcMs(utcMs, timeZone) / DAY_MS);
}

/**
 * First instant (UTC ms) of a calendar day in a zone. The offset at local midnight is not
 * known up front, so two offsets are tried (the one at "midnight read as UTC" and the one at
 * the first guess); the earliest candidate whose wall clock is already on the day wins. That
 * covers DST changes near midnight both ways: Santiago skips 00:00 in September (the day
 * starts at 01:00) and repeats 23:00 of the previous day in April (25-hour day).
 */
function startOfDayInZoneMs(dayNumber: number, timeZone: string): number {
  const localMidnightAsUtc = dayNumber * DAY_MS;
  const firstOffset = zoneOffsetMs(localMidnightAsUtc, timeZone);
  const secondOffset = zoneOffsetMs(localMidnightAsUtc - firstOffset, timeZone);
  let earliest: number | null = null;
  for (const offset of [firstOffset, secondOffset]) {
    const candidate = localMidnightAsUtc - offset;
    const onTheDay = wallClockAsUtcMs(candidate, timeZone) >= localMidnightAsUtc;
    if (onTheDay && (earliest === null || candidate < earliest)) earliest = candidate;
  }
  return earliest ?? localMidnightAsUtc - secondOffset;
}

/**
 * Last millisecond of a calendar day in a zone: "closed on or before the end of the due day"
 * is `closedMs <= endOfDayInZoneMs(due)`. Returns null for a malformed date.
 */
export function endOfDayInZoneMs(date: string, timeZone: string): number | null {
  const dayNumber = calendarDayNumber(date);
  return dayNumber === null ? null : startOfDayInZoneMs(dayNumber + 1, timeZone) - 1;
}

const endOfDayByZone = new Map<string, (date: string) => number | null>();

/**
 * Memoized end-of-day per distinct date, shared per zone: 100,000 issues share a few hundred
 * due dates, so Intl runs a few hundred times, not 100,000 (SPEC §9 budget). The memo holds
 * one number per distinct date seen, which stays small.
 */
export function endOfDayCache(timeZone: string): (date: string) => number | null {
  const existing = endOfDayByZone.get(timeZone);
  if (existing) return existing;
  const cache = new Map<string, number | null>();
  const endOfDay = (date: string): number | null => {
    let end = cache.get(date);
    if (end === undefined) {
      end = endOfDayInZoneMs(date, timeZone);
      cache.set(date, end);
    }
    return end;
  };
  endOfDayByZone.set(timeZone, endOfDay);
  return endOfDay;
}
