import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Caseload as CaseloadData } from '../../../contracts/cases.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { base, useVerksamhet } from './common.tsx';

function Grad({
  verksamhetId,
  userId,
  namn,
  varde,
}: {
  verksamhetId: string;
  userId: string;
  namn: string;
  varde: number | null;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const [text, setText] = useState(varde === null ? '' : String(varde));
  const save = useMutation({
    mutationFn: () =>
      api.put(`${base(verksamhetId)}/caseload/${userId}`, { arsarbetareHundradelar: Number(text) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['caseload', verksamhetId] }),
  });
  const statusId = `grad-${userId}-status`;
  return (
    <form
      className="inline-field"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
      <label className="sr-only" htmlFor={`grad-${userId}`}>
        {t('caseload.grad.label', { namn })}
      </label>
      <input
        id={`grad-${userId}`}
        inputMode="numeric"
        size={4}
        value={text}
        aria-invalid={save.error ? true : undefined}
        aria-describedby={save.isSuccess ? statusId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          save.reset();
        }}
      />{' '}
      <button type="submit" className="secondary" disabled={save.isPending}>
        {t('case.save')}
      </button>
      {/* Says that the save went through (or why not) where the button was pressed. */}
      <span id={statusId} role="status">
        {save.isSuccess ? t('caseload.saved', { namn }) : ''}
      </span>
      <ErrorMessage error={save.error} />
    </form>
  );
}

export function Caseload() {
  const { t } = useI18n();
  const v = useVerksamhet();
  const q = useQuery({
    queryKey: ['caseload', v.id],
    queryFn: () => api.get<CaseloadData>(`${base(v.id!)}/caseload`),
    enabled: Boolean(v.id && v.arChef),
  });
  if (!v.id || !v.arChef) {
    return (
      <Page title={t('caseload.title')}>
        <p>{t('case.noVerksamhet')}</p>
      </Page>
    );
  }
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const c = q.data;
  const per = (n: number | null) => (n === null ? '–' : new Intl.NumberFormat('sv-SE').format(n));
  const niva = (n: 'under' | 'inom' | 'over' | null) => (n ? t(`caseload.niva.${n}`) : '–');
  return (
    <Page title={t('caseload.title')}>
      <p className="lead">{t('caseload.lead', c.rekommenderat)}</p>
      <section className="card" aria-labelledby="caseload-tabell">
        <h2 id="caseload-tabell">{t('caseload.caption')}</h2>
        <TableScroll label={t('caseload.caption')}>
          <table>
            <caption className="sr-only">{t('caseload.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('caseload.col.ombud')}</th>
                <th scope="col" className="num">
                  {t('caseload.col.aktiva')}
                </th>
                <th scope="col">{t('caseload.col.grad')}</th>
                <th scope="col" className="num">
                  {t('caseload.col.per')}
                </th>
                <th scope="col">{t('caseload.col.niva')}</th>
              </tr>
            </thead>
            <tbody>
              {c.ombud.map((o) => (
                <tr key={o.userId}>
                  <th scope="row">{o.displayName}</th>
                  <td className="num">{formatNumber(o.aktiva)}</td>
                  <td>
                    <Grad
                      verksamhetId={v.id!}
                      userId={o.userId}
                      namn={o.displayName}
                      varde={o.arsarbetareHundradelar}
                    />
                  </td>
                  <td className="num">{per(o.perArsarbetare)}</td>
                  <td>{niva(o.niva)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('caseload.totalt')}</th>
                <td className="num">{formatNumber(c.totalt.aktiva)}</td>
                <td>{formatNumber(c.totalt.arsarbetareHundradelar)}</td>
                <td className="num">{per(c.totalt.perArsarbetare)}</td>
                <td>{niva(c.totalt.niva)}</td>
              </tr>
            </tfoot>
          </table>
        </TableScroll>
        {c.totalt.utanOmbud ? <p>{t('caseload.utanOmbud', { n: c.totalt.utanOmbud })}</p> : null}
      </section>
    </Page>
  );
}
