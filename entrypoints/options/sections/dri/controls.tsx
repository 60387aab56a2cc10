import { FieldNotes } from '../../../../components/Field';
import { useId } from 'react';

/** A row's labelled text input with its message under it; the label is visually hidden unless `showLabel`. */
export function DriInput({
  label,
  showLabel,
  value,
  onChange,
  error,
  hintId,
  focusId,
  type = 'text',
  placeholder,
}: {
  label: string;
  showLabel?: boolean;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** A hint elsewhere on the page (a column's format) read as the input's description. */
  hintId?: string;
  /** Found again by the section to put the focus back after an add or a remove. */
  focusId?: string;
  type?: 'text' | 'number';
  placeholder?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`allocation-cell${error ? ' allocation-cell--invalid' : ''}`}>
      <label htmlFor={id} className={showLabel ? 'allocation-cell__label' : 'visually-hidden'}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-focus-id={focusId}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select with its hint and message, laid out as components/Field is. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  hint,
}: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onChange: (value: T) => void;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field field--select${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldNotes hintId={hintId} hint={hint} errorId={errorId} error={error} />
    </div>
  );
}
