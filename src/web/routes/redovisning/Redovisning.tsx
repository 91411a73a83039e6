import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import type { RedovisningView, SaveRedovisning } from '../../../contracts/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { ApiError, api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field, TextArea } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatPercent, formatTimestamp } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import {
  alderRader,
  forraAretNu,
  GTabell,
  type Kon,
  klientRader,
  orsakRader,
  StatusBadge,
  visa,
} from './common.tsx';

type Utkast = Pick<RedovisningV1, 'klienter' | 'kontaktorsaker' | 'ko' | 'personal' | 'ansokan' | 'text'>;
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
  });
}

function Formular({ v, ar }: { v: RedovisningView; ar: number }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const [u, setU] = useState<Utkast>(() => utkastFran(v));
  const [meddelande, setMeddelande] = useState<string | null>(null);
  useEffect(() => setU(utkastFran(v)), [v]);
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
  const fel = Object.fromEntries(v.validering.map((f) => [f.path, f.message]));
  const fore = v.forraAret?.dokument;
  const setG = (block: 'klienter' | 'kontaktorsaker') => (rad: string, kon: Kon, n: number) =>
    setU((x) => {
      const y = structuredClone(x);
      (y[block] as Record<string, Record<Kon, number>>)[rad]![kon] = n;
      return y;
    });
  const setAlder = (rad: string, kon: Kon, n: number) =>
    setU((x) => {
      const y = structuredClone(x);
      (y.klienter.alder as Record<string, Record<Kon, number>>)[rad]![kon] = n;
      return y;
    });
  const setKo = (patch: Partial<Utkast['ko']>) => setU((x) => ({ ...x, ko: { ...x.ko, ...patch } }));
  // Empty means "not reported" for the waiting times (null), zero for counts.
  const dagar = (s: string) => (s.trim() === '' ? null : Math.max(0, Math.round(Number(s))));
  const num = (s: string) => (s === '' ? 0 : Number(s.replace(',', '.')));
  const a = v.andelar;
  const pct = (n: number | null) => (n === null ? '–' : formatPercent(n));

  function onSave(e: FormEvent) {
    e.preventDefault();
    setMeddelande(null);
    save.mutate();
  }

  return (
    <form onSubmit={onSave} noValidate>
      <ErrorMessage error={err} />
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
        <GTabell
          caption={t('red.figures.caption', { ar })}
          ar={ar}
          rader={klientRader(u, fore, t)}
          onChange={las ? undefined : setG('klienter')}
        />
        <GTabell
          caption={t('red.alder', { ar })}
          ar={ar}
          rader={alderRader(u, fore)}
          onChange={las ? undefined : setAlder}
        />
        <GTabell
          caption={t('red.orsaker')}
          ar={ar}
          rader={orsakRader(u, fore, lang)}
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
            ).map(([falt, etikett]) => (
              <tr key={falt}>
                <th scope="row">{t(etikett)}</th>
                <td className="num">
                  {las ? (
                    visa(u.ko[falt])
                  ) : (
                    <input
                      type="number"
                      min={0}
                      step={1}
                      inputMode="numeric"
                      aria-label={t(etikett)}
                      style={{ width: '5.5rem', textAlign: 'right' }}
                      value={u.ko[falt] ?? ''}
                      onChange={(e) =>
                        setKo(
                          falt === 'antalIKo3112'
                            ? { antalIKo3112: dagar(e.target.value) ?? 0 }
                            : { [falt]: dagar(e.target.value) },
                        )
                      }
                    />
                  )}
                </td>
                <td className="num">{visa(fore?.ko?.[falt])}</td>
              </tr>
            ))}
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
        <div className="grid-form">
          {(['ombud', 'arsarbetare', 'kvinnor', 'man'] as const).map((k) => (
            <Field
              key={k}
              label={t(`red.personal.${k}`)}
              inputMode="decimal"
              value={String(u.personal[k]).replace('.', ',')}
              disabled={las}
              error={fe[`personal.${k}`] ?? fel[`personal.${k}`]}
              hint={fore?.personal ? `${ar - 1}: ${visa(fore.personal[k])}` : undefined}
              onChange={(e) => setU((x) => ({ ...x, personal: { ...x.personal, [k]: num(e.target.value) } }))}
            />
          ))}
        </div>
      </section>

      <section className="card" aria-labelledby="validering">
        <h2 id="validering">{t('red.validation')}</h2>
        {v.validering.length === 0 ? (
          <p>{t('red.validation.ok')}</p>
        ) : (
          <ul>
            {v.validering.map((f) => (
              <li key={`${f.path}-${f.rule}`}>
                <code>{f.path}</code>: {f.message}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card" aria-labelledby="texter">
        <h2 id="texter">{t('red.text')}</h2>
        {TEXTER.map((k) => (
          <TextArea
            key={k}
            label={t(`red.text.${k}`)}
            value={u.text[k] ?? ''}
            disabled={las}
            error={fe[`text.${k}`] ?? fel[`text.${k}`]}
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
        ))}
      </section>

      <section className="card" aria-labelledby="ansokan">
        <h2 id="ansokan">{t('red.ansokan', { ar: u.ansokan.ar })}</h2>
        <div className="grid-form">
          <Field
            label={t('red.ansokan.arsarbetare')}
            inputMode="decimal"
            value={String(u.ansokan.arsarbetare).replace('.', ',')}
            disabled={las}
            error={fe['ansokan.arsarbetare'] ?? fel['ansokan.arsarbetare']}
            onChange={(e) =>
              setU((x) => ({ ...x, ansokan: { ...x.ansokan, arsarbetare: num(e.target.value) } }))
            }
          />
          {(u.ansokan.perKommun ?? []).map((p, i) => (
            <Field
              key={p.kommunKod}
              label={t('red.ansokan.kommun', { kod: p.kommunKod })}
              inputMode="decimal"
              value={String(p.arsarbetare).replace('.', ',')}
              disabled={las}
              onChange={(e) =>
                setU((x) => {
                  const y = structuredClone(x);
                  y.ansokan.perKommun![i]!.arsarbetare = num(e.target.value);
                  return y;
                })
              }
            />
          ))}
          <Field
            label={t('red.ansokan.kontaktperson')}
            value={u.ansokan.kontaktperson ?? ''}
            disabled={las}
            onChange={(e) =>
              setU((x) => ({ ...x, ansokan: { ...x.ansokan, kontaktperson: e.target.value } }))
            }
          />
          <Field
            label={t('red.ansokan.beslutsdatum')}
            type="date"
            value={u.ansokan.beslutsdatum ?? ''}
            disabled={las}
            error={fe['ansokan.beslutsdatum']}
            onChange={(e) =>
              setU((x) => {
                const { beslutsdatum: _b, ...rest } = x.ansokan;
                return { ...x, ansokan: e.target.value ? { ...rest, beslutsdatum: e.target.value } : rest };
              })
            }
          />
        </div>
      </section>

      {las ? null : (
        <div className="actions" style={{ display: 'flex', gap: '0.75rem', marginBottom: '1.25rem' }}>
          <button type="submit" className="secondary" disabled={save.isPending}>
            {t('red.save')}
          </button>
          <button
            type="button"
            disabled={submit.isPending}
            onClick={() => {
              setMeddelande(null);
              submit.mutate();
            }}
          >
            {t('red.submit')}
          </button>
        </div>
      )}
    </form>
  );
}

export function Redovisning() {
  const { t } = useI18n();
  const { active } = useSession();
  const [ar, setAr] = useState(forraAretNu());
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
                  <p role="status" className="alert alert-ok">
                    <strong>{t('red.locked')}.</strong> {v.las.anledning}
                  </p>
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
                        <strong>{k.path ?? t('red.comment.whole')}</strong> (v{k.version},{' '}
                        {formatTimestamp(k.at)}): {k.text}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
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
