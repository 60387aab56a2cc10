import { FieldNotes } from '../../../../components/Field';
import { useId, type ReactNode } from 'react';

interface CellProps {
  /** What the label shows ("Target"). */
  label: string;
  /** Read before the label by screen readers, not shown: "Key result 1.2" makes "Key result 1.2 Target". */
  context: string;
  error?: string;
  /** Shown under the control and read as its description. */
  hint?: ReactNode;
  className?: string;
}

interface ControlAttributes {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A labelled control of the OKR editor with its unit, hint and message next to it, wired as
 * components/Field is. The label names the row too, for screen readers and for finding it.
 */
function Cell({ label, context, error, hint, className, unit, children }: CellProps & { unit?: string; children: (attributes: ControlAttributes) => ReactNode }) {
  const id = useId();
  const unitId = `${id}-unit`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [unit ? unitId : null, hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const control = children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy });
  return (
    <div className={`allocation-cell okr-cell${error ? ' allocation-cell--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="allocation-cell__label">
        <span className="visually-hidden">{context} </span>
        {label}
      </label>
      {unit ? (
        <div className="okr-cell__with-unit">
          {control}
          <span id={unitId} className="okr-cell__unit">
            {unit}
          </span>
        </div>
      ) : (
        control
      )}
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}

export function OkrInput({
  value,
  onChange,
  type = 'text',
  placeholder,
  list,
  focusId,
  unit,
  onFocus,
  ...cell
}: CellProps & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number' | 'date';
  placeholder?: string;
  /** A datalist's id: the suggestions a picker offers. */
  list?: string;
  /** Found again by the section to put the focus back after an add or a remove. */
  focusId?: string;
  /** The unit values are in ("%", "hours"), shown right after the input and read with it. */
  unit?: string;
  onFocus?: () => void;
}) {
  return (
    <Cell {...cell} unit={unit}>
      {(attributes) => (
        <input
          {...attributes}
          type={type}
          value={value}
          placeholder={placeholder}
          list={list}
          step={type === 'number' ? 'any' : undefined}
          autoComplete="off"
          spellCheck={false}
          data-focus-id={focusId}
          onFocus={onFocus}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Cell>
  );
}

export interface OkrChoice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

export function OkrSelect<T extends string>({
  value,
  options,
  onChange,
  focusId,
  ...cell
}: CellProps & { value: T; options: readonly OkrChoice<T>[]; onChange: (value: T) => void; focusId?: string }) {
  return (
    <Cell {...cell}>
      {(attributes) => (
        <select {...attributes} value={value} data-focus-id={focusId} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Cell>
  );
}
