import { describe, expect, it } from 'vitest';
import type { DriMember } from '@/utils/dri/types';
import { boardCapacity, type CapacityIssue } from '@/utils/overview/capacity';

const today = '2025-03-10';

function member(username: string, name: string, state = 'active'): DriMember {
  return { id: username.length, username, name, avatarUrl: null, state, accessLevel: 30, joinedAt: null };
}

const members = [member('ava.chen', 'Ava Chen'), member('bo', 'Bo Berg'), member('cy', 'Cy Dahl'), member('dee', 'Dee Ek')];

/** An open issue with no milestone and no due date (counts in either period) unless overridden. */
function open(weight: number | null, assignees: string[], overrides: Partial<CapacityIssue> = {}): CapacityIssue {
  return { state: 'opened', weight, assignees: assignees.map((username) => ({ username })), milestone: null, due_date: null, ...overrides };
}

const capacity = { defaultWeight: 10, unit: 'milestone' as const, people: [{ username: 'bo', weight: 4 }] };

describe('boardCapacity by weight', () => {
  // 7 open issues counted, 6 of them weighted → by weight.
  const issues: CapacityIssue[] = [
    open(5, ['ava.chen']),
    open(7, ['ava.chen']),
    open(4, ['bo']),
    open(3, ['cy']),
    open(2, ['cy', 'dee']), // counts 2 for cy and 2 for dee
    { ...open(8, ['cy']), state: 'closed' }, // closed: never counts
    open(5, []), // unassigned
    open(null, ['dee']), // unweighted: 1, as in Suggested DRI
  ];

  it('adds open weight per assignee against their capacity, over only above it', () => {
    const view = boardCapacity(issues, members, capacity, { today });
    expect(view.measure).toBe('weight');
    // ava 5 + 7 = 12 of 10 → over (1.2); bo 4 of his own 4 → at capacity, not over (1.0);
    // cy 3 + 2 = 5 of 10 (0.5); dee 2 + 1 = 3 of 10 (0.3).
    expect(view.people.map(({ username, open, capacity, over, unit }) => ({ username, open, capacity, over, unit }))).toEqual([
      { username: 'ava.chen', open: 12, capacity: 10, over: true, unit: 'weight' },
      { username: 'bo', open: 4, capacity: 4, over: false, unit: 'weight' },
      { username: 'cy', open: 5, capacity: 10, over: false, unit: 'weight' },
      { username: 'dee', open: 3, capacity: 10, over: false, unit: 'weight' },
    ]);
    expect(view.people.map((person) => [person.name, person.issues, person.unweighted])).toEqual([
      ['Ava Chen', 2, 0],
      ['Bo Berg', 1, 0],
      ['Cy Dahl', 2, 0],
      ['Dee Ek', 2, 1],
    ]);
    expect(view.unassigned).toEqual({ issues: 1, open: 5 });
    expect(view.overCount).toBe(1);
    expect(view.capacityText).toBe('Capacity by weight: ava.chen 12/10 ! over · bo 4/4 · cy 5/10 · dee 3/10 · unassigned 5');
    expect(view.explanation).toBe(
      'Open weight per assignee on this board against their capacity (Engineering Lens settings: 10 by default, or the person\'s own capacity where set). ' +
        'Capacity is per milestone: open issues in a current milestone or in none count. Closed issues never count. ' +
        'By weight, since 6 of 7 counted issues have one; an issue without a weight counts as 1, as in Suggested DRI. ' +
        'An issue with several assignees counts fully for each. Over capacity means more open than the capacity; exactly at capacity is not over. ' +
        'Per person: Ava Chen (ava.chen) 12 of 10, over; Bo Berg (bo) 4 of 4; Cy Dahl (cy) 5 of 10; Dee Ek (dee) 3 of 10. 1 person is over capacity. ' +
        'Unassigned: 5 weight in 1 open issue.',
    );
  });

  it('marks one more weight than the capacity as over', () => {
    // bo: 4 + 1 = 5 of 4 → over; ratio 1.25 puts him above ava (1.2).
    const view = boardCapacity([...issues, open(1, ['bo'])], members, capacity, { today });
    expect(view.people.slice(0, 2).map((person) => person.text)).toEqual(['bo 5/4 ! over', 'ava.chen 12/10 ! over']);
    expect(view.overCount).toBe(2);
  });

  it('sorts equal loads by name, and names only the first few in the bar', () => {
    const view = boardCapacity(
      [open(4, ['bo']), open(10, ['dee']), open(10, ['cy']), open(2, ['ava.chen'])],
      members,
      capacity,
      { today, maxListed: 2 },
    );
    // bo 4/4, cy 10/10 and dee 10/10 all at 1.0: Bo Berg, Cy Dahl, Dee Ek; then ava 0.2.
    expect(view.people.map((person) => person.username)).toEqual(['bo', 'cy', 'dee', 'ava.chen']);
    expect(view.capacityText).toBe('Capacity by weight: bo 4/4 · cy 10/10 · +2 more');
    expect(view.overCount).toBe(0);
    expect(view.explanation).toContain('Nobody is over capacity.');
  });
});

describe('boardCapacity by count', () => {
  it('counts issues when most carry no weight, and reads the capacity as issues', () => {
    // 6 open issues, 1 weighted (8) → by count.
    const view = boardCapacity(
      [open(null, ['ava.chen']), open(null, ['ava.chen']), open(8, ['ava.chen']), open(null, ['bo']), open(null, ['bo', 'cy']), open(null, [])],
      members,
      { ...capacity, people: [{ username: 'bo', weight: 1 }] },
      { today },
    );
    expect(view.measure).toBe('count');
    // bo 2 issues of 1 → over (2.0); ava 3 of 10 (the weight 8 does not count) (0.3); cy 1 of 10 (0.1).
    expect(view.people.map((person) => [person.username, person.open, person.capacity, person.over, person.unit])).toEqual([
      ['bo', 2, 1, true, 'issues'],
      ['ava.chen', 3, 10, false, 'issues'],
      ['cy', 1, 10, false, 'issues'],
    ]);
    expect(view.unassigned).toEqual({ issues: 1, open: 1 });
    expect(view.capacityText).toBe('Capacity by issues: bo 2/1 ! over · ava.chen 3/10 · cy 1/10 · unassigned 1');
    expect(view.explanation).toContain(
      'By count, since 1 of 6 counted issues has a weight: each issue counts 1 and a capacity of 10 reads as 10 issues. Suggested DRI adds the weights where set, so its numbers can differ.',
    );
    expect(view.explanation).toContain('Unassigned: 1 open issue.');
  });

  it('says nothing is open, or that nobody is assigned', () => {
    const none = boardCapacity([{ ...open(3, ['ava.chen']), state: 'closed' }], members, capacity, { today });
    expect([none.measure, none.people, none.capacityText]).toEqual(['count', [], 'Capacity by issues: no open issues this period']);
    const nobody = boardCapacity([open(null, []), open(null, [])], members, capacity, { today });
    expect(nobody.capacityText).toBe('Capacity by issues: nobody assigned · unassigned 2');
  });
});

describe('boardCapacity period', () => {
  it('per milestone counts the current milestone and none, not a later one', () => {
    const current = { state: 'active', start_date: '2025-03-03', due_date: '2025-03-16' };
    const later = { state: 'active', start_date: '2025-03-17', due_date: '2025-03-30' };
    const view = boardCapacity([open(6, ['ava.chen'], { milestone: current }), open(9, ['ava.chen'], { milestone: later }), open(2, ['ava.chen'])], members, capacity, { today });
    // 6 + 2 = 8; the 9 planned next milestone waits.
    expect(view.people[0]).toMatchObject({ username: 'ava.chen', open: 8, over: false });
    expect(view.explanation).toContain('Capacity is per milestone: open issues in a current milestone or in none count; 1 open issue planned in another milestone is not counted.');
  });

  it('per week counts what is due within 7 days, overdue or undated', () => {
    const view = boardCapacity(
      [open(6, ['ava.chen'], { due_date: '2025-03-16' }), open(5, ['ava.chen'], { due_date: '2025-03-17' }), open(3, ['ava.chen'], { due_date: '2025-03-01' })],
      members,
      { ...capacity, unit: 'week' },
      { today },
    );
    // Mar 16 is inside the week from Mar 10, Mar 1 overdue: 6 + 3 = 9; Mar 17 is next week.
    expect(view.people[0]).toMatchObject({ open: 9, capacity: 10, over: false });
    expect(view.explanation).toContain('1 open issue due later is not counted');
  });
});

describe('boardCapacity people', () => {
  it('leaves out blocked users and bots, as Suggested DRI does, and counts their issues as unassigned', () => {
    const view = boardCapacity(
      [
        open(3, ['gone']), // blocked in the members list
        open(2, ['project_12_bot']), // a project access token bot
        { ...open(4, []), assignees: [{ username: 'left', name: 'Left Person', state: 'blocked' }] }, // blocked on the issue itself
        open(5, ['gone', 'cy']), // cy carries it
        { ...open(1, []), assignees: [{ username: 'ext', name: 'Ext Ernal' }] }, // not in the members list: still shown
      ],
      [...members, member('gone', 'Gone Away', 'blocked'), member('project_12_bot', 'Bot')],
      capacity,
      { today },
    );
    expect(view.people.map((person) => [person.username, person.name, person.open])).toEqual([
      ['cy', 'Cy Dahl', 5],
      ['ext', 'Ext Ernal', 1],
    ]);
    // 3 + 2 + 4 = 9 weight in 3 issues nobody active carries.
    expect(view.unassigned).toEqual({ issues: 3, open: 9 });
    expect(view.explanation).toContain('Unassigned: 9 weight in 3 open issues, 3 of them assigned only to inactive users or bots.');
  });

  it('treats usernames case-insensitively and shows the member spelling', () => {
    const view = boardCapacity([open(6, ['Ava.Chen']), open(6, ['ava.chen'])], members, capacity, { today });
    expect(view.people).toHaveLength(1);
    expect(view.people[0]!.text).toBe('ava.chen 12/10 ! over');
  });
});
