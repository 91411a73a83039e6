import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo } from 'react';
import { Link } from 'react-router';
import {
  BRIST_SORT,
  BRIST_SORT_STANDARD,
  type BristItem,
  type BristList,
  type BristSort,
} from '../../../contracts/brister.ts';
import { BRIST_STATUS, BRIST_STATUS_ETIKETT, type BristStatus } from '../../../domain/brist-status.ts';
import { BRIST_NIVA, BRIST_NIVA_ETIKETT, type BristNiva } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { FlerFilter } from '../../components/FlerFilter.tsx';
import { ExportKort, ListKort } from '../../components/ListSections.tsx';
import { Page } from '../../components/Page.tsx';
import { ServerTable, type serverListFeatures } from '../../components/ServerTable.tsx';
import { VisaRensa } from '../../components/UrvalDelar.tsx';
import {
  delar,
  exportLank,
  fragaParametrar,
  koder,
  sidfraga,
  useServerList,
  useUtkast,
} from '../../components/useServerList.ts';
import { formatNumber } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { Kryssrutor, options } from '../cases/common.tsx';
import {
  AmneSelect,
  ForsenadBadge,
  StatusBadge,
  useAktorer,
  useAmnen,
  useNiva,
  useVerksamhet,
} from './common.tsx';

/** Rows per page. */
const SIDSTORLEK = 50;

/** The filters, in the address (`/brister?forsenad=true` from the start page opens the list filtered). */
interface Urval {
  /** Part of the title. Brister hold no personal data (the guard refuses it), so it may be in the address. */
  q: string;
  status: BristStatus[];
  niva: BristNiva[];
  aktor: string;
  amne: string;
  fran: string;
  till: string;
  forsenad: boolean;
}

const URVAL = {
  las: (p: URLSearchParams): Urval => ({
    q: p.get('q') ?? '',
    status: koder(p, 'status', BRIST_STATUS),
    niva: koder(p, 'niva', BRIST_NIVA),
    aktor: p.get('aktor') ?? '',
    amne: p.get('amne') ?? '',
    fran: p.get('fran') ?? '',
    till: p.get('till') ?? '',
    forsenad: p.get('forsenad') === 'true',
  }),
  skriv: (u: Urval) =>
    delar({
      q: u.q,
      status: u.status.join(','),
      niva: u.niva.join(','),
      aktor: u.aktor,
      amne: u.amne,
      fran: u.fran,
      till: u.till,
      forsenad: u.forsenad ? 'true' : '',
    }),
};

/** The filters and order as the API takes them (the list and its export). */
const apiUrval = (v: { urval: Urval; sort: BristSort }) =>
  fragaParametrar({
    q: v.urval.q,
    status: v.urval.status,
    niva: v.urval.niva,
    aktor: v.urval.aktor,
    amne: v.urval.amne,
    fran: v.urval.fran,
    till: v.urval.till,
    forsenad: v.urval.forsenad ? 'true' : '',
    sort: v.sort,
  });

const kolumn = createColumnHelper<typeof serverListFeatures, BristItem>();

function useKolumner() {
  const { t } = useI18n();
  const niva = useNiva();
  const amneNamn = useAmneNamn();
  return useMemo(
    () =>
      kolumn.columns([
        kolumn.accessor('titel', {
          id: 'titel',
          header: t('brist.col.titel'),
          sortDescFirst: false,
          cell: ({ row }) => <Link to={`/brister/${row.original.id}`}>{row.original.titel}</Link>,
        }),
        kolumn.accessor('niva', {
          id: 'niva',
          header: t('brist.col.niva'),
          sortDescFirst: false,
          cell: ({ row }) => niva(row.original.niva),
        }),
        kolumn.accessor((b) => b.amne.namn, {
          id: 'amne',
          header: t('brist.col.amne'),
          sortDescFirst: false,
          cell: ({ row }) => amneNamn(row.original.amne),
        }),
        kolumn.accessor((b) => b.aktorer.map((a) => a.namn).join(', '), {
          id: 'aktor',
          header: t('brist.col.aktorer'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.aktorer.map((a) => a.namn).join(', '),
        }),
        kolumn.accessor('status', {
          id: 'status',
          header: t('brist.col.status'),
          sortDescFirst: false,
          cell: ({ row }) => (
            <>
              <StatusBadge status={row.original.status} />
              {row.original.aterkopplingForsenad ? (
                <>
                  {' '}
                  <ForsenadBadge />
                </>
              ) : null}
            </>
          ),
        }),
        kolumn.accessor('observeradDatum', {
          id: 'observeradDatum',
          header: t('brist.col.observerad'),
          sortDescFirst: true,
          cell: ({ row }) => row.original.observeradDatum,
        }),
        kolumn.accessor('antalKlienter', {
          id: 'antalKlienter',
          header: t('brist.col.klienter'),
          enableSorting: false,
          cell: ({ row }) => formatNumber(row.original.antalKlienter),
        }),
      ]),
    [t, niva, amneNamn],
  );
}

/** How many of the folded filters are set (all but the search). */
const aktivaFilter = (u: Urval) =>
  [u.status.length, u.niva.length, u.aktor, u.amne, u.fran, u.till, u.forsenad].filter(Boolean).length;

/**
 * The filter form: edited as a draft, applied with Visa (page 1, the same order). When the address changes
 * (Back, a link, Rensa) the draft follows it; the form stays mounted, so focus stays on Visa.
 */
function UrvalForm({ urval, onVisa }: { urval: Urval; onVisa: (u: Urval) => void }) {
  const { t, lang } = useI18n();
  const amnen = useAmnen();
  const aktorer = useAktorer();
  const [draft, setDraft] = useUtkast(urval, URVAL.skriv);
  const set =
    <K extends keyof Urval>(k: K) =>
    (val: Urval[K]) =>
      setDraft((d) => ({ ...d, [k]: val }));
  function visa(e: FormEvent) {
    e.preventDefault();
    onVisa({ ...draft, q: draft.q.trim() });
  }
  const all = t('brist.filter.all');
  const kandAktor =
    !draft.aktor || aktorer.isPending || (aktorer.data ?? []).some((a) => a.id === draft.aktor);
  return (
    <form className="card" onSubmit={visa} aria-labelledby="brist-urval">
      <h2 id="brist-urval">{t('brist.filter')}</h2>
      <Field
        label={t('brist.filter.q')}
        type="search"
        value={draft.q}
        maxLength={100}
        onChange={(e) => set('q')(e.target.value)}
      />
      <FlerFilter aktiva={aktivaFilter(urval)}>
        <div className="grid-form">
          <div style={KOLUMN}>
            <Kryssrutor
              legend={t('brist.col.status')}
              hint={t('arenden.status.hint')}
              options={options(BRIST_STATUS, BRIST_STATUS_ETIKETT, lang)}
              value={draft.status}
              onChange={(v) => set('status')(BRIST_STATUS.filter((s) => v.includes(s)))}
            />
            <Kryssrutor
              legend={t('brist.col.niva')}
              hint={t('arenden.status.hint')}
              options={options(BRIST_NIVA, BRIST_NIVA_ETIKETT, lang)}
              value={draft.niva}
              onChange={(v) => set('niva')(BRIST_NIVA.filter((n) => v.includes(n)))}
            />
          </div>
          <div style={KOLUMN}>
            <SelectField
              label={t('brist.filter.aktor')}
              value={draft.aktor}
              onChange={(e) => set('aktor')(e.target.value)}
              options={[
                { value: '', label: all },
                ...(aktorer.data ?? []).map((a) => ({ value: a.id, label: a.namn })),
                ...(kandAktor ? [] : [{ value: draft.aktor, label: t('brist.filter.aktor.okand') }]),
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
          </div>
        </div>
      </FlerFilter>
      <VisaRensa rensa="/brister" visa={t('brist.filter.apply')} />
    </form>
  );
}

/** The verksamhet's register of brister: filters, order and page in the address; export of the selection. */
export function BristLista() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const kolumner = useKolumner();
  const l = useServerList({
    namn: 'brister',
    scope: v.id,
    urval: URVAL,
    sort: { ordningar: BRIST_SORT, standard: BRIST_SORT_STANDARD },
    sidstorlek: SIDSTORLEK,
    fraga: sidfraga(apiUrval),
    hamta: (q) => api.get<BristList>(`/verksamheter/${v.id}/brister?${q}`),
    kolumner,
    radId: (b) => b.id,
    enabled: Boolean(v.id),
    caption: t('brist.list.caption.sort'),
  });
  const { vy, lista } = l;
  if (!v.id)
    return (
      <Page title={t('brist.list.title')}>
        <p>{t('brist.noVerksamhet')}</p>
      </Page>
    );
  const total = lista.data?.total;
  const exportUrl = (format: 'csv' | 'xlsx') =>
    exportLank(`/verksamheter/${v.id}/brister/export`, apiUrval(vy), format);
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
      <UrvalForm urval={vy.urval} onVisa={l.visa} />
      <ErrorMessage error={lista.error} />
      <ListKort
        id="brist-lista"
        antal={
          total === undefined ? '' : t(pluralKey(lang, 'brist.list.antal', total), { n: formatNumber(total) })
        }
        tom={t('brist.list.empty')}
        lista={lista}
        sidanFinnsInte={l.sidanFinnsInte}
        forstaSidan={l.forstaSidan}
      >
        <ServerTable
          table={l.table}
          caption={l.caption}
          numeric={['antalKlienter']}
          radbryt={['titel', 'amne', 'aktor']}
          sida={vy.sida}
          sidor={l.sidor}
        />
      </ListKort>
      {lista.data && total !== undefined && total > 0 ? (
        <ExportKort id="brist-export" hint={t('brist.export.hint')} href={exportUrl} />
      ) : null}
    </Page>
  );
}

/** The form's two columns start at the top (the grid centres them otherwise). */
const KOLUMN = { alignSelf: 'start' } as const;
