import type { AllocationCategory, AllocationRule, AllocationRuleSet } from './rules';

const UNCATEGORIZED_NAME = 'Uncategorized';

/** Category inherited from a parent (an issue's epic). MRs have no epic; callers may map one. */
export interface InheritedCategory {
  categoryId: string;
  /** Where it came from, shown to the user, e.g. "&12". */
  from: string;
}

export type Classification =
  | { kind: 'categorized'; category: AllocationCategory; source: 'label'; label: string; why: string }
  | { kind: 'categorized'; category: AllocationCategory; source: 'inherited'; from: string; why: string }
  | { kind: 'uncategorized'; name: typeof UNCATEGORIZED_NAME; why: string };

interface CompiledRule {
  /** Lower-cased: labels are matched case-insensitively so "engineering allocation" written
   * differently in another project of the group still counts. */
  needle: string;
  isPrefix: boolean;
  category: AllocationCategory;
}

/**
 * Compile once, classify many (20,000 MRs in the KPI budget). Rules pointing at a category
 * that does not exist are skipped rather than failing: settings validation reports them.
 */
export function compileAllocationRules(ruleSet: AllocationRuleSet): (
  labels: readonly string[],
  inherited?: InheritedCategory | null,
) => Classification {
  const categoriesById = new Map(ruleSet.categories.map((c) => [c.id, c] as const));
  const compiled: CompiledRule[] = [];
  for (const rule of ruleSet.rules) {
    const category = categoriesById.get(rule.categoryId);
    if (!category) continue;
    compiled.push(compileRule(rule, category));
  }

  return (labels, inherited) => {
    const lowered = labels.map((l) => l.toLowerCase());
    for (const rule of compiled) {
      const index = lowered.findIndex((l) => (rule.isPrefix ? l.startsWith(rule.needle) : l === rule.needle));
      if (index >= 0) {
        const label = labels[index] ?? rule.needle;
        return { kind: 'categorized', category: rule.category, source: 'label', label, why: `label ${label}` };
      }
    }
    const inheritedCategory = inherited ? categoriesById.get(inherited.categoryId) : undefined;
    if (inherited && inheritedCategory) {
      return {
        kind: 'categorized',
        category: inheritedCategory,
        source: 'inherited',
        from: inherited.from,
        why: `inherited from ${inherited.from}`,
      };
    }
    return { kind: 'uncategorized', name: UNCATEGORIZED_NAME, why: 'no allocation rule matched' };
  };
}

/** Convenience for one-off classification (issue page); use the compiled form in loops. */
export function classifyByLabels(
  labels: readonly string[],
  ruleSet: AllocationRuleSet,
  inherited?: InheritedCategory | null,
): Classification {
  return compileAllocationRules(ruleSet)(labels, inherited);
}

export function isEngineeringLed(classification: Classification): boolean {
  return classification.kind === 'categorized' && classification.category.kind === 'engineering';
}

function compileRule(rule: AllocationRule, category: AllocationCategory): CompiledRule {
  return 'label' in rule
    ? { needle: rule.label.toLowerCase(), isPrefix: false, category }
    : { needle: rule.labelPrefix.toLowerCase(), isPrefix: true, category };
}
