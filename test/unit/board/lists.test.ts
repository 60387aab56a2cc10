import { describe, expect, it } from 'vitest';
import { boardListMembership, boardMembershipCaveats, domListKey, type BoardIssue, type BoardListKey } from '../../../utils/board/lists';
import { boardSchema } from '../../../utils/gitlab/schemas';

const issue = (key: string, extra: Partial<BoardIssue> = {}): BoardIssue => ({
  key,
  state: 'opened',
  labels: [],
  assigneeUsernames: [],
  milestoneTitle: null,
  weight: null,
  ...extra,
});

const board = (extra: Record<string, unknown> = {}) =>
  boardSchema.parse({
    id: 1,
    name: 'Development',
    lists: [
      // Out of position order on purpose: the result follows `position`.
      { id: 13, label: { name: 'Review' }, position: 1 },
      { id: 12, label: { name: 'Doing' }, position: 0 },
    ],
    ...extra,
  });

/** The keys of each list's issues, in the map's order. */
const keys = (membership: Map<BoardListKey, BoardIssue[]>) => [...membership].map(([list, issues]) => [list, issues.map((i) => i.key)]);

describe('boardListMembership', () => {
  it('puts open issues in their label lists, the rest in Open, closed ones in Closed', () => {
    const issues = [
      issue('g/p#1', { labels: ['Doing'] }),
      issue('g/p#2', { labels: ['Review', 'bug'] }),
      issue('g/p#3', { labels: ['bug'] }),
      issue('g/p#4', { labels: ['Doing'], state: 'closed' }),
      issue('g/p#5'),
    ];
    expect(keys(boardListMembership(board(), issues))).toEqual([
      ['backlog', ['g/p#3', 'g/p#5']],
      [12, ['g/p#1']],
      [13, ['g/p#2']],
      ['closed', ['g/p#4']],
    ]);
  });

  it('shows an issue with two list labels in both lists, and compares label names exactly', () => {
    const issues = [issue('g/p#1', { labels: ['Doing', 'Review'] }), issue('g/p#2', { labels: ['doing'] })];
    expect(keys(boardListMembership(board(), issues))).toEqual([
      ['backlog', ['g/p#2']],
      [12, ['g/p#1']],
      [13, ['g/p#1']],
      ['closed', []],
    ]);
  });

  it('leaves out hidden Open and Closed lists', () => {
    const issues = [issue('g/p#1'), issue('g/p#2', { labels: ['Doing'] }), issue('g/p#3', { state: 'closed' })];
    expect(keys(boardListMembership(board({ hide_backlog_list: true, hide_closed_list: true }), issues))).toEqual([
      [12, ['g/p#2']],
      [13, []],
    ]);
  });

  it('applies the board scope to every list: milestone, all labels, assignee, weight', () => {
    const scoped = board({ milestone: { id: 5, title: 'Sprint 3' }, labels: [{ name: 'team::web' }, { name: 'frontend' }], assignee: { id: 2, username: 'ava' }, weight: 3 });
    const fits = { milestoneTitle: 'Sprint 3', labels: ['team::web', 'frontend'], assigneeUsernames: ['ava', 'ben'], weight: 3 };
    const issues = [
      issue('g/p#1', fits),
      issue('g/p#2', { ...fits, labels: [...fits.labels, 'Doing'] }),
      issue('g/p#3', { ...fits, state: 'closed' }),
      issue('g/p#4', { ...fits, milestoneTitle: 'Sprint 4' }),
      issue('g/p#5', { ...fits, labels: ['team::web'] }),
      issue('g/p#6', { ...fits, assigneeUsernames: ['ben'] }),
      issue('g/p#7', { ...fits, weight: 2 }),
      issue('g/p#8', { ...fits, weight: null, state: 'closed' }),
    ];
    expect(keys(boardListMembership(scoped, issues))).toEqual([
      ['backlog', ['g/p#1']],
      [12, ['g/p#2']],
      [13, []],
      ['closed', ['g/p#3']],
    ]);
  });

  it('reads the weight scope values -1 (any weight) and -2 (no weight)', () => {
    const issues = [issue('g/p#1', { weight: 0 }), issue('g/p#2')];
    expect(keys(boardListMembership(board({ weight: -1 }), issues))[0]).toEqual(['backlog', ['g/p#1', 'g/p#2']]);
    expect(keys(boardListMembership(board({ weight: -2 }), issues))[0]).toEqual(['backlog', ['g/p#2']]);
    expect(keys(boardListMembership(board({ weight: 0 }), issues))[0]).toEqual(['backlog', ['g/p#1']]);
  });

  it('does not apply an "Upcoming" / "Started" milestone scope it cannot judge, and says so', () => {
    const started = board({ milestone: { title: 'Started' } });
    const issues = [issue('g/p#1', { milestoneTitle: 'Sprint 3' }), issue('g/p#2')];
    expect(keys(boardListMembership(started, issues))[0]).toEqual(['backlog', ['g/p#1', 'g/p#2']]);
    expect(boardMembershipCaveats(started)).toEqual(['milestone-special-scope']);
    expect(boardMembershipCaveats(board())).toEqual([]);
  });

  it('fills assignee and milestone lists with open issues; Open keeps what none of them holds', () => {
    const premium = board({
      lists: [
        { id: 21, label: null, position: 0, assignee: { id: 2, username: 'ava', name: 'Ava' } },
        { id: 22, label: null, position: 1, milestone: { id: 5, iid: 1, title: 'Sprint 3', state: 'active' } },
        { id: 23, label: { name: 'Doing' }, position: 2 },
      ],
    });
    const issues = [
      issue('g/p#1', { assigneeUsernames: ['ava'] }),
      issue('g/p#2', { milestoneTitle: 'Sprint 3', assigneeUsernames: ['ben'] }),
      issue('g/p#3', { assigneeUsernames: ['ava'], milestoneTitle: 'Sprint 3', labels: ['Doing'] }),
      issue('g/p#4', { assigneeUsernames: ['ben'], milestoneTitle: 'Sprint 4' }),
      issue('g/p#5', { assigneeUsernames: ['ava'], state: 'closed' }),
    ];
    expect(keys(boardListMembership(premium, issues))).toEqual([
      ['backlog', ['g/p#4']],
      [21, ['g/p#1', 'g/p#3']],
      [22, ['g/p#2', 'g/p#3']],
      [23, ['g/p#3']],
      ['closed', ['g/p#5']],
    ]);
  });

  it('keeps iteration lists empty (their issues stay in Open) and flags them', () => {
    const withIteration = board({ lists: [{ id: 31, label: null, position: 0, iteration: { id: 40 } }] });
    expect(keys(boardListMembership(withIteration, [issue('g/p#1')]))).toEqual([
      ['backlog', ['g/p#1']],
      [31, []],
      ['closed', []],
    ]);
    expect(boardMembershipCaveats(withIteration)).toEqual(['iteration-lists']);
  });
});

describe('domListKey', () => {
  const gid = (id: number) => `gid://gitlab/List/${id}`;
  const dom = [gid(11), gid(12), gid(13), gid(14)];

  it('maps API lists to their id, the column before them to Open and the one after to Closed', () => {
    expect(domListKey(gid(12), [12, 13], dom)).toBe(12);
    expect(domListKey(gid(13), [12, 13], dom)).toBe(13);
    expect(domListKey(gid(11), [12, 13], dom)).toBe('backlog');
    expect(domListKey(gid(14), [12, 13], dom)).toBe('closed');
  });

  it('handles hidden Open or Closed columns', () => {
    expect(domListKey(gid(14), [12, 13], [gid(12), gid(13), gid(14)])).toBe('closed');
    expect(domListKey(gid(11), [12, 13], [gid(11), gid(12), gid(13)])).toBe('backlog');
  });

  it('tells Open from Closed on a board without API lists only when both are there', () => {
    expect(domListKey(gid(11), [], [gid(11), gid(14)])).toBe('backlog');
    expect(domListKey(gid(14), [], [gid(11), gid(14)])).toBe('closed');
    expect(domListKey(gid(11), [], [gid(11)])).toBeNull();
  });

  it('answers null for what it cannot place', () => {
    expect(domListKey('gid://gitlab/Boards::EpicList/1', [12], dom)).toBeNull();
    expect(domListKey('12', [12], dom)).toBeNull();
    expect(domListKey(gid(99), [12, 13], dom)).toBeNull();
    // A column between two API lists is neither Open nor Closed.
    expect(domListKey(gid(15), [12, 13], [gid(12), gid(15), gid(13)])).toBeNull();
  });
});
