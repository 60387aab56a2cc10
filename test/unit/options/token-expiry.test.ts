import { describe, expect, it } from 'vitest';
import { tokenExpiry } from '../../../entrypoints/options/token-expiry';

const at = (iso: string) => Date.parse(iso);

describe('token expiry notice', () => {
  it('warns with the date and the days left, counted from now', () => {
    expect(tokenExpiry('2026-12-10', at('2026-12-01T12:00:00Z'))).toEqual({
      kind: 'soon',
      date: '2026-12-10',
      days: 9,
      message: 'This token expires on 2026-12-10 (in 9 days). Create a new one before then.',
    });
    expect(tokenExpiry('2026-12-10', at('2026-12-09T20:00:00Z'))?.message).toBe(
      'This token expires on 2026-12-10 (in 1 day). Create a new one before then.',
    );
  });

  it('warns from 14 days before, not 15', () => {
    // GitLab tokens stop working at 00:00 UTC on their date.
    expect(tokenExpiry('2026-12-10', at('2026-11-26T00:00:00Z'))).toMatchObject({ kind: 'soon', days: 14 });
    expect(tokenExpiry('2026-12-10', at('2026-11-25T23:59:00Z'))).toBeNull();
    expect(tokenExpiry('2026-12-10', at('2026-11-01T00:00:00Z'))).toBeNull();
  });

  it('is an error once the token has expired, from 00:00 UTC on its date', () => {
    expect(tokenExpiry('2026-12-10', at('2026-12-10T00:00:00Z'))).toEqual({
      kind: 'expired',
      date: '2026-12-10',
      message: 'This token expired on 2026-12-10. Create a new personal access token and enter it above.',
    });
    expect(tokenExpiry('2026-12-10', at('2027-03-01T08:00:00Z'))?.kind).toBe('expired');
  });

  it('says nothing for a token without expiry or an unreadable date', () => {
    expect(tokenExpiry(null, at('2026-12-01T12:00:00Z'))).toBeNull();
    expect(tokenExpiry(undefined, at('2026-12-01T12:00:00Z'))).toBeNull();
    expect(tokenExpiry('soon', at('2026-12-01T12:00:00Z'))).toBeNull();
  });

  it('reads a full timestamp by its date', () => {
    expect(tokenExpiry('2026-12-10T00:00:00.000Z', at('2026-12-01T12:00:00Z'))).toMatchObject({ kind: 'soon', date: '2026-12-10', days: 9 });
  });
});
