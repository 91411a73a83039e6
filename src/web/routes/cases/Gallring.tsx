import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { base, useVerksamhet } from './common.tsx';

type Due = { items: Array<{ klientId: string; alias: string; gallrasEfter: string }> };

export function Gallring() {
  const { t, lang } = useI18n();
  const [fraga, setFraga] = useState(false);
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
          {t(pluralKey(lang, 'gallring.done', run.data.gallrade), { n: formatNumber(run.data.gallrade) })}
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
              <button type="button" onClick={() => setFraga(true)} disabled={run.isPending}>
                {t('gallring.run')}
              </button>
              {/* Gallring cannot be undone: it asks first, with the count and what is lost. */}
              <ConfirmDialog
                open={fraga}
                title={t('gallring.confirm.title')}
                text={t(pluralKey(lang, 'gallring.confirm.text', q.data.items.length), {
                  n: formatNumber(q.data.items.length),
                })}
                confirmLabel={t(pluralKey(lang, 'gallring.confirm.label', q.data.items.length), {
                  n: formatNumber(q.data.items.length),
                })}
                onCancel={() => setFraga(false)}
                onConfirm={() => {
                  setFraga(false);
                  run.mutate();
                }}
              />
            </>
          )}
        </section>
      ) : null}
    </Page>
  );
}
