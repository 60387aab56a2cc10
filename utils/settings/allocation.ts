/**
 * Settings section "allocation" (SPEC §3): categories, the ordered label rules that assign them,
 * the measure and the budget. Settings saved before this section existed get the defaults, which
 * follow GitLab's cross-functional prioritization labels plus the legacy `Engineering Allocation`.
 */
import { z } from 'zod';
import { DEFAULT_ALLOCATION_RULES, type AllocationRuleSet } from '../allocation/rules';

const categorySchema = z.object({
  /** Stable key the rules point at; never shown. */
  id: z.string().trim().min(1, 'A category needs an id.').max(60),
  name: z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(60, 'At most 60 characters.'),
  kind: z.enum(['product', 'engineering'], { error: 'Choose product or engineering.' }),
});

const ruleSchema = z.object({
  /** `label`: exactly this label. `prefix`: every scoped label starting with it (`security::`). */
  match: z.enum(['label', 'prefix'], { error: 'Choose label or prefix.' }),
  value: z.string({ error: 'Enter a label.' }).trim().min(1, 'Enter a label.').max(255, 'At most 255 characters.'),
  categoryId: z.string({ error: 'Choose a category.' }).min(1, 'Choose a category.'),
});

export const ALLOCATION_MEASURES = ['auto', 'weight', 'count', 'time-estimate'] as const;
export type AllocationMeasure = (typeof ALLOCATION_MEASURES)[number];

const percent = z.number({ error: 'Enter a number.' }).min(0, 'At least 0.').max(100, 'At most 100.');

const budgetSchema = z.discriminatedUnion('kind', [
  /** The share of engineering-led work (engineering categories) the organisation budgets. */
  z.object({ kind: z.literal('engineering-share'), percent }),
  /** A share per category id; together they make 100 %. */
  z.object({ kind: z.literal('per-category'), percents: z.record(z.string(), percent) }),
]);

const defaults = {
  categories: DEFAULT_ALLOCATION_RULES.categories.map((category) => ({ ...category })),
  rules: DEFAULT_ALLOCATION_RULES.rules.map((rule) =>
    'label' in rule ? { match: 'label' as const, value: rule.label, categoryId: rule.categoryId } : { match: 'prefix' as const, value: rule.labelPrefix, categoryId: rule.categoryId },
  ),
  measure: 'auto' as const,
  budget: { kind: 'engineering-share' as const, percent: 40 },
};

export const allocationSection = z
  .object({
    categories: z.array(categorySchema).max(30, 'At most 30 categories.').default(defaults.categories),
    rules: z.array(ruleSchema).max(200, 'At most 200 rules.').default(defaults.rules),
    /** `auto`: by weight when the items in scope carry weights, else by count. */
    measure: z.enum(ALLOCATION_MEASURES, { error: 'Choose a measure.' }).default(defaults.measure),
    budget: budgetSchema.default(defaults.budget),
  })
  .superRefine((section, ctx) => {
    const ids = new Set<string>();
    const names = new Set<string>();
    section.categories.forEach((category, index) => {
      if (ids.has(category.id)) ctx.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: 'Two categories have this id.' });
      const name = category.name.toLowerCase();
      if (name === 'uncategorized') ctx.addIssue({ code: 'custom', path: ['categories', index, 'name'], message: '"Uncategorized" is kept for issues no rule matches.' });
      else if (names.has(name)) ctx.addIssue({ code: 'custom', path: ['categories', index, 'name'], message: 'Two categories have this name.' });
      ids.add(category.id);
      names.add(name);
    });
    section.rules.forEach((rule, index) => {
      if (!ids.has(rule.categoryId)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'categoryId'], message: 'This category does not exist any more: choose another.' });
    });
    if (section.budget.kind === 'per-category') {
      const { percents } = section.budget;
      for (const id of Object.keys(percents)) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['budget', 'percents', id], message: 'A budget for a category that does not exist.' });
      }
      const total = Object.values(percents).reduce((sum, value) => sum + value, 0);
      if (Math.abs(total - 100) > 0.001) {
        ctx.addIssue({ code: 'custom', path: ['budget', 'percents'], message: `Category budgets add up to ${round(total)} %, not 100 %.` });
      }
    }
  })
  .prefault({});

export type AllocationSettings = z.output<typeof allocationSection>;

const round = (value: number): number => Math.round(value * 10) / 10;

/** The classifier's rule set from the settings. */
export function allocationRulesFrom(settings: { allocation: AllocationSettings }): AllocationRuleSet {
  const { categories, rules } = settings.allocation;
  return {
    categories,
    rules: rules.map((rule) => (rule.match === 'label' ? { label: rule.value, categoryId: rule.categoryId } : { labelPrefix: rule.value, categoryId: rule.categoryId })),
  };
}
