import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BeslutItem, LanStatsbidrag } from '../../../contracts/grants.ts';
import { beloppForFte } from '../../../domain/statsbidrag.ts';
import { formatKr } from '../../../domain/tal.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary.tsx';
import { fieldId } from '../../components/Field.tsx';
import { type NumberChange, NumberInput } from '../../components/NumberInput.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatDecimal, formatTimestamp } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import { ArVal, standardAr } from './common.tsx';

/** One verksamhet of the län: what it applied for and what has been decided. */
interface Rad {
  verksamhetId: string;
  namn: string;
  ansokt: number | null;
  beslut: BeslutItem | null;
}

function rader(v: LanStatsbidrag): Rad[] {
  const m = new Map<string, Rad>();
  for (const a of v.ansokningar)
    m.set(a.verksamhetId, {
      verksamhetId: a.verksamhetId,
      namn: a.verksamhetNamn,
      ansokt: a.arsarbetare,
      beslut: null,
    });
  for (const b of v.beslut) {
    const r = m.get(b.verksamhetId);
    if (r) r.beslut = b;
    else
      m.set(b.verksamhetId, {
        verksamhetId: b.verksamhetId,
        namn: b.verksamhetNamn,
        ansokt: null,
        beslut: b,
      });
  }
  return [...m.values()].sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
}

const hundradelar = (fte: number) => Math.round(fte * 100);
const faltFor = (id: string) => `beviljat-${id}`;

/** Stored timestamps come as ISO or as PostgreSQL writes them ("2026-01-10 09:12:00+00"). */
const tidpunkt = (ts: string) =>
  formatTimestamp(ts.includes('T') ? ts : ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

/**
 * The Länsstyrelse's grant decisions for its län (issue 11): per verksamhet the FTE applied for, the FTE
 * granted (typed here) and the amount at the year's fixed amount per FTE, with the län's frame; each
 * decision is saved after a confirmation, and downloads as a letter (docx/pdf); the län's as a workbook.
 */
export function StatsbidragLan() {
  const { t } = useI18n();
  const { active } = useSession();
  const lanKod = active?.lanKod ?? null;
  const qc = useQueryClient();
  const [ar, setAr] = useArIUrl(standardAr(0));
  const q = useQuery({
    queryKey: ['statsbidrag-lan', lanKod, ar],
    queryFn: () => api.get<LanStatsbidrag>(`/statsbidrag/${ar}/lan/${lanKod}`),
    enabled: lanKod !== null,
  });
  // What has been typed per verksamhet; a verksamhet not here shows its saved decision.
  const [inmatat, setInmatat] = useState<Record<string, NumberChange>>({});
  const [fel, setFel] = useState<Record<string, string>>({});
  const [focusKey, setFocusKey] = useState(0);
  const [fraga, setFraga] = useState<{ rad: Rad; fte: number } | null>(null);
  const [sparat, setSparat] = useState<string | null>(null);
  const spara = useMutation({
    mutationFn: (x: { rad: Rad; fte: number }) =>
      api.put<BeslutItem>(`/statsbidrag/${ar}/beslut/${x.rad.verksamhetId}`, { arsarbetare: x.fte }),
    onSuccess: (b, x) => {
      setSparat(t('sbl.sparat', { namn: x.rad.namn, kr: formatKr(b.beloppKr) }));
      setInmatat(({ [x.rad.verksamhetId]: _, ...rest }) => rest);
      return qc.invalidateQueries({ queryKey: ['statsbidrag-lan', lanKod, ar] });
    },
    onError: (err, x) => {
      // A field error of the server lands at the row's field, as the browser's own would.
      if (err instanceof ApiError && err.problem.errors?.length) {
        setFel((f) => ({ ...f, [x.rad.verksamhetId]: err.problem.errors![0]!.message }));
        setFocusKey((k) => k + 1);
      }
    },
  });

  if (!lanKod)
    return (
      <Page title={t('sbl.title')}>
        <p>{t('sbl.ingetLan')}</p>
      </Page>
    );

  const v = q.data;
  const lista = v ? rader(v) : [];
  /** The FTE a row stands at now: typed (null when empty or not a number), else the saved decision. */
  const fteFor = (r: Rad): number | null => {
    const i = inmatat[r.verksamhetId];
    if (i) return i.invalid ? null : i.value;
    return r.beslut?.arsarbetare ?? null;
  };
  const beloppFor = (fte: number | null): number | null =>
    v?.faststalld && fte !== null && fte >= 0 && fte <= 100_000
      ? beloppForFte(hundradelar(fte), v.beloppPerArsarbetareKr, v.avrundning)
      : null;
  const summaAnsokt = lista.reduce((s, r) => s + hundradelar(r.ansokt ?? 0), 0) / 100;
  const summaBeviljat = lista.reduce((s, r) => s + hundradelar(fteFor(r) ?? 0), 0) / 100;
  const summaBelopp = lista.reduce((s, r) => s + (beloppFor(fteFor(r)) ?? 0), 0);

  const kontrollera = (r: Rad): number | null => {
    const i = inmatat[r.verksamhetId];
    const fte = fteFor(r);
    let msg: string | null = null;
    if (i?.invalid) msg = t('sbl.notANumber');
    else if (fte === null) msg = t('sbl.fel.tomt');
    else if (fte < 0) msg = t('sbl.fel.negativt');
    else if (Math.abs(fte * 100 - hundradelar(fte)) > 1e-6) msg = t('sbl.fel.decimaler');
    setFel(({ [r.verksamhetId]: _, ...rest }) => (msg ? { ...rest, [r.verksamhetId]: msg } : rest));
    if (msg) {
      setFocusKey((k) => k + 1);
      return null;
    }
    return fte;
  };
  const summary: SummaryError[] = Object.entries(fel).map(([id, message]) => ({
    field: faltFor(id),
    label: t('sbl.fteFalt', { namn: lista.find((r) => r.verksamhetId === id)?.namn ?? '' }),
    message,
  }));

  return (
    <Page title={t('sbl.title')}>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('nat.ar')}>
        <ArVal ar={ar} setAr={setAr} forskjutning={0} />
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : v ? (
        <>
          <p>{v.lanNamn}</p>
          {v.faststalld ? (
            <>
              <p>{t('sbl.intro')}</p>
              <p>
                <strong>{t('sbl.belopp', { ar, kr: formatKr(v.beloppPerArsarbetareKr) })}</strong>
              </p>
              {v.ramKr !== null ? (
                <p>{t('sbl.ram', { kr: formatKr(v.ramKr), fte: formatDecimal(v.ramArsarbetare) })}</p>
              ) : null}
            </>
          ) : (
            <div className="alert alert-info">
              <p>{t('sbl.ejFaststallt', { ar })}</p>
            </div>
          )}
          <nav aria-label={t('sbl.ladda')}>
            <ul>
              <li>
                <a href={`/api/v1/statsbidrag/${ar}/lan/${lanKod}/beslut.xlsx`} download>
                  {t('sbl.xlsx')}
                </a>
              </li>
            </ul>
          </nav>
          <ErrorSummary errors={summary} focusKey={focusKey} />
          {sparat ? (
            <p role="status" className="alert alert-ok">
              {sparat}
            </p>
          ) : null}
          <ErrorMessage error={spara.error} fieldsShownElsewhere />
          {v.ramKr !== null && summaBelopp > v.ramKr ? (
            <div className="alert alert-error" role="status">
              <p>
                {t('sbl.overRam', {
                  summa: formatKr(summaBelopp),
                  over: formatKr(summaBelopp - v.ramKr),
                  ram: formatKr(v.ramKr),
                })}
              </p>
            </div>
          ) : null}
          {lista.length === 0 ? (
            <p>{t('sbl.ingaAnsokningar', { ar })}</p>
          ) : (
            <TableScroll label={t('sbl.tabell', { ar })}>
              <table className="sbl-tabell">
                <caption>{t('sbl.tabell', { ar })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('sbl.verksamhet')}</th>
                    <th scope="col" className="num">
                      {t('sbl.ansokt')}
                    </th>
                    <th scope="col" className="num">
                      {t('sbl.beviljat')}
                    </th>
                    <th scope="col" className="num">
                      {t('sbl.beloppKol')}
                    </th>
                    <th scope="col">{t('sbl.beslut')}</th>
                    {v.faststalld ? (
                      <th scope="col" className="actions">
                        <span className="sr-only">{t('sbl.atgard')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {lista.map((r) => {
                    const fte = fteFor(r);
                    const belopp = beloppFor(fte);
                    const andrat =
                      inmatat[r.verksamhetId] !== undefined && fte !== (r.beslut?.arsarbetare ?? null);
                    return (
                      <tr key={r.verksamhetId}>
                        <th scope="row">{r.namn}</th>
                        <td className="num">
                          {r.ansokt === null ? t('sbl.ingenAnsokan') : formatDecimal(r.ansokt)}
                        </td>
                        <td className={fel[r.verksamhetId] ? 'num cell-invalid' : 'num'}>
                          {v.faststalld ? (
                            <NumberInput
                              id={fieldId(faltFor(r.verksamhetId))}
                              hiddenLabel
                              className="cell-input"
                              label={t('sbl.fteFalt', { namn: r.namn })}
                              value={r.beslut?.arsarbetare ?? null}
                              notANumber={t('sbl.notANumber')}
                              error={fel[r.verksamhetId]}
                              onChange={(c) => {
                                setSparat(null);
                                setInmatat((m) => ({ ...m, [r.verksamhetId]: c }));
                              }}
                            />
                          ) : r.beslut ? (
                            formatDecimal(r.beslut.arsarbetare)
                          ) : (
                            '–'
                          )}
                        </td>
                        <td className="num" style={{ whiteSpace: 'nowrap' }}>
                          {belopp === null ? '–' : formatKr(belopp)}
                        </td>
                        <td>
                          {andrat ? (
                            <em>{t('sbl.ej.sparat')}</em>
                          ) : r.beslut ? (
                            <>
                              <span style={{ whiteSpace: 'nowrap' }}>
                                {t('sbl.beslutatAv', {
                                  datum: tidpunkt(r.beslut.beslutatAt),
                                  namn: r.beslut.beslutatAvNamn,
                                })}
                              </span>
                              <br />
                              <a
                                href={`/api/v1/statsbidrag/${ar}/beslut/${r.verksamhetId}.docx`}
                                aria-label={t('sbl.docxFor', { namn: r.namn })}
                                download
                              >
                                {t('sbl.docx')}
                              </a>
                              {' · '}
                              <a
                                href={`/api/v1/statsbidrag/${ar}/beslut/${r.verksamhetId}.pdf`}
                                aria-label={t('sbl.pdfFor', { namn: r.namn })}
                                download
                              >
                                {t('sbl.pdf')}
                              </a>
                            </>
                          ) : (
                            <span className="muted">{t('sbl.ingetBeslut')}</span>
                          )}
                        </td>
                        {v.faststalld ? (
                          <td className="actions">
                            <button
                              type="button"
                              className="small"
                              aria-label={t('sbl.sparaFor', { namn: r.namn })}
                              disabled={spara.isPending}
                              onClick={() => {
                                const ok = kontrollera(r);
                                if (ok !== null) setFraga({ rad: r, fte: ok });
                              }}
                            >
                              {t('sbl.spara')}
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t('sbl.summa')}</th>
                    <td className="num">{formatDecimal(summaAnsokt)}</td>
                    <td className="num">{formatDecimal(summaBeviljat)}</td>
                    <td className="num" style={{ whiteSpace: 'nowrap' }}>
                      {v.faststalld ? formatKr(summaBelopp) : '–'}
                    </td>
                    <td />
                    {v.faststalld ? <td className="actions" /> : null}
                  </tr>
                </tfoot>
              </table>
            </TableScroll>
          )}
          <ConfirmDialog
            open={fraga !== null}
            title={t('sbl.confirm.title', { namn: fraga?.rad.namn ?? '' })}
            text={
              fraga
                ? t('sbl.confirm.text', {
                    lansstyrelse: v.lansstyrelseNamn,
                    namn: fraga.rad.namn,
                    fte: formatDecimal(fraga.fte),
                    belopp: formatKr(v.beloppPerArsarbetareKr),
                    kr: formatKr(beloppFor(fraga.fte) ?? 0),
                    ar,
                  })
                : ''
            }
            confirmLabel={t('sbl.spara')}
            onCancel={() => setFraga(null)}
            onConfirm={() => {
              const x = fraga;
              setFraga(null);
              if (x) spara.mutate(x);
            }}
          />
        </>
      ) : null}
    </Page>
  );
}
