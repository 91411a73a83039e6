import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { InboxItem } from '../../../contracts/brister.ts';
import type { Fordelning } from '../../../contracts/grants.ts';
import type { LanRapportItem } from '../../../contracts/national.ts';
import type { LanList, LISTSTATUS, NationStatus } from '../../../contracts/redovisning.ts';
import { dagarMellan, idagISverige } from '../../../domain/datum.ts';
import { aktuelltRedovisningsar, arshjul } from '../../../domain/redovisning/arshjul.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { Loading } from '../../components/Page.tsx';
import { formatNumber } from '../../format.ts';
import { useI18n } from '../../i18n/index.tsx';
import { pluralKey } from '../../i18n/plural.ts';
import { DeadlineText, type Uppgift, WorkList } from './WorkList.tsx';

/** An aktör's start: the brister waiting for its answer and how long the oldest has waited. */
export function AktorStart() {
  const { t, lang } = useI18n();
  const vantat = (n: number) =>
    n === 0 ? t('start.aktor.idag') : t(pluralKey(lang, 'start.aktor.aldsta', n), { n: formatNumber(n) });
  const idag = idagISverige();
  const q = useQuery({
    queryKey: ['inkorg', 'obesvarade'],
    queryFn: () => api.get<InboxItem[]>('/aktor/inbox?obesvarade=true'),
  });
  const aldsta = q.data?.map((b) => b.skickadAt.slice(0, 10)).sort()[0];
  return (
    <section className="card" aria-labelledby="start-todo">
      <h2 id="start-todo">{t('start.todo')}</h2>
      <ErrorMessage error={q.error} />
      <WorkList
        label={t('start.todo')}
        uppgifter={[
          {
            antal: q.data?.length ?? null,
            text: 'start.aktor.obesvarade',
            till: '/inkorg?obesvarade=true',
            varning: true,
            detalj: aldsta ? vantat(dagarMellan(aldsta, idag)) : undefined,
          },
        ]}
      />
    </section>
  );
}

/** The Länsstyrelse's start: the län's redovisningar by what they need, and the län's own report. */
export function LanStart({ lanKod }: { lanKod: string }) {
  const { t, lang } = useI18n();
  const idag = idagISverige();
  const ar = aktuelltRedovisningsar(idag);
  const q = useQuery({
    queryKey: ['redovisningar', lanKod, ar],
    queryFn: () => api.get<LanList>(`/lan/${lanKod}/redovisningar?ar=${ar}`),
  });
  const rapport = useQuery({
    queryKey: ['lan-rapport', lanKod, ar],
    queryFn: () => api.get<LanRapportItem>(`/lan/${lanKod}/rapport/${ar}`),
  });
  const antal = (s: (typeof LISTSTATUS)[number]) =>
    q.data?.rader.filter((r) => r.status === s).length ?? null;
  const lank = (s: string) => `/redovisning/granskning?ar=${ar}&status=${s}`;
  const uppgifter: Uppgift[] = [
    { antal: antal('inskickad'), text: 'start.lan.inskickad', till: lank('inskickad'), varning: true },
    { antal: antal('returnerad'), text: 'start.lan.returnerad', till: lank('returnerad') },
    { antal: antal('saknas'), text: 'start.lan.saknas', till: lank('saknas') },
    { antal: antal('sen'), text: 'start.lan.sen', till: lank('sen'), varning: true },
    { antal: antal('godkand'), text: 'start.lan.godkand', till: lank('godkand') },
  ].filter((u) => u.antal !== 0 || u.text === 'start.lan.inskickad');
  return (
    <>
      <section className="card" aria-labelledby="start-lan">
        <h2 id="start-lan">{t('start.lan.title', { ar })}</h2>
        <ErrorMessage error={q.error} />
        {q.data ? (
          <p>
            {t(pluralKey(lang, 'start.lan.verksamheter', q.data.rader.length), {
              n: formatNumber(q.data.rader.length),
            })}{' '}
            <DeadlineText datum={q.data.deadline} idag={idag} />
          </p>
        ) : null}
        <WorkList label={t('start.lan.title', { ar })} uppgifter={uppgifter} />
      </section>
      <section className="card" aria-labelledby="start-lan-rapport">
        <h2 id="start-lan-rapport">{t('start.lan.rapport')}</h2>
        <ErrorMessage error={rapport.error} />
        {rapport.data ? (
          <p>
            {t('start.lan.rapport.status', { status: t(`start.rapport.${rapport.data.status}`) })}{' '}
            {rapport.data.status === 'saknas' || rapport.data.status === 'utkast' ? (
              <DeadlineText datum={arshjul(ar).lansstyrelse} idag={idag} />
            ) : null}{' '}
            <Link to={`/lan-sammanstallning?ar=${ar}`}>{t('start.lan.rapport.oppna')}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}

/** Socialstyrelsen's start: per län, how far the year's redovisningar and län reports have come; the grant. */
export function NationStart() {
  const { t } = useI18n();
  const idag = idagISverige();
  const ar = aktuelltRedovisningsar(idag);
  const status = useQuery({
    queryKey: ['nation-status', ar],
    queryFn: () => api.get<NationStatus>(`/nationellt/${ar}/redovisningar`),
  });
  const rapporter = useQuery({
    queryKey: ['lansrapporter', ar],
    queryFn: () => api.get<LanRapportItem[]>(`/nationellt/${ar}/lansrapporter`),
  });
  // The grant for next year is divided from this year's applications (in this year's redovisningar).
  const bidragsar = ar + 1;
  const bidrag = useQuery({
    queryKey: ['statsbidrag', bidragsar],
    queryFn: () => api.get<Fordelning>(`/statsbidrag/${bidragsar}`),
  });
  if (status.isPending || rapporter.isPending) return <Loading />;
  if (status.error || rapporter.error) return <ErrorMessage error={status.error ?? rapporter.error} />;
  const rapportAv = new Map(rapporter.data.map((r) => [r.lanKod, r.status]));
  const inkomna = (a: NationStatus['rader'][number]['antal']) => a.inskickad + a.returnerad + a.godkand;
  const summa = status.data.rader.reduce(
    (s, r) => ({
      verksamheter: s.verksamheter + r.verksamheter,
      inkomna: s.inkomna + inkomna(r.antal),
      godkanda: s.godkanda + r.antal.godkand,
    }),
    { verksamheter: 0, inkomna: 0, godkanda: 0 },
  );
  const rapporterIn = rapporter.data.filter((r) => r.status === 'inskickad' || r.status === 'godkand').length;
  return (
    <>
      <section className="card" aria-labelledby="start-nation">
        <h2 id="start-nation">{t('start.nation.title', { ar })}</h2>
        <p>
          {t('start.nation.inkomna', {
            n: formatNumber(summa.inkomna),
            av: formatNumber(summa.verksamheter),
            g: formatNumber(summa.godkanda),
          })}{' '}
          <DeadlineText datum={status.data.deadline} idag={idag} />
        </p>
        <p>
          {t('start.nation.rapporter', {
            n: formatNumber(rapporterIn),
            av: formatNumber(rapporter.data.length),
          })}{' '}
          <DeadlineText datum={arshjul(ar).lansstyrelse} idag={idag} />
        </p>
        <FigureTable
          caption={t('start.nation.caption')}
          captionHidden
          columns={[
            { label: t('start.nation.col.lan') },
            { label: t('start.nation.col.verksamheter'), num: true },
            { label: t('start.nation.col.inkomna'), num: true },
            { label: t('start.nation.col.godkanda'), num: true },
            { label: t('start.nation.col.saknas'), num: true },
            { label: t('start.nation.col.rapport') },
          ]}
          rows={status.data.rader.map((r) => ({
            key: r.lanKod,
            head: r.lanNamn,
            cells: [
              formatNumber(r.verksamheter),
              formatNumber(inkomna(r.antal)),
              formatNumber(r.antal.godkand),
              formatNumber(r.antal.saknas + r.antal.sen),
              t(`start.rapport.${rapportAv.get(r.lanKod) ?? 'saknas'}`),
            ],
          }))}
          total={{
            key: 'summa',
            head: t('start.nation.summa'),
            cells: [
              formatNumber(summa.verksamheter),
              formatNumber(summa.inkomna),
              formatNumber(summa.godkanda),
              formatNumber(summa.verksamheter - summa.inkomna),
              `${formatNumber(rapporterIn)} / ${formatNumber(rapporter.data.length)}`,
            ],
          }}
        />
      </section>
      <section className="card" aria-labelledby="start-bidrag">
        <h2 id="start-bidrag">{t('start.nation.statsbidrag', { ar: bidragsar })}</h2>
        <ErrorMessage error={bidrag.error} />
        {bidrag.data ? (
          <p>
            {bidrag.data.faststalld
              ? t('start.nation.statsbidrag.faststallt')
              : t('start.nation.statsbidrag.ej')}{' '}
            <Link to={`/statsbidrag?ar=${bidragsar}`}>{t('start.nation.statsbidrag.oppna')}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
