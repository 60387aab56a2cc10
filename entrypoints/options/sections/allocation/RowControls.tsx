import { useId, type ReactNode } from 'react';

interface ControlProps {
  /** The input's name; visually hidden unless `showLabel` (rows have column headings instead). */
  label: string;
  showLabel?: boolean;
  error?: string;
  /** Found again by the section to put the focus back after a move, an add or a remove. */
  focusId?: string;
  className?: string;
}

/** A row's labelled control with its validation message under it, wired as Field does. */
function Control({ label, showLabel, error, className, children }: ControlProps & { children: (props: ControlAttributes) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={`allocation-cell${error ? ' allocation-cell--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={showLabel ? 'allocation-cell__label' : 'visually-hidden'}>
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface ControlAttributes {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

export function RowInput({
  value,
  onChange,
  type = 'text',
  ...props
}: ControlProps & { value: string; onChange: (value: string) => void; type?: 'text' | 'number' }) {
  return (
    <Control {...props}>
      {(attributes) => (
        <input
          {...attributes}
          type={type}
          value={value}
          autoComplete="off"
          spellCheck={false}
          data-focus-id={props.focusId}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Control>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  disabled?: boolean;
}

export function RowSelect<T extends string>({
  value,
  options,
  onChange,
  ...props
}: ControlProps & { value: T; options: readonly Choice<T>[]; onChange: (value: T) => void }) {
  return (
    <Control {...props}>
      {(attributes) => (
        <select {...attributes} value={value} data-focus-id={props.focusId} onChange={(event) => onChange(event.target.value as T)}>
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Control>
  );
}

/** A button with a name of its own ("Move rule 3 up"); `inactive` keeps it focusable but does nothing. */
export function RowButton({
  name,
  children,
  onClick,
  inactive,
  focusId,
}: {
  name: string;
  children: ReactNode;
  onClick: () => void;
  inactive?: boolean;
  focusId?: string;
}) {
  return (
    <button
      type="button"
      className="allocation-row__button"
      aria-label={name}
      title={name}
      aria-disabled={inactive ? true : undefined}
      data-focus-id={focusId}
      onClick={() => {
        if (!inactive) onClick();
      }}
    >
      {children}
    </button>
  );
}
