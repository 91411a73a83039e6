import { labelOf } from '../../contracts/messages/labels.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/**
 * Shows an API error with its Swedish message; announced to screen readers. Field errors are listed by
 * label ("Rad 3, kolumn kon: …"), never by machine path; the detail above them names labels only. A form that has
 * an ErrorSummary passes `fieldsShownElsewhere`: then a problem with field errors shows nothing here, so
 * each message appears once (in the summary and at its field).
 */
export function ErrorMessage({
  error,
  fieldsShownElsewhere,
}: {
  error: unknown;
  fieldsShownElsewhere?: boolean;
}) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  // A field error whose sentence is already the detail is not listed again.
  const fieldErrors = (problem?.errors ?? []).filter((e) => e.message !== problem?.detail);
  if (fieldsShownElsewhere && problem?.errors?.length) return null;
  return (
    <div role="alert" className="alert alert-error">
      <p>
        <strong>{problem?.title ?? t('error.title')}</strong>:{' '}
        {problem?.detail ?? String((error as Error).message ?? error)}
      </p>
      {fieldErrors.length ? (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.field}-${e.message}`}>
              {e.label ?? labelOf(e.field, lang)}: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
