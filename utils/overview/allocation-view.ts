/**
 * What the overlays, popup and options show for an allocation split (SPEC §3): whole percents
 * that add up to 100, the measure in words, the budget in words, and the uncategorized items so
 * they can be fixed. Plain data, computed in the background.
 */
import { BUDGET_TOLERANCE_POINTS, type AllocationSplit, type BudgetStatus } from '../allocation/split';

export interface AllocationShareView {
  id: string;
  name: string;
  kind: 'product' | 'engineering' | 'uncategorized';
  /** Whole percent; the shares of a split add up to 100. */
  percent: number;
  /** Issues in the category, measured or not. */
  count: number;
  /** Per-category budgets: the budget in whole percent. */
  budgetPercent?: number;
  /** "Feature 60%"; "<1%" for a share that rounds to nothing. */
  text: string;
}

export interface AllocationView {
  /** "Feature 60% · Maintenance 25% · Uncategorized 15%", or "no issues". */
  summary: string;
  shares: AllocationShareView[];
  itemCount: number;
  /** "by weight: 34 of 37 issues weighted", "by count of 12 issues". */
  measureText: string;
  /** "Engineering-led 35% · budget 40%". */
  budgetText: string;
  /** "5 points under the budget; within 5 points counts as on budget." */
  budgetDetail: string;
  budgetStatus: BudgetStatus;
  /** The uncategorized issues (`group/project#12` and their page), at most `MAX_LISTED`, to fix them. */
  uncategorized: Array<{ ref: string; url: string }>;
}

/** The uncategorized items listed for fixing; the count says how many more there are. */
export const MAX_LISTED = 50;

/** Largest-remainder rounding: whole percents that add up to exactly 100 when anything was measured. */
export function wholePercents(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + share, 0);
  if (total <= 0) return shares.map(() => 0);
  const exact = shares.map((share) => (share / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    floors[index]! += 1;
    left -= 1;
  }
  return floors;
}

const MEASURE_NOUN = { weight: 'weight', count: 'count', 'time-estimate': 'time estimate' } as const;

/** `gitlabUrl` makes the links to uncategorized issues (`group/project#12` → its issue page). */
export function allocationView(split: AllocationSplit, gitlabUrl: string): AllocationView {
  const rounded = wholePercents(split.shares.map((share) => share.share));
  const shares: AllocationShareView[] = split.shares.flatMap((share, index) => {
    const percent = rounded[index] ?? 0;
    // A category whose items all lack the measure (no weight) says nothing in a weight split:
    // its items are in the measure text's count. Uncategorized and budgeted ones always show.
    if (share.amount === 0 && share.kind !== 'uncategorized' && share.budget === undefined) return [];
    const shown = percent === 0 && share.amount > 0 ? '<1' : String(percent);
    return [
      {
        id: share.id,
        name: share.name,
        kind: share.kind,
        percent,
        count: share.items.length,
        ...(share.budget === undefined ? {} : { budgetPercent: Math.round(share.budget * 100) }),
        text: `${share.name} ${shown}%`,
      },
    ];
  });
  const uncategorizedShare = split.shares.find((share) => share.kind === 'uncategorized');
  return {
    summary: split.itemCount === 0 ? 'no issues' : shares.map((share) => share.text).join(' · '),
    shares,
    itemCount: split.itemCount,
    measureText: measureText(split),
    budgetText: budgetText(split),
    budgetDetail: budgetDetail(split),
    budgetStatus: split.budget.status,
    uncategorized: (uncategorizedShare?.items ?? []).slice(0, MAX_LISTED).map((ref) => ({ ref, url: issueUrl(gitlabUrl, ref) })),
  };
}

function issueUrl(gitlabUrl: string, ref: string): string {
  const match = /^(.+)#(\d+)$/.exec(ref);
  return match ? `${gitlabUrl.replace(/\/+$/, '')}/${match[1]}/-/issues/${match[2]}` : gitlabUrl;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function measureText(split: AllocationSplit): string {
  if (split.measure === 'count') return `by count of ${plural(split.itemCount, 'issue')}`;
  const measured = split.itemCount - split.unmeasured.length;
  const what = split.measure === 'weight' ? 'weighted' : 'estimated';
  return `by ${MEASURE_NOUN[split.measure]}: ${measured} of ${plural(split.itemCount, 'issue')} ${what}`;
}

function points(distance: number): string {
  const rounded = Math.round(Math.abs(distance));
  if (rounded === 0) return 'on budget';
  return `${rounded} point${rounded === 1 ? '' : 's'} ${distance > 0 ? 'over' : 'under'}`;
}

const TOLERANCE_NOTE = `within ${BUDGET_TOLERANCE_POINTS} points counts as on budget`;

function budgetDetail(split: AllocationSplit): string {
  const { budget } = split;
  if (budget.kind === 'engineering-share') {
    if (budget.distance === null) return 'Nothing measured yet.';
    const off = points(budget.distance);
    return `${off === 'on budget' ? 'Exactly on budget' : `${off[0]!.toUpperCase()}${off.slice(1)} the budget`}; ${TOLERANCE_NOTE}.`;
  }
  const budgeted = split.shares.filter((share) => share.budget !== undefined);
  return `${budgeted.map((share) => `${share.name} ${Math.round(share.share * 100)}% of ${Math.round((share.budget ?? 0) * 100)}%`).join(', ')}; ${TOLERANCE_NOTE}.`;
}

function budgetText(split: AllocationSplit): string {
  const { budget } = split;
  if (budget.kind === 'engineering-share') {
    const target = Math.round(budget.target * 100);
    if (split.engineeringShare === null || budget.distance === null) return `Engineering-led: no data · budget ${target}%`;
    return `Engineering-led ${Math.round(split.engineeringShare * 100)}% · budget ${target}%`;
  }
  if (budget.status === 'no-data') return 'Category budgets: no data';
  const off = split.shares.filter((share) => share.distance !== undefined && Math.abs(share.distance) > BUDGET_TOLERANCE_POINTS);
  if (off.length === 0) return 'Categories on budget';
  return `Off budget: ${off.map((share) => `${share.name} ${Math.round(share.share * 100)}% vs ${Math.round((share.budget ?? 0) * 100)}%`).join(' · ')}`;
}

/** The issue page's allocation badge: "Allocation: Maintenance · label type::maintenance". */
export function issueAllocationBadge(allocation: { category: string; kind: string; why: string }): {
  id: string;
  text: string;
  explanation: string;
  status: 'neutral';
} {
  const explanation =
    allocation.kind === 'uncategorized'
      ? 'No allocation rule matches its labels, nor its epic’s: add a label such as type::feature, or change the rules in Engineering Lens settings.'
      : `${allocation.category} is ${allocation.kind === 'engineering' ? 'engineering-led' : 'product'} work (${allocation.why}); the first matching allocation rule decides.`;
  return { id: 'allocation', text: `Allocation: ${allocation.category} · ${allocation.why}`, explanation, status: 'neutral' };
}
