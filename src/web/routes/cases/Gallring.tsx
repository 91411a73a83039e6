import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { base, useVerksamhet } from './common.tsx';

type Due = { items: Array<{ klientId: string; alias: string; gallrasEfter: string }> };

export function Gallring() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['gallring', v.id],
    queryFn: () => api.get<Due>(`${base(v.id!)}/gallring`),
    enabled: Boolean(v.id),
  });
  const run = useMutation({
    mutationFn: () => api.post<{ gallrade: number }>(`${base(v.id!)}/gallring`),
    onSuccess: () => void qc.invalidateQueries(),
  });
  if (!v.id) {
    return (
      <Page title={t('gallring.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('gallring.title')}>
      <p className="lead">{t('gallring.lead')}</p>
      <ErrorMessage error={q.error ?? run.error} />
      {run.data ? (
        <p role="status" className="alert alert-ok">
          {t('gallring.done', { n: run.data.gallrade })}
        </p>
      ) : null}
      {q.isPending ? <Loading /> : null}
      {q.data ? (
        <section className="card" aria-labelledby="gallring-lista">
          <h2 id="gallring-lista">{t('gallring.caption')}</h2>
          {q.data.items.length === 0 ? (
            <p>{t('gallring.empty')}</p>
          ) : (
            <>
              <table>
                <caption className="sr-only">{t('gallring.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('klient.col.alias')}</th>
                    <th scope="col">{t('gallring.col.fran')}</th>
                  </tr>
                </thead>
                <tbody>
                  {q.data.items.map((k) => (
                    <tr key={k.klientId}>
                      <td>
                        <Link to={`/klienter/${k.klientId}`}>{k.alias}</Link>
                      </td>
                      <td>{k.gallrasEfter}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
                {t('gallring.run')}
              </button>
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}
