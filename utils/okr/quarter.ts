/**
 * OKR quarters (SPEC §5): calendar quarters, or quarters of a fiscal year that starts in another
 * month. Pure: every function takes the instant it needs, so callers and tests pass `now`.
 *
 * Naming: a quarter id is `YYYY-Qn`, where YYYY is the year its fiscal year STARTS in and n counts
 * from the configured start month. With start month 1 that is the calendar (`2026-Q1` =
 * Jan–Mar 2026). With start month 11, `2025-Q1` = Nov 2025–Jan 2026 and `2025-Q4` = Aug–Oct 2026.
 * GitLab Inc. names its own fiscal years by the year they END in (its FY27 runs Feb 2026–Jan
 * 2027), so with start month 2 the id `2026-Q1` is GitLab's "FY27-Q1": the id is stable and
 * sortable, the label says the months so nobody has to remember the rule.
 *
 * Time zones: quarters begin at midnight in the team's zone when one is given (the KPI settings'
 * `timeZone`, the same zone due days end in), else at midnight UTC.
 */
import { calendarDateInZone, endOfDayInZoneMs } from '../kpi/time-zone';

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const QUARTER_ID = /^(\d{4})-Q([1-4])$/;

export type QuarterNumber = 1 | 2 | 3 | 4;

/** A quarter as a window: `start` inclusive, `end` exclusive, so it can serve as a `KpiWindow`. */
export interface Quarter {
  /** `2026-Q1`: the year its fiscal year starts in, then the quarter's number in that year. */
  id: string;
  /** The year the quarter's fiscal year starts in (not always the year of `firstDay`). */
  year: number;
  number: QuarterNumber;
  /** First and last calendar day, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  /** Calendar days in the quarter (89 to 92). */
  days: number;
  /** Midnight starting `firstDay` in the zone (UTC when none). */
  start: Date;
  /** Midnight ending `lastDay` in the zone: the first instant after the quarter. */
  end: Date;
  /** Reads after "in" (see `windowPhrase`): "Q1 2026", or "Q1 2025 (Nov–Jan)" for a fiscal year. */
  label: string;
}

function checkStartMonth(startMonth: number): void {
  if (!Number.isInteger(startMonth) || startMonth < 1 || startMonth > 12) {
    throw new RangeError(`Quarter start month must be a whole number from 1 to 12, not ${startMonth}.`);
  }
}

/** YYYY-MM-DD of a UTC day number (days since 1970-01-01). */
function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** First instant of a calendar day (given by its day number) in the zone, UTC when none. */
function startOfDay(dayNumber: number, timeZone: string | undefined): Date {
  if (timeZone === undefined) return new Date(dayNumber * DAY_MS);
  // The day starts one millisecond after the previous one ends (DST-safe, see time-zone.ts).
  const previousEnd = endOfDayInZoneMs(isoDay(dayNumber - 1), timeZone);
  return new Date((previousEnd ?? dayNumber * DAY_MS - 1) + 1);
}

function buildQuarter(year: number, number: QuarterNumber, startMonth: number, timeZone: string | undefined): Quarter {
  // Month index counted from January of the fiscal year's first calendar year; may pass 11.
  const firstMonthIndex = startMonth - 1 + 3 * (number - 1);
  const firstDayNumber = Date.UTC(year, firstMonthIndex, 1) / DAY_MS;
  const nextDayNumber = Date.UTC(year, firstMonthIndex + 3, 1) / DAY_MS;
  const first = MONTHS[firstMonthIndex % 12]!;
  const last = MONTHS[(firstMonthIndex + 2) % 12]!;
  return {
    id: `${year}-Q${number}`,
    year,
    number,
    firstDay: isoDay(firstDayNumber),
    lastDay: isoDay(nextDayNumber - 1),
    days: nextDayNumber - firstDayNumber,
    start: startOfDay(firstDayNumber, timeZone),
    end: startOfDay(nextDayNumber, timeZone),
    label: startMonth === 1 ? `Q${number} ${year}` : `Q${number} ${year} (${first}–${last})`,
  };
}

/**
 * The quarter an instant falls in, by its calendar date in `timeZone` (UTC when omitted):
 * 2026-03-31T23:30Z is still Q1 in UTC but already Q2 in Europe/Berlin. Throws a RangeError for
 * a start month outside 1–12 (settings validate it first).
 */
export function quarterOf(date: Date | number, startMonth: number, timeZone?: string): Quarter {
  checkStartMonth(startMonth);
  const instant = typeof date === 'number' ? date : date.getTime();
  const day = timeZone === undefined ? new Date(instant).toISOString().slice(0, 10) : calendarDateInZone(instant, timeZone);
  const calendarYear = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const monthsIntoYear = (month - startMonth + 12) % 12;
  const fiscalYear = month >= startMonth ? calendarYear : calendarYear - 1;
  return buildQuarter(fiscalYear, (Math.floor(monthsIntoYear / 3) + 1) as QuarterNumber, startMonth, timeZone);
}

/** The quarter now; the same as `quarterOf(now, …)`, named for what callers mean. */
export function currentQuarter(now: Date, startMonth: number, timeZone?: string): Quarter {
  return quarterOf(now, startMonth, timeZone);
}

/** The quarter a `YYYY-Qn` id names under a start month; null when the id is not one. */
export function quarterById(id: string, startMonth: number, timeZone?: string): Quarter | null {
  checkStartMonth(startMonth);
  const match = QUARTER_ID.exec(id.trim().toUpperCase());
  if (!match) return null;
  return buildQuarter(Number(match[1]), Number(match[2]) as QuarterNumber, startMonth, timeZone);
}

/**
 * Share of the quarter that has passed at `now`, by time (so a DST change makes a day 23 or 25
 * hours of it): 0 before it starts, 1 from its end on. Status compares progress with it.
 */
export function elapsedFraction(quarter: Pick<Quarter, 'start' | 'end'>, now: Date): number {
  const start = quarter.start.getTime();
  const length = quarter.end.getTime() - start;
  if (length <= 0) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / length));
}
