import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { BristItem } from '../../../contracts/brister.ts';
import { BRIST_STATUS } from '../../../domain/brist-status.ts';
import { BRIST_NIVA } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import {
  AmneSelect,
  ForsenadBadge,
  StatusBadge,
  useAktorer,
  useAmnen,
  useNiva,
  useStatus,
  useVerksamhet,
} from './common.tsx';

type Filter = {
  niva: string;
  status: string;
  aktor: string;
  amne: string;
  fran: string;
  till: string;
  forsenad: boolean;
};
const EMPTY: Filter = { niva: '', status: '', aktor: '', amne: '', fran: '', till: '', forsenad: false };

function query(f: Filter) {
  const p = new URLSearchParams();
  for (const k of ['niva', 'status', 'aktor', 'amne', 'fran', 'till'] as const) if (f[k]) p.set(k, f[k]);
  if (f.forsenad) p.set('forsenad', 'true');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** The filter as the address holds it (`/brister?forsenad=true` from the start page opens it filtered). */
function fromParams(p: URLSearchParams): Filter {
  const f = { ...EMPTY };
  for (const k of ['niva', 'status', 'aktor', 'amne', 'fran', 'till'] as const) f[k] = p.get(k) ?? '';
  f.forsenad = p.get('forsenad') === 'true';
  return f;
}

export function BristLista() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const niva = useNiva();
  const status = useStatus();
  const amnen = useAmnen();
  const aktorer = useAktorer();
  const amneNamn = useAmneNamn();
  const [params, setParams] = useSearchParams();
  const filter = fromParams(params);
  const [draft, setDraft] = useState<Filter>(filter);
  const list = useQuery({
    queryKey: ['brister', v.id, filter],
    queryFn: () => api.get<BristItem[]>(`/verksamheter/${v.id}/brister${query(filter)}`),
    enabled: Boolean(v.id),
  });
  if (!v.id)
    return (
      <Page title={t('brist.list.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  const set = (k: keyof Filter) => (val: string | boolean) => setDraft((d) => ({ ...d, [k]: val }));
  function apply(e: FormEvent) {
    e.preventDefault();
    setParams(new URLSearchParams(query(draft)), { replace: true });
  }
  const all = t('brist.filter.all');
  return (
    <Page
      title={t('brist.list.title')}
      actions={
        v.kanSkriva ? (
          <div className="button-row">
            <Link className="button" to="/brister/ny">
              {t('brist.new')}
            </Link>
            <Link className="button secondary" to="/brister/import">
              {t('brist.import.link')}
            </Link>
          </div>
        ) : null
      }
    >
      <form className="card" onSubmit={apply} aria-labelledby="urval">
        <h2 id="urval">{t('brist.filter')}</h2>
        <div className="grid-form">
          <SelectField
            label={t('brist.col.niva')}
            value={draft.niva}
            onChange={(e) => set('niva')(e.target.value)}
            options={[{ value: '', label: all }, ...BRIST_NIVA.map((n) => ({ value: n, label: niva(n) }))]}
          />
          <SelectField
            label={t('brist.col.status')}
            value={draft.status}
            onChange={(e) => set('status')(e.target.value)}
            options={[
              { value: '', label: all },
              ...BRIST_STATUS.map((s) => ({ value: s, label: status(s) })),
            ]}
          />
          <SelectField
            label={t('brist.col.aktorer')}
            value={draft.aktor}
            onChange={(e) => set('aktor')(e.target.value)}
            options={[
              { value: '', label: all },
              ...(aktorer.data ?? []).map((a) => ({ value: a.id, label: a.namn })),
            ]}
          />
          <AmneSelect
            label={t('brist.col.amne')}
            value={draft.amne}
            onChange={set('amne')}
            amnen={amnen.data ?? []}
            allowAll
            allLabel={all}
          />
          <Field
            label={t('brist.filter.fran')}
            type="date"
            value={draft.fran}
            onChange={(e) => set('fran')(e.target.value)}
          />
          <Field
            label={t('brist.filter.till')}
            type="date"
            value={draft.till}
            onChange={(e) => set('till')(e.target.value)}
          />
        </div>
        <div className="field">
          <label>
            <input
              type="checkbox"
              checked={draft.forsenad}
              onChange={(e) => set('forsenad')(e.target.checked)}
            />{' '}
            {t('brist.filter.forsenad')}
          </label>
        </div>
        <button type="submit">{t('brist.filter.apply')}</button>
      </form>

      {list.isPending ? <Loading /> : null}
      <ErrorMessage error={list.error} />
      {list.data ? (
        <section className="card" aria-labelledby="lista">
          <h2 id="lista">{t('brist.list.count', { n: formatNumber(list.data.length) })}</h2>
          {list.data.length === 0 ? (
            <p>{t('brist.list.empty')}</p>
          ) : (
            <TableScroll label={t('brist.list.caption')}>
              <table>
                <caption className="sr-only">{t('brist.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('brist.col.titel')}</th>
                    <th scope="col">{t('brist.col.niva')}</th>
                    <th scope="col">{t('brist.col.amne')}</th>
                    <th scope="col">{t('brist.col.aktorer')}</th>
                    <th scope="col">{t('brist.col.status')}</th>
                    <th scope="col">{t('brist.col.observerad')}</th>
                    <th scope="col" className="num">
                      {t('brist.col.klienter')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((b) => (
                    <tr key={b.id}>
                      <td>
                        <Link to={`/brister/${b.id}`}>{b.titel}</Link>
                      </td>
                      <td>{niva(b.niva)}</td>
                      <td>{amneNamn(b.amne)}</td>
                      <td>{b.aktorer.map((a) => a.namn).join(', ')}</td>
                      <td>
                        <StatusBadge status={b.status} /> {b.aterkopplingForsenad ? <ForsenadBadge /> : null}
                      </td>
                      <td>{b.observeradDatum}</td>
                      <td className="num">{formatNumber(b.antalKlienter)}</td>
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
