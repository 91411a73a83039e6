import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import type { bristbild, bristText } from '../../../contracts/national.ts';
import { BRIST_NIVA, BRIST_NIVA_ETIKETT } from '../../../domain/codes.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { SelectField } from '../../components/Field.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { TableScroll } from '../../components/TableScroll.tsx';
import { formatNumber } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import { ArVal, standardAr } from './common.tsx';

type Bristbild = z.infer<typeof bristbild>;
type BristText = z.infer<typeof bristText>;
type Rad = Bristbild['amnen'][number];

/**
 * The national picture of brister (domain brief "System deficiencies"): per subject and per actor, how
 * many verksamheter, which län and how many kommuner reported it this year and last; filters by län,
 * actor, level and year; drill-down to the texts; the selection as xlsx. A Länsstyrelse sees its own län.
 */
export function Bristbild() {
  const { t, lang } = useI18n();
  const { active, hasRole } = useSession();
  const egetLan = hasRole('lansstyrelse') ? (active?.lanKod ?? undefined) : undefined;
  // The picture is built from approved redovisningar: open on the latest year that has any.
  const arMedData = useQuery({
    queryKey: ['oppna-data', 'ar'],
    queryFn: () => api.get<{ ar: number[] }>('/oppna-data'),
  });
  const senasteAr = arMedData.data?.ar.at(-1);
  const [ar, setAr] = useArIUrl(senasteAr ?? standardAr());
  const [lan, setLan] = useState(egetLan ?? '');
  const [aktor, setAktor] = useState('');
  const [niva, setNiva] = useState('');
  const amneNamn = useAmneNamn();
  const [vald, setVald] = useState<{ typ: 'amne' | 'aktor'; kod: string; namn: string } | null>(null);
  const lanLista = useQuery({
    queryKey: ['lan'],
    queryFn: () => api.get<Array<{ kod: string; namn: string }>>('/lan'),
  });
  const aktorer = useQuery({
    queryKey: ['aktorer'],
    queryFn: () => api.get<Array<{ kod: string; namn: string }>>('/aktorer'),
  });
  const params = new URLSearchParams();
  if (lan) params.set('lan', lan);
  if (aktor) params.set('aktor', aktor);
  if (niva) params.set('niva', niva);
  const qs = params.toString();
  const q = useQuery({
    queryKey: ['bristbild', ar, qs],
    queryFn: () => api.get<Bristbild>(`/nationellt/${ar}/brister${qs ? `?${qs}` : ''}`),
    enabled: !arMedData.isPending,
  });
  const arUtanData = arMedData.data !== undefined && !arMedData.data.ar.includes(ar);
  // A year without approved reports has nothing of its own (rows would show only the year before).
  const tom = q.data?.amnen.length === 0 || arUtanData;
  const texterParams = new URLSearchParams(params);
  if (vald) texterParams.set(vald.typ, vald.kod);
  const texter = useQuery({
    queryKey: ['bristtexter', ar, texterParams.toString()],
    queryFn: () => api.get<BristText[]>(`/nationellt/${ar}/brister/texter?${texterParams.toString()}`),
    enabled: vald !== null,
  });

  const lanNamn = new Map((lanLista.data ?? []).map((l) => [l.kod, l.namn]));
  // A few län by name; many as a count that opens to the names (21 codes one per line made rows tall).
  const lanCell = (koder: string[]) => {
    const namn = koder.map((k) => lanNamn.get(k) ?? k).join(', ');
    if (koder.length <= 3) return <>{namn}</>;
    return (
      <details>
        <summary>{t('bb.lanAntal', { n: formatNumber(koder.length) })}</summary>
        {namn}
      </details>
    );
  };

  const tabell = (rubrik: string, forsta: string, typ: 'amne' | 'aktor', rader: Rad[]) => (
    <TableScroll label={rubrik}>
      <table>
        <caption>{rubrik}</caption>
        <thead>
          <tr>
            <th scope="col">{forsta}</th>
            <th scope="col" className="num">
              {t('bb.verksamheterAr', { ar })}
            </th>
            <th scope="col">{t('bb.lanAr', { ar })}</th>
            <th scope="col" className="num">
              {t('bb.kommunerAr', { ar })}
            </th>
            <th scope="col" className="num">
              {t('bb.verksamheterAr', { ar: ar - 1 })}
            </th>
            {BRIST_NIVA.map((n) => (
              <th key={n} scope="col" className="num">
                {BRIST_NIVA_ETIKETT[n][lang]}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">{t('bb.texter')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rader.map((r) => (
            <tr key={r.kod}>
              <th scope="row">{typ === 'amne' ? amneNamn(r) : r.namn}</th>
              <td className="num">{formatNumber(r.iAr.verksamheter)}</td>
              <td>{lanCell(r.iAr.lan)}</td>
              <td className="num">{formatNumber(r.iAr.kommuner)}</td>
              <td className="num">{formatNumber(r.foregaendeAr.verksamheter)}</td>
              {BRIST_NIVA.map((n) => (
                <td key={n} className="num">
                  {formatNumber((r.nivaer as Record<string, number>)[n] ?? 0)}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  onClick={() => setVald({ typ, kod: r.kod, namn: typ === 'amne' ? amneNamn(r) : r.namn })}
                >
                  {t('bb.texter')}
                  <span className="sr-only">: {r.namn}</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );

  return (
    <Page title={t('bb.title')}>
      <p className="lead">{t('bb.lead')}</p>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('bb.filter')}>
        <ArVal ar={ar} setAr={setAr} />
        <SelectField
          label={t('nat.lan')}
          value={lan}
          disabled={Boolean(egetLan)}
          onChange={(e) => setLan(e.target.value)}
          options={[
            ...(egetLan ? [] : [{ value: '', label: t('bb.alla') }]),
            ...(lanLista.data ?? [])
              .filter((l) => !egetLan || l.kod === egetLan)
              .map((l) => ({ value: l.kod, label: l.namn })),
          ]}
        />
        <SelectField
          label={t('bb.aktor')}
          value={aktor}
          onChange={(e) => setAktor(e.target.value)}
          options={[
            { value: '', label: t('bb.alla') },
            ...(aktorer.data ?? []).map((a) => ({ value: a.kod, label: a.namn })),
          ]}
        />
        <SelectField
          label={t('bb.niva')}
          value={niva}
          onChange={(e) => setNiva(e.target.value)}
          options={[
            { value: '', label: t('bb.alla') },
            ...BRIST_NIVA.map((n) => ({ value: n, label: BRIST_NIVA_ETIKETT[n][lang] })),
          ]}
        />
      </form>
      {q.data && !tom ? (
        <p>
          <a href={`/api/v1/nationellt/${ar}/brister/export.xlsx${qs ? `?${qs}` : ''}`}>{t('bb.xlsx')}</a>
        </p>
      ) : null}
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : tom ? (
        <p role="status">
          {arUtanData ? t('bb.tomAr', { ar }) : t('bb.tom')}{' '}
          {arUtanData && senasteAr ? (
            <button type="button" className="secondary" onClick={() => setAr(senasteAr)}>
              {t('bb.visaAr', { ar: senasteAr })}
            </button>
          ) : null}
        </p>
      ) : (
        <>
          {tabell(t('bb.amnen'), t('bb.amne'), 'amne', q.data.amnen)}
          {tabell(t('bb.aktorer'), t('bb.aktor'), 'aktor', q.data.aktorer)}
        </>
      )}
      {vald ? (
        <section aria-labelledby="bb-texter">
          <h2 id="bb-texter">{t('bb.texterRubrik', { namn: vald.namn })}</h2>
          {texter.isPending ? (
            <Loading />
          ) : texter.error ? (
            <ErrorMessage error={texter.error} />
          ) : (
            <ul>
              {texter.data.map((x) => (
                <li key={`${x.verksamhetKod}-${x.titel}`}>
                  <strong>{x.titel}</strong> ({x.verksamhetNamn}, {x.lanKod},{' '}
                  {BRIST_NIVA_ETIKETT[x.niva][lang]})<p>{x.beskrivning}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Page>
  );
}
