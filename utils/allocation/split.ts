/**
 * The allocation split of a set of issues (SPEC §3): each category's share by the chosen measure,
 * the items behind it, and the distance to the budget. Pure: the caller picks the issues (a
 * board's cards, an epic's tree, the team's window) and passes their epics for inheritance.
 */
import { compileAllocationRules, type Classification } from './classify';
import { epicCategoryResolver, type AllocationEpic } from './inherit';
import type { AllocationRuleSet } from './rules';

export type AllocationMeasureChoice = 'auto' | 'weight' | 'count' | 'time-estimate';
export type AllocationMeasure = Exclude<AllocationMeasureChoice, 'auto'>;

export type AllocationBudget =
  /** Target share of engineering-led work, in percent (default 40: the 60/40 split). */
  | { kind: 'engineering-share'; percent: number }
  /** A target percent per category id. */
  | { kind: 'per-category'; percents: Readonly<Record<string, number>> };

export interface AllocationItem {
  /** `group/project#12`: what the split lists behind each category. */
  key: string;
  labels: readonly string[];
  epicId: number | null;
  weight: number | null;
  /** Seconds, 0 when none. */
  timeEstimate: number;
}

export const UNCATEGORIZED_ID = 'uncategorized';

export interface CategoryShare {
  /** A category id, or `uncategorized`. */
  id: string;
  name: string;
  kind: 'product' | 'engineering' | 'uncategorized';
  /** Sum of the measure over its items (weight, count or seconds). */
  amount: number;
  /** amount / total; 0 when the total is 0. */
  share: number;
  /** Keys of its items, measured or not. */
  items: string[];
  /** Its budget share (per-category budgets only) and how far the share is from it, in points. */
  budget?: number;
  distance?: number;
}

/** Within this many percentage points of a budget counts as on budget. */
export const BUDGET_TOLERANCE_POINTS = 5;

export type BudgetStatus = 'within' | 'over' | 'under' | 'no-data';

export interface AllocationSplit {
  measure: AllocationMeasure;
  total: number;
  itemCount: number;
  /** Categories in the settings' order that hold items, then Uncategorized when it holds any. */
  shares: CategoryShare[];
  /** Share of the engineering categories; null when nothing was measured. */
  engineeringShare: number | null;
  budget:
    | { kind: 'engineering-share'; target: number; distance: number | null; status: BudgetStatus }
    | { kind: 'per-category'; status: BudgetStatus };
  /** Items a weight or estimate split could not measure: counted in their category, reported here. */
  unmeasured: string[];
}

export interface SplitOptions {
  rules: AllocationRuleSet;
  measure: AllocationMeasureChoice;
  budget: AllocationBudget;
  /** Epics of the items (and their ancestors), for inheritance. */
  epics?: readonly AllocationEpic[];
}

/**
 * `auto` measures by weight when most items carry one (a scope that uses weights), else by count:
 * a single weighted issue among a hundred must not decide a split on its own.
 */
export function resolveMeasure(items: readonly AllocationItem[], choice: AllocationMeasureChoice): AllocationMeasure {
  if (choice !== 'auto') return choice;
  const weighted = items.filter((item) => item.weight !== null).length;
  return items.length > 0 && weighted * 2 >= items.length ? 'weight' : 'count';
}

/** One classifier for many items: the rules compiled once, epic categories memoised. */
export function itemClassifier(rules: AllocationRuleSet, epics: readonly AllocationEpic[] = []) {
  const classify = compileAllocationRules(rules);
  const epicCategory = epicCategoryResolver(epics, classify);
  return (item: Pick<AllocationItem, 'labels' | 'epicId'>): Classification => classify(item.labels, epicCategory(item.epicId));
}

export function allocationSplit(items: readonly AllocationItem[], options: SplitOptions): AllocationSplit {
  const measure = resolveMeasure(items, options.measure);
  const classify = itemClassifier(options.rules, options.epics);
  const shares = new Map<string, CategoryShare>();
  const unmeasured: string[] = [];
  for (const item of items) {
    const result = classify(item);
    const id = result.kind === 'categorized' ? result.category.id : UNCATEGORIZED_ID;
    let share = shares.get(id);
    if (!share) {
      share =
        result.kind === 'categorized'
          ? { id, name: result.category.name, kind: result.category.kind, amount: 0, share: 0, items: [] }
          : { id, name: result.name, kind: 'uncategorized', amount: 0, share: 0, items: [] };
      shares.set(id, share);
    }
    share.items.push(item.key);
    const amount = measureOf(item, measure);
    if (amount === null) unmeasured.push(item.key);
    else share.amount += amount;
  }

  const order = new Map(options.rules.categories.map((category, index) => [category.id, index] as const));
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...shares.values()].sort((a, b) => rank(a.id) - rank(b.id));
  const total = ordered.reduce((sum, share) => sum + share.amount, 0);
  for (const share of ordered) share.share = total > 0 ? share.amount / total : 0;
  const engineeringShare = total > 0 ? ordered.filter((share) => share.kind === 'engineering').reduce((sum, share) => sum + share.share, 0) : null;

  return { measure, total, itemCount: items.length, shares: ordered, engineeringShare, budget: checkBudget(ordered, engineeringShare, options, total), unmeasured };
}

function measureOf(item: AllocationItem, measure: AllocationMeasure): number | null {
  if (measure === 'count') return 1;
  if (measure === 'weight') return item.weight;
  return item.timeEstimate > 0 ? item.timeEstimate : null;
}

function statusOf(distancePoints: number): BudgetStatus {
  if (distancePoints > BUDGET_TOLERANCE_POINTS) return 'over';
  if (distancePoints < -BUDGET_TOLERANCE_POINTS) return 'under';
  return 'within';
}

function checkBudget(shares: CategoryShare[], engineeringShare: number | null, options: SplitOptions, total: number): AllocationSplit['budget'] {
  const { budget } = options;
  if (budget.kind === 'engineering-share') {
    const target = budget.percent / 100;
    if (engineeringShare === null) return { kind: 'engineering-share', target, distance: null, status: 'no-data' };
    const distance = (engineeringShare - target) * 100;
    return { kind: 'engineering-share', target, distance, status: statusOf(distance) };
  }
  if (total === 0) return { kind: 'per-category', status: 'no-data' };
  // Budgeted categories with no items still miss their budget: they are listed at 0 %.
  for (const category of options.rules.categories) {
    if (budget.percents[category.id] !== undefined && !shares.some((share) => share.id === category.id)) {
      shares.push({ id: category.id, name: category.name, kind: category.kind, amount: 0, share: 0, items: [] });
    }
  }
  const order = new Map(options.rules.categories.map((category, index) => [category.id, index] as const));
  shares.sort((a, b) => (order.get(a.id) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.id) ?? Number.MAX_SAFE_INTEGER));
  let worst: BudgetStatus = 'within';
  for (const share of shares) {
    const percent = budget.percents[share.id];
    if (percent === undefined) continue;
    share.budget = percent / 100;
    share.distance = (share.share - share.budget) * 100;
    if (worst === 'within') worst = statusOf(share.distance);
  }
  return { kind: 'per-category', status: worst };
}
