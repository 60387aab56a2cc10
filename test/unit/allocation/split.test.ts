import { describe, expect, it } from 'vitest';
import { allocationSplit, itemClassifier, resolveMeasure, type AllocationItem, type SplitOptions } from '@/utils/allocation/split';
import { DEFAULT_ALLOCATION_RULES } from '@/utils/allocation/rules';
import type { AllocationEpic } from '@/utils/allocation/inherit';

const item = (key: string, labels: string[], fields: Partial<AllocationItem> = {}): AllocationItem => ({ key, labels, epicId: null, weight: null, timeEstimate: 0, ...fields });
const options = (fields: Partial<SplitOptions> = {}): SplitOptions => ({
  rules: DEFAULT_ALLOCATION_RULES,
  measure: 'auto',
  budget: { kind: 'engineering-share', percent: 40 },
  ...fields,
});
const percents = (split: ReturnType<typeof allocationSplit>) => Object.fromEntries(split.shares.map((share) => [share.name, Math.round(share.share * 1000) / 10]));

describe('inheritance', () => {
  // &1 (type::maintenance) ← &2 (no labels) ← &3 (type::feature); &4 with no labels and no parent.
  const epics: AllocationEpic[] = [
    { id: 1, parentId: null, labels: ['type::maintenance'], reference: '&1' },
    { id: 2, parentId: 1, labels: [], reference: '&2' },
    { id: 3, parentId: 2, labels: ['type::feature'], reference: '&3' },
    { id: 4, parentId: null, labels: [], reference: '&4' },
  ];
  const classify = itemClassifier(DEFAULT_ALLOCATION_RULES, epics);

  it("takes the issue's own label first", () => {
    const result = classify({ labels: ['type::bug'], epicId: 2 });
    expect([result.kind === 'categorized' && result.category.name, result.why]).toEqual(['Bug', 'label type::bug']);
  });

  it('climbs issue → epic → parent epic and names the epic whose label decided', () => {
    const viaParent = classify({ labels: ['frontend'], epicId: 2 });
    expect([viaParent.kind === 'categorized' && viaParent.category.name, viaParent.why]).toEqual(['Maintenance', 'inherited from &1']);
    // &3's own label beats its ancestors'.
    const own = classify({ labels: [], epicId: 3 });
    expect([own.kind === 'categorized' && own.category.name, own.why]).toEqual(['Feature', 'inherited from &3']);
  });

  it('is Uncategorized when no epic up the tree matches, and survives a parent cycle', () => {
    expect(classify({ labels: [], epicId: 4 }).kind).toBe('uncategorized');
    expect(classify({ labels: [], epicId: null }).kind).toBe('uncategorized');
    const cyclic = itemClassifier(DEFAULT_ALLOCATION_RULES, [
      { id: 8, parentId: 9, labels: [], reference: '&8' },
      { id: 9, parentId: 8, labels: [], reference: '&9' },
    ]);
    expect(cyclic({ labels: [], epicId: 8 }).kind).toBe('uncategorized');
  });
});

describe('allocationSplit', () => {
  it('splits by count when items carry no weights, Uncategorized included', () => {
    // 3 Feature, 1 Maintenance, 1 Bug, 1 with no matching label: 6 issues.
    const items = [
      item('p#1', ['type::feature']),
      item('p#2', ['type::feature']),
      item('p#3', ['type::feature', 'frontend']),
      item('p#4', ['type::maintenance']),
      item('p#5', ['type::bug']),
      item('p#6', ['docs']),
    ];
    const split = allocationSplit(items, options());
    expect(split.measure).toBe('count');
    expect(split.total).toBe(6);
    // 3/6, 1/6, 1/6, 1/6.
    expect(percents(split)).toEqual({ Feature: 50, Maintenance: 16.7, Bug: 16.7, Uncategorized: 16.7 });
    expect(split.shares.find((share) => share.id === 'uncategorized')?.items).toEqual(['p#6']);
    // Engineering-led: Maintenance + Bug = 2/6 = 33.3 %, 6.7 points under the 40 % budget.
    expect(split.engineeringShare).toBeCloseTo(1 / 3);
    expect(split.budget).toMatchObject({ kind: 'engineering-share', target: 0.4, status: 'under' });
    expect(split.budget.kind === 'engineering-share' && split.budget.distance).toBeCloseTo(-6.667, 2);
  });

  it('splits by weight when most items are weighted, and reports the unweighted ones', () => {
    // Feature 5 + 3, Maintenance 2, Bug unweighted: total weight 10.
    const items = [
      item('p#1', ['type::feature'], { weight: 5 }),
      item('p#2', ['type::feature'], { weight: 3 }),
      item('p#3', ['type::maintenance'], { weight: 2 }),
      item('p#4', ['type::bug']),
    ];
    const split = allocationSplit(items, options());
    expect(split.measure).toBe('weight');
    expect(split.total).toBe(10);
    expect(percents(split)).toEqual({ Feature: 80, Maintenance: 20, Bug: 0 });
    expect(split.unmeasured).toEqual(['p#4']);
    // The unweighted bug is still counted in its category.
    expect(split.shares.find((share) => share.name === 'Bug')?.items).toEqual(['p#4']);
    // Engineering-led 20 %: 20 points under 40 %.
    expect(split.budget).toMatchObject({ status: 'under' });
  });

  it('measures by time estimate when asked, and by count when asked even with weights', () => {
    const items = [item('p#1', ['type::feature'], { weight: 8, timeEstimate: 3600 }), item('p#2', ['type::maintenance'], { weight: 2, timeEstimate: 10800 })];
    // 1 h vs 3 h → 25 % / 75 %.
    expect(percents(allocationSplit(items, options({ measure: 'time-estimate' })))).toEqual({ Feature: 25, Maintenance: 75 });
    expect(percents(allocationSplit(items, options({ measure: 'count' })))).toEqual({ Feature: 50, Maintenance: 50 });
    expect(resolveMeasure([item('a', [], { weight: 1 }), item('b', []), item('c', [])], 'auto')).toBe('count');
  });

  it('inherits through epics inside a split', () => {
    const epics: AllocationEpic[] = [{ id: 1, parentId: null, labels: ['type::maintenance'], reference: '&1' }];
    const split = allocationSplit([item('p#1', [], { epicId: 1 }), item('p#2', ['type::feature'], { epicId: 1 })], options({ epics }));
    expect(percents(split)).toEqual({ Feature: 50, Maintenance: 50 });
    expect(split.budget).toMatchObject({ status: 'over' }); // 50 % engineering-led: 10 points over 40 %.
  });

  it('checks per-category budgets, listing a budgeted category with no items at 0 %', () => {
    const items = [item('p#1', ['type::feature']), item('p#2', ['type::feature']), item('p#3', ['type::maintenance']), item('p#4', ['type::maintenance'])];
    const split = allocationSplit(items, options({ budget: { kind: 'per-category', percents: { feature: 50, maintenance: 30, bug: 20 } } }));
    // Feature 50 % vs 50 (within), Maintenance 50 % vs 30 (20 over), Bug 0 % vs 20 (20 under).
    expect(split.shares.map((share) => [share.name, share.share, share.budget, Math.round(share.distance ?? NaN)])).toEqual([
      ['Feature', 0.5, 0.5, 0],
      ['Maintenance', 0.5, 0.3, 20],
      ['Bug', 0, 0.2, -20],
    ]);
    expect(split.budget.status).toBe('over');
  });

  it('has no data for an empty scope', () => {
    const split = allocationSplit([], options());
    expect([split.total, split.shares, split.engineeringShare, split.budget.status]).toEqual([0, [], null, 'no-data']);
  });
});
