import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type {
  FaststallelseItem,
  FaststallForhandsvisning,
  StatsbidragAr,
} from '../../../contracts/grants.ts';
import { ApiError, api } from '../../api.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { TextArea } from '../../components/Field.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { type NumberChange, NumberInput } from '../../components/NumberInput.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber, formatTimestamp } from '../../format.ts';
import { useDomainText, useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import { ArVal, standardAr } from './common.tsx';

/** Tabell 1 (seed 003) and the distribution per län; Socialstyrelsen fixes the budget (grant:admin). */
export function Statsbidrag() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const [ar, setAr] = useArIUrl(standardAr(0));
  const q = useQuery({
    queryKey: ['statsbidrag', ar],
    queryFn: () => api.get<StatsbidragAr>(`/statsbidrag/${ar}`),
  });
  // The amounts as parsed from what Socialstyrelsen typed ("110 000 000"); invalid: not a number.
  const [budget, setBudget] = useState<NumberChange>({ value: null, invalid: false });
  const [admin, setAdmin] = useState<NumberChange>({ value: null, invalid: false });
  const [fraga, setFraga] = useState(false);
  // Before fixing: what the budget would give, who is in it, and what stands out (shown in the dialog).
  const forhand = useMutation({
    mutationFn: () =>
      api.post<FaststallForhandsvisning>(`/statsbidrag/${ar}/forhandsvisning`, {
        totalBudgetKr: budget.value ?? 0,
        administrationKr: admin.value ?? 0,
      }),
    onSuccess: () => setFraga(true),
  });
  // Fixing sends the fingerprint of the preview shown, so what is stored with the fixing is what was seen.
  const spara = useMutation({
    mutationFn: (kontrollsumma: string | undefined) =>
      api.put<StatsbidragAr>(`/statsbidrag/${ar}/budget`, {
        totalBudgetKr: budget.value ?? 0,
        administrationKr: admin.value ?? 0,
        ...(kontrollsumma ? { kontrollsumma } : {}),
      }),
    onSuccess: (data) => {
      oppna.reset();
      qc.setQueryData(['statsbidrag', ar], data);
    },
  });
  const oppna = useMutation({
    mutationFn: (anledning: string) => api.post<StatsbidragAr>(`/statsbidrag/${ar}/oppning`, { anledning }),
    onSuccess: (data) => {
      spara.reset();
      qc.setQueryData(['statsbidrag', ar], data);
    },
  });
  const kanFaststalla = hasRole('socialstyrelsen');
  return (
    <Page title={t('stb.title')}>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('nat.ar')}>
        <ArVal ar={ar} setAr={setAr} forskjutning={0} />
      </form>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          <p>
            {t('stb.beloppPerFte', {
              kr: formatNumber(q.data.beloppPerArsarbetareKr),
              status: t(q.data.faststalld ? 'stb.faststalld' : 'stb.ejFaststalld'),
            })}{' '}
            <a href={`/api/v1/statsbidrag/${ar}/export.xlsx`}>{t('stb.xlsx')}</a>
          </p>
          <TableScroll label={`${t('stb.tabell1')} ${ar}`}>
            <table>
              <caption>{`${t('stb.tabell1')} ${ar}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stb.kostnader')}</th>
                  <th scope="col" className="num">
                    {t('stb.budget')}
                  </th>
                  <th scope="col" className="num">
                    {t('stb.fordelat')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(
                  [
                    ['stb.socialstyrelsen', q.data.tabell1.socialstyrelsen],
                    ['stb.ombudstjanster', q.data.tabell1.ombudstjanster],
                    ['stb.summa', q.data.tabell1.summa],
                  ] as const
                ).map(([k, r]) => (
                  <tr key={k}>
                    <th scope="row">{t(k)}</th>
                    <td className="num">{formatNumber(r.budgetKr)}</td>
                    <td className="num">{formatNumber(r.fordelatKr)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{`${t('stb.oanvant')} ${ar}`}</th>
                  <td />
                  <td className="num">{formatNumber(q.data.tabell1.oanvantKr)}</td>
                </tr>
              </tbody>
            </table>
          </TableScroll>
          <TableScroll label={t('stb.perLan')}>
            <table>
              <caption>{t('stb.perLan')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('nat.lan')}</th>
                  <th scope="col" className="num">
                    {t('nat.verksamheter')}
                  </th>
                  <th scope="col" className="num">
                    {t('nat.arsarbetare')}
                  </th>
                  <th scope="col" className="num">
                    {t('stb.belopp')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.perLan.map((l) => (
                  <tr key={l.lanKod}>
                    <th scope="row">{l.lanNamn}</th>
                    <td className="num">{formatNumber(l.verksamheter)}</td>
                    <td className="num">{formatNumber(l.arsarbetare)}</td>
                    <td className="num">{formatNumber(l.beloppKr)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Faststallelser ar={ar} data={q.data} kanOppna={kanFaststalla} oppna={oppna} />
        </>
      )}
      {kanFaststalla && q.data && !q.data.faststalld ? (
        <form
          aria-labelledby="stb-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (budget.invalid || admin.invalid || budget.value === null) return;
            forhand.mutate();
          }}
        >
          <h2 id="stb-form">{t('stb.form')}</h2>
          <NumberInput
            label={t('stb.totalBudget')}
            value={budget.value}
            decimals={0}
            notANumber={t('stb.notANumber')}
            onChange={setBudget}
            required
          />
          <NumberInput
            label={t('stb.admin')}
            value={admin.value}
            decimals={0}
            notANumber={t('stb.notANumber')}
            onChange={setAdmin}
          />
          <button type="submit" disabled={spara.isPending || forhand.isPending}>
            {t('stb.spara')}
          </button>
          <ErrorMessage error={forhand.error} />
          <ConfirmDialog
            open={fraga}
            title={t('stb.confirm.title', { ar })}
            text={t('stb.confirm.text', {
              ar,
              budget: formatNumber(budget.value ?? 0),
              admin: formatNumber(admin.value ?? 0),
            })}
            confirmLabel={t('stb.spara')}
            onCancel={() => setFraga(false)}
            onConfirm={() => {
              setFraga(false);
              spara.mutate(forhand.data?.kontrollsumma);
            }}
          >
            {forhand.data ? <Forhandsvisning p={forhand.data} ar={ar} /> : null}
          </ConfirmDialog>
          {spara.error ? <ErrorMessage error={spara.error} /> : null}
        </form>
      ) : null}
      {spara.isSuccess ? (
        <p role="status" className="alert alert-ok">
          {t('stb.sparad')}
        </p>
      ) : null}
      {oppna.isSuccess ? (
        <p role="status" className="alert alert-ok">
          {t('stb.fix.oppnat', { ar })}
        </p>
      ) : null}
    </Page>
  );
}

/** Stored timestamps come as ISO or as PostgreSQL writes them ("2026-01-10 09:12:00+00"). */
const tidpunkt = (ts: string) =>
  formatTimestamp(ts.includes('T') ? ts : ts.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

/**
 * Every fixing of the year, newest first: when and by whom, the amount, and the preview that was shown
 * then (what was known when it was fixed); a reopened one says when, by whom and why. While the year is
 * fixed, Socialstyrelsen may reopen it with a reason, after a confirmation.
 */
function Faststallelser({
  ar,
  data,
  kanOppna,
  oppna,
}: {
  ar: number;
  data: StatsbidragAr;
  kanOppna: boolean;
  oppna: { mutate: (anledning: string) => void; isPending: boolean; error: Error | null };
}) {
  const { t } = useI18n();
  const [fraga, setFraga] = useState(false);
  const [anledning, setAnledning] = useState('');
  const [fel, setFel] = useState<string | undefined>(undefined);
  // A field error from the server (e.g. the reason) is shown at the field, not only as a banner.
  const serverFel =
    oppna.error instanceof ApiError
      ? oppna.error.problem.errors?.find((e) => e.field === 'anledning')?.message
      : undefined;
  return (
    <section aria-labelledby="stb-fix">
      <h2 id="stb-fix">{t('stb.fix.rubrik', { ar })}</h2>
      {data.faststalld ? (
        <p>
          {t('stb.fix.faststalld', {
            datum: data.updatedAt ? tidpunkt(data.updatedAt) : '–',
            namn: data.updatedByNamn ?? '–',
          })}{' '}
          {t('stb.fix.last')}
        </p>
      ) : (
        <p>{t('stb.fix.ej', { ar })}</p>
      )}
      {data.faststalld && kanOppna ? (
        <>
          <button
            type="button"
            className="secondary"
            disabled={oppna.isPending}
            onClick={() => {
              setFel(undefined);
              setFraga(true);
            }}
          >
            {t('stb.fix.oppna')}
          </button>
          <ErrorMessage error={oppna.error} fieldsShownElsewhere />
          <ConfirmDialog
            open={fraga}
            title={t('stb.fix.confirm.title', { ar })}
            text={t('stb.fix.confirm.text', {
              ar,
              kr: formatNumber(data.beloppPerArsarbetareKr),
            })}
            confirmLabel={t('stb.fix.oppna')}
            onCancel={() => setFraga(false)}
            onConfirm={() => {
              if (!anledning.trim()) {
                setFel(t('stb.fix.anledning.saknas'));
                document.getElementById('stb-fix-anledning')?.focus();
                return;
              }
              setFraga(false);
              oppna.mutate(anledning.trim());
            }}
          >
            <TextArea
              id="stb-fix-anledning"
              label={t('stb.fix.anledning')}
              hint={t('stb.fix.anledning.hint')}
              value={anledning}
              onChange={(v) => {
                setAnledning(v);
                setFel(undefined);
              }}
              error={fel ?? serverFel}
              required
              maxLength={2000}
              rows={3}
            />
          </ConfirmDialog>
        </>
      ) : null}
      {data.faststallelser.length ? (
        <ol className="plain-list">
          {data.faststallelser.map((f) => (
            <FaststallelsePost key={f.id} f={f} ar={ar} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function FaststallelsePost({ f, ar }: { f: FaststallelseItem; ar: number }) {
  const { t } = useI18n();
  return (
    <li>
      <div className="card">
        <p>
          <strong>
            {t('stb.fix.post', {
              datum: tidpunkt(f.faststalldAt),
              namn: f.faststalldAvNamn,
              kr: formatNumber(f.beloppPerArsarbetareKr),
            })}
          </strong>{' '}
          {t('stb.fix.postBudget', {
            budget: formatNumber(f.totalBudgetKr),
            admin: formatNumber(f.administrationKr),
            fte: formatNumber(f.totalArsarbetare),
          })}
        </p>
        {f.oppnad ? (
          <p className="alert alert-info">
            {t('stb.fix.oppnadAv', { datum: tidpunkt(f.oppnad.at), namn: f.oppnad.avNamn })}{' '}
            <q>{f.oppnad.anledning}</q>
          </p>
        ) : null}
        {f.forhandsvisning ? (
          <details>
            <summary>{t('stb.fix.visad')}</summary>
            <Forhandsvisning p={f.forhandsvisning} ar={ar} sparad />
          </details>
        ) : (
          <p className="muted">{t('stb.fix.ingenVisad')}</p>
        )}
      </div>
    </li>
  );
}

/** The preview in the confirmation: the amount per FTE against last year, coverage, and the warnings. */
function Forhandsvisning({ p, ar, sparad }: { p: FaststallForhandsvisning; ar: number; sparad?: boolean }) {
  const { t } = useI18n();
  const iSprak = useDomainText();
  return (
    <>
      <p>
        {t('stb.forhand.belopp', { kr: formatNumber(p.fordelning.beloppPerArsarbetareKr), ar })}{' '}
        {p.foregaendeBeloppPerArsarbetareKr === null
          ? t('stb.forhand.ingetForra', { ar: ar - 1 })
          : t('stb.forhand.forra', { kr: formatNumber(p.foregaendeBeloppPerArsarbetareKr), ar: ar - 1 })}
      </p>
      <p>
        {t('stb.forhand.tackning', {
          n: formatNumber(p.tackning.medAnsokan),
          av: formatNumber(p.tackning.verksamheter),
        })}
      </p>
      {p.varningar.length ? (
        // In the stored history the warnings are a record, not news: no alert role there.
        <div className="alert alert-error" role={sparad ? undefined : 'alert'}>
          <p>
            <strong>{t('stb.forhand.varning')}</strong>
          </p>
          <ul>
            {p.varningar.map((v) => (
              <li key={v}>{iSprak(v)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <FigureTable
        caption={t('stb.forhand.perLan')}
        columns={[
          { label: t('nat.lan') },
          { label: t('stb.forhand.medAnsokan'), num: true },
          { label: t('stb.forhand.saknas'), num: true },
        ]}
        rows={p.tackning.perLan
          .filter((l) => l.verksamheter > 0)
          .map((l) => ({
            key: l.lanKod,
            head: l.lanNamn,
            cells: [formatNumber(l.medAnsokan), formatNumber(l.verksamheter - l.medAnsokan)],
          }))}
      />
    </>
  );
}
