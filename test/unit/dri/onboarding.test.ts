import { describe, expect, it } from 'vitest';
import { eligibleMembers, isBotUsername } from '@/utils/dri/members';
import { isSimpleIssue, joinedDaysAgo, onboardingCandidates } from '@/utils/dri/onboarding';
import { daysAgo, issue, member, now } from './fixtures';

const simpleSettings = { simpleLabels: ['good first issue', 'Quick Win'], simpleMaxWeight: 1 };

describe('simple issues', () => {
  it('is simple by label (any case) or by a small weight', () => {
    expect(isSimpleIssue(issue({ labels: ['Good First Issue'] }), simpleSettings)).toBe(true);
    expect(isSimpleIssue(issue({ labels: ['quick win'], weight: 8 }), simpleSettings)).toBe(true);
    expect(isSimpleIssue(issue({ weight: 1 }), simpleSettings)).toBe(true);
    expect(isSimpleIssue(issue({ weight: 0 }), simpleSettings)).toBe(true);
    expect(isSimpleIssue(issue({ weight: 2 }), simpleSettings)).toBe(false);
    expect(isSimpleIssue(issue({ weight: null, labels: ['backend'] }), simpleSettings)).toBe(false);
    expect(isSimpleIssue(issue({ weight: 3 }), { simpleLabels: [], simpleMaxWeight: 3 })).toBe(true);
  });
});

describe('members', () => {
  it('recognises access token bots', () => {
    expect(isBotUsername('project_12_bot')).toBe(true);
    expect(isBotUsername('project_12_bot3')).toBe(true);
    expect(isBotUsername('group_4_bot_9f86d081884c7d659a2feaa0c55ad015')).toBe(true);
    expect(isBotUsername('robot')).toBe(false);
    expect(isBotUsername('project_bot')).toBe(false);
  });

  it('keeps active, non-bot members once, with the highest access and the earliest join', () => {
    const members = eligibleMembers([
      member(1, 'ada', { accessLevel: 30, joinedAt: daysAgo(5) }),
      member(1, 'Ada', { accessLevel: 40, joinedAt: daysAgo(400) }), // inherited membership
      member(2, 'bo', { state: 'blocked' }),
      member(3, 'cy', { state: 'deactivated' }),
      member(4, 'project_7_bot_abc'),
      member(5, 'dee'),
    ]);
    expect([...members.keys()]).toEqual(['ada', 'dee']);
    expect(members.get('ada')).toMatchObject({ username: 'ada', accessLevel: 40, joinedAt: daysAgo(400) });
  });
});

describe('onboarding candidates', () => {
  const members = [
    member(1, 'veteran', { joinedAt: daysAgo(400) }),
    member(2, 'newest', { joinedAt: daysAgo(2.5) }),
    member(3, 'zed', { joinedAt: daysAgo(9) }),
    member(4, 'amy', { joinedAt: daysAgo(9) }),
    member(5, 'edge', { joinedAt: daysAgo(30) }), // exactly 30 days: still in
    member(6, 'late', { joinedAt: daysAgo(30.5) }), // just over: out
    member(7, 'blocked', { joinedAt: daysAgo(3), state: 'blocked' }),
    member(8, 'guest', { joinedAt: daysAgo(3), accessLevel: 10 }),
    member(9, 'undated', { joinedAt: null }),
    member(10, 'project_1_bot', { joinedAt: daysAgo(1) }),
  ];

  it('lists active developers who joined in the window, newest first, then by username', () => {
    expect(onboardingCandidates(members, { onboardingDays: 30 }, now)).toEqual([
      { username: 'newest', name: 'Newest', avatarUrl: null, joinedDaysAgo: 2 },
      { username: 'amy', name: 'Amy', avatarUrl: null, joinedDaysAgo: 9 },
      { username: 'zed', name: 'Zed', avatarUrl: null, joinedDaysAgo: 9 },
      { username: 'edge', name: 'Edge', avatarUrl: null, joinedDaysAgo: 30 },
    ]);
    expect(onboardingCandidates(members, { onboardingDays: 7 }, now).map((c) => c.username)).toEqual(['newest']);
  });

  it('counts whole days since joining', () => {
    expect(joinedDaysAgo({ joinedAt: daysAgo(2.9) }, now)).toBe(2);
    expect(joinedDaysAgo({ joinedAt: '2025-06-03T00:00:00Z' }, now)).toBe(0);
    expect(joinedDaysAgo({ joinedAt: null }, now)).toBeNull();
  });
});
