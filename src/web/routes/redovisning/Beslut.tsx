import { useQuery } from '@tanstack/react-query';
import type { VerksamhetBeslut } from '../../../contracts/grants.ts';
import { formatKr } from '../../../domain/tal.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { formatDecimal, formatTimestamp } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';

/** Stored timestamps come as ISO or as PostgreSQL writes them; the decision's date in Stockholm, ISO. */
const datum = (ts: string) =>
  formatTimestamp(ts.includes('T') ? ts : ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')).slice(0, 10);

/**
 * The Länsstyrelse's decision on the verksamhet's grant application for `ar` (the grant year: the year
 * after the redovisning's), on the verksamhet's own redovisning page (issue 11): FTE and amount granted,
 * the date, who decided, and the letter as Word and pdf. Before a decision: a line saying so.
 */
export function BeslutOmStatsbidrag({ verksamhetId, ar }: { verksamhetId: string; ar: number }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['statsbidrag-beslut', verksamhetId, ar],
    queryFn: () => api.get<VerksamhetBeslut>(`/verksamheter/${verksamhetId}/statsbidrag/${ar}`),
  });
  if (q.isPending) return null;
  const rubrik = t('sbv.rubrik', { ar });
  return (
    <section className="card" aria-labelledby="statsbidrag-beslut">
      <h2 id="statsbidrag-beslut">{rubrik}</h2>
      {q.error ? (
        <ErrorMessage error={q.error} />
      ) : !q.data.beslut ? (
        <p>{t('sbv.ingetBeslut', { ar })}</p>
      ) : (
        <>
          <p>
            {t('sbv.beslutat', {
              lansstyrelse: q.data.lansstyrelseNamn,
              datum: datum(q.data.beslut.beslutatAt),
            })}
          </p>
          <dl className="facts">
            <dt>{t('sbv.ansokt')}</dt>
            <dd>
              {q.data.ansoktArsarbetare === null
                ? t('sbv.ingenAnsokan')
                : formatDecimal(q.data.ansoktArsarbetare)}
            </dd>
            <dt>{t('sbv.beviljat')}</dt>
            <dd>{formatDecimal(q.data.beslut.arsarbetare)}</dd>
            <dt>{t('sbv.perFte')}</dt>
            <dd>{formatKr(q.data.beslut.beloppPerArsarbetareKr)}</dd>
            <dt>{t('sbv.belopp')}</dt>
            <dd>
              <strong>{formatKr(q.data.beslut.beloppKr)}</strong>
            </dd>
            <dt>{t('sbv.datum')}</dt>
            <dd>{datum(q.data.beslut.beslutatAt)}</dd>
            <dt>{t('sbv.av')}</dt>
            <dd>{`${q.data.beslut.beslutatAvNamn}, ${q.data.lansstyrelseNamn}`}</dd>
            {q.data.beslut.kommentar ? (
              <>
                <dt>{t('sbv.kommentar')}</dt>
                <dd>{q.data.beslut.kommentar}</dd>
              </>
            ) : null}
          </dl>
          <ul>
            {(['docx', 'pdf'] as const).map((f) => (
              <li key={f}>
                <a href={`/api/v1/statsbidrag/${ar}/beslut/${verksamhetId}.${f}`} download>
                  {t(`sbv.${f}`, { ar })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
