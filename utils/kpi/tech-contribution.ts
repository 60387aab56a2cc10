import { compileAllocationRules, isEngineeringLed, type InheritedCategory } from '../allocation/classify';
import type { AllocationRuleSet } from '../allocation/rules';
import type { EngineerRoster } from './engineers';
import { formatRate, plural } from './format';
import { noRatePhrase, perEngineerMonth, perEngineerMonthPhrase, rateBasis, type RateOptions } from './mr-rate';
import { itemKey, itemRef, type KpiMergeRequest, type KpiResult, type KpiWindow } from './types';
import { windowPhrase } from './window';

interface TechContributionOptions extends RateOptions {
  /**
   * MRs carry no epic, so nothing is inherited by default. A caller that links an MR to its
   * issue's epic can pass that epic's category here.
   */
  inheritedCategory?: (mr: KpiMergeRequest) => InheritedCategory | null | undefined;
}

interface TechContributionItem {
  key: string;
  ref: string;
  mergedAt: string;
  /** Category name, or "Uncategorized". */
  category: string;
  engineeringLed: boolean;
  /** "label type::maintenance", "inherited from &12", "no allocation rule matched". */
  why: string;
}

interface TechContributionResult extends KpiResult<TechContributionItem> {
  kpi: 'tech-contribution';
  /** All merged MRs in the window; n is the engineering-led ones. */
  mergedCount: number;
  engineerCount: number;
  /** The (elapsed) window in 30-day months. */
  months: number;
  /** What the rate divides by: each engineer's months in the window, summed (mr-rate.ts rateBasis). */
  engineerMonths: number;
}

/** Tech contribution: merged MRs classified engineering-led (SPEC §3) / engineer-months. */
export function techContribution(
  mergeRequests: readonly KpiMergeRequest[],
  engineers: EngineerRoster,
  window: KpiWindow,
  allocationRules: AllocationRuleSet,
  opts: TechContributionOptions = {},
): TechContributionResult {
  const classify = compileAllocationRules(allocationRules);
  const basis = rateBasis(mergeRequests, engineers, window, opts);
  const { merged, months, engineerCount, engineerMonths } = basis;
  const items = merged.map((mr): TechContributionItem => {
    const classification = classify(mr.labels, opts.inheritedCategory?.(mr));
    return {
      key: itemKey(mr),
      ref: itemRef(mr, '!'),
      mergedAt: mr.merged_at ?? '',
      category: classification.kind === 'categorized' ? classification.category.name : classification.name,
      engineeringLed: isEngineeringLed(classification),
      why: classification.why,
    };
  });
  const n = items.filter((i) => i.engineeringLed).length;
  const value = perEngineerMonth(n, basis);
  const engineeringNames = allocationRules.categories.filter((c) => c.kind === 'engineering').map((c) => c.name);
  return {
    kpi: 'tech-contribution',
    value,
    n,
    items,
    mergedCount: merged.length,
    engineerCount,
    months,
    engineerMonths,
    formula:
      value === null
        ? noRatePhrase(basis, window, engineers)
        : `${n} of ${plural(merged.length, 'merged MR')} in ${windowPhrase(window)} ${n === 1 ? 'was' : 'were'} ` +
          `engineering-led (${engineeringNames.join(', ') || 'no engineering categories'}) / ` +
          perEngineerMonthPhrase(value, basis, engineers),
    display: value === null ? 'Tech contribution —' : `Tech contribution ${formatRate(value)} /eng/mo`,
  };
}
