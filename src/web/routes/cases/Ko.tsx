import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo } from 'react';
import { Link } from 'react-router';
import { ARENDE_SORT, type ArendeItem, type ArendeSort, type KoStatistik } from '../../../contracts/cases.ts';
import { ARENDE_STATUS_ETIKETT, etikett, PRIORITETSGRUND_ETIKETT } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
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
import { base, Kryssrutor, options, StatusBadge, useVerksamhet } from './common.tsx';

/** Rows per page. */
const SIDSTORLEK = 50;

/** Who is waiting: a request not yet taken up (förfrågan) or put in the queue (kö). */
const VANTAR = ['forfragan', 'ko'] as const;

/** The orders the queue offers: its turn order first (the default), then the ärende list's columns. */
const KO_SORT = ARENDE_SORT.filter((s) => !/avslutDatum|status/.test(s));
const KO_STANDARD: ArendeSort = 'ko';

interface Urval {
  status: Array<(typeof VANTAR)[number]>;
  fran: string;
  till: string;
}

/** The address's filters: status (förfrågan, kö; none = both), fran, till (request dates). */
const URVAL = {
  las: (p: URLSearchParams): Urval => ({
    status: koder(p, 'status', VANTAR),
    fran: p.get('fran') ?? '',
    till: p.get('till') ?? '',
  }),
  skriv: (u: Urval) => delar({ status: u.status.join(','), fran: u.fran, till: u.till }),
};

/** The ärende list's API asked for the waiting ones only: the list and its export. */
const apiUrval = (v: { urval: Urval; sort: ArendeSort }) =>
  fragaParametrar({
    status: v.urval.status.length ? v.urval.status : VANTAR,
    fran: v.urval.fran,
    till: v.urval.till,
    sort: v.sort,
  });

const dagar = (n: number | null) => (n === null ? '–' : formatNumber(n));
const kolumn = createColumnHelper<typeof serverListFeatures, ArendeItem>();

function useKolumner() {
  const { t, lang } = useI18n();
  return useMemo(
    () =>
      kolumn.columns([
        kolumn.accessor((a) => a.klientAlias ?? '', {
          id: 'klient',
          header: t('klient.col.alias'),
          cell: ({ row }) => (
            <Link to={`/arenden/${row.original.id}`}>
              {row.original.klientAlias ?? row.original.id.slice(0, 8)}
            </Link>
          ),
        }),
        kolumn.accessor('status', {
          id: 'status',
          header: t('arende.col.status'),
          enableSorting: false,
          cell: ({ row }) => <StatusBadge status={row.original.status} />,
        }),
        // Sorting on the priority grounds is the queue's turn order (more grounds, then the earliest request).
        kolumn.accessor((a) => a.prioritet.length, {
          id: 'ko',
          header: t('arende.col.prioritet'),
          sortDescFirst: false,
          cell: ({ row }) =>
            row.original.prioritet.map((p) => etikett(PRIORITETSGRUND_ETIKETT, p, lang)).join(', ') || '–',
        }),
        kolumn.accessor('forfraganDatum', {
          id: 'forfraganDatum',
          header: t('arende.col.forfragan'),
          sortDescFirst: false,
        }),
        kolumn.accessor((a) => a.vantedagar ?? -1, {
          id: 'vantedagar',
          header: t('arende.col.vantedagar'),
          sortDescFirst: true,
          cell: ({ row }) => dagar(row.original.vantedagar),
        }),
      ]),
    [t, lang],
  );
}

function UrvalForm({ urval, onVisa }: { urval: Urval; onVisa: (u: Urval) => void }) {
  const { t, lang } = useI18n();
  const [draft, setDraft] = useUtkast(urval, URVAL.skriv);
  function visa(ev: FormEvent) {
    ev.preventDefault();
    onVisa(draft);
  }
  const status = options(VANTAR, ARENDE_STATUS_ETIKETT, lang);
  return (
    <form className="card" onSubmit={visa} aria-labelledby="ko-urval">
      <h2 id="ko-urval">{t('arenden.urval')}</h2>
      <div className="grid-form">
        <Kryssrutor
          legend={t('arenden.status')}
          hint={t('ko.status.hint')}
          options={status}
          value={draft.status}
          onChange={(v) => setDraft((d) => ({ ...d, status: VANTAR.filter((s) => v.includes(s)) }))}
        />
        <div>
          <Period
            draft={draft}
            setDraft={setDraft}
            franLabel={t('arenden.fran')}
            tillLabel={t('arenden.till')}
          />
        </div>
      </div>
      <VisaRensa rensa="/ko" />
    </form>
  );
}

function KoStatistikKort({ data }: { data: KoStatistik }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="ko-stat">
      <h2 id="ko-stat">{t('ko.stat')}</h2>
      <dl className="facts">
        <dt>{t('ko.stat.iKo')}</dt>
        <dd>{formatNumber(data.iKo.antal)}</dd>
        <dt>{t('ko.stat.median')}</dt>
        <dd>{dagar(data.iKo.medianDagar)}</dd>
        <dt>{t('ko.stat.max')}</dt>
        <dd>{dagar(data.iKo.maxDagar)}</dd>
        <dt>{t('ko.stat.startade')}</dt>
        <dd>{formatNumber(data.startadeSenasteAret.antal)}</dd>
        <dt>{t('ko.stat.startadeMedian')}</dt>
        <dd>{dagar(data.startadeSenasteAret.medianDagar)}</dd>
        <dt>{t('ko.stat.startadeMax')}</dt>
        <dd>{dagar(data.startadeSenasteAret.maxDagar)}</dd>
      </dl>
    </section>
  );
}

/**
 * The queue: who is waiting, in turn order unless another order is chosen; filter, order and page in the
 * address (a start-page link opens it as counted), the selection as CSV or Excel through the ärende export.
 */
export function Ko() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const kolumner = useKolumner();
  const stat = useQuery({
    queryKey: ['ko', v.id, 'statistik'],
    queryFn: () => api.get<KoStatistik>(`${base(v.id!)}/ko/statistik`),
    enabled: Boolean(v.id),
  });
  const l = useServerList({
    namn: 'ko',
    scope: v.id,
    urval: URVAL,
    sort: { ordningar: KO_SORT, standard: KO_STANDARD },
    sidstorlek: SIDSTORLEK,
    fraga: sidfraga(apiUrval),
    hamta: (q) => api.get<{ total: number; items: ArendeItem[] }>(`${base(v.id!)}/arenden?${q}`),
    kolumner,
    radId: (a) => a.id,
    enabled: Boolean(v.id),
    caption: t('ko.caption.sorterad'),
  });
  const { vy, lista } = l;
  if (!v.id) {
    return (
      <Page title={t('ko.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  const total = lista.data?.total;
  const caption =
    vy.sort === 'ko' ? t('ko.caption.tur') : vy.sort === '-ko' ? t('ko.caption.omvand') : l.caption;
  return (
    <Page title={t('ko.title')}>
      <p className="lead">{t('ko.lead')}</p>
      <ErrorMessage error={stat.error} />
      {stat.data ? <KoStatistikKort data={stat.data} /> : null}
      <UrvalForm urval={vy.urval} onVisa={l.visa} />
      <ErrorMessage error={lista.error} />
      <ListKort
        id="ko-lista"
        antal={total === undefined ? '' : t(pluralKey(lang, 'ko.antal', total), { n: formatNumber(total) })}
        tom={t('ko.empty')}
        lista={lista}
        sidanFinnsInte={l.sidanFinnsInte}
        forstaSidan={l.forstaSidan}
      >
        <ServerTable
          table={l.table}
          caption={caption}
          numeric={['vantedagar']}
          radbryt={['ko']}
          sida={vy.sida}
          sidor={l.sidor}
        />
      </ListKort>
      {lista.data && total !== undefined && total > 0 ? (
        <ExportKort
          id="ko-export"
          hint={t('ko.export.hint')}
          href={(format) => exportLank(`${base(v.id!)}/arenden/export`, apiUrval(vy), format)}
        />
      ) : null}
    </Page>
  );
}
