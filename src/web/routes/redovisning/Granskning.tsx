import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type GranskningView, LAN_SORT, type LanList, LISTSTATUS } from '../../../contracts/redovisning.ts';
import { ARBETSSATT_AKTIVITETER, ARBETSSATT_FRAGOR } from '../../../domain/redovisning/arbetssatt.ts';
import { api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, SelectField } from '../../components/Field.tsx';
import { ExportKort } from '../../components/ListSections.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { SortRubrik } from '../../components/ServerTable.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber, formatPercent, formatTimestamp, plural } from '../../format.ts';
import { useDomainText, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import {
  AVSNITT,
  alderRader,
  cellId,
  etikett,
  forraAretNu,
  type Granskningsmarkering,
  KON,
  klientRader,
  kommentarEtikett,
  orsakRader,
  StatusBadge,
  visa,
} from './common.tsx';
import { GranskningRapport } from './GranskningRapport.tsx';

/** The Länsstyrelse's list: every verksamhet of the län with the status of its report for the year. */
export function GranskningLista() {
  const { t, lang } = useI18n();
  const { active } = useSession();
  const qc = useQueryClient();
  const [ar, setAr] = useArIUrl(forraAretNu());
  // ?status=inskickad (a start-page link) shows only the reports in that state.
  const [params, setParams] = useSearchParams();
  const status = LISTSTATUS.find((s) => s === params.get('status')) ?? null;
  const sort = LAN_SORT.find((s) => s === params.get('sort')) ?? 'verksamhet';
  /** A heading's order: the same column again turns it round; a new column starts ascending. */
  const sortera = (falt: string) => () =>
    setParams(
      (p) => {
        const ny = sort === falt ? `-${falt}` : falt;
        if (ny === 'verksamhet') p.delete('sort');
        else p.set('sort', ny);
        return p;
      },
      { replace: true },
    );
  const riktning = (falt: string) => (sort === falt ? 'asc' : sort === `-${falt}` ? 'desc' : false);
  const rubrik = (falt: string, text: string, className?: string) => (
    <SortRubrik rubrik={text} riktning={riktning(falt)} onSort={sortera(falt)} className={className} />
  );
  const valjStatus = (s: string) =>
    setParams(
      (p) => {
        if (s) p.set('status', s);
        else p.delete('status');
        return p;
      },
      { replace: true },
    );
  const [valda, setValda] = useState<Set<string>>(new Set());
  const [klart, setKlart] = useState<string | null>(null);
  const [fraga, setFraga] = useState(false);
  const lanKod = active?.organisationTyp === 'lansstyrelse' ? active.lanKod : null;
  const q = useQuery({
    queryKey: ['redovisningar', lanKod, ar, sort],
    queryFn: () => api.get<LanList>(`/lan/${lanKod}/redovisningar?ar=${ar}&sort=${sort}`),
    placeholderData: keepPreviousData,
    enabled: Boolean(lanKod),
  });
  const godkann = useMutation({
    mutationFn: () => api.post<unknown[]>('/redovisningar/godkannande', { ids: [...valda] }),
    onSuccess: async (r) => {
      setKlart(plural(lang, r.length, t('gr.approved.one'), t('gr.approved.other')));
      setValda(new Set());
      await qc.invalidateQueries({ queryKey: ['redovisningar'] });
    },
  });
  return (
    <Page title={t('gr.title', { ar })}>
      {!lanKod ? (
        <p>{t('gr.noLan')}</p>
      ) : (
        <>
          <div className="field" style={{ maxWidth: '12rem' }}>
            <label htmlFor="gr-ar">{t('red.year')}</label>
            <select id="gr-ar" value={ar} onChange={(e) => setAr(Number(e.target.value))}>
              {[1, 2, 3, 0].map((i) => {
                const y = new Date().getFullYear() - i;
                return (
                  <option key={y} value={y}>
                    {y}
                  </option>
                );
              })}
            </select>
          </div>
          <div style={{ maxWidth: '16rem' }}>
            <SelectField
              label={t('red.status')}
              value={status ?? ''}
              onChange={(e) => valjStatus(e.target.value)}
              options={[
                { value: '', label: t('gr.filter.allaStatus') },
                ...LISTSTATUS.map((s) => ({ value: s, label: t(`status.${s}`) })),
              ]}
            />
          </div>
          <ErrorMessage error={godkann.error} />
          {klart ? (
            <p role="status" className="alert alert-ok">
              {klart}
            </p>
          ) : null}
          {q.isPending ? (
            <Loading />
          ) : q.error ? (
            <ErrorMessage error={q.error} />
          ) : (
            <>
              <p>
                {t('red.deadline')}: {q.data.deadline}
              </p>
              {status ? (
                <p>
                  {t('gr.filter.visar', {
                    status: t(`status.${status}`),
                    n: formatNumber(q.data.rader.filter((r) => r.status === status).length),
                    av: formatNumber(q.data.rader.length),
                  })}{' '}
                  <Link to={`?ar=${ar}`} replace>
                    {t('gr.filter.alla')}
                  </Link>
                </p>
              ) : null}
              <TableScroll label={t('gr.list.caption')}>
                <table>
                  <caption>{t('gr.list.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="sr-only">{t('gr.approveSelected')}</span>
                      </th>
                      {rubrik('verksamhet', t('gr.verksamhet'))}
                      {rubrik('status', t('red.status'))}
                      <th scope="col" className="num">
                        {t('gr.version')}
                      </th>
                      {rubrik('inskickad', t('gr.submittedAt'))}
                      {rubrik('klienter', t('gr.lista.klienter'), 'num')}
                      <th scope="col" className="num">
                        {t('gr.lista.nya')}
                      </th>
                      <th scope="col" className="num">
                        {t('gr.lista.sokta')}
                      </th>
                      <th scope="col" className="num">
                        {t('gr.lista.kommentarer')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {q.data.rader
                      .filter((r) => !status || r.status === status)
                      .map((r) => (
                        <tr key={r.verksamhetId}>
                          <td>
                            {r.status === 'inskickad' && r.redovisningId ? (
                              <input
                                type="checkbox"
                                aria-label={t('gr.select', { namn: r.namn })}
                                checked={valda.has(r.redovisningId)}
                                onChange={(e) =>
                                  setValda((s) => {
                                    const n = new Set(s);
                                    if (e.target.checked) n.add(r.redovisningId!);
                                    else n.delete(r.redovisningId!);
                                    return n;
                                  })
                                }
                              />
                            ) : null}
                          </td>
                          <td>
                            {r.redovisningId ? (
                              <Link to={`/redovisning/granskning/${r.redovisningId}`}>{r.namn}</Link>
                            ) : (
                              r.namn
                            )}
                          </td>
                          <td>
                            <StatusBadge status={r.status} />
                            {r.forsenad && r.status !== 'sen' ? ` (${t('red.late')})` : ''}
                          </td>
                          <td className="num">{r.version ?? '–'}</td>
                          <td>{r.inskickadAt ? formatTimestamp(r.inskickadAt) : '–'}</td>
                          <td className="num">{visa(r.nyckeltal?.klienter)}</td>
                          <td className="num">{visa(r.nyckeltal?.nyaKlienter)}</td>
                          <td className="num">{visa(r.nyckeltal?.soktaArsarbetare)}</td>
                          <td className="num">{r.nyckeltal ? formatNumber(r.nyckeltal.kommentarer) : '–'}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableScroll>
              <button
                type="button"
                disabled={valda.size === 0 || godkann.isPending}
                onClick={() => {
                  setKlart(null);
                  setFraga(true);
                }}
              >
                {t('gr.approveSelected')}
              </button>
              <ConfirmDialog
                open={fraga}
                title={t('gr.approveSelected.confirm.title')}
                text={t('gr.approveSelected.confirm.text', {
                  antal: plural(lang, valda.size, t('gr.redovisning.one'), t('gr.redovisning.other')),
                  ar,
                })}
                confirmLabel={t('gr.approveSelected')}
                onCancel={() => setFraga(false)}
                onConfirm={() => {
                  setFraga(false);
                  godkann.mutate();
                }}
              />
              <ExportKort
                id="gr-export"
                hint={t('gr.export.hint')}
                href={(format) =>
                  `/api/v1/lan/${lanKod}/redovisningar/export?${new URLSearchParams({
                    ar: String(ar),
                    sort,
                    ...(status ? { status } : {}),
                    format,
                  })}`
                }
              />
            </>
          )}
        </>
      )}
    </Page>
  );
}

/** The figures and texts a reviewer can comment on, as document paths (shown by their labels). */
function kommentarPaths(
  d: GranskningView['dokument'],
  lang: 'sv' | 'en',
  t: (k: string) => string,
): string[] {
  const rader = [
    ...klientRader(d, undefined, t),
    ...alderRader(d, undefined, lang),
    ...orsakRader(d, undefined, lang),
  ];
  return [
    ...rader.flatMap((r) => KON.map((k) => `${r.path}.${k}`)),
    ...['harKo', 'vantetidMedianDagar', 'vantetidMaxDagar', 'antalIKo3112'].map((k) => `ko.${k}`),
    ...['ombud', 'arsarbetare', 'kvinnor', 'man'].map((k) => `personal.${k}`),
    // Verksamhetens arbetssätt, when the report has the section: each answer, count and text.
    ...(d.arbetssatt
      ? [
          ...ARBETSSATT_FRAGOR.map((k) => `arbetssatt.${k}`),
          ...ARBETSSATT_AKTIVITETER.flatMap((k) => [`arbetssatt.${k}.antal`, `arbetssatt.${k}.text`]),
        ]
      : []),
    ...['forandringarMalgrupp', 'forbattringsarbete', 'atgarderBrister', 'jamstalldhetsanalys'].map(
      (k) => `text.${k}`,
    ),
    'ansokan.arsarbetare',
    ...(d.ansokan.perKommun ?? []).map((_, i) => `ansokan.perKommun.${i}.arsarbetare`),
  ];
}

const KOMMENTAR_TEXT_ID = 'gr-kommentar-text';

/** A value of the version diff in words: figures in Swedish format, yes/no, never JSON. */
const visaVarde = (v: unknown, t: (k: string) => string): string =>
  v === null || v === undefined
    ? '–'
    : typeof v === 'number'
      ? formatNumber(v)
      : typeof v === 'boolean'
        ? t(v ? 'red.yes' : 'red.no')
        : typeof v === 'string'
          ? v
          : Array.isArray(v)
            ? v.map((x) => visaVarde(x, t)).join(', ')
            : '–';

/** One submitted report: figures with last year, the diff against the returned version, comments, decisions. */
export function GranskningDetalj() {
  const { t, lang } = useI18n();
  const domainText = useDomainText();
  const { id } = useParams();
  const qc = useQueryClient();
  const key = ['granskning', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<GranskningView>(`/redovisningar/${id}`) });
  const [kommentar, setKommentar] = useState({ path: '', text: '' });
  const [anledning, setAnledning] = useState('');
  const [klart, setKlart] = useState<string | null>(null);
  const [fraga, setFraga] = useState<'godkann' | 'retur' | null>(null);
  const kommentera = useMutation({
    mutationFn: () =>
      api.post(`/redovisningar/${id}/kommentarer`, {
        text: kommentar.text,
        ...(kommentar.path ? { path: kommentar.path } : {}),
      }),
    onSuccess: async () => {
      setKommentar({ path: '', text: '' });
      setKlart(t('gr.done'));
      await qc.invalidateQueries({ queryKey: key });
    },
  });
  const returnera = useMutation({
    mutationFn: () => api.post<GranskningView>(`/redovisningar/${id}/retur`, { anledning }),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      setKlart(t('gr.done'));
    },
  });
  const godkann = useMutation({
    mutationFn: () => api.post('/redovisningar/godkannande', { ids: [id] }),
    onSuccess: async () => {
      setKlart(t('gr.done'));
      await qc.invalidateQueries({ queryKey: key });
    },
  });
  const v = q.data;
  const d = v?.dokument;
  const pct = (n: number | null) => (n === null ? '–' : formatPercent(n));
  /** Marks on the report: comments per path, changes since the returned version, pick-to-comment. */
  const markering = (view: GranskningView): Granskningsmarkering => {
    const kommentarer = new Map<string, number>();
    for (const k of view.kommentarer) if (k.path) kommentarer.set(k.path, (kommentarer.get(k.path) ?? 0) + 1);
    return {
      kommentarer,
      andrat: new Map((view.diff?.rader ?? []).map((r) => [r.path, { fore: r.fore }])),
      valj: (path) => {
        if (!view.kanGranska) return;
        setKlart(null);
        setKommentar((k) => ({ ...k, path }));
        // The form names what was picked; the reader goes straight on to write.
        document.getElementById(KOMMENTAR_TEXT_ID)?.focus();
      },
    };
  };
  return (
    <Page title={v ? t('gr.review', { namn: v.verksamhet.namn, ar: v.ar }) : t('loading')}>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : v && d ? (
        <>
          <section className="card" aria-labelledby="gr-lage">
            <h2 id="gr-lage">{t('red.status')}</h2>
            <dl className="facts">
              <dt>{t('red.status')}</dt>
              <dd>
                <StatusBadge status={v.status} />
              </dd>
              <dt>{t('gr.version')}</dt>
              <dd>{v.version}</dd>
              <dt>{t('red.deadline')}</dt>
              <dd>
                {v.deadline} ({v.forsenad ? t('red.late') : t('red.onTime')})
              </dd>
            </dl>
          </section>
          {v.varningar.length ? (
            <section className="card" aria-labelledby="gr-varningar">
              <h2 id="gr-varningar">{t('red.varningar')}</h2>
              <p className="hint">{t('gr.varningar.hint')}</p>
              <ul>
                {v.varningar.map((f) => (
                  <li key={`${f.path}-${f.rule}`}>
                    <a href={`#${cellId(f.path)}`}>{etikett(f.path, t, lang)}</a>: {domainText(f.message)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ErrorMessage error={kommentera.error ?? returnera.error ?? godkann.error} />
          {klart ? (
            <p role="status" className="alert alert-ok">
              {klart}
            </p>
          ) : null}
          {v.diff ? (
            <section className="card" aria-labelledby="gr-diff">
              <h2 id="gr-diff">{t('gr.diff', { version: v.diff.motVersion })}</h2>
              {v.diff.rader.length === 0 ? (
                <p>{t('gr.diff.none')}</p>
              ) : (
                <TableScroll label={t('gr.diff', { version: v.diff.motVersion })}>
                  <table>
                    <caption className="sr-only">{t('gr.diff', { version: v.diff.motVersion })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('gr.comment.path')}</th>
                        <th scope="col">{t('gr.diff.before')}</th>
                        <th scope="col">{t('gr.diff.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {v.diff.rader.map((r) => (
                        <tr key={r.path}>
                          <th scope="row">{etikett(r.path, t, lang)}</th>
                          <td>{visaVarde(r.fore, t)}</td>
                          <td>{visaVarde(r.efter, t)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
          ) : null}
          <p>
            {t('gr.ladda')}{' '}
            {(['pdf', 'xlsx'] as const).map((f, i) => (
              <span key={f}>
                {i ? ' · ' : ''}
                <a
                  href={`/api/v1/verksamheter/${v.verksamhet.id}/redovisningar/${v.ar}/dokument/${f}`}
                  download
                >
                  {t(`gr.ladda.${f}`, { version: v.version })}
                </a>
              </span>
            ))}
          </p>
          {v.kanGranska ? <p className="muted">{t('gr.klickaFigur')}</p> : null}
          <GranskningRapport v={v} m={markering(v)} />
          <p>
            {t('red.jamstalldhet.figures', {
              kk: pct(v.andelar.klienterKvinnor),
              km: pct(v.andelar.klienterMan),
              pk: pct(v.andelar.personalKvinnor),
              pm: pct(v.andelar.personalMan),
            })}
          </p>
          <section className="card" aria-labelledby="gr-kommentarer">
            <h2 id="gr-kommentarer">{t('red.comments')}</h2>
            <ul>
              {v.kommentarer.map((k) => (
                <li key={k.id}>
                  <strong>{k.path ? kommentarEtikett(k.path, t, lang) : t('red.comment.whole')}</strong> (v
                  {k.version}, {k.anvandare}, {formatTimestamp(k.at)}): {k.text}
                </li>
              ))}
            </ul>
            {v.kanGranska ? (
              <form
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  setKlart(null);
                  kommentera.mutate();
                }}
                noValidate
              >
                <div className="grid-form">
                  <SelectField
                    label={t('gr.comment.path')}
                    hint={t('gr.comment.path.hint')}
                    value={kommentar.path}
                    options={[
                      { value: '', label: t('red.comment.whole') },
                      // A section the report does not have (arbetssatt in older reports) cannot be commented.
                      ...AVSNITT.filter(([p]) => p in d).map(([p, nyckel]) => ({
                        value: p,
                        label: t(nyckel),
                      })),
                      ...kommentarPaths(d, lang, t).map((p) => ({ value: p, label: etikett(p, t, lang) })),
                    ]}
                    onChange={(e) => setKommentar((k) => ({ ...k, path: e.target.value }))}
                  />
                  <Field
                    id={KOMMENTAR_TEXT_ID}
                    label={t('gr.comment')}
                    value={kommentar.text}
                    onChange={(e) => setKommentar((k) => ({ ...k, text: e.target.value }))}
                  />
                </div>
                <button type="submit" className="secondary" disabled={kommentera.isPending}>
                  {t('gr.comment.add')}
                </button>
              </form>
            ) : null}
          </section>
          {v.kanGranska && v.status === 'inskickad' ? (
            <section className="card" aria-labelledby="gr-beslut">
              <h2 id="gr-beslut">{t('gr.approve')}</h2>
              <button
                type="button"
                onClick={() => {
                  setKlart(null);
                  setFraga('godkann');
                }}
                disabled={godkann.isPending}
              >
                {t('gr.approve')}
              </button>
              <ConfirmDialog
                open={fraga !== null}
                title={t(fraga === 'retur' ? 'gr.return.confirm.title' : 'gr.approve.confirm.title')}
                text={t(fraga === 'retur' ? 'gr.return.confirm.text' : 'gr.approve.confirm.text', {
                  namn: v.verksamhet.namn,
                  ar: v.ar,
                  version: v.version,
                })}
                confirmLabel={t(fraga === 'retur' ? 'gr.return' : 'gr.approve')}
                onCancel={() => setFraga(null)}
                onConfirm={() => {
                  const vad = fraga;
                  setFraga(null);
                  if (vad === 'retur') returnera.mutate();
                  else godkann.mutate();
                }}
              />
              <form
                style={{ marginTop: '1rem' }}
                onSubmit={(e: FormEvent) => {
                  e.preventDefault();
                  setKlart(null);
                  setFraga('retur');
                }}
                noValidate
              >
                <Field
                  label={t('gr.return.reason')}
                  value={anledning}
                  onChange={(e) => setAnledning(e.target.value)}
                />
                <button
                  type="submit"
                  className="secondary"
                  disabled={returnera.isPending || !anledning.trim()}
                >
                  {t('gr.return')}
                </button>
              </form>
            </section>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
