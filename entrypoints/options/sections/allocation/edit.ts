/** Pure edits of the allocation rows (entrypoints/options/form.ts AllocationForm). */
import type { AllocationForm, CategoryRow, RuleRow } from '../../form';

/** `Engineering allocation` → `engineering-allocation`. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
}

/** An id for a category of this name no other category has: its slug, or `category-<n>`. */
export function freshCategoryId(name: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = slugify(name);
  if (base && !used.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = base ? `${base}-${n}` : `category-${n - 1}`;
    if (!used.has(id)) return id;
  }
}

/** Appends a category named "Category <n>" (product, budget 0 %), with a fresh id. */
export function addCategory(allocation: AllocationForm): { allocation: AllocationForm; added: CategoryRow } {
  const names = new Set(allocation.categories.map((category) => category.name.trim().toLowerCase()));
  let n = allocation.categories.length + 1;
  while (names.has(`category ${n}`)) n++;
  const name = `Category ${n}`;
  const added: CategoryRow = { id: freshCategoryId(name, allocation.categories.map((category) => category.id)), name, kind: 'product' };
  return {
    allocation: {
      ...allocation,
      categories: [...allocation.categories, added],
      categoryPercents: { ...allocation.categoryPercents, [added.id]: '0' },
    },
    added,
  };
}

/** Removes a category; rules pointing at it stay, so validation marks them for a new choice. */
export function removeCategory(allocation: AllocationForm, id: string): AllocationForm {
  const categoryPercents = { ...allocation.categoryPercents };
  delete categoryPercents[id];
  return { ...allocation, categories: allocation.categories.filter((category) => category.id !== id), categoryPercents };
}

export function updateCategory(allocation: AllocationForm, id: string, patch: Partial<Omit<CategoryRow, 'id'>>): AllocationForm {
  return { ...allocation, categories: allocation.categories.map((category) => (category.id === id ? { ...category, ...patch } : category)) };
}

/** Appends an empty label rule for the first category. */
export function addRule(allocation: AllocationForm): { allocation: AllocationForm; added: RuleRow } {
  const keys = new Set(allocation.rules.map((rule) => rule.key));
  let n = allocation.rules.length + 1;
  while (keys.has(`rule-${n}`)) n++;
  const added: RuleRow = { key: `rule-${n}`, match: 'label', value: '', categoryId: allocation.categories[0]?.id ?? '' };
  return { allocation: { ...allocation, rules: [...allocation.rules, added] }, added };
}

export function updateRule(allocation: AllocationForm, key: string, patch: Partial<Omit<RuleRow, 'key'>>): AllocationForm {
  return { ...allocation, rules: allocation.rules.map((rule) => (rule.key === key ? { ...rule, ...patch } : rule)) };
}

export function removeRule(allocation: AllocationForm, key: string): AllocationForm {
  return { ...allocation, rules: allocation.rules.filter((rule) => rule.key !== key) };
}

/** Moves a rule one place up (-1) or down (+1); at either end nothing changes. */
export function moveRule(allocation: AllocationForm, index: number, by: -1 | 1): AllocationForm {
  const target = index + by;
  if (index < 0 || index >= allocation.rules.length || target < 0 || target >= allocation.rules.length) return allocation;
  const rules = [...allocation.rules];
  [rules[index], rules[target]] = [rules[target]!, rules[index]!];
  return { ...allocation, rules };
}

/** The per-category budgets' total, counting only the numbers typed. */
export function percentTotal(allocation: AllocationForm): number {
  const total = allocation.categories.reduce((sum, category) => {
    const text = allocation.categoryPercents[category.id]?.trim() ?? '';
    const value = Number(text);
    return text !== '' && Number.isFinite(value) ? sum + value : sum;
  }, 0);
  return Math.round(total * 10) / 10;
}
