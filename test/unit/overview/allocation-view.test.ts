import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOCATION_RULES } from '@/utils/allocation/rules';
import { allocationSplit, type AllocationItem } from '@/utils/allocation/split';
import { allocationView, issueAllocationBadge, wholePercents } from '@/utils/overview/allocation-view';
import { issueAllocation, windowAllocation } from '@/utils/overview/allocation-scopes';
import { cardAllocationBadge } from '@/utils/overview/card-badges';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { itemClassifier } from '@/utils/allocation/split';

const GITLAB = 'https://gitlab.example.com';
const item = (key: string, labels: string[], weight: number | null = null): AllocationItem => ({ key, labels, epicId: null, weight, timeEstimate: 0 });
const split = (items: AllocationItem[], percent = 40) =>
  allocationSplit(items, { rules: DEFAULT_ALLOCATION_RULES, measure: 'auto', budget: { kind: 'engineering-share', percent } });

describe('wholePercents', () => {
  it('rounds by largest remainder so the parts make 100', () => {
    // 7/14, 3/14, 2/14, 2/14 = 50, 21.43, 14.29, 14.29: the one point left goes to 21.43.
    expect(wholePercents([7, 3, 2, 2])).toEqual([50, 22, 14, 14]);
    expect(wholePercents([1, 1, 1])).toEqual([34, 33, 33]);
    expect(wholePercents([0, 0])).toEqual([0, 0]);
  });
});

describe('allocationView', () => {
  it('says the split, the measure and the budget in words, and links the uncategorized issues', () => {
    // By count: Feature 2, Maintenance 1, Uncategorized 1 of 4 → 50 / 25 / 25; engineering-led
    // 25 %, 15 points under 40 %.
    const view = allocationView(split([item('g/p#1', ['type::feature']), item('g/p#2', ['type::feature']), item('g/p#3', ['type::maintenance']), item('g/p#4', [])]), GITLAB);
    expect(view.summary).toBe('Feature 50% · Maintenance 25% · Uncategorized 25%');
    expect(view.measureText).toBe('by count of 4 issues');
    expect(view.budgetText).toBe('Engineering-led 25% · budget 40%');
    expect(view.budgetDetail).toBe('15 points under the budget; within 5 points counts as on budget.');
    expect(view.budgetStatus).toBe('under');
    expect(view.uncategorized).toEqual([{ ref: 'g/p#4', url: `${GITLAB}/g/p/-/issues/4` }]);
  });

  it('shows a share that rounds to nothing as <1%, and leaves out a category with nothing measured', () => {
    // By weight (3 of 4 weighted): Feature 300, Maintenance 1 → 99.7 % and 0.3 %; the bug has no weight.
    const view = allocationView(split([item('a#1', ['type::feature'], 300), item('a#2', ['type::maintenance'], 1), item('a#3', ['type::bug']), item('a#4', ['type::feature'], 0)]), GITLAB);
    expect(view.summary).toBe('Feature 100% · Maintenance <1%');
    expect(view.measureText).toBe('by weight: 3 of 4 issues weighted');
  });

  it('has words for an empty scope', () => {
    const view = allocationView(split([]), GITLAB);
    expect([view.summary, view.budgetText, view.budgetStatus]).toEqual(['no issues', 'Engineering-led: no data · budget 40%', 'no-data']);
  });
});

describe('issue allocation', () => {
  const settings = DEFAULT_SETTINGS;
  const issue = (labels: string[], epic: { id?: number; iid: number; group_id?: number } | null = null) => ({ project_id: 1, iid: 9, labels, epic });
  const epics = [
    { id: 501, iid: 1, group_id: 100, parent_id: null, labels: ['type::maintenance'], references: { short: '&1', relative: '&1', full: 'g&1' } },
    { id: 504, iid: 4, group_id: 100, parent_id: 501, labels: [], references: { short: '&4', relative: '&4', full: 'g&4' } },
  ];

  it('names the label, the epic it inherits from (found by iid on old payloads), or no matching label', () => {
    expect(issueAllocation(issue(['type::bug']), settings, [])).toEqual({ category: 'Bug', kind: 'engineering', why: 'label type::bug' });
    expect(issueAllocation(issue([], { iid: 4, group_id: 100 }), settings, epics)).toEqual({ category: 'Maintenance', kind: 'engineering', why: 'inherited from &1' });
    expect(issueAllocation(issue(['docs']), settings, epics)).toEqual({ category: 'Uncategorized', kind: 'uncategorized', why: 'no matching label' });
    expect(issueAllocationBadge({ category: 'Bug', kind: 'engineering', why: 'label type::bug' }).text).toBe('Allocation: Bug · label type::bug');
  });

  it('badges a card only when its labels do not show the category', () => {
    const classify = itemClassifier(DEFAULT_ALLOCATION_RULES, [{ id: 501, parentId: null, labels: ['type::maintenance'], reference: '&1' }]);
    expect(cardAllocationBadge(classify({ labels: ['type::feature'], epicId: 501 }))).toBeNull();
    expect(cardAllocationBadge(classify({ labels: [], epicId: 501 }))?.text).toBe('Maintenance · from &1');
    expect(cardAllocationBadge(classify({ labels: [], epicId: null }))?.text).toBe('Uncategorized');
  });

  it("counts the team's issues created or updated in the window", () => {
    const now = new Date('2025-03-10T00:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    const issues = [
      { ...issue(['type::feature']), iid: 1, created_at: at(200), updated_at: at(10) }, // updated in the window
      { ...issue(['type::bug']), iid: 2, created_at: at(5), updated_at: at(5) },
      { ...issue(['type::maintenance']), iid: 3, created_at: at(200), updated_at: at(100) }, // outside the 90 days
    ];
    expect(windowAllocation(issues, { ...settings, gitlabUrl: GITLAB }, [], now).summary).toBe('Feature 50% · Bug 50%');
  });
});

describe('card allocation badges on closed cards', () => {
  it('are left off cards closed before the KPI window, kept on recent ones', async () => {
    const { boardCardBadges } = await import('@/utils/overview/card-badges');
    const { DEFAULT_KPI_SETTINGS } = await import('@/utils/kpi');
    const now = new Date('2025-03-10T00:00:00Z');
    const closed = (daysAgo: number) => ({ project_id: 1, iid: 1, state: 'closed', labels: [], created_at: '2024-01-01T00:00:00Z', closed_at: new Date(now.getTime() - daysAgo * 86_400_000).toISOString() });
    const uncategorized = itemClassifier(DEFAULT_ALLOCATION_RULES)({ labels: [], epicId: null });
    // The default window is 90 days.
    expect(boardCardBadges(closed(10), DEFAULT_KPI_SETTINGS, now, uncategorized).map((badge) => badge.text)).toEqual(['Uncategorized']);
    expect(boardCardBadges(closed(200), DEFAULT_KPI_SETTINGS, now, uncategorized)).toEqual([]);
  });
});
