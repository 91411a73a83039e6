import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  KLIENT_SORT,
  KLIENT_SORT_STANDARD,
  KLIENT_STATUS,
  KLIENT_STATUS_ETIKETT,
  type KlientItem,
  type KlientSort,
  type KlientStatus,
} from '../../../contracts/cases.ts';
import { KON, KON_ETIKETT, type Kon } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { ExportKort, ListKort } from '../../components/ListSections.tsx';
import { Page } from '../../components/Page.tsx';
import { ServerTable, type serverListFeatures } from '../../components/ServerTable.tsx';
import { Period, VisaRensa } from '../../components/UrvalDelar.tsx';
import { delar, kod, koder, laddaNer, useServerList, useUtkast } from '../../components/useServerList.ts';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import {
  base,
  GallradBadge,
  Kryssrutor,
  options,
  StatusBadge,
  useEtikett,
  useOmbud,
  useVerksamhet,
  useVerksamhetInfo,
} from './common.tsx';

/** Rows per page. */
const SIDSTORLEK = 50;

/** The filters kept in the address. The search term is not one of them (see UrvalForm below). */
interface Urval {
  status: KlientStatus[];
  /** '' (all), 'jag', 'ingen' or a user id. */
  ombud: string;
  kommunKod: string;
  kon: '' | Kon;
  fran: string;
  till: string;
}

/** The address's filters: status (comma-separated), ombud, kommun, kon, fran, till (then sort, sida). */
const URVAL = {
  las: (p: URLSearchParams): Urval => ({
    status: koder(p, 'status', KLIENT_STATUS),
    ombud: p.get('ombud') ?? '',
    kommunKod: p.get('kommun') ?? '',
    kon: kod(p, 'kon', KON),
    fran: p.get('fran') ?? '',
    till: p.get('till') ?? '',
  }),
  skriv: (u: Urval) =>
    delar({
      status: u.status.join(','),
      ombud: u.ombud,
      kommun: u.kommunKod,
      kon: u.kon,
      fran: u.fran,
      till: u.till,
    }),
};

/** The filters, search term and order as the API takes them (a JSON body: the list and its export). */
function apiUrval(v: { urval: Urval; sort: KlientSort }, q: string) {
  const u = v.urval;
  return {
    ...(q ? { q } : {}),
    ...(u.status.length ? { status: u.status } : {}),
    ...(u.ombud ? { ombud: u.ombud } : {}),
    ...(u.kommunKod ? { kommunKod: u.kommunKod } : {}),
    ...(u.kon ? { kon: u.kon } : {}),
    ...(u.fran ? { fran: u.fran } : {}),
    ...(u.till ? { till: u.till } : {}),
    sort: v.sort,
  };
}

const kolumn = createColumnHelper<typeof serverListFeatures, KlientItem>();

function useKolumner() {
  const { t } = useI18n();
  const e = useEtikett();
  return useMemo(
    () =>
      kolumn.columns([
        kolumn.accessor((k) => k.alias ?? '', {
          id: 'klient',
          header: t('klient.col.alias'),
          sortDescFirst: false,
          cell: ({ row }) => {
            const k = row.original;
            return (
              <>
                <Link to={`/klienter/${k.id}`}>
                  {k.alias ?? `${t('case.gallrad')} (${k.id.slice(0, 8)})`}
                </Link>
                {k.gallrad ? (
                  <>
                    {' '}
                    <GallradBadge />
                  </>
                ) : null}
              </>
            );
          },
        }),
        kolumn.accessor('kon', {
          id: 'kon',
          header: t('klient.col.kon'),
          sortDescFirst: false,
          cell: ({ row }) => e.kon(row.original.kon),
        }),
        kolumn.accessor('fodelsear', {
          id: 'fodelsear',
          header: t('klient.col.fodelsear'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.fodelsear,
        }),
        kolumn.accessor((k) => k.stadsdelsomradeNamn ?? k.kommunNamn, {
          id: 'kommun',
          header: t('klient.col.hem'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.stadsdelsomradeNamn ?? row.original.kommunNamn,
        }),
        kolumn.accessor((k) => k.forstaKontakt ?? '', {
          id: 'forstaKontakt',
          header: t('klienter.col.forstaKontakt'),
          sortDescFirst: true,
          cell: ({ row }) => row.original.forstaKontakt ?? '',
        }),
        kolumn.accessor((k) => k.senasteArende?.status ?? '', {
          id: 'status',
          header: t('klient.col.status'),
          sortDescFirst: false,
          cell: ({ row }) => {
            const s = row.original.senasteArende;
            return s ? (
              <>
                <StatusBadge status={s.status} /> {s.forfraganDatum}
              </>
            ) : (
              ''
            );
          },
        }),
        kolumn.accessor((k) => k.senasteArende?.ombud?.displayName ?? '', {
          id: 'ombud',
          header: t('klient.col.ombud'),
          sortDescFirst: false,
          cell: ({ row }) => row.original.senasteArende?.ombud?.displayName ?? '',
        }),
      ]),
    [t, e],
  );
}

/**
 * The filter form: edited as a draft, applied with Visa (page 1, the same order). The search term lives
 * in the page only: an alias fragment must not reach the address (history, proxies, logs).
 */
function UrvalForm({
  urval,
  sok,
  onVisa,
  onRensa,
  verksamhetId,
}: {
  urval: Urval;
  sok: string;
  onVisa: (u: Urval, sok: string) => void;
  /** Rensa empties the search term too (the address holds everything else). */
  onRensa: () => void;
  verksamhetId: string;
}) {
  const { t, lang } = useI18n();
  const ombud = useOmbud(verksamhetId);
  const info = useVerksamhetInfo(verksamhetId);
  const [draft, setDraft] = useUtkast(urval, URVAL.skriv);
  const [sokDraft, setSokDraft] = useState(sok);
  const kanda = new Set(['', 'jag', 'ingen', ...(ombud.data ?? []).map((o) => o.id)]);
  const kommuner = new Map((info.data?.omraden ?? []).map((o) => [o.kommunKod, o.kommunNamn]));
  function visa(ev: FormEvent) {
    ev.preventDefault();
    onVisa(draft, sokDraft.trim());
  }
  return (
    <form className="card" onSubmit={visa} aria-labelledby="klient-urval">
      <h2 id="klient-urval">{t('arenden.urval')}</h2>
      <div className="grid-form">
        <div style={KOLUMN}>
          <Field
            label={t('klient.list.search')}
            type="search"
            value={sokDraft}
            maxLength={60}
            hint={t('klienter.sok.hint')}
            onChange={(ev) => setSokDraft(ev.target.value)}
          />
          <Kryssrutor
            legend={t('klienter.status')}
            hint={t('klienter.status.hint')}
            options={options(KLIENT_STATUS, KLIENT_STATUS_ETIKETT, lang)}
            value={draft.status}
            onChange={(v) => setDraft((d) => ({ ...d, status: KLIENT_STATUS.filter((s) => v.includes(s)) }))}
          />
        </div>
        <div style={KOLUMN}>
          <SelectField
            label={t('klienter.ombud')}
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
          <SelectField
            label={t('klienter.kommun')}
            value={draft.kommunKod}
            onChange={(ev) => setDraft((d) => ({ ...d, kommunKod: ev.target.value }))}
            options={[
              { value: '', label: t('klienter.kommun.alla') },
              ...[...kommuner].map(([kod, namn]) => ({ value: kod, label: namn })),
              ...(!draft.kommunKod || kommuner.has(draft.kommunKod) || info.isPending
                ? []
                : [{ value: draft.kommunKod, label: draft.kommunKod }]),
            ]}
          />
          <SelectField
            label={t('klienter.kon')}
            value={draft.kon}
            onChange={(ev) => setDraft((d) => ({ ...d, kon: ev.target.value as Urval['kon'] }))}
            options={[{ value: '', label: t('klienter.kon.alla') }, ...options(KON, KON_ETIKETT, lang)]}
          />
          <Period
            draft={draft}
            setDraft={setDraft}
            franLabel={t('klienter.fran')}
            tillLabel={t('klienter.till')}
          />
        </div>
      </div>
      <VisaRensa
        rensa="/klienter"
        visa={t('klient.list.visa')}
        onRensa={() => {
          setSokDraft('');
          onRensa();
        }}
      />
    </form>
  );
}

/** The verksamhet's clients: filters, order and page in the address; the search term in the page only. */
export function Klienter() {
  const { t, lang } = useI18n();
  const v = useVerksamhet();
  const [sok, setSok] = useState('');
  const [exportFel, setExportFel] = useState<unknown>(null);
  const kolumner = useKolumner();
  const l = useServerList({
    namn: 'klienter',
    scope: v.id,
    urval: URVAL,
    sort: { ordningar: KLIENT_SORT, standard: KLIENT_SORT_STANDARD },
    sidstorlek: SIDSTORLEK,
    fraga: (vy) => ({ ...apiUrval(vy, sok), limit: vy.limit, offset: vy.offset }),
    hamta: (body) =>
      api.post<{ total: number; gallrade: number; items: KlientItem[] }>(`${base(v.id!)}/klienter/sok`, body),
    kolumner,
    radId: (k) => k.id,
    enabled: Boolean(v.id),
    caption: t('klienter.caption'),
  });
  const { vy, lista } = l;

  if (!v.id) {
    return (
      <Page title={t('klient.list.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  const total = lista.data?.total;
  const gallrade = lista.data?.gallrade ?? 0;
  const exportera = (format: 'csv' | 'xlsx') => {
    setExportFel(null);
    laddaNer(`${base(v.id!)}/klienter/export`, { ...apiUrval(vy, sok), format }, `klienter.${format}`).catch(
      setExportFel,
    );
  };
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
      <UrvalForm
        urval={vy.urval}
        sok={sok}
        verksamhetId={v.id}
        onRensa={() => setSok('')}
        onVisa={(urval, q) => {
          setSok(q);
          l.visa(urval);
        }}
      />
      <ErrorMessage error={lista.error} />
      <ListKort
        id="klient-lista"
        // The count is the filtered result's, the purged among them included: never the whole verksamhet's.
        antal={
          total === undefined
            ? ''
            : gallrade > 0
              ? t(pluralKey(lang, 'klient.list.antalGallrade', total), {
                  n: formatNumber(total),
                  g: formatNumber(gallrade),
                })
              : t(pluralKey(lang, 'klient.list.antal', total), { n: formatNumber(total) })
        }
        tom={sok ? t('klient.list.ingenTraff') : t('klient.list.empty')}
        lista={lista}
        sidanFinnsInte={l.sidanFinnsInte}
        forstaSidan={l.forstaSidan}
      >
        <ServerTable
          table={l.table}
          caption={l.caption}
          numeric={['fodelsear']}
          sida={vy.sida}
          sidor={l.sidor}
        />
      </ListKort>
      {lista.data && total !== undefined && total > 0 ? (
        <ExportKort
          id="klient-export"
          hint={t('klienter.export.hint')}
          fel={exportFel}
          exportera={exportera}
        />
      ) : null}
    </Page>
  );
}

/** The form's two columns start at the top (the grid centres them otherwise). */
const KOLUMN = { alignSelf: 'start' } as const;
