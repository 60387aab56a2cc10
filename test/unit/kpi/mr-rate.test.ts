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
    // These memberships carry no created_at: no join dates.
    expect(resolveEngineers(members)).toEqual({ usernames: ['alice', 'dave', 'erin'], source: 'members', joinedAt: new Map() });
  });

  it('honours a different minimum access level', () => {
    // Maintainer and above: alice (40 in B), dave (50).
    expect(resolveEngineers(members, { minAccessLevel: 40 }).usernames).toEqual(['alice', 'dave']);
  });

  it('prefers the configured list, cleaned and deduplicated', () => {
    const roster = resolveEngineers(members, { configuredUsernames: ['alice', '@Bob', 'bob ', '', 'ALICE'] });
    expect(roster).toEqual({ usernames: ['alice', 'Bob'], source: 'configured', joinedAt: new Map() });
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

  it('divides merged MRs by engineer-months of 30 days', () => {
    // No join dates: 3 engineers × (90 / 30 = 3 months) = 9 engineer-months; 25 MRs / 9 = 2.78 → "2.8".
    const result = mrRate(mergeRequests, team, window);
    expect(result.n).toBe(25);
    expect(result.months).toBe(3);
    expect(result.engineerMonths).toBe(9);
    expect(result.value).toBeCloseTo(25 / 9, 10);
    expect(result.display).toBe('MR rate 2.8 /eng/mo');
    expect(result.formula).toBe(
      '25 merged MRs in the last 90 days / (3 engineers, 9.0 engineer-months) = 2.8 per engineer per month. ' +
        'Months are 30 days; an engineer who became a member during the window counts from that day. ' +
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

describe('engineer-months', () => {
  // The 90-day window above: [2025-01-01, 2025-04-01), 3 months.
  const team = [
    member(1, 'alice', 30, 'active', '2025-03-02T00:00:00Z'), // joined 30 d before the end (Mar 2 → Apr 1)
    member(2, 'bob', 30, 'active', '2024-06-01T09:00:00Z'), // joined before the window
    member(3, 'carol', 30), // no created_at (older GitLab)
    member(4, 'dave', 30, 'active', '2025-04-15T00:00:00Z'), // joined after the window end
    member(5, 'erin', 30, 'active', '2025-02-15T00:00:00Z'), // project A …
    member(5, 'erin', 40, 'active', '2025-01-16T00:00:00Z'), // … and project B, earlier: this date wins
  ];

  it('takes each engineer\'s earliest membership as their join date', () => {
    const roster = resolveEngineers(team);
    expect(roster.usernames).toEqual(['alice', 'bob', 'carol', 'dave', 'erin']);
    expect(roster.joinedAt?.get('erin')).toBe('2025-01-16T00:00:00Z');
    expect(roster.joinedAt?.has('carol')).toBe(false);
  });

  it('counts each engineer from the later of the window start and their join date', () => {
    // alice 30/90 of 3 months = 1; bob 3 (full); carol 3 (no date: full); dave 0 (joined after the
    // end); erin from Jan 16: 16 d (Jan 16 → Feb 1) + 28 (Feb) + 31 (Mar) = 75 d = 2.5 months.
    // 1 + 3 + 3 + 0 + 2.5 = 9.5 engineer-months; 19 MRs / 9.5 = 2.0
    // (the old rule: 19 / 5 engineers / 3 months = 1.27).
    const nineteen = Array.from({ length: 19 }, (_, i) => mergedMr(i + 1, '2025-03-20T00:00:00Z'));
    const result = mrRate(nineteen, resolveEngineers(team), window);
    expect(result.engineerCount).toBe(5);
    expect(result.engineerMonths).toBeCloseTo(9.5, 10);
    expect(result.value).toBeCloseTo(2, 10);
    expect(result.display).toBe('MR rate 2.0 /eng/mo');
    expect(result.formula).toContain('19 merged MRs in the last 90 days / (5 engineers, 9.5 engineer-months) = 2.0 per engineer per month.');
  });

  it('counts a configured engineer who is not among the members for the whole window', () => {
    // Configured "Alice" matches member alice (usernames ignore case): 1 month; zoe has no
    // membership: 3 months. 8 MRs / (1 + 3 = 4) = 2.0.
    const roster = resolveEngineers(team, { configuredUsernames: ['Alice', 'zoe'] });
    expect(roster.joinedAt).toEqual(new Map([['Alice', '2025-03-02T00:00:00Z']]));
    const eight = Array.from({ length: 8 }, (_, i) => mergedMr(i + 1, '2025-03-20T00:00:00Z'));
    const result = mrRate(eight, roster, window);
    expect(result.engineerMonths).toBeCloseTo(4, 10);
    expect(result.display).toBe('MR rate 2.0 /eng/mo');
  });

  it('counts a membership without a date as the earliest', () => {
    // frank: one membership dated Mar 2, one undated: the undated one may be older → full 3 months.
    const roster = resolveEngineers([member(6, 'frank', 30, 'active', '2025-03-02T00:00:00Z'), member(6, 'frank', 30, 'active', null)]);
    expect(mrRate([], roster, window).engineerMonths).toBe(3);
  });

  it('ends at now in a quarter in progress, and not before anyone joined', () => {
    // Q1 at now = Feb 15 00:00Z: 45 d elapsed. a: no date, 45 d; b: joined Jan 31, 15 d (Jan 31 →
    // Feb 15); c: joins Mar 1, after now, 0 d. 45 + 15 + 0 = 60 d = 2 months; 3 MRs / 2 = 1.5.
    const quarter = { start: new Date('2025-01-01T00:00:00Z'), end: new Date('2025-04-01T00:00:00Z') };
    const roster = resolveEngineers([
      member(11, 'a', 30),
      member(12, 'b', 30, 'active', '2025-01-31T00:00:00Z'),
      member(13, 'c', 30, 'active', '2025-03-01T00:00:00Z'),
    ]);
    const three = [1, 2, 3].map((iid) => mergedMr(iid, '2025-02-01T00:00:00Z'));
    const result = mrRate(three, roster, quarter, { now: new Date('2025-02-15T00:00:00Z') });
    expect(result.months).toBe(1.5);
    expect(result.engineerMonths).toBe(2);
    expect(result.value).toBe(1.5);
  });

  it('has no value when every engineer joined after the window', () => {
    const late = resolveEngineers([member(4, 'dave', 30, 'active', '2025-04-15T00:00:00Z')]);
    const result = mrRate([mergedMr(1, '2025-03-20T00:00:00Z')], late, window);
    expect(result.value).toBeNull();
    expect(result.display).toBe('MR rate —');
    expect(result.formula).toBe(
      'No engineer-months to divide by: the one engineer joined after the end of the last 90 days. ' +
        'Engineers: active members with Developer access or higher.',
    );
  });
});
