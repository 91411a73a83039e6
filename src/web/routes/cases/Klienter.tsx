import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import type { KlientItem } from '../../../contracts/cases.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { base, GallradBadge, StatusBadge, useEtikett, useVerksamhet } from './common.tsx';

type Urval = { q: string; gallrad: 'alla' | 'nej' | 'ja' };

export function Klienter() {
  const { t, lang } = useI18n();
  const e = useEtikett();
  const v = useVerksamhet();
  const [draft, setDraft] = useState<Urval>({ q: '', gallrad: 'alla' });
  const [urval, setUrval] = useState<Urval>(draft);
  const list = useQuery({
    queryKey: ['klienter', v.id, urval],
    queryFn: () =>
      // A POST keeps the search term out of addresses and logs.
      api.post<{ total: number; items: KlientItem[] }>(`${base(v.id!)}/klienter/sok`, {
        limit: 500,
        gallrad: urval.gallrad,
        ...(urval.q ? { q: urval.q } : {}),
      }),
    enabled: Boolean(v.id),
  });
  const gallrade = useQuery({
    queryKey: ['klienter', v.id, 'antal-gallrade'],
    queryFn: () => api.get<{ total: number }>(`${base(v.id!)}/klienter?limit=1&gallrad=ja`),
    enabled: Boolean(v.id),
  });
  if (!v.id) {
    return (
      <Page title={t('klient.list.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  const helaListan = !urval.q && urval.gallrad === 'alla';
  function visa(ev: FormEvent) {
    ev.preventDefault();
    setUrval(draft);
  }
  return (
    <Page
      title={t('klient.list.title')}
      actions={
        <p>
          <Link className="button" to="/klienter/ny">
            {t('klient.new')}
          </Link>{' '}
          <Link className="button secondary" to="/klienter/import">
            {t('import.link')}
          </Link>{' '}
          <Link className="button secondary" to="/gallring">
            {t('gallring.link')}
          </Link>
        </p>
      }
    >
      <form className="card" onSubmit={visa} aria-labelledby="klient-urval">
        <h2 id="klient-urval">{t('klient.list.filter')}</h2>
        <div className="grid-form">
          <Field
            label={t('klient.list.search')}
            type="search"
            value={draft.q}
            onChange={(ev) => setDraft((d) => ({ ...d, q: ev.target.value }))}
          />
          <SelectField
            label={t('klient.list.filter')}
            value={draft.gallrad}
            onChange={(ev) => setDraft((d) => ({ ...d, gallrad: ev.target.value as Urval['gallrad'] }))}
            options={[
              { value: 'alla', label: t('klient.list.filter.alla') },
              { value: 'nej', label: t('klient.list.filter.nej') },
              { value: 'ja', label: t('klient.list.filter.ja') },
            ]}
          />
        </div>
        <button type="submit">{t('klient.list.visa')}</button>
      </form>
      {list.isPending ? <Loading /> : null}
      <ErrorMessage error={list.error} />
      {/* The full list waits for the gallrade count too, so its heading does not change under the reader. */}
      {list.data && !(helaListan && gallrade.isPending) ? (
        <section className="card" aria-labelledby="klient-lista">
          <h2 id="klient-lista">
            {/* The gallrade count is the whole verksamhet's: it says something only about the full list. */}
            {helaListan && gallrade.data && gallrade.data.total > 0 && list.data.total > 0
              ? t(pluralKey(lang, 'klient.list.antalGallrade', list.data.total), {
                  n: formatNumber(list.data.total),
                  g: formatNumber(gallrade.data.total),
                })
              : t(pluralKey(lang, 'klient.list.antal', list.data.total), {
                  n: formatNumber(list.data.total),
                })}
          </h2>
          {list.data.items.length === 0 ? (
            <p>{urval.q ? t('klient.list.ingenTraff') : t('klient.list.empty')}</p>
          ) : (
            <TableScroll label={t('klient.list.caption')}>
              <table>
                <caption className="sr-only">{t('klient.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('klient.col.alias')}</th>
                    <th scope="col">{t('klient.col.kon')}</th>
                    <th scope="col" className="num">
                      {t('klient.col.fodelsear')}
                    </th>
                    <th scope="col">{t('klient.col.hem')}</th>
                    <th scope="col">{t('klient.col.status')}</th>
                    <th scope="col">{t('klient.col.ombud')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((k) => (
                    <tr key={k.id}>
                      <td>
                        <Link to={`/klienter/${k.id}`}>
                          {k.alias ?? `${t('case.gallrad')} (${k.id.slice(0, 8)})`}
                        </Link>{' '}
                        {k.gallrad ? <GallradBadge /> : null}
                      </td>
                      <td>{e.kon(k.kon)}</td>
                      <td className="num">{k.fodelsear}</td>
                      <td>{k.stadsdelsomradeNamn ?? k.kommunNamn}</td>
                      <td>
                        {k.senasteArende ? (
                          <>
                            <StatusBadge status={k.senasteArende.status} /> {k.senasteArende.forfraganDatum}
                          </>
                        ) : null}
                      </td>
                      <td>{k.senasteArende?.ombud?.displayName ?? ''}</td>
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
