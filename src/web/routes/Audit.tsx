import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { AuditList } from '../../contracts/audit.ts';
import { AUDIT_HANDELSER, AUDIT_OBJEKT } from '../../contracts/audit-ord.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SelectField } from '../components/Field.tsx';
import { ExportKort } from '../components/ListSections.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { TableScroll } from '../components/TableScroll.tsx';
import { Period, VisaRensa } from '../components/UrvalDelar.tsx';
import {
  type Adressdelar,
  delar,
  exportLank,
  fragaParametrar,
  kod,
  useListAdress,
  useListFraga,
  useUtkast,
} from '../components/useServerList.ts';
import { formatNumber, formatTimestamp } from '../format.ts';
import { useI18n } from '../i18n/index.tsx';
import { pluralKey } from '../i18n/plural.ts';

/** Entries per page. */
const SIDSTORLEK = 100;

/** What the log shows: the filters and where in the log (keyset: before or after an entry), in the address. */
interface Urval {
  anvandare: string;
  handelse: string;
  objekt: string;
  fran: string;
  till: string;
}
interface Vy {
  urval: Urval;
  fore: number | null;
  efter: number | null;
}

const HANDELSER = Object.keys(AUDIT_HANDELSER);
const OBJEKT = Object.keys(AUDIT_OBJEKT);

const nummer = (s: string | null) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : null;
};

function lasAdress(p: URLSearchParams): Vy {
  const fore = nummer(p.get('fore'));
  return {
    urval: {
      anvandare: p.get('anvandare') ?? '',
      // Unknown codes are dropped rather than sent; dates go to the API, which says what is wrong in words.
      handelse: kod(p, 'handelse', HANDELSER),
      objekt: kod(p, 'objekt', OBJEKT),
      fran: p.get('fran') ?? '',
      till: p.get('till') ?? '',
    },
    fore,
    efter: fore === null ? nummer(p.get('efter')) : null,
  };
}

const skrivUrval = (u: Urval) =>
  delar({ anvandare: u.anvandare, handelse: u.handelse, objekt: u.objekt, fran: u.fran, till: u.till });
const skrivAdress = (v: Vy): Adressdelar => [
  ...skrivUrval(v.urval),
  ...delar(v.fore !== null ? { fore: String(v.fore) } : { efter: v.efter === null ? '' : String(v.efter) }),
];

/** The filters as the API takes them (the list and its export). */
const apiUrval = (u: Urval) =>
  fragaParametrar({
    userId: u.anvandare,
    handelse: u.handelse,
    objekt: u.objekt,
    fran: u.fran,
    till: u.till,
  });

type Anvandare = { id: string; username: string; displayName: string };

function UrvalForm({ urval, onVisa }: { urval: Urval; onVisa: (u: Urval) => void }) {
  const { t, lang } = useI18n();
  // The people to choose among: the first 500 by name (the API's largest page).
  const anvandare = useQuery({
    queryKey: ['users', 'valj'],
    queryFn: () => api.get<{ items: Anvandare[] }>('/users?limit=500').then((d) => d.items),
  });
  const [draft, setDraft] = useUtkast(urval, skrivUrval);
  const i = lang === 'en' ? 1 : 0;
  const ord = (m: Record<string, [string, string]>) =>
    Object.entries(m)
      .map(([value, text]) => ({ value, label: text[i] }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  const personer = [...(anvandare.data ?? [])].sort((a, b) =>
    a.displayName.localeCompare(b.displayName, 'sv'),
  );
  const kand = !draft.anvandare || personer.some((p) => p.id === draft.anvandare) || anvandare.isPending;
  function visa(ev: FormEvent) {
    ev.preventDefault();
    onVisa(draft);
  }
  return (
    <form className="card" onSubmit={visa} aria-labelledby="logg-urval">
      <h2 id="logg-urval">{t('audit.urval')}</h2>
      <div className="grid-form">
        <div style={KOLUMN}>
          <SelectField
            label={t('audit.anvandare')}
            value={draft.anvandare}
            onChange={(ev) => setDraft((d) => ({ ...d, anvandare: ev.target.value }))}
            options={[
              { value: '', label: t('audit.anvandare.alla') },
              ...personer.map((p) => ({ value: p.id, label: `${p.displayName} (${p.username})` })),
              ...(kand ? [] : [{ value: draft.anvandare, label: t('audit.anvandare.okand') }]),
            ]}
          />
          <SelectField
            label={t('audit.handelse')}
            value={draft.handelse}
            onChange={(ev) => setDraft((d) => ({ ...d, handelse: ev.target.value }))}
            options={[{ value: '', label: t('audit.handelse.alla') }, ...ord(AUDIT_HANDELSER)]}
          />
          <SelectField
            label={t('audit.objekt')}
            value={draft.objekt}
            onChange={(ev) => setDraft((d) => ({ ...d, objekt: ev.target.value }))}
            options={[{ value: '', label: t('audit.objekt.alla') }, ...ord(AUDIT_OBJEKT)]}
          />
        </div>
        <div style={KOLUMN}>
          <Period draft={draft} setDraft={setDraft} franLabel={t('audit.fran')} tillLabel={t('audit.till')} />
        </div>
      </div>
      <VisaRensa rensa="/logg" />
    </form>
  );
}

/** The audit log: filters and position in the address, newest first, paged by entry number. */
export function Audit() {
  const { t, lang } = useI18n();
  const { vy, ga, lank } = useListAdress(lasAdress, skrivAdress);
  const filter = apiUrval(vy.urval);
  const sidaUrl = new URLSearchParams(filter);
  sidaUrl.set('limit', String(SIDSTORLEK));
  if (vy.fore !== null) sidaUrl.set('before', String(vy.fore));
  if (vy.efter !== null) sidaUrl.set('after', String(vy.efter));
  const q = useListFraga({
    namn: 'audit',
    fraga: sidaUrl.toString(),
    hamta: (f) => api.get<AuditList>(`/audit?${f}`),
  });
  // Codes in words (contracts/audit-ord.ts); an event the list does not know yet is shown by its code.
  const ord = (prefix: string, code: string) => {
    const key = `${prefix}.${code}`;
    const text = t(key);
    return text === key ? code : text;
  };
  const data = q.data;
  const forsta = data?.items[0];
  const sista = data?.items.at(-1);
  const nyare = data ? data.nyare > 0 : false;
  const aldre = data ? data.nyare + data.items.length < data.total : false;
  const exportUrl = (format: 'csv' | 'xlsx') => exportLank('/audit/export', filter, format);
  return (
    <Page title={t('audit.title')}>
      <p>{t('audit.intro')}</p>
      <UrvalForm urval={vy.urval} onVisa={(urval) => ga({ urval, fore: null, efter: null })} />
      <ErrorMessage error={q.error} />
      <section className="card" aria-labelledby="logg-antal" aria-busy={q.isPlaceholderData}>
        <h2 id="logg-antal" aria-live="polite">
          {data ? t(pluralKey(lang, 'audit.antal', data.total), { n: formatNumber(data.total) }) : ''}
        </h2>
        {q.isPending && !q.error ? <Loading /> : null}
        {data && data.items.length === 0 ? <p>{t('audit.tomt')}</p> : null}
        {data && data.items.length > 0 ? (
          <>
            <p className="hint">
              {t('audit.visar', {
                fran: formatNumber(data.nyare + 1),
                till: formatNumber(data.nyare + data.items.length),
                antal: formatNumber(data.total),
              })}
            </p>
            <TableScroll label={t('audit.title')}>
              <table>
                <caption className="sr-only">{t('audit.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('col.tid')}</th>
                    <th scope="col">{t('col.vem')}</th>
                    <th scope="col">{t('col.handelse')}</th>
                    <th scope="col">{t('col.objekt')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(r.at)}</td>
                      <td>{r.displayName ?? r.username ?? '–'}</td>
                      <td>{ord('audit.handelse', r.action)}</td>
                      <td>{r.resourceType ? ord('audit.objekt', r.resourceType) : '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            {nyare || aldre ? (
              <nav
                aria-label={t('arenden.sidor')}
                className="button-row"
                style={{ justifyContent: 'flex-start', alignItems: 'center', flexWrap: 'wrap' }}
              >
                <button
                  type="button"
                  className="secondary"
                  onClick={() => nyare && forsta && ga({ ...vy, fore: null, efter: forsta.id })}
                  {...avstangd(!nyare)}
                >
                  {t('audit.nyare')}
                </button>
                <button
                  type="button"
                  className="secondary"
                  onClick={() => aldre && sista && ga({ ...vy, fore: sista.id, efter: null })}
                  {...avstangd(!aldre)}
                >
                  {t('audit.aldre')}
                </button>
                {nyare ? (
                  <Link to={lank({ ...vy, fore: null, efter: null })}>{t('audit.senaste')}</Link>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
      {data && data.total > 0 ? (
        <ExportKort
          id="logg-export"
          rubrik={t('audit.export')}
          hint={t('audit.export.hint')}
          href={exportUrl}
        />
      ) : null}
    </Page>
  );
}

/** A paging button that cannot be used now: aria-disabled, so the button just pressed keeps the focus. */
const avstangd = (nej: boolean) =>
  nej ? { 'aria-disabled': true as const, style: { opacity: 0.6, cursor: 'not-allowed' } } : {};

/** The form's two columns start at the top (the grid centres them otherwise). */
const KOLUMN = { alignSelf: 'start' } as const;
