import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { fieldId } from './Field.tsx';

/** One error as the summary lists it (FieldIssue from contracts/messages/error-map.ts fits). */
export interface SummaryError {
  /** Dotted machine path; the link goes to the element with id `fieldId(field)`. */
  field: string;
  label: string;
  message: string;
}

/**
 * The error summary at the top of a form (GOV.UK / Designsystemet pattern): a heading and one link per
 * error, "Label: message"; a link moves focus to its field. Focus moves to the summary itself whenever
 * `focusKey` changes while there are errors — bump it on each failed submit.
 *
 *   <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
 *
 * Each field shows its own message under its label as well (Field's `error`), so a message is written
 * once in the summary and once at the field, never more. Renders nothing without errors.
 */
export function ErrorSummary({ errors, focusKey }: { errors: readonly SummaryError[]; focusKey?: number }) {
  const { lang } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const count = errors.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus follows a new submit, not each edit.
  useEffect(() => {
    if (focusKey && count) ref.current?.focus();
  }, [focusKey]);
  if (!count) return null;
  const seen = new Set<string>();
  // Listed in the order the fields stand on the page (the contract's order may differ); errors of fields
  // not on the page keep their place at the end.
  const order = new Map(
    [...document.querySelectorAll('[id^="falt-"]')].map((el, i) => [el.id, i] as [string, number]),
  );
  const place = (e: SummaryError) => order.get(fieldId(e.field)) ?? Number.MAX_SAFE_INTEGER;
  const unique = errors
    .filter((e) => {
      const k = `${e.field}\n${e.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => place(a) - place(b));
  return (
    <div ref={ref} className="alert alert-error error-summary" tabIndex={-1} aria-labelledby={headingId}>
      <h2 id={headingId} className="error-summary-title">
        {lang === 'sv' ? 'Det finns fel i formuläret' : 'There is a problem with the form'}
      </h2>
      <ul>
        {unique.map((e) => (
          <li key={`${e.field}-${e.message}`}>
            <a
              href={`#${fieldId(e.field)}`}
              onClick={(ev) => {
                const target = document.getElementById(fieldId(e.field));
                if (!target) return;
                ev.preventDefault();
                target.focus();
                target.scrollIntoView({ block: 'center' });
              }}
            >
              {e.label}: {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
