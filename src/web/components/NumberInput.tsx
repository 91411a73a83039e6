import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { formatDecimal, parseSwedishNumber } from '../format.ts';
import { RequiredMark } from './Field.tsx';

/** What a NumberInput tells its owner after each keystroke. */
export type NumberChange = { value: number | null; invalid: false } | { value: null; invalid: true };

interface NumberInputProps {
  label: string;
  /** The owner's number; null shows an empty field. */
  value: number | null;
  onChange: (c: NumberChange) => void;
  /** The owner's message for the field (its rule failed); the parse error is shown when there is none. */
  error?: string | undefined;
  hint?: ReactNode;
  id?: string | undefined;
  required?: boolean;
  /** Decimals shown on blur (0 for counts). */
  decimals?: number;
  /** The message when the text is not a number, e.g. "Årsarbetare ska vara ett tal, t.ex. 2,5." */
  notANumber: string;
  /** The label is read by screen readers only (a cell in a table whose headers say it visibly). */
  hiddenLabel?: boolean;
  className?: string;
}

/**
 * A number typed the Swedish way ("2,5", "1 234"). The text the user types is kept while the field has
 * focus — "2," stays "2," — and only the parsed number goes to the owner; on blur the text is rewritten in
 * Swedish format. A text that is not a number is reported as invalid and marked at once. Label, hint and
 * error are tied to the input like Field (aria-describedby, aria-invalid).
 */
export function NumberInput({
  label,
  value,
  onChange,
  error,
  hint,
  id: givenId,
  required,
  decimals = 2,
  notANumber,
  hiddenLabel,
  className,
}: NumberInputProps) {
  const generated = useId();
  const id = givenId ?? generated;
  const shown = (n: number | null) => (n === null ? '' : formatDecimal(n, decimals));
  const [text, setText] = useState(() => shown(value));
  const [bad, setBad] = useState(false);
  const focused = useRef(false);
  // A new value from the owner (a reload, a recomputation) replaces the text unless the user is typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the owner's value should reset the text.
  useEffect(() => {
    if (!focused.current && !bad) setText(shown(value));
  }, [value]);
  const message = bad ? notANumber : error;
  const describedBy =
    [hint ? `${id}-hint` : '', message ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const input = (
    <input
      id={id}
      type="text"
      inputMode="decimal"
      autoComplete="off"
      className={className}
      value={text}
      required={required}
      aria-label={hiddenLabel ? label : undefined}
      aria-invalid={message ? true : undefined}
      aria-describedby={describedBy}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(e) => {
        setText(e.target.value);
        const p = parseSwedishNumber(e.target.value);
        setBad(!p.ok);
        onChange(p.ok ? { value: p.value, invalid: false } : { value: null, invalid: true });
      }}
      onBlur={() => {
        focused.current = false;
        const p = parseSwedishNumber(text);
        if (p.ok) setText(shown(p.value));
      }}
    />
  );
  const parts = (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      ) : null}
    </>
  );
  if (hiddenLabel) {
    return (
      <>
        {input}
        {parts}
      </>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {parts}
      {input}
    </div>
  );
}
