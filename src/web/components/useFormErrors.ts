import { useCallback, useRef, useState } from 'react';
import type { z } from 'zod';
import { type FieldIssue, type FieldLabels, validate } from '../../contracts/messages/error-map.ts';
import { labelOf } from '../../contracts/messages/labels.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * Validation state of one form, checked in the browser with the same zod contract the server uses:
 *
 *   const form = useFormErrors(createBrist, () => bodyFromState);
 *   <ErrorSummary errors={form.summary} focusKey={form.focusKey} />
 *   <Field id={fieldId('titel')} error={form.error('titel')} onBlur={() => form.blur('titel')} … />
 *   onSubmit: const body = form.check(); if (body) save.mutate(body);
 *   onError of the request: form.fromServer(err)  // server errors land in the same places
 *
 * Errors appear for a field once the person has left it (blur) or tried to submit, never for a field
 * they have not reached. `build` returns the request body as it would be sent (empty choices undefined);
 * `labels` renames fields where the form's context has a better word than the shared table.
 */
export function useFormErrors<S extends z.ZodType>(schema: S, build: () => unknown, labels?: FieldLabels) {
  const { lang } = useI18n();
  const [shown, setShown] = useState<FieldIssue[]>([]);
  const [focusKey, setFocusKey] = useState(0);
  // The summary appears after a save was tried (GOV.UK): leaving a field shows its message only there.
  const [tried, setTried] = useState(false);
  const touched = useRef(new Set<string>());
  const submitted = useRef(false);
  const buildRef = useRef(build);
  buildRef.current = build;
  const labelsRef = useRef(labels);
  labelsRef.current = labels;

  const run = useCallback(() => {
    return validate(schema, buildRef.current(), lang, labelsRef.current);
  }, [schema, lang]);

  /** The person left `field`: show its errors (and keep others already shown up to date). */
  const blur = useCallback(
    (field: string) => {
      touched.current.add(field);
      // Read the state after React has applied the last change of this field.
      setTimeout(() => {
        const r = run();
        if (r.ok) return setShown([]);
        // Before a submit only the fields already left show their errors.
        const top = (e: FieldIssue) => String(e.path[0] ?? e.field);
        setShown(submitted.current ? r.errors : r.errors.filter((e) => touched.current.has(top(e))));
      }, 0);
    },
    [run],
  );

  /** Before submit: the parsed body, or null after showing every error and focusing the summary. */
  const check = useCallback((): z.output<S> | null => {
    submitted.current = true;
    setTried(true);
    const r = run();
    if (r.ok) {
      setShown([]);
      return r.data;
    }
    setShown(r.errors);
    setFocusKey((k) => k + 1);
    return null;
  }, [run]);

  /** Errors the server found (problem+json `errors`): shown like the browser's own. */
  const fromServer = useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError) || !err.problem.errors?.length) return false;
      setTried(true);
      setShown(
        err.problem.errors.map((e) => ({
          path: e.field.split('.'),
          field: e.field,
          label: labelsRef.current?.[e.field] ?? e.label ?? labelOf(e.field, lang),
          message: e.message,
        })),
      );
      setFocusKey((k) => k + 1);
      return true;
    },
    [lang],
  );

  /** The message under a field: its own error, or the first error inside it (a list's item). */
  const error = (field: string): string | undefined =>
    (shown.find((e) => e.field === field) ?? shown.find((e) => e.field.startsWith(`${field}.`)))?.message;

  const reset = useCallback(() => {
    submitted.current = false;
    touched.current.clear();
    setTried(false);
    setShown([]);
  }, []);

  /** What the ErrorSummary lists: every shown error, once a save has been tried. */
  const summary = tried ? shown : [];

  return { shown, summary, focusKey, blur, check, fromServer, error, reset };
}
