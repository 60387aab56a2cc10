import { useMemo, useRef } from 'react';
import { allocationCandidate, allocationErrors, isAllocationKey, type AllocationErrorKey, type AllocationForm } from '../form';
import { AllocationPreview } from './allocation/AllocationPreview';
import { CategoriesEditor } from './allocation/CategoriesEditor';
import { MeasureBudgetEditor } from './allocation/MeasureBudgetEditor';
import { RulesEditor } from './allocation/RulesEditor';
import { useFocusLater, UnplacedErrors } from './section-kit';

interface Props {
  allocation: AllocationForm;
  /** The page's errors; those keyed by an allocation path (`allocation.rules.2.value`) are shown here. */
  errors: Partial<Record<string, string>>;
  onChange: (allocation: AllocationForm) => void;
}

/**
 * Allocation categories, the ordered label rules that assign them, the measure and the budget
 * (SPEC §3), with a live preview of the team's split. Checked as the user types with the settings
 * schema, so messages show before Save; Save still goes through the background's validation.
 */
export function AllocationSection({ allocation, errors, onChange }: Props) {
  const candidate = useMemo(() => allocationCandidate(allocation), [allocation]);
  const local = useMemo(() => allocationErrors(candidate), [candidate]);
  const error = (key: AllocationErrorKey): string | undefined => local[key] ?? errors[key];
  const unplaced = Object.entries({ ...errors, ...local }).filter(([key, message]) => message && isAllocationKey(key) && !placed(key, allocation));

  const root = useRef<HTMLElement>(null);
  const focusLater = useFocusLater(root, { select: true });

  const editor = { allocation, onChange, error, focusLater };
  return (
    <section ref={root} aria-labelledby="allocation-heading" className="options-section options-allocation">
      <h2 id="allocation-heading" tabIndex={-1}>
        Allocation
      </h2>
      <p className="field__hint options-section__intro">
        How issues split into product and engineering work on issue, epic and board pages, and the budget the split is
        held against.
      </p>
      <UnplacedErrors messages={unplaced} />
      <CategoriesEditor {...editor} />
      <RulesEditor {...editor} />
      <MeasureBudgetEditor allocation={allocation} onChange={onChange} error={error} />
      <AllocationPreview candidate={candidate} valid={Object.keys(local).length === 0} />
    </section>
  );
}

/** Whether the section shows this path's message next to an input (else it shows at the top). */
function placed(key: AllocationErrorKey, allocation: AllocationForm): boolean {
  const row = /^allocation\.(categories|rules)\.(\d+)\.(\w+)$/.exec(key);
  if (row) {
    const [, list, index, field] = row;
    const fields = list === 'categories' ? ['name', 'id', 'kind'] : ['match', 'value', 'categoryId'];
    return Number(index) < allocation[list as 'categories' | 'rules'].length && fields.includes(field!);
  }
  if (['allocation.categories', 'allocation.rules', 'allocation.measure', 'allocation.budget', 'allocation.budget.kind'].includes(key)) return true;
  if (allocation.budgetKind === 'engineering-share') return key === 'allocation.budget.percent';
  if (key === 'allocation.budget.percents') return allocation.categories.length > 0;
  const id = key.startsWith('allocation.budget.percents.') ? key.slice('allocation.budget.percents.'.length) : null;
  return id !== null && allocation.categories.some((category) => category.id === id);
}
