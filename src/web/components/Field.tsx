import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { useI18n } from '../i18n/index.tsx';

/**
 * Form fields: a label (with a marker when required), an optional hint and the field's one error
 * message, tied to the control with aria-describedby and aria-invalid. Give `id={fieldId('titel')}` so
 * the ErrorSummary's links can move focus here; without one an id is generated.
 */

/** The element id of the control for a field path, the target of ErrorSummary's links. */
export function fieldId(field: string): string {
  return `falt-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The visible mark of a required field, beside (not inside) its label so the field's name stays its label;
 * screen readers hear "required" from the control itself.
 */
export function RequiredMark() {
  const { lang } = useI18n();
  return (
    <span className="required-mark" title={lang === 'sv' ? 'obligatoriskt' : 'required'} aria-hidden="true">
      {' '}
      *
    </span>
  );
}

/** The line above a form that explains the mark. */
export function RequiredNote() {
  const { lang } = useI18n();
  return (
    <p className="hint">
      {lang === 'sv' ? 'Fält markerade med * måste fyllas i.' : 'Fields marked * are required.'}
    </p>
  );
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** What every field has around its control: the label (and required mark), the hint, the error. */
function Frame({
  id,
  label,
  required,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  required?: boolean | undefined;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <div>
        <label htmlFor={id}>{label}</label>
        {required ? <RequiredMark /> : null}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {children}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/** A labelled input with its hint and error tied to it for screen readers. */
export function Field({ label, error, hint, id: givenId, ...input }: FieldProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Frame id={id} label={label} required={input.required} hint={hint} error={error}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Frame>
  );
}

interface SelectProps extends React.SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  options: Array<{ value: string; label: string }>;
}

export function SelectField({ label, error, hint, options, id: givenId, ...select }: SelectProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Frame id={id} label={label} required={select.required} hint={hint} error={error}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

interface TextAreaProps {
  label: string;
  value: string;
  onChange: (v: string) => void;
  onBlur?: (() => void) | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  rows?: number;
  required?: boolean;
  disabled?: boolean;
  id?: string | undefined;
  maxLength?: number | undefined;
}

/** A labelled multi-line text field, with hint and error tied to it like Field. */
export function TextArea({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint,
  rows = 4,
  required,
  disabled,
  id: givenId,
  maxLength,
}: TextAreaProps) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <Frame id={id} label={label} required={required} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        value={value}
        required={required}
        disabled={disabled}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
    </Frame>
  );
}
