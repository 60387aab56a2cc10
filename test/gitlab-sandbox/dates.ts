// Date helpers. GitLab sends timestamps as ISO 8601 with milliseconds in UTC ("2016-01-04T15:31:46.176Z")
// and dates (due_date, start_date, expires_at) as "YYYY-MM-DD".

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Midnight UTC of the day containing ms. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

/** Parses "YYYY-MM-DD" to midnight UTC. */
export function parseDate(date: string): number {
  return Date.parse(`${date}T00:00:00.000Z`);
}

/** Parses an ISO 8601 timestamp or date given as an API parameter; NaN when invalid. */
export function parseTimeParam(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return Number.NaN;
  return Date.parse(value);
}
