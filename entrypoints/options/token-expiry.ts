/**
 * What the options page says about a token's expiry date (GitLab's `expires_at`, `YYYY-MM-DD`).
 * GitLab tokens stop working at 00:00 UTC on that date, so on the date itself a token has expired.
 */
const DAY_MS = 86_400_000;

/** A token that expires within this many days gets a warning. */
export const EXPIRY_WARNING_DAYS = 14;

export type TokenExpiry =
  | { kind: 'expired'; date: string; message: string }
  | { kind: 'soon'; date: string; days: number; message: string };

/** The warning (within 14 days) or error (expired) for a token, or null: no expiry, or far off. */
export function tokenExpiry(expiresAt: string | null | undefined, now: number): TokenExpiry | null {
  const match = expiresAt ? /^(\d{4})-(\d{2})-(\d{2})/.exec(expiresAt) : null;
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const endsAt = Date.UTC(Number(year), Number(month) - 1, Number(day));
  if (Number.isNaN(endsAt)) return null;
  const date = `${year}-${month}-${day}`;
  const left = endsAt - now;
  if (left <= 0) {
    return { kind: 'expired', date, message: `This token expired on ${date}. Create a new personal access token and enter it above.` };
  }
  const days = Math.ceil(left / DAY_MS);
  if (days > EXPIRY_WARNING_DAYS) return null;
  return {
    kind: 'soon',
    date,
    days,
    message: `This token expires on ${date} (in ${days} ${days === 1 ? 'day' : 'days'}). Create a new one before then.`,
  };
}
