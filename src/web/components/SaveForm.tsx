import type { UseMutationResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { ErrorMessage } from './ErrorMessage.tsx';

/**
 * A form that runs one mutation: it shows the mutation's problem+json error (with the failing fields) and,
 * after success, a "saved" status that screen readers announce.
 */
export function SaveForm<T>({
  mutation,
  savedText,
  label,
  children,
}: {
  mutation: UseMutationResult<T, Error, void>;
  savedText: string;
  /** Accessible name, when a page has several such forms. */
  label?: string;
  children: ReactNode;
}) {
  const [ok, setOk] = useState(false);
  return (
    <form
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setOk(false);
        mutation.mutate(undefined, { onSuccess: () => setOk(true) });
      }}
    >
      <ErrorMessage error={mutation.error} />
      {ok ? (
        <p role="status" className="alert alert-ok">
          {savedText}
        </p>
      ) : null}
      {children}
    </form>
  );
}
