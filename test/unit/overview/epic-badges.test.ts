import { describe, expect, it } from 'vitest';
import { DEFAULT_KPI_SETTINGS } from '@/utils/kpi/settings';
import { epicBadges, epicFamily, epicProgress, issuesOfEpics, type EpicIssue, type EpicNode } from '@/utils/overview/epic-badges';
import { closedIssue, issue } from '../kpi/fixtures';

const now = new Date('2025-03-10T12:00:00Z'); // 90-day window: from 2024-12-10T12:00Z
const milestone = { id: 7, title: 'Sprint 7', due_date: '2025-03-05' };

// Group 5: &1 ← &2 ← &3 (&3 names its parent by iid only), and an unrelated &4.
// Group 6 has its own &1 and a &5 whose parent_iid 1 means group 6's &1, not ours.
const root: EpicNode = { id: 11, iid: 1, group_id: 5, parent_id: null };
const epics: EpicNode[] = [
  root,
  { id: 12, iid: 2, group_id: 5, parent_id: 11 },
  { id: 13, iid: 3, group_id: 5, parent_id: null, parent_iid: 2 },
  { id: 14, iid: 4, group_id: 5, parent_id: null },
  { id: 21, iid: 1, group_id: 6, parent_id: null },
  { id: 15, iid: 5, group_id: 6, parent_id: null, parent_iid: 1 },
];

const inEpic = (epic: EpicIssue['epic'], base: EpicIssue): EpicIssue => ({ ...base, epic });
const issues: EpicIssue[] = [
  // a (&1): due Mar 1, closed Feb 27: on time; in the milestone, closed before its Mar 5 end. Weight 3.
  inEpic({ id: 11, iid: 1 }, closedIssue(1, '2025-02-27T10:00:00Z', { due_date: '2025-03-01', milestone, weight: 3 })),
  // b (&2): due Mar 1, closed Mar 4: late; closed by the milestone's Mar 5. Weight 5.
  inEpic({ id: 12, iid: 2 }, closedIssue(2, '2025-03-04T10:00:00Z', { due_date: '2025-03-01', milestone, weight: 5 })),
  // c (&3, linked by iid and group only): due Feb 20, open: late. Weight 2.
  inEpic({ iid: 3, group_id: 5 }, issue(3, { due_date: '2025-02-20', weight: 2 })),
  // d (&2): due Mar 20, not due yet: outside the On-time sample. Weight 4.
  inEpic({ id: 12, iid: 2 }, issue(4, { due_date: '2025-03-20', weight: 4 })),
  // e (&1): no own due date, so the milestone's Mar 5; closed Mar 7, after it. No weight.
  inEpic({ id: 11, iid: 1 }, closedIssue(5, '2025-03-07T10:00:00Z', { milestone, weight: null })),
  // Not ours: the unrelated &4, group 6's &1 and an issue without an epic.
  inEpic({ id: 14, iid: 4 }, closedIssue(6, '2025-02-27T10:00:00Z', { due_date: '2025-03-01', weight: 8 })),
  inEpic({ iid: 1, group_id: 6 }, issue(7, { due_date: '2025-02-01', weight: 1 })),
  issue(8, { due_date: '2025-02-01', weight: 1 }),
];

describe('epicFamily and issuesOfEpics', () => {
  it('takes children and grandchildren by parent id, or by parent iid in the same group', () => {
    expect(epicFamily(root, epics).map((epic) => epic.id)).toEqual([11, 12, 13]);
    expect(issuesOfEpics(epicFamily(root, epics), issues).map((i) => i.iid)).toEqual([1, 2, 3, 4, 5]);
  });

  it('does not loop on a cycle in bad data', () => {
    const cyclic: EpicNode[] = [
      { id: 1, iid: 1, group_id: 5, parent_id: 2 },
      { id: 2, iid: 2, group_id: 5, parent_id: 1 },
    ];
    expect(epicFamily(cyclic[0]!, cyclic).map((epic) => epic.id)).toEqual([1, 2]);
  });
});

describe('epicBadges', () => {
  it('pins On-time, Complete and progress by weight computed by hand', () => {
    const badges = epicBadges({ epic: root, epics, issues }, DEFAULT_KPI_SETTINGS, now);
    // On-time sample a, b, c and e (e takes the milestone's Mar 5 as due date, closed Mar 7:
    // late; d is not due yet): on time a → 1/4 = 25 %.
    // Complete: milestone due Mar 5 holds a, b, e; closed by its end a, b → 2/3 = 67 %.
    // Progress by weight (some issues have one): total 3 + 5 + 2 + 4 = 14, closed a + b = 8
    // → 8/14 = 57.1 % → 57 %; e has no weight and is not counted.
    expect(badges.map((badge) => badge.text)).toEqual(['On-time 25% (1/4)', 'Complete 67% (2/3)', 'Progress 57% (8/14 weight)']);
    // 25 % and 67 % are below the 80 % target minus the 10 % band (72 %): missed.
    expect(badges.map((badge) => badge.status)).toEqual(['missed', 'missed', 'neutral']);
    expect(badges[0]!.explanation).toMatch(/^On-time: 25% · target ≥ 80% · missed\. Issues of &1 and its 2 child epics: 1 of 4 issues due in the last 90 days/);
    expect(badges[2]!.explanation).toBe('8 of 14 weight is in closed issues of &1 and its 2 child epics. 1 issue without a weight is not counted.');
  });

  it('measures progress by count when no issue has a weight', () => {
    const unweighted = issues.map((i) => ({ ...i, weight: null }));
    const badges = epicBadges({ epic: epics[1]!, epics, issues: unweighted }, DEFAULT_KPI_SETTINGS, now);
    // &2 and its child &3: b (closed), c (open), d (open) → 1/3 closed = 33 %.
    expect(badges[2]).toEqual({
      id: 'progress',
      text: 'Progress 33% (1/3 issues)',
      explanation: '1 of 3 issues of &2 and its 1 child epic is closed (no weights set).',
      status: 'neutral',
    });
  });

  it('says when there is nothing to measure', () => {
    const badges = epicBadges({ epic: epics[3]!, epics, issues: [] }, DEFAULT_KPI_SETTINGS, now);
    expect(badges.map((badge) => badge.text)).toEqual(['On-time —', 'Complete —', 'Progress —']);
  });
});

describe('epicProgress', () => {
  it('ignores zero weights when deciding between weight and count', () => {
    // Weights all 0: count instead; 1 of 2 closed.
    expect(epicProgress([issue(1, { weight: 0 }), closedIssue(2, '2025-01-02T00:00:00Z', { weight: 0 })])).toEqual({
      by: 'count',
      done: 1,
      total: 2,
      unweighted: 0,
    });
  });
});
