import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';

/** Shows an API error with its Swedish message and the failing fields; announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : null;
  return (
    <div role="alert" className="alert alert-error">
      <p>
        <strong>{problem?.title ?? t('error.title')}</strong>:{' '}
        {problem?.detail ?? String((error as Error).message ?? error)}
      </p>
      {problem?.errors?.length ? (
        <ul>
          {problem.errors.map((e) => (
            <li key={`${e.field}-${e.message}`}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
