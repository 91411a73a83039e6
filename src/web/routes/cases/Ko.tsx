import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { ArendeItem, KoStatistik } from '../../../contracts/cases.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, StatusBadge, useEtikett, useVerksamhet } from './common.tsx';

const dagar = (n: number | null) => (n === null ? '–' : formatNumber(n));

export function Ko() {
  const { t } = useI18n();
  const e = useEtikett();
  const v = useVerksamhet();
  const ko = useQuery({
    queryKey: ['ko', v.id],
    queryFn: () => api.get<{ total: number; items: ArendeItem[] }>(`${base(v.id!)}/ko?limit=500`),
    enabled: Boolean(v.id),
  });
  const stat = useQuery({
    queryKey: ['ko', v.id, 'statistik'],
    queryFn: () => api.get<KoStatistik>(`${base(v.id!)}/ko/statistik`),
    enabled: Boolean(v.id),
  });
  if (!v.id) {
    return (
      <Page title={t('ko.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  return (
    <Page title={t('ko.title')}>
      <p className="lead">{t('ko.lead')}</p>
      <ErrorMessage error={ko.error ?? stat.error} />
      {stat.data ? (
        <section className="card" aria-labelledby="ko-stat">
          <h2 id="ko-stat">{t('ko.stat')}</h2>
          <dl className="facts">
            <dt>{t('ko.stat.iKo')}</dt>
            <dd>{formatNumber(stat.data.iKo.antal)}</dd>
            <dt>{t('ko.stat.median')}</dt>
            <dd>{dagar(stat.data.iKo.medianDagar)}</dd>
            <dt>{t('ko.stat.max')}</dt>
            <dd>{dagar(stat.data.iKo.maxDagar)}</dd>
            <dt>{t('ko.stat.startade')}</dt>
            <dd>{formatNumber(stat.data.startadeSenasteAret.antal)}</dd>
            <dt>{t('ko.stat.startadeMedian')}</dt>
            <dd>{dagar(stat.data.startadeSenasteAret.medianDagar)}</dd>
            <dt>{t('ko.stat.startadeMax')}</dt>
            <dd>{dagar(stat.data.startadeSenasteAret.maxDagar)}</dd>
          </dl>
        </section>
      ) : null}
      {ko.isPending ? <Loading /> : null}
      {ko.data ? (
        <section className="card" aria-labelledby="ko-lista">
          <h2 id="ko-lista">{t('ko.caption')}</h2>
          {ko.data.items.length === 0 ? (
            <p>{t('ko.empty')}</p>
          ) : (
            <TableScroll label={t('ko.caption')}>
              <table>
                <caption className="sr-only">{t('ko.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('klient.col.alias')}</th>
                    <th scope="col">{t('arende.col.status')}</th>
                    <th scope="col">{t('arende.col.prioritet')}</th>
                    <th scope="col">{t('arende.col.forfragan')}</th>
                    <th scope="col" className="num">
                      {t('arende.col.vantedagar')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ko.data.items.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link to={`/arenden/${a.id}`}>{a.klientAlias ?? a.id.slice(0, 8)}</Link>
                      </td>
                      <td>
                        <StatusBadge status={a.status} />
                      </td>
                      <td>{a.prioritet.map(e.prioritet).join(', ') || '–'}</td>
                      <td>{a.forfraganDatum}</td>
                      <td className="num">{dagar(a.vantedagar)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </section>
      ) : null}
    </Page>
  );
}
