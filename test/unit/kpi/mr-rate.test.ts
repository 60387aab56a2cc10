import { describe, expect, it } from 'vitest';
import { resolveEngineers } from '@/utils/kpi/engineers';
import { mrRate } from '@/utils/kpi/mr-rate';
import { rollingWindow } from '@/utils/kpi/window';
import { member, mergedMr } from './fixtures';

// Window [2025-01-01 00:00Z, 2025-04-01 00:00Z) = 90 d = 3 months of 30 days.
const now = new Date('2025-04-01T00:00:00Z');
const window = rollingWindow(now, 90);

describe('resolveEngineers', () => {
  const members = [
    member(1, 'alice', 30), // project A
    member(1, 'alice', 40), // same person in project B: counted once
    member(2, 'bob', 20), // Reporter: below Developer
    member(3, 'carol', 40, 'blocked'),
    member(4, 'dave', 50),
    member(5, 'erin', 20), // Reporter in A …
    member(5, 'erin', 30), // … Developer in B: qualifies
    member(6, 'frank', 30, 'deactivated'),
    member(7, 'gina', 15), // Planner
  ];

  it('keeps active members at Developer or above, once each', () => {
    expect(resolveEngineers(members)).toEqual({ usernames: ['alice', 'dave', 'erin'], source: 'members' });
  });

  it('honours a different minimum access level', () => {
    // Maintainer and above: alice (40 in B), dave (50).
    expect(resolveEngineers(members, { minAccessLevel: 40 }).usernames).toEqual(['alice', 'dave']);
  });

  it('prefers the configured list, cleaned and deduplicated', () => {
    const roster = resolveEngineers(members, { configuredUsernames: ['alice', '@Bob', 'bob ', '', 'ALICE'] });
    expect(roster).toEqual({ usernames: ['alice', 'Bob'], source: 'configured' });
  });

  it('falls back to members when the configured list is empty', () => {
    expect(resolveEngineers(members, { configuredUsernames: [' '] }).source).toBe('members');
  });
});

describe('mrRate', () => {
  const team = { usernames: ['alice', 'dave', 'erin'], source: 'members' as const };
  const inWindow = Array.from({ length: 25 }, (_, i) => mergedMr(i + 1, '2025-02-10T10:00:00Z'));
  const mergeRequests = [
    ...inWindow,
    mergedMr(100, null), // open
    mergedMr(101, '2024-12-31T23:59:59Z'), // before the window
    mergedMr(102, '2025-04-01T00:00:00Z'), // at the window end: end is exclusive
  ];

  it('divides merged MRs by engineers and 30-day months', () => {
    // 25 MRs / 3 engineers / (90 / 30 = 3 months) = 2.78 → "2.8".
    const result = mrRate(mergeRequests, team, window);
    expect(result.n).toBe(25);
    expect(result.months).toBe(3);
    expect(result.value).toBeCloseTo(25 / 9, 10);
    expect(result.display).toBe('MR rate 2.8 /eng/mo');
    expect(result.formula).toBe(
      '25 merged MRs in the last 90 days / 3 engineers / 3.0 months (30-day) = 2.8 per engineer per month. ' +
        'Engineers: active members with Developer access or higher.',
    );
  });

  it('counts an MR merged exactly at the window start', () => {
    expect(mrRate([mergedMr(1, '2025-01-01T00:00:00Z')], team, window).n).toBe(1);
  });

  it('uses fractional months', () => {
    // 45-day window = 1.5 months; 6 MRs / 2 engineers / 1.5 = 2.0.
    const pair = { usernames: ['a', 'b'], source: 'configured' as const };
    const six = Array.from({ length: 6 }, (_, i) => mergedMr(i, '2025-03-20T00:00:00Z'));
    const result = mrRate(six, pair, rollingWindow(now, 45));
    expect(result.months).toBe(1.5);
    expect(result.display).toBe('MR rate 2.0 /eng/mo');
  });

  it('counts only the elapsed months of a quarter in progress', () => {
    // Q1 at now = Feb 15 00:00Z: 31 + 14 = 45 d elapsed = 1.5 months; 3 MRs / 1 engineer / 1.5 = 2.0.
    const quarter = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z') };
    const three = [1, 2, 3].map((iid) => mergedMr(iid, '2025-02-01T00:00:00Z'));
    const solo = { usernames: ['a'], source: 'configured' as const };
    const result = mrRate(three, solo, quarter, { now: new Date('2025-02-15T00:00:00Z') });
    expect(result.months).toBe(1.5);
    expect(result.value).toBe(2);
  });

  it('has no value without engineers, and 0 with engineers but no MRs', () => {
    const none = mrRate(mergeRequests, { usernames: [], source: 'members' }, window);
    expect(none.value).toBeNull();
    expect(none.display).toBe('MR rate —');
    expect(mrRate([], team, window).display).toBe('MR rate 0.0 /eng/mo');
  });
});
