/**
 * Allocation categories and the ordered label rules that assign them (SPEC §3).
 * Only the pure classifier lives here; budgets and splits are computed elsewhere.
 */

/** Product work is what the roadmap asks for; engineering work is the budgeted "rest". */
type AllocationKind = 'product' | 'engineering';

export interface AllocationCategory {
  id: string;
  name: string;
  kind: AllocationKind;
}

/**
 * One rule: an exact label (`type::bug`) or a scoped-label prefix (`type::` matches every
 * `type::*`), mapped to a category id. Rules are tried in order; the first match wins.
 */
export type AllocationRule =
  | { label: string; categoryId: string }
  | { labelPrefix: string; categoryId: string };

export interface AllocationRuleSet {
  categories: readonly AllocationCategory[];
  rules: readonly AllocationRule[];
}

/** Defaults follow GitLab's cross-functional prioritization labels, plus the legacy label. */
export const DEFAULT_ALLOCATION_RULES: AllocationRuleSet = {
  categories: [
    { id: 'feature', name: 'Feature', kind: 'product' },
    { id: 'maintenance', name: 'Maintenance', kind: 'engineering' },
    { id: 'bug', name: 'Bug', kind: 'engineering' },
    { id: 'engineering-allocation', name: 'Engineering allocation', kind: 'engineering' },
  ],
  rules: [
    { label: 'type::feature', categoryId: 'feature' },
    { label: 'type::maintenance', categoryId: 'maintenance' },
    { label: 'type::bug', categoryId: 'bug' },
    { label: 'Engineering Allocation', categoryId: 'engineering-allocation' },
  ],
};
