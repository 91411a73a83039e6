import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, Fragment, useEffect, useMemo, useState } from 'react';
import type { RedovisningView, SaveRedovisning } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { type Arbetssatt, tomtArbetssatt } from '../../../domain/redovisning/arbetssatt.ts';
import { valideraDokument, varningar } from '../../../domain/redovisning/dokumentregler.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Field, TextArea } from '../../components/Field.tsx';
import { type NumberChange, NumberInput } from '../../components/NumberInput.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatPercent, formatTimestamp } from '../../format.ts';
import { useDomainText, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import { ArbetssattFormular, ArbetssattVisning } from './Arbetssatt.tsx';
import { BeslutOmStatsbidrag } from './Beslut.tsx';
import {
  AlderSumma,
  alderRader,
  cellId,
  etikett,
  forraAretNu,
  GTabell,
  type Kon,
  klientRader,
  kommentarAnkare,
  kommentarEtikett,
  orsakRader,
  StatusBadge,
  visa,
} from './common.tsx';
import { PerKommun } from './PerKommun.tsx';

type Fel = RedovisningView['validering'][number];
type Utkast = Pick<RedovisningV1, 'klienter' | 'kontaktorsaker' | 'ko' | 'personal' | 'ansokan' | 'text'> & {
  arbetssatt: Arbetssatt;
};
const TEXTER = [
  'forandringarMalgrupp',
  'forbattringsarbete',
  'atgarderBrister',
  'jamstalldhetsanalys',
] as const;

function utkastFran(v: RedovisningView): Utkast {
  const d = v.dokument;
  return structuredClone({
    klienter: d.klienter,
    kontaktorsaker: d.kontaktorsaker,
    ko: d.ko,
    personal: d.personal,
    ansokan: d.ansokan,
    text: { atgarderBrister: '', ...d.text },
    // A document from before the section existed: the form starts it unanswered (saved with the draft).
    arbetssatt: { ...tomtArbetssatt(), ...(d.arbetssatt as Partial<Arbetssatt> | undefined) },
  });
}

/** The first message per path: the cell shows one message, the list may hold several. */
function felPerPath(fel: readonly Fel[]): Record<string, string> {
  const ut: Record<string, string> = {};
  for (const f of fel) ut[f.path] ??= f.message;
  return ut;
}

function Formular({ v, ar }: { v: RedovisningView; ar: number }) {
  const { t, lang } = useI18n();
  const domainText = useDomainText();
  const qc = useQueryClient();
  const [u, setU] = useState<Utkast>(() => utkastFran(v));
  // Paths whose text is not a number: the draft cannot be saved until they are corrected.
  const [ogiltiga, setOgiltiga] = useState<ReadonlySet<string>>(new Set());
  const [meddelande, setMeddelande] = useState<string | null>(null);
  const [fraga, setFraga] = useState(false);
  const [forsok, setForsok] = useState(0);
  useEffect(() => {
    setU(utkastFran(v));
    setOgiltiga(new Set());
  }, [v]);
  const las = !v.kanAndra;
  const key = ['redovisning', v.verksamhet.id, ar];
  const base = `/verksamheter/${v.verksamhet.id}/redovisningar/${ar}`;
  const save = useMutation({
    mutationFn: () => api.put<RedovisningView>(base, u satisfies SaveRedovisning),
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      setMeddelande(t('red.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api.put<RedovisningView>(base, u);
      return api.post<RedovisningView>(`${base}/inskickning`);
    },
    onSuccess: (data) => {
      qc.setQueryData(key, data);
      setMeddelande(t('red.submitted', { version: data.versioner.at(-1)?.version ?? 1 }));
    },
  });
  const recompute = useMutation({
    mutationFn: () => api.post<RedovisningView>(`${base}/berakning`),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
  const err = submit.error ?? save.error ?? recompute.error;
  const fe = err instanceof ApiError ? err.fieldErrors() : {};
  // The server's own rules (domain validation plus the ansökan and narrative rules) run on the screen's
  // figures as they are typed; a read-only view shows what the server found in the stored document.
  const skarm: Fel[] = useMemo(() => {
    // The rules speak Swedish; in English each sentence goes through the English table.
    const iSprak = (fel: Fel[]) => fel.map((f) => ({ ...f, message: domainText(f.message) }));
    if (las) return iSprak(v.validering);
    const raderMedFel = [...ogiltiga].map((p) => p.slice(0, p.lastIndexOf('.')));
    return [
      ...[...ogiltiga].map((path) => ({ path, rule: 'tal', message: t('red.cell.notANumber') })),
      // A cell that is not a number has its own message; the rules cannot judge its row meanwhile.
      ...iSprak(
        valideraDokument({ ...v.dokument, ...u }, { kravText: true, forraAret: v.forraArSiffror }).filter(
          (f) =>
            !raderMedFel.some((r) => f.path === r || f.path.startsWith(`${r}.`)) &&
            !f.message.includes('NaN'),
        ),
      ),
    ];
  }, [las, v, u, ogiltiga, t, domainText]);
  const fel = felPerPath(skarm);
  // Checks across years that can be right: listed, never blocking.
  const attKontrollera: Fel[] = useMemo(
    () =>
      (las ? v.varningar : varningar({ ...v.dokument, ...u }, v.forraArSiffror))
        .filter((f) => !f.message.includes('NaN'))
        .map((f) => ({ ...f, message: domainText(f.message) })),
    [las, v, u, domainText],
  );
  const fore = v.forraAret?.dokument;
  const markera = (path: string, ogiltig: boolean) =>
    setOgiltiga((s) => {
      if (s.has(path) === ogiltig) return s;
      const n = new Set(s);
      if (ogiltig) n.add(path);
      else n.delete(path);
      return n;
    });
  /** A by-gender row: the typed gender, and totalt as the sum of the genders. */
  const setG =
    (block: 'klienter' | 'kontaktorsaker' | 'alder') => (rad: string, kon: Kon, c: NumberChange) => {
      const prefix = block === 'alder' ? `klienter.alder.${rad}` : `${block}.${rad}`;
      markera(`${prefix}.${kon}`, c.invalid);
      setU((x) => {
        const y = structuredClone(x);
        const tabell = (block === 'alder' ? y.klienter.alder : y[block]) as Record<
          string,
          Record<Kon, number>
        >;
        const g = tabell[rad]!;
        g[kon] = c.invalid ? Number.NaN : (c.value ?? 0);
        g.totalt = g.kvinna + g.man + g.annan;
        // Figures typed by hand no longer match the split per kommun counted from the casework.
        delete y.klienter.perKommun;
        delete y.klienter.perStadsdelsomrade;
        return y;
      });
    };
  const setKo = (patch: Partial<Utkast['ko']>) => setU((x) => ({ ...x, ko: { ...x.ko, ...patch } }));
  const a = v.andelar;
  const pct = (n: number | null) => (n === null ? '–' : formatPercent(n));
  const notANumber = t('red.cell.notANumber');
  const felText = (path: string) => fe[path] ?? fel[path];

  function onSave(e: FormEvent) {
    e.preventDefault();
    setMeddelande(null);
    if (ogiltiga.size) {
      setForsok((n) => n + 1);
      return;
    }
    save.mutate();
  }

  function fragaSkickaIn() {
    setMeddelande(null);
    if (skarm.length) {
      setForsok((n) => n + 1);
      return;
    }
    setFraga(true);
  }

  const sammanfattning = forsok
    ? skarm.map((f) => ({ field: f.path, label: etikett(f.path, t, lang), message: f.message }))
    : [];

  return (
    <form onSubmit={onSave} noValidate>
      <ErrorMessage error={err} />
      <ErrorSummary errors={sammanfattning} focusKey={forsok} />
      {meddelande ? (
        <p role="status" className="alert alert-ok">
          {meddelande}
        </p>
      ) : null}

      <section className="card" aria-labelledby="siffror">
        <h2 id="siffror">{t('red.figures')}</h2>
        <p className="muted">
          {v.forraAret ? t(`red.lastYear.source.${v.forraAret.kalla}`) : t('red.lastYear.none')}
        </p>
        {las ? null : <p className="hint">{t('red.figures.hint')}</p>}
        <GTabell
          caption={t('red.figures.caption', { ar })}
          ar={ar}
          rader={klientRader(u, fore, t)}
          fel={fel}
          onChange={las ? undefined : setG('klienter')}
        />
        <GTabell
          caption={t('red.alder', { ar })}
          ar={ar}
          rader={alderRader(u, fore, lang)}
          fel={fel}
          onChange={las ? undefined : setG('alder')}
          fot={<AlderSumma d={u} fel={fel} />}
        />
        <PerKommun v={v} klienter={u.klienter} />
        <GTabell
          caption={t('red.orsaker')}
          ar={ar}
          rader={orsakRader(u, fore, lang)}
          fel={fel}
          onChange={las ? undefined : setG('kontaktorsaker')}
        />
        <table>
          <caption>{t('red.ko')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('red.row')}</th>
              <th scope="col" className="num">
                {ar}
              </th>
              <th scope="col" className="num">
                {ar - 1}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('red.ko.harKo')}</th>
              <td className="num">
                {las ? (
                  u.ko.harKo ? (
                    t('red.yes')
                  ) : (
                    t('red.no')
                  )
                ) : (
                  <input
                    type="checkbox"
                    aria-label={t('red.ko.harKo')}
                    checked={u.ko.harKo}
                    onChange={(e) => setKo({ harKo: e.target.checked })}
                  />
                )}
              </td>
              <td className="num">{fore?.ko ? (fore.ko.harKo ? t('red.yes') : t('red.no')) : '–'}</td>
            </tr>
            {(
              [
                ['vantetidMedianDagar', 'red.ko.median'],
                ['vantetidMaxDagar', 'red.ko.max'],
                ['antalIKo3112', 'red.ko.3112'],
              ] as const
            ).map(([falt, etikettNyckel]) => {
              const path = `ko.${falt}`;
              return (
                <tr key={falt}>
                  <th scope="row">{t(etikettNyckel)}</th>
                  <td className={fel[path] ? 'num cell-invalid' : 'num'}>
                    {las ? (
                      visa(u.ko[falt])
                    ) : (
                      <NumberInput
                        id={cellId(path)}
                        hiddenLabel
                        className="cell-input"
                        label={t(etikettNyckel)}
                        value={u.ko[falt]}
                        notANumber={notANumber}
                        error={fel[path]}
                        onChange={(c) => {
                          markera(path, c.invalid);
                          // Empty means "not reported" for the waiting times (null), zero for the queue.
                          const n = c.invalid ? Number.NaN : c.value;
                          setKo(falt === 'antalIKo3112' ? { antalIKo3112: n ?? 0 } : { [falt]: n });
                        }}
                      />
                    )}
                  </td>
                  <td className="num">{visa(fore?.ko?.[falt])}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {!las && v.kalla !== 'import' ? (
          <button
            type="button"
            className="secondary"
            onClick={() => recompute.mutate()}
            disabled={recompute.isPending}
          >
            {t('red.recompute')}
          </button>
        ) : null}
      </section>

      <section className="card" aria-labelledby="personal">
        <h2 id="personal">{t('red.personal')}</h2>
        {las ? (
          <dl className="facts">
            {(['ombud', 'arsarbetare', 'kvinnor', 'man'] as const).map((k) => (
              <Fragment key={k}>
                <dt>{t(`red.personal.${k}`)}</dt>
                <dd>{visa(u.personal[k])}</dd>
              </Fragment>
            ))}
          </dl>
        ) : (
          <>
            {fel.personal ? (
              <p id={cellId('personal')} className="field-error" tabIndex={-1}>
                {fel.personal}
              </p>
            ) : null}
            <div className="grid-form">
              {(['ombud', 'arsarbetare', 'kvinnor', 'man'] as const).map((k) => (
                <NumberInput
                  key={k}
                  id={cellId(`personal.${k}`)}
                  label={t(`red.personal.${k}`)}
                  value={u.personal[k]}
                  notANumber={t(k === 'arsarbetare' ? 'red.arsarbetare.notANumber' : 'red.cell.notANumber')}
                  error={felText(`personal.${k}`)}
                  hint={fore?.personal ? `${ar - 1}: ${visa(fore.personal[k])}` : undefined}
                  onChange={(c) => {
                    markera(`personal.${k}`, c.invalid);
                    setU((x) => ({
                      ...x,
                      personal: { ...x.personal, [k]: c.invalid ? Number.NaN : (c.value ?? 0) },
                    }));
                  }}
                />
              ))}
            </div>
          </>
        )}
      </section>

      {las ? (
        <ArbetssattVisning a={v.dokument.arbetssatt} fore={fore} ar={ar} />
      ) : (
        <ArbetssattFormular
          a={u.arbetssatt}
          fore={fore}
          ar={ar}
          fel={{ ...fel, ...fe }}
          onChange={(arbetssatt) => setU((x) => ({ ...x, arbetssatt }))}
          onOgiltig={markera}
        />
      )}

      <section className="card" aria-labelledby="validering">
        <h2 id="validering">{t('red.validation')}</h2>
        {skarm.length === 0 ? (
          <p>{t('red.validation.ok')}</p>
        ) : (
          <ul>
            {skarm.map((f) => (
              <li key={`${f.path}-${f.rule}`}>
                <a href={`#${cellId(f.path)}`}>{etikett(f.path, t, lang)}</a>: {f.message}
              </li>
            ))}
          </ul>
        )}
        {attKontrollera.length ? (
          <>
            <h3>{t('red.varningar')}</h3>
            <p className="hint">{t('red.varningar.hint')}</p>
            <ul>
              {attKontrollera.map((f) => (
                <li key={`${f.path}-${f.rule}`}>
                  <a href={`#${cellId(f.path)}`}>{etikett(f.path, t, lang)}</a>: {f.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="texter">
        <h2 id="texter">{t('red.text')}</h2>
        {TEXTER.map((k) =>
          las ? (
            <div key={k}>
              <h3>{t(`red.text.${k}`)}</h3>
              <p className="prewrap">{u.text[k]?.trim() ? u.text[k] : t('red.text.empty')}</p>
            </div>
          ) : (
            <TextArea
              key={k}
              id={cellId(`text.${k}`)}
              label={t(`red.text.${k}`)}
              value={u.text[k] ?? ''}
              required={k !== 'atgarderBrister'}
              error={felText(`text.${k}`)}
              hint={
                k === 'jamstalldhetsanalys'
                  ? t('red.jamstalldhet.figures', {
                      kk: pct(a.klienterKvinnor),
                      km: pct(a.klienterMan),
                      pk: pct(a.personalKvinnor),
                      pm: pct(a.personalMan),
                    })
                  : t('red.text.hint')
              }
              onChange={(val) => setU((x) => ({ ...x, text: { ...x.text, [k]: val } }))}
            />
          ),
        )}
      </section>

      <section className="card" aria-labelledby="ansokan">
        <h2 id="ansokan">{t('red.ansokan', { ar: u.ansokan.ar })}</h2>
        {las ? (
          <dl className="facts">
            <dt>{t('red.ansokan.arsarbetare')}</dt>
            <dd>{visa(u.ansokan.arsarbetare)}</dd>
            {(u.ansokan.perKommun ?? []).map((p) => (
              <Fragment key={p.kommunKod}>
                <dt>{t('red.ansokan.kommun', { kod: p.kommunKod })}</dt>
                <dd>{visa(p.arsarbetare)}</dd>
              </Fragment>
            ))}
            <dt>{t('red.ansokan.kontaktperson')}</dt>
            <dd>{u.ansokan.kontaktperson || '–'}</dd>
            <dt>{t('red.ansokan.beslutsdatum')}</dt>
            <dd>{u.ansokan.beslutsdatum ?? '–'}</dd>
          </dl>
        ) : (
          <div className="grid-form">
            <NumberInput
              id={cellId('ansokan.arsarbetare')}
              label={t('red.ansokan.arsarbetare')}
              value={u.ansokan.arsarbetare}
              notANumber={t('red.arsarbetare.notANumber')}
              error={felText('ansokan.arsarbetare')}
              onChange={(c) => {
                markera('ansokan.arsarbetare', c.invalid);
                setU((x) => ({
                  ...x,
                  ansokan: { ...x.ansokan, arsarbetare: c.invalid ? Number.NaN : (c.value ?? 0) },
                }));
              }}
            />
            {(u.ansokan.perKommun ?? []).map((p, i) => (
              <NumberInput
                key={p.kommunKod}
                id={cellId(`ansokan.perKommun.${i}.arsarbetare`)}
                label={t('red.ansokan.kommun', { kod: p.kommunKod })}
                value={p.arsarbetare}
                notANumber={t('red.arsarbetare.notANumber')}
                error={
                  felText(`ansokan.perKommun.${i}.arsarbetare`) ?? felText(`ansokan.perKommun.${i}.kommunKod`)
                }
                onChange={(c) => {
                  markera(`ansokan.perKommun.${i}.arsarbetare`, c.invalid);
                  setU((x) => {
                    const y = structuredClone(x);
                    y.ansokan.perKommun![i]!.arsarbetare = c.invalid ? Number.NaN : (c.value ?? 0);
                    return y;
                  });
                }}
              />
            ))}
            <Field
              id={cellId('ansokan.kontaktperson')}
              label={t('red.ansokan.kontaktperson')}
              value={u.ansokan.kontaktperson ?? ''}
              error={felText('ansokan.kontaktperson')}
              onChange={(e) =>
                setU((x) => ({ ...x, ansokan: { ...x.ansokan, kontaktperson: e.target.value } }))
              }
            />
            <Field
              id={cellId('ansokan.beslutsdatum')}
              label={t('red.ansokan.beslutsdatum')}
              type="date"
              value={u.ansokan.beslutsdatum ?? ''}
              error={felText('ansokan.beslutsdatum')}
              onChange={(e) =>
                setU((x) => {
                  const { beslutsdatum: _b, ...rest } = x.ansokan;
                  return { ...x, ansokan: e.target.value ? { ...rest, beslutsdatum: e.target.value } : rest };
                })
              }
            />
          </div>
        )}
      </section>

      {las ? null : (
        <div className="actions" style={{ display: 'flex', gap: '0.75rem', marginBottom: '1.25rem' }}>
          <button type="submit" className="secondary" disabled={save.isPending}>
            {t('red.save')}
          </button>
          <button type="button" disabled={submit.isPending} onClick={fragaSkickaIn}>
            {t('red.submit')}
          </button>
        </div>
      )}
      <ConfirmDialog
        open={fraga}
        title={t('red.submit.confirm.title', { ar })}
        text={t('red.submit.confirm.text', { ar, namn: v.verksamhet.namn, lan: v.verksamhet.lanNamn })}
        confirmLabel={t('red.submit')}
        onCancel={() => setFraga(false)}
        onConfirm={() => {
          setFraga(false);
          submit.mutate();
        }}
      />
    </form>
  );
}

export function Redovisning() {
  const { t, lang } = useI18n();
  const { active } = useSession();
  const [ar, setAr] = useArIUrl(forraAretNu());
  const vid = active?.organisationTyp === 'verksamhet' ? active.organisationId : null;
  const q = useQuery({
    queryKey: ['redovisning', vid, ar],
    queryFn: () => api.get<RedovisningView>(`/verksamheter/${vid}/redovisningar/${ar}`),
    enabled: vid !== null,
  });
  const v = q.data;
  const base = `/api/v1/verksamheter/${vid}/redovisningar/${ar}/dokument`;
  return (
    <Page title={t('red.title', { ar })}>
      {vid === null ? (
        <p>{t('red.noVerksamhet')}</p>
      ) : (
        <>
          <div className="field" style={{ maxWidth: '12rem' }}>
            <label htmlFor="red-ar">{t('red.year')}</label>
            <select id="red-ar" value={ar} onChange={(e) => setAr(Number(e.target.value))}>
              {[0, 1, 2, 3].map((i) => {
                const y = new Date().getFullYear() - i;
                return (
                  <option key={y} value={y}>
                    {y}
                  </option>
                );
              })}
            </select>
          </div>
          {q.isPending ? (
            <Loading />
          ) : q.error ? (
            <ErrorMessage error={q.error} />
          ) : v ? (
            <>
              <section className="card" aria-labelledby="lage">
                <h2 id="lage">{v.verksamhet.namn}</h2>
                <dl className="facts">
                  <dt>{t('red.status')}</dt>
                  <dd>
                    <StatusBadge status={v.status} />
                  </dd>
                  <dt>{t('red.deadline')}</dt>
                  <dd>
                    {v.deadline} {v.forsenad ? <strong>({t('red.late')})</strong> : null}
                  </dd>
                  <dt>{t('red.source')}</dt>
                  <dd>{t(`red.source.${v.kalla}`)}</dd>
                </dl>
                {v.las.last ? (
                  <p className="alert alert-info">
                    <strong>{t('red.locked')}.</strong>{' '}
                    {lang === 'sv' && v.las.anledning
                      ? v.las.anledning
                      : t(v.status === 'godkand' ? 'red.locked.approved' : 'red.locked.submitted', {
                          av: v.las.av ?? '–',
                          datum: v.las.at ? formatTimestamp(v.las.at) : '–',
                        })}
                  </p>
                ) : !v.kanAndra ? (
                  <p className="alert alert-info">{t('red.readOnly.role')}</p>
                ) : null}
                {v.returAnledning ? (
                  <p className="alert alert-error">{t('red.returned', { reason: v.returAnledning })}</p>
                ) : null}
              </section>
              {v.kommentarer.length ? (
                <section className="card" aria-labelledby="kommentarer">
                  <h2 id="kommentarer">{t('red.comments')}</h2>
                  <ul>
                    {v.kommentarer.map((k) => (
                      <li key={k.id}>
                        <strong>
                          {k.path ? (
                            <a href={`#${kommentarAnkare(k.path)}`}>{kommentarEtikett(k.path, t, lang)}</a>
                          ) : (
                            t('red.comment.whole')
                          )}
                        </strong>{' '}
                        (v{k.version}, {formatTimestamp(k.at)}): {k.text}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              <BeslutOmStatsbidrag verksamhetId={vid} ar={ar + 1} />
              <Formular v={v} ar={ar} />
              <section className="card" aria-labelledby="dokument">
                <h2 id="dokument">{t('red.documents')}</h2>
                <ul>
                  {(['pdf', 'xlsx', 'docx', 'json'] as const).map((f) => (
                    <li key={f}>
                      <a href={`${base}/${f}`} download>
                        {t(`red.download.${f}`)}
                      </a>
                    </li>
                  ))}
                </ul>
                {v.versioner.length ? (
                  <>
                    <h3>{t('red.versions')}</h3>
                    <ul>
                      {v.versioner.map((x) => (
                        <li key={x.version}>
                          v{x.version}: {formatTimestamp(x.inskickadAt)}, {x.inskickadAv}
                          {x.forsenad ? ` (${t('red.late')})` : ''}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </section>
            </>
          ) : null}
        </>
      )}
    </Page>
  );
}
