import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { BristList } from '../../../contracts/brister.ts';
import type { Caseload, KoStatistik } from '../../../contracts/cases.ts';
import type { MoteDetail } from '../../../contracts/ledningsgrupp.ts';
import type { RedovisningView } from '../../../contracts/redovisning.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { aktuelltRedovisningsar } from '../../../domain/redovisning/arshjul.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { Loading } from '../../components/Page.tsx';
import { formatDecimal, formatNumber } from '../../format.ts';
import { useAmneNamn } from '../../i18n/amnen.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { useSession } from '../../session.tsx';
import { DeadlineText, type Uppgift, WorkList } from './WorkList.tsx';

type MoteSummary = { id: string; datum: string; punkter: number };

const antalArenden = (v: string, filter: string) => () =>
  api.get<{ total: number }>(`/verksamheter/${v}/arenden?${filter}&limit=1`).then((r) => r.total);

/** The ombud's and the chef's "Att göra": counts of their own casework, each a link to its list. */
function ArbeteKort({ v, arOmbud, arChef }: { v: string; arOmbud: boolean; arChef: boolean }) {
  const { t, lang } = useI18n();
  const mina = useQuery({
    queryKey: ['start', v, 'mina'],
    queryFn: antalArenden(v, 'status=aktiv&ombud=jag'),
    enabled: arOmbud,
  });
  const forfragan = useQuery({
    queryKey: ['start', v, 'forfragan'],
    queryFn: antalArenden(v, 'status=forfragan'),
  });
  const ko = useQuery({
    queryKey: ['ko-statistik', v],
    queryFn: () => api.get<KoStatistik>(`/verksamheter/${v}/ko/statistik`),
  });
  const caseload = useQuery({
    queryKey: ['caseload', v],
    queryFn: () => api.get<Caseload>(`/verksamheter/${v}/caseload`),
    enabled: arChef,
  });
  const gallring = useQuery({
    queryKey: ['gallring', v],
    queryFn: () => api.get<{ items: unknown[] }>(`/verksamheter/${v}/gallring`),
  });
  const brister = useQuery({
    queryKey: ['brister', v, 'forsenad'],
    queryFn: () => api.get<BristList>(`/verksamheter/${v}/brister?forsenad=true&limit=1`),
  });
  const fel = mina.error ?? forfragan.error ?? ko.error ?? caseload.error ?? gallring.error ?? brister.error;
  const langst = ko.data?.iKo.maxDagar;
  const uppgifter: Uppgift[] = [
    ...(arOmbud
      ? [{ antal: mina.data ?? null, text: 'start.mina', till: '/arenden?status=aktiv&ombud=jag' }]
      : []),
    {
      antal: forfragan.data ?? null,
      text: 'start.forfragan',
      till: '/arenden?status=forfragan',
      varning: true,
    },
    {
      antal: ko.data?.iKo.antal ?? null,
      text: 'start.ko',
      till: '/ko',
      detalj: langst ? t(pluralKey(lang, 'start.ko.langst', langst), { n: formatNumber(langst) }) : undefined,
    },
    ...(arChef
      ? [
          {
            antal: caseload.data?.totalt.utanOmbud ?? null,
            text: 'start.utanOmbud',
            till: '/arenden?status=aktiv&ombud=ingen',
            varning: true,
          },
        ]
      : []),
    { antal: gallring.data?.items.length ?? null, text: 'start.gallring', till: '/gallring', varning: true },
    {
      antal: brister.data?.total ?? null,
      text: 'start.aterkoppling',
      till: '/brister?forsenad=true',
      varning: true,
    },
  ];
  return (
    <section className="card" aria-labelledby="start-todo">
      <h2 id="start-todo">{t('start.todo')}</h2>
      <ErrorMessage error={fel} />
      <WorkList uppgifter={uppgifter} label={t('start.todo')} />
      {arChef && caseload.data ? <CaseloadTabell c={caseload.data} /> : null}
      {arChef && caseload.data ? (
        <p>
          <Link to="/caseload">{t('start.caseload.lank')}</Link>
        </p>
      ) : null}
    </section>
  );
}

function CaseloadTabell({ c }: { c: Caseload }) {
  const { t } = useI18n();
  return (
    <>
      <h3 id="start-caseload">{t('start.caseload')}</h3>
      <p className="muted">{t('start.caseload.norm', c.rekommenderat)}</p>
      <FigureTable
        caption={t('start.caseload')}
        captionHidden
        columns={[
          { label: t('start.caseload.col.ombud') },
          { label: t('start.caseload.col.aktiva'), num: true },
          { label: t('start.caseload.col.per'), num: true },
          { label: t('start.caseload.col.niva') },
        ]}
        rows={c.ombud.map((o) => ({
          key: o.userId,
          head: o.displayName,
          cells: [
            formatNumber(o.aktiva),
            o.perArsarbetare === null ? '–' : formatDecimal(o.perArsarbetare, 1),
            o.niva ? (
              <span key="niva" className={o.niva === 'inom' ? 'badge' : 'badge badge-warn'}>
                {t(`start.caseload.niva.${o.niva}`)}
              </span>
            ) : (
              t('start.caseload.ingen')
            ),
          ],
        }))}
      />
    </>
  );
}

/** The chef's redovisning for the year being worked on: status, what is missing, the deadline. */
function RedovisningKort({ v }: { v: string }) {
  const { t, lang } = useI18n();
  const idag = idagISverige();
  const ar = aktuelltRedovisningsar(idag);
  const q = useQuery({
    queryKey: ['redovisning', v, ar],
    queryFn: () => api.get<RedovisningView>(`/verksamheter/${v}/redovisningar/${ar}`),
  });
  return (
    <section className="card" aria-labelledby="start-redovisning">
      <h2 id="start-redovisning">{t('start.redovisning', { ar })}</h2>
      {q.isPending ? <Loading /> : null}
      <ErrorMessage error={q.error} />
      {q.data ? (
        <>
          <p>
            {t('start.redovisning.status', { status: t(`status.${q.data.status}`) })}{' '}
            {q.data.status === 'utkast' || q.data.status === 'returnerad' ? (
              <>
                {q.data.validering.length > 0
                  ? t(pluralKey(lang, 'start.redovisning.fel', q.data.validering.length), {
                      n: formatNumber(q.data.validering.length),
                    })
                  : t('start.redovisning.klar')}{' '}
                <DeadlineText datum={q.data.deadline} idag={idag} />
              </>
            ) : null}
          </p>
          <p>
            <Link to={`/redovisning?ar=${ar}`}>{t('start.redovisning.oppna')}</Link>
          </p>
        </>
      ) : null}
    </section>
  );
}

/** The next ledningsgrupp meeting and the brister on its agenda (chef and ledamot). */
function MoteKort({
  v,
  visaDagordning,
  kanPlanera,
}: {
  v: string;
  visaDagordning: boolean;
  kanPlanera: boolean;
}) {
  const { t, lang } = useI18n();
  const idag = idagISverige();
  const amneNamn = useAmneNamn();
  const moten = useQuery({
    queryKey: ['moten', v],
    queryFn: () => api.get<MoteSummary[]>(`/verksamheter/${v}/ledningsgrupp/moten`),
  });
  const nasta = moten.data?.filter((m) => m.datum >= idag).sort((a, b) => a.datum.localeCompare(b.datum))[0];
  // Brister not yet raised in the ledningsgrupp: what the next meeting should take up.
  const oupptagna = useQuery({
    queryKey: ['brister', v, 'registrerad'],
    queryFn: () => api.get<BristList>(`/verksamheter/${v}/brister?status=registrerad&limit=1`),
  });
  const mote = useQuery({
    queryKey: ['mote', v, nasta?.id],
    queryFn: () => api.get<MoteDetail>(`/verksamheter/${v}/ledningsgrupp/moten/${nasta!.id}`),
    enabled: Boolean(nasta && visaDagordning),
  });
  return (
    <section className="card" aria-labelledby="start-mote">
      <h2 id="start-mote">{t('start.mote')}</h2>
      {moten.isPending ? <Loading /> : null}
      <ErrorMessage error={moten.error ?? mote.error ?? oupptagna.error} />
      {moten.data && !nasta ? (
        <p>
          {t('start.mote.inget')}{' '}
          <Link to="/ledningsgrupp">{kanPlanera ? t('start.mote.planera') : t('start.mote.se')}</Link>
        </p>
      ) : null}
      <WorkList
        label={t('start.mote')}
        uppgifter={[
          {
            antal: oupptagna.data?.total ?? null,
            text: 'start.mote.oupptagna',
            till: '/brister?status=registrerad',
            varning: true,
          },
        ]}
      />
      {nasta ? (
        <p>
          <Link to={`/ledningsgrupp/moten/${nasta.id}`}>{t('start.mote.nasta', { datum: nasta.datum })}</Link>
          {' – '}
          {t(pluralKey(lang, 'start.mote.punkter', nasta.punkter), { n: formatNumber(nasta.punkter) })}
        </p>
      ) : null}
      {visaDagordning && mote.data ? (
        <>
          <h3>{t('start.mote.dagordning')}</h3>
          {mote.data.dagordning.length === 0 ? (
            <p>{t('start.mote.inga')}</p>
          ) : (
            <ul>
              {mote.data.dagordning.map((p) => (
                <li key={p.bristId}>
                  <Link to={`/brister/${p.bristId}`}>{p.titel}</Link>{' '}
                  <span className="muted">({amneNamn({ kod: p.amneKod, namn: p.amneNamn })})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

/** Start for the people of a verksamhet: the ombud's work, the chef's overview, the ledamot's meeting. */
export function VerksamhetStart({ v }: { v: string }) {
  const { hasRole } = useSession();
  const arOmbud = hasRole('ombud');
  const arChef = hasRole('chef');
  return (
    <>
      {arOmbud || arChef ? <ArbeteKort v={v} arOmbud={arOmbud} arChef={arChef} /> : null}
      {arChef ? <RedovisningKort v={v} /> : null}
      {arChef || hasRole('ledamot') ? (
        <MoteKort v={v} visaDagordning={hasRole('ledamot') || arChef} kanPlanera={arChef} />
      ) : null}
    </>
  );
}
