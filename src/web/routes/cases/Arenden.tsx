import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  createColumnHelper,
  type PaginationState,
  type SortingState,
  type Updater,
  useTable,
} from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import {
  ARENDE_SORT,
  ARENDE_SORT_STANDARD,
  type ArendeItem,
  type ArendeSort,
  type ArendeSortFalt,
  AVSLUT_ORSAK_ETIKETT,
} from '../../../contracts/cases.ts';
import { ARENDE_STATUS, ARENDE_STATUS_ETIKETT, type ArendeStatus, etikett } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { ServerTable, serverListFeatures } from '../../components/ServerTable.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { base, GallradBadge, Kryssrutor, options, StatusBadge, useOmbud, useVerksamhet } from './common.tsx';

/** Rows per page. */
const SIDSTORLEK = 50;

/** What the list shows: the filters, the order and the page — all of it in the address. */
interface Urval {
  status: ArendeStatus[];
  /** '' (all), 'jag', 'ingen' or a user id. */
  ombud: string;
  fran: string;
  till: string;
}
interface Vy {
  urval: Urval;
  sort: ArendeSort;
  /** 1-based. */
  sida: number;
}

const arStatus = (s: string): s is ArendeStatus => (ARENDE_STATUS as readonly string[]).includes(s);
const arSort = (s: string | null): s is ArendeSort =>
  s !== null && (ARENDE_SORT as readonly string[]).includes(s);

/**
 * The address's parameters: status (codes, comma-separated), ombud, fran, till, sort (as the API) and sida.
 * Unknown status codes and sort orders are dropped rather than sent; dates go to the API, which says in
 * words what is wrong with one.
 */
export function lasAdress(p: URLSearchParams): Vy {
  const sort = p.get('sort');
  const sida = Math.floor(Number(p.get('sida') ?? '1'));
  return {
    urval: {
      status: (p.get('status') ?? '').split(',').filter(arStatus),
      ombud: p.get('ombud') ?? '',
      fran: p.get('fran') ?? '',
      till: p.get('till') ?? '',
    },
    sort: arSort(sort) ? sort : ARENDE_SORT_STANDARD,
    sida: Number.isFinite(sida) && sida > 1 ? sida : 1,
  };
}

/** The address for a view; commas stay commas (`status=aktiv,ko`), defaults are left out. */
export function skrivAdress(v: Vy): string {
  const delar: Array<[string, string]> = [];
  if (v.urval.status.length) delar.push(['status', v.urval.status.join(',')]);
  if (v.urval.ombud) delar.push(['ombud', v.urval.ombud]);
  if (v.urval.fran) delar.push(['fran', v.urval.fran]);
  if (v.urval.till) delar.push(['till', v.urval.till]);
  if (v.sort !== ARENDE_SORT_STANDARD) delar.push(['sort', v.sort]);
  if (v.sida > 1) delar.push(['sida', String(v.sida)]);
  const s = delar.map(([k, x]) => `${k}=${encodeURIComponent(x).replace(/%2C/gi, ',')}`).join('&');
  return s ? `?${s}` : '';
}

/** The same filters and order as the API takes them (the list and its export). */
function apiUrval(v: Pick<Vy, 'urval' | 'sort'>): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of v.urval.status) p.append('status', s);
  if (v.urval.ombud) p.set('ombud', v.urval.ombud);
  if (v.urval.fran) p.set('fran', v.urval.fran);
  if (v.urval.till) p.set('till', v.urval.till);
  p.set('sort', v.sort);
  return p;
}

const features = serverListFeatures;
const kolumn = createColumnHelper<typeof features, ArendeItem>();
const TOM: ArendeItem[] = [];

const sortering = (sort: ArendeSort): SortingState => [
  { id: sort.startsWith('-') ? sort.slice(1) : sort, desc: sort.startsWith('-') },
];
const losUppdatering = <T,>(u: Updater<T>, nu: T): T =>
  typeof u === 'function' ? (u as (x: T) => T)(nu) : u;

function useKolumner() {
  const { t, lang } = useI18n();
  return useMemo(
    () =>
      kolumn.columns([
        kolumn.accessor((a) => a.klientAlias ?? '', {
          id: 'klient',
          header: t('arenden.col.klient'),
          cell: ({ row }) => {
            const a = row.original;
            return (
              <>
                <Link to={`/klienter/${a.klientId}`}>
                  {a.klientAlias ?? `${t('case.gallrad')} (${a.klientId.slice(0, 8)})`}
                </Link>
                {a.gallrad ? (
                  <>
                    {' '}
                    <GallradBadge />
                  </>
                ) : null}
              </>
            );
          },
        }),
        kolumn.accessor('forfraganDatum', {
          id: 'forfraganDatum',
          header: t('arenden.col.forfragan'),
          sortDescFirst: true,
          cell: ({ row }) => (
            <Link
              to={`/arenden/${row.original.id}`}
              aria-label={t('arenden.oppna', { datum: row.original.forfraganDatum })}
            >
              {row.original.forfraganDatum}
            </Link>
          ),
        }),
        kolumn.accessor('status', {
          id: 'status',
          header: t('arenden.col.status'),
          sortDescFirst: false,
          cell: ({ row }) => <StatusBadge status={row.original.status} />,
        }),
        kolumn.accessor((a) => a.ombud?.displayName ?? '', {
          id: 'ombud',
          header: t('arenden.col.ombud'),
          enableSorting: false,
          cell: ({ row }) =>
            row.original.ombud?.displayName ?? <span className="muted">{t('arenden.ingetOmbud')}</span>,
        }),
        kolumn.accessor((a) => a.vantedagar ?? -1, {
          id: 'vantedagar',
          header: t('arenden.col.vantedagar'),
          sortDescFirst: true,
          cell: ({ row }) => (row.original.vantedagar === null ? '' : formatNumber(row.original.vantedagar)),
        }),
        kolumn.accessor((a) => a.avslutDatum ?? '', {
          id: 'avslutDatum',
          header: t('arenden.col.avslutad'),
          sortDescFirst: true,
          cell: ({ row }) => row.original.avslutDatum ?? '',
        }),
        kolumn.accessor((a) => a.avslutOrsak ?? '', {
          id: 'avslutOrsak',
          header: t('arenden.col.avslutOrsak'),
          enableSorting: false,
          cell: ({ row }) =>
            row.original.avslutOrsak ? etikett(AVSLUT_ORSAK_ETIKETT, row.original.avslutOrsak, lang) : '',
        }),
      ]),
    [t, lang],
  );
}

/**
 * The filter form: edited as a draft, applied with Visa (page 1, the same order). When the address changes
 * (Back, a link, Rensa) the draft follows it; the form stays mounted, so focus stays on Visa.
 */
function UrvalForm({
  urval,
  onVisa,
  ombudId,
}: {
  urval: Urval;
  onVisa: (u: Urval) => void;
  ombudId: string;
}) {
  const { t, lang } = useI18n();
  const ombud = useOmbud(ombudId);
  const [draft, setDraft] = useState<Urval>(urval);
  const nyckel = skrivAdress({ urval, sort: ARENDE_SORT_STANDARD, sida: 1 });
  const [forraNyckel, setForraNyckel] = useState(nyckel);
  if (nyckel !== forraNyckel) {
    setForraNyckel(nyckel);
    setDraft(urval);
  }
  const kanda = new Set(['', 'jag', 'ingen', ...(ombud.data ?? []).map((o) => o.id)]);
  function visa(ev: FormEvent) {
    ev.preventDefault();
    onVisa(draft);
  }
  return (
    <form className="card" onSubmit={visa} aria-labelledby="arenden-urval">
      <h2 id="arenden-urval">{t('arenden.urval')}</h2>
      <div className="grid-form">
        <Kryssrutor
          legend={t('arenden.status')}
          hint={t('arenden.status.hint')}
          options={options(ARENDE_STATUS, ARENDE_STATUS_ETIKETT, lang)}
          value={draft.status}
          onChange={(v) => setDraft((d) => ({ ...d, status: ARENDE_STATUS.filter((s) => v.includes(s)) }))}
        />
        <div>
          <SelectField
            label={t('arenden.ombud')}
            value={draft.ombud}
            onChange={(ev) => setDraft((d) => ({ ...d, ombud: ev.target.value }))}
            options={[
              { value: '', label: t('arenden.ombud.alla') },
              { value: 'jag', label: t('arenden.ombud.jag') },
              { value: 'ingen', label: t('arenden.ombud.ingen') },
              ...(ombud.data ?? []).map((o) => ({ value: o.id, label: o.displayName })),
              ...(kanda.has(draft.ombud) || ombud.isPending
                ? []
                : [{ value: draft.ombud, label: t('arenden.ombud.okant') }]),
            ]}
          />
          <Field
            label={t('arenden.fran')}
            type="date"
            value={draft.fran}
            onChange={(ev) => setDraft((d) => ({ ...d, fran: ev.target.value }))}
          />
          <Field
            label={t('arenden.till')}
            type="date"
            value={draft.till}
            onChange={(ev) => setDraft((d) => ({ ...d, till: ev.target.value }))}
          />
        </div>
      </div>
      <p className="button-row" style={{ justifyContent: 'flex-start', alignItems: 'center' }}>
        <button type="submit">{t('arenden.visa')}</button>
        <Link to="/arenden">{t('arenden.rensa')}</Link>
      </p>
    </form>
  );
}

/** The verksamhet's ärenden: filter, sort and page in the address, so a link opens the list as it was. */
export function Arenden() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const vy = lasAdress(params);
  const filter = apiUrval(vy);
  const sidaUrl = new URLSearchParams(filter);
  sidaUrl.set('limit', String(SIDSTORLEK));
  sidaUrl.set('offset', String((vy.sida - 1) * SIDSTORLEK));
  const lista = useQuery({
    queryKey: ['arenden', v.id, sidaUrl.toString()],
    queryFn: () =>
      api.get<{ total: number; items: ArendeItem[] }>(`${base(v.id!)}/arenden?${sidaUrl.toString()}`),
    enabled: Boolean(v.id),
    // The table stays while the next page or order loads, so the button just pressed keeps its focus; never
    // across an organisation switch.
    placeholderData: (forra, forraQuery) =>
      forraQuery?.queryKey[1] === v.id ? keepPreviousData(forra) : undefined,
  });
  const kolumner = useKolumner();
  const ga = (ny: Vy) => navigate(`${pathname}${skrivAdress(ny)}`);
  const sorting = sortering(vy.sort);
  const pagination: PaginationState = { pageIndex: vy.sida - 1, pageSize: SIDSTORLEK };
  const table = useTable({
    features,
    columns: kolumner,
    data: lista.data?.items ?? TOM,
    getRowId: (a) => a.id,
    state: { sorting, pagination },
    onSortingChange: (u) => {
      const [s] = losUppdatering(u, sorting);
      const sort = s ? `${s.desc ? '-' : ''}${s.id}` : ARENDE_SORT_STANDARD;
      ga({ ...vy, sort: arSort(sort) ? sort : ARENDE_SORT_STANDARD, sida: 1 });
    },
    onPaginationChange: (u) => ga({ ...vy, sida: losUppdatering(u, pagination).pageIndex + 1 }),
    manualSorting: true,
    manualPagination: true,
    rowCount: lista.data?.total ?? 0,
    enableSortingRemoval: false,
    enableMultiSort: false,
    autoResetPageIndex: false,
  });

  if (!v.id) {
    return (
      <Page title={t('arenden.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  const total = lista.data?.total;
  const sidor = table.getPageCount();
  const sortFalt = (vy.sort.startsWith('-') ? vy.sort.slice(1) : vy.sort) as ArendeSortFalt;
  const sortRubrik = kolumner.find((k) => k.id === sortFalt)?.header;
  const caption = t('arenden.caption', {
    kolumn: typeof sortRubrik === 'string' ? sortRubrik : sortFalt,
    riktning: t(vy.sort.startsWith('-') ? 'arenden.fallande' : 'arenden.stigande'),
  });
  const exportUrl = (format: 'csv' | 'xlsx') => {
    const p = new URLSearchParams(filter);
    p.set('format', format);
    return `/api/v1${base(v.id!)}/arenden/export?${p.toString()}`;
  };
  return (
    <Page title={t('arenden.title')}>
      <UrvalForm urval={vy.urval} ombudId={v.id} onVisa={(urval) => ga({ urval, sort: vy.sort, sida: 1 })} />
      <ErrorMessage error={lista.error} />
      <section className="card" aria-labelledby="arenden-antal" aria-busy={lista.isPlaceholderData}>
        <h2 id="arenden-antal" aria-live="polite">
          {total === undefined ? '' : t(pluralKey(lang, 'arenden.antal', total), { n: formatNumber(total) })}
        </h2>
        {lista.isPending && !lista.error ? <Loading /> : null}
        {lista.data && total === 0 ? <p>{t('arenden.tomt')}</p> : null}
        {lista.data && total !== undefined && total > 0 && lista.data.items.length === 0 ? (
          <p>
            {t('arenden.sidanFinnsInte')}{' '}
            <Link to={skrivAdress({ ...vy, sida: 1 })}>{t('arenden.forstaSidan')}</Link>
          </p>
        ) : null}
        {lista.data && lista.data.items.length > 0 ? (
          <ServerTable
            table={table}
            caption={caption}
            numeric={['vantedagar']}
            sida={vy.sida}
            sidor={sidor}
          />
        ) : null}
      </section>
      {lista.data && total !== undefined && total > 0 ? (
        <section className="card" aria-labelledby="arenden-export">
          <h2 id="arenden-export">{t('arenden.export')}</h2>
          <p className="hint">{t('arenden.export.hint')}</p>
          <p className="button-row" style={{ justifyContent: 'flex-start' }}>
            <a className="button secondary" href={exportUrl('csv')} download>
              {t('arenden.export.csv')}
            </a>
            <a className="button secondary" href={exportUrl('xlsx')} download>
              {t('arenden.export.xlsx')}
            </a>
          </p>
        </section>
      ) : null}
    </Page>
  );
}
