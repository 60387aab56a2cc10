import { useId } from 'react';
import { Field } from '../../../../components/Field';
import type { AllocationMeasure } from '../../../../utils/settings';
import { suggestedPercents, type AllocationForm, type BudgetKind } from '../../form';
import { percentTotal } from './edit';
import { RowInput } from './RowControls';
import { categoryLabel, type EditorProps } from './shared';

const MEASURES: ReadonlyArray<{ value: AllocationMeasure; label: string; hint?: string }> = [
  { value: 'auto', label: 'Auto', hint: 'By weight when most issues carry a weight, else by count.' },
  { value: 'weight', label: 'Weight', hint: 'Issues without a weight do not count.' },
  { value: 'count', label: 'Count', hint: 'Every issue counts the same.' },
  { value: 'time-estimate', label: 'Time estimate', hint: 'Issues without an estimate do not count.' },
];

const BUDGETS: ReadonlyArray<{ value: BudgetKind; label: string; hint: string }> = [
  { value: 'engineering-share', label: 'Engineering-led share', hint: 'One target for all engineering categories together (60/40 by default).' },
  { value: 'per-category', label: 'Per category', hint: 'A share for each category; together they make 100 %.' },
];

/** How the split is measured, and the budget it is held against. */
export function MeasureBudgetEditor({ allocation, onChange, error }: Omit<EditorProps, 'focusLater'>) {
  return (
    <>
      <h3 id="allocation-budget-heading" tabIndex={-1}>
        Measure and budget
      </h3>
      <Choices
        legend="Measure"
        name="allocation-measure"
        value={allocation.measure}
        options={MEASURES}
        error={error('allocation.measure')}
        onChange={(measure) => onChange({ ...allocation, measure })}
      />
      <Choices
        legend="Budget"
        name="allocation-budget"
        value={allocation.budgetKind}
        options={BUDGETS}
        error={error('allocation.budget.kind') ?? error('allocation.budget')}
        onChange={(budgetKind) => onChange(switchBudget(allocation, budgetKind))}
      />
      {allocation.budgetKind === 'engineering-share' ? (
        <Field
          label="Engineering-led share (%)"
          type="number"
          value={allocation.engineeringPercent}
          onChange={(engineeringPercent) => onChange({ ...allocation, engineeringPercent })}
          error={error('allocation.budget.percent')}
          hint="The share of the work in engineering categories the budget allows; the rest is product work. Default 40."
        />
      ) : (
        <PerCategory allocation={allocation} onChange={onChange} error={error} />
      )}
    </>
  );
}

/** Switching to per-category budgets starts from the engineering-led share unless they already make 100 %. */
function switchBudget(allocation: AllocationForm, budgetKind: BudgetKind): AllocationForm {
  if (budgetKind === 'per-category' && percentTotal(allocation) !== 100) {
    const share = Number(allocation.engineeringPercent.trim() || Number.NaN);
    return { ...allocation, budgetKind, categoryPercents: { ...allocation.categoryPercents, ...suggestedPercents(allocation.categories, share) } };
  }
  return { ...allocation, budgetKind };
}

function PerCategory({ allocation, onChange, error }: Omit<EditorProps, 'focusLater'>) {
  const totalId = useId();
  const total = percentTotal(allocation);
  const totalError = error('allocation.budget.percents');
  if (!allocation.categories.length) return <p className="field__hint">Add a category to give it a budget.</p>;
  return (
    <fieldset className="allocation-fieldset allocation-percents" aria-describedby={totalId}>
      <legend>Budget per category (%)</legend>
      <ul>
        {allocation.categories.map((category, index) => (
          <li key={category.id}>
            <RowInput
              label={`${categoryLabel(category.name, index)} (%)`}
              showLabel
              type="number"
              value={allocation.categoryPercents[category.id] ?? ''}
              onChange={(value) => onChange({ ...allocation, categoryPercents: { ...allocation.categoryPercents, [category.id]: value } })}
              error={error(`allocation.budget.percents.${category.id}`)}
            />
          </li>
        ))}
      </ul>
      <p id={totalId} className={`allocation-total${total === 100 ? '' : ' allocation-total--off'}`} aria-live="polite">
        Total: {total} % {total === 100 ? '(adds up to 100 %)' : '(must add up to 100 %)'}
      </p>
      {totalError ? (
        <p className="field__error" role="alert">
          {totalError}
        </p>
      ) : null}
    </fieldset>
  );
}

function Choices<T extends string>({
  legend,
  name,
  value,
  options,
  error,
  onChange,
}: {
  legend: string;
  name: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string; hint?: string }>;
  error?: string;
  onChange: (value: T) => void;
}) {
  const id = useId();
  return (
    <fieldset className={`allocation-fieldset${error ? ' allocation-fieldset--invalid' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <div key={option.value} className="allocation-choice">
          <input
            type="radio"
            id={`${id}-${option.value}`}
            name={name}
            value={option.value}
            checked={value === option.value}
            aria-describedby={option.hint ? `${id}-${option.value}-hint` : undefined}
            onChange={() => onChange(option.value)}
          />
          <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          {option.hint ? (
            <p id={`${id}-${option.value}-hint`} className="field__hint">
              {option.hint}
            </p>
          ) : null}
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
