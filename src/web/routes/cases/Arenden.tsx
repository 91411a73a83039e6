import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo } from 'react';
import { Link } from 'react-router';
import {
  ARENDE_SORT,
  ARENDE_SORT_STANDARD,
  type ArendeItem,
  type ArendeSort,
  AVSLUT_ORSAK_ETIKETT,
} from '../../../contracts/cases.ts';
import { ARENDE_STATUS, ARENDE_STATUS_ETIKETT, type ArendeStatus, etikett } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField } from '../../components/Field.tsx';
import { ExportKort, ListKort } from '../../components/ListSections.tsx';
import { Page } from '../../components/Page.tsx';
import { ServerTable, type serverListFeatures } from '../../components/ServerTable.tsx';
import { Period, VisaRensa } from '../../components/UrvalDelar.tsx';
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
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { base, GallradBadge, Kryssrutor, options, StatusBadge, useOmbud, useVerksamhet } from './common.tsx';

/** Rows per page. */
const SIDSTORLEK = 50;

/** What the list shows besides order and page: the filters, in the address. */
interface Urval {
  status: ArendeStatus[];
  /** '' (all), 'jag', 'ingen' or a user id. */
  ombud: string;
  fran: string;
  till: string;
}

/**
 * The address's filters: status (codes, comma-separated), ombud, fran, till (then sort and sida, see
 * useServerList). Unknown status codes are dropped rather than sent; dates go to the API, which says in
 * words what is wrong with one.
 */
const URVAL = {
  las: (p: URLSearchParams): Urval => ({
    status: koder(p, 'status', ARENDE_STATUS),
    ombud: p.get('ombud') ?? '',
    fran: p.get('fran') ?? '',
    till: p.get('till') ?? '',
  }),
  skriv: (u: Urval) => delar({ status: u.status.join(','), ombud: u.ombud, fran: u.fran, till: u.till }),
};

/** The same filters and order as the API takes them (the list and its export). */
const apiUrval = (v: { urval: Urval; sort: ArendeSort }) =>
  fragaParametrar({
    status: v.urval.status,
    ombud: v.urval.ombud,
    fran: v.urval.fran,
    till: v.urval.till,
    sort: v.sort,
  });

const kolumn = createColumnHelper<typeof serverListFeatures, ArendeItem>();

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
  const [draft, setDraft] = useUtkast(urval, URVAL.skriv);
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
          <Period
            draft={draft}
            setDraft={setDraft}
            franLabel={t('arenden.fran')}
            tillLabel={t('arenden.till')}
          />
        </div>
      </div>
      <VisaRensa rensa="/arenden" />
    </form>
  );
}

/** The verksamhet's ärenden: filter, sort and page in the address, so a link opens the list as it was. */
export function Arenden() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const kolumner = useKolumner();
  const l = useServerList({
    namn: 'arenden',
    scope: v.id,
    urval: URVAL,
    sort: { ordningar: ARENDE_SORT, standard: ARENDE_SORT_STANDARD },
    sidstorlek: SIDSTORLEK,
    fraga: sidfraga(apiUrval),
    hamta: (q) => api.get<{ total: number; items: ArendeItem[] }>(`${base(v.id!)}/arenden?${q}`),
    kolumner,
    radId: (a) => a.id,
    enabled: Boolean(v.id),
    caption: t('arenden.caption'),
  });
  const { vy, lista } = l;

  if (!v.id) {
    return (
      <Page title={t('arenden.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  const total = lista.data?.total;
  const exportUrl = (format: 'csv' | 'xlsx') =>
    exportLank(`${base(v.id!)}/arenden/export`, apiUrval(vy), format);
  return (
    <Page title={t('arenden.title')}>
      <UrvalForm urval={vy.urval} ombudId={v.id} onVisa={l.visa} />
      <ErrorMessage error={lista.error} />
      <ListKort
        id="arenden-antal"
        antal={
          total === undefined ? '' : t(pluralKey(lang, 'arenden.antal', total), { n: formatNumber(total) })
        }
        tom={t('arenden.tomt')}
        lista={lista}
        sidanFinnsInte={l.sidanFinnsInte}
        forstaSidan={l.forstaSidan}
      >
        <ServerTable
          table={l.table}
          caption={l.caption}
          numeric={['vantedagar']}
          sida={vy.sida}
          sidor={l.sidor}
        />
      </ListKort>
      {lista.data && total !== undefined && total > 0 ? (
        <ExportKort id="arenden-export" hint={t('arenden.export.hint')} href={exportUrl} />
      ) : null}
    </Page>
  );
}
