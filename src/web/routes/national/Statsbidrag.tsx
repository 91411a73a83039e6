import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Fordelning } from '../../../contracts/grants.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Field } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { ArVal, standardAr } from './common.tsx';

/** Tabell 1 (seed 003) and the distribution per län; Socialstyrelsen fixes the budget (grant:admin). */
export function Statsbidrag() {
  const { t } = useI18n();
  const { hasRole } = useSession();
  const qc = useQueryClient();
  const [ar, setAr] = useState(standardAr(0));
  const q = useQuery({
    queryKey: ['statsbidrag', ar],
    queryFn: () => api.get<Fordelning>(`/statsbidrag/${ar}`),
  });
  const [budget, setBudget] = useState('');
  const [admin, setAdmin] = useState('');
  const spara = useMutation({
    mutationFn: () =>
      api.put<Fordelning>(`/statsbidrag/${ar}/budget`, {
        totalBudgetKr: Number(budget.replace(/\s/g, '')),
        administrationKr: Number(admin.replace(/\s/g, '') || 0),
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['statsbidrag', ar] }),
  });
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
        </>
      )}
      {hasRole('socialstyrelsen') ? (
        <form
          aria-labelledby="stb-form"
          onSubmit={(e) => {
            e.preventDefault();
            spara.mutate();
          }}
        >
          <h2 id="stb-form">{t('stb.form')}</h2>
          <Field
            label={t('stb.totalBudget')}
            inputMode="numeric"
            value={budget}
            onChange={(e) => setBudget(e.target.value)}
            required
          />
          <Field
            label={t('stb.admin')}
            inputMode="numeric"
            value={admin}
            onChange={(e) => setAdmin(e.target.value)}
          />
          <button type="submit" disabled={spara.isPending}>
            {t('stb.spara')}
          </button>
          {spara.isSuccess ? <p role="status">{t('stb.sparad')}</p> : null}
          {spara.error ? <ErrorMessage error={spara.error} /> : null}
        </form>
      ) : null}
    </Page>
  );
}
