import { describe, expect, it } from 'vitest';
import { suggestDris, type SuggestDrisInput } from '@/utils/dri/suggest';
import type { HistoryIssue } from '@/utils/dri/types';
import { daysAgo, issue, member, now, settings } from './fixtures';

const closedBy = (username: string, days: number, labels = ['Service::Redis']): HistoryIssue => ({ labels, state: 'closed', closedAt: daysAgo(days), closedBy: username });

/** CODEOWNERS, the service registry and history each point at someone else; dave (blocked) has it all. */
function input(overrides: Partial<SuggestDrisInput> = {}): SuggestDrisInput {
  return {
    issue: issue({ title: 'Cache misses after failover', description: 'Started after the change to /lib/cache/.', labels: ['Service::Redis', 'workflow::in dev'], weight: 3 }),
    members: [
      member(1, 'alice'),
      member(2, 'bob', { name: 'Bob B', avatarUrl: 'https://gitlab.example/bob.png' }),
      member(3, 'carol'),
      member(4, 'dave', { state: 'blocked' }),
      member(5, 'frank'),
      member(6, 'gil'),
    ],
    codeowners: [
      { username: 'alice', path: '/lib/cache/', source: 'issue' },
      { username: 'dave', path: '/lib/cache/', source: 'issue' },
      { username: 'dave', path: '/lib/redis/', source: 'merge-request' },
      // Not a member: never suggested.
      { username: 'erin', path: '/lib/cache/', source: 'issue' },
      { username: 'erin', path: '/lib/redis/', source: 'issue' },
    ],
    history: {
      issues: [closedBy('carol', 0), closedBy('carol', 90), closedBy('carol', 90), closedBy('frank', 90), ...[1, 2, 3, 4].map((d) => closedBy('dave', d)), closedBy('erin', 1)],
      mergeRequests: [{ labels: ['Service::Redis'], mergedAt: daysAgo(1), author: 'dave' }],
    },
    openAssignments: [{ username: 'gil', weight: 20 }],
    settings: settings({ services: [{ name: 'Redis', dris: ['@bob', 'dave'], labels: ['Service::Redis'], words: ['redis'] }] }),
    now,
    ...overrides,
  };
}

describe('suggestDris', () => {
  it('ranks the service DRI, the code owner and the history, with reasons', () => {
    // bob: DRI for Redis, 50 points → 100 × 50/100 = 50.
    // alice: owns one path, 40 → 4000/90 = 44.4 → 44.
    // carol: Σw = 1 + 0.5 + 0.5 = 2 → 40 × 0.75 = 30 → 3000/80 = 37.5 → 38.
    // frank: Σw 0.5 → 11.7, fourth: left out. dave (blocked), erin (no member), gil (load only): never.
    expect(suggestDris(input())).toEqual({
      suggestions: [
        { username: 'bob', name: 'Bob B', avatarUrl: 'https://gitlab.example/bob.png', score: 50, reasons: [{ kind: 'service', text: 'DRI for Redis' }], atCapacity: false },
        { username: 'alice', name: 'Alice', avatarUrl: null, score: 44, reasons: [{ kind: 'codeowners', text: 'owns /lib/cache/ in CODEOWNERS' }], atCapacity: false },
        { username: 'carol', name: 'Carol', avatarUrl: null, score: 38, reasons: [{ kind: 'history', text: 'closed 3 Service::Redis issues in 90 d' }], atCapacity: false },
      ],
      onboarding: [],
      simple: false,
    });
  });

  it('never shows a blocked or deactivated user, however strong the evidence', () => {
    const answer = suggestDris(input());
    expect(answer.suggestions.map((s) => s.username)).not.toContain('dave');
    // Active, dave would lead: 50 (Redis) + 60 (two paths) + history → first.
    const active = suggestDris(input({ members: [...input().members.filter((m) => m.username !== 'dave'), member(4, 'dave')] }));
    expect(active.suggestions[0]?.username).toBe('dave');
    const deactivated = suggestDris(input({ members: [...input().members.filter((m) => m.username !== 'dave'), member(4, 'dave', { state: 'deactivated' })] }));
    expect(deactivated.suggestions.map((s) => s.username)).toEqual(['bob', 'alice', 'carol']);
  });

  it('demotes and marks people at capacity', () => {
    // bob: 12 of 10 weight open → 50 × 0.5 = 25 → 2500/75 = 33.3 → 33, now behind alice and carol.
    const answer = suggestDris(input({ openAssignments: [{ username: 'bob', weight: 5 }, { username: 'bob', weight: 7 }] }));
    expect(answer.suggestions.map((s) => [s.username, s.score, s.atCapacity])).toEqual([
      ['alice', 44, false],
      ['carol', 38, false],
      ['bob', 33, true],
    ]);
    expect(answer.suggestions[2]?.reasons).toEqual([
      { kind: 'service', text: 'DRI for Redis' },
      { kind: 'load', text: 'at capacity (12 of 10 weight open)' },
    ]);
    // With a capacity of 20 for bob he is back in front.
    const roomy = input().settings;
    roomy.capacity.people = [{ username: 'bob', weight: 20 }];
    expect(suggestDris(input({ settings: roomy, openAssignments: [{ username: 'bob', weight: 12 }] })).suggestions[0]).toMatchObject({ username: 'bob', score: 50, atCapacity: false });
  });

  it('breaks ties by username and says who is already assigned', () => {
    const answer = suggestDris(
      input({
        issue: issue({ labels: ['backend'], assigneeUsernames: ['Carol'] }),
        codeowners: [],
        history: { issues: [closedBy('carol', 18, ['backend']), closedBy('alice', 18, ['backend']), closedBy('bob', 36, ['backend'])], mergeRequests: [] },
      }),
    );
    // alice and carol: w 0.9 → 40 × (1 − 0.5^0.9) = 18.56 → 27; bob: w 0.8 → 17.03 → 25.
    expect(answer.suggestions.map((s) => [s.username, s.score])).toEqual([
      ['alice', 27],
      ['carol', 27],
      ['bob', 25],
    ]);
    expect(answer.suggestions[1]?.reasons).toEqual([
      { kind: 'history', text: 'closed 1 backend issue in 18 d' },
      { kind: 'load', text: 'already assigned' },
    ]);
  });

  it('suggests no one without evidence', () => {
    expect(suggestDris(input({ issue: issue({ title: 'Update the README' }), codeowners: [] })).suggestions).toEqual([]);
  });

  it('lists onboarding candidates for a simple issue, newest first', () => {
    const members = [...input().members, member(7, 'nia', { joinedAt: daysAgo(5) }), member(8, 'omar', { joinedAt: daysAgo(12) }), member(9, 'pat', { joinedAt: daysAgo(3), state: 'blocked' })];
    const simpleIssue = issue({ title: 'Fix a typo in the Redis docs', labels: ['Good first issue', 'documentation'] });
    const answer = suggestDris(input({ issue: simpleIssue, members, codeowners: [{ username: 'nia', path: '/doc/', source: 'issue' }], history: { issues: [], mergeRequests: [] } }));
    expect(answer.simple).toBe(true);
    expect(answer.onboarding).toEqual([
      { username: 'nia', name: 'Nia', avatarUrl: null, joinedDaysAgo: 5 },
      { username: 'omar', name: 'Omar', avatarUrl: null, joinedDaysAgo: 12 },
    ]);
    // The word "Redis" names the service: bob 50; nia owns /doc/: 40, and is new.
    expect(answer.suggestions).toEqual([
      { username: 'bob', name: 'Bob B', avatarUrl: 'https://gitlab.example/bob.png', score: 50, reasons: [{ kind: 'service', text: 'DRI for Redis' }], atCapacity: false },
      {
        username: 'nia',
        name: 'Nia',
        avatarUrl: null,
        score: 44,
        reasons: [
          { kind: 'codeowners', text: 'owns /doc/ in CODEOWNERS' },
          { kind: 'onboarding', text: 'joined 5 d ago (onboarding candidate)' },
        ],
        atCapacity: false,
      },
    ]);
    // Weight 1 makes an issue simple too; weight 2 does not.
    expect(suggestDris(input({ issue: issue({ weight: 1 }) })).simple).toBe(true);
    expect(suggestDris(input({ issue: issue({ weight: 2 }), members })).onboarding).toEqual([]);
  });
});
