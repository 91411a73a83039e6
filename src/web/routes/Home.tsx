import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.ts';
import type { VerksamhetItem } from '../../contracts/orgs.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FigureTable } from '../components/FigureTable.tsx';
import { Loading, Page } from '../components/Page.tsx';
import { formatNumber } from '../format.ts';
import { homeWidgets } from '../home-widgets.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { AktorStart, LanStart, NationStart } from './start/OvrigaStart.tsx';
import { VerksamhetStart } from './start/VerksamhetStart.tsx';
import { VerksamhetTable } from './Verksamheter.tsx';

type LanDetail = {
  kod: string;
  namn: string;
  kommuner: Array<{
    kod: string;
    namn: string;
    folkmangd: number | null;
    verksamheter: Array<{ id: string; namn: string }>;
  }>;
  verksamheter: VerksamhetItem[];
};

function omradeText(v: VerksamhetItem) {
  return v.omraden.map((o) => o.stadsdelsomradeNamn ?? o.kommunNamn).join(', ');
}

function MinVerksamhet({ id }: { id: string }) {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['verksamhet', id],
    queryFn: () => api.get<VerksamhetItem>(`/verksamheter/${id}`),
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const v = q.data;
  return (
    <section className="card" aria-labelledby="min-verksamhet">
      <h2 id="min-verksamhet">{v.namn}</h2>
      <dl className="facts">
        <dt>{t('col.lan')}</dt>
        <dd>{v.lanNamn}</dd>
        <dt>{t('col.utforare')}</dt>
        <dd>{t(`utforare.${v.utforare}`)}</dd>
        <dt>{t('col.omraden')}</dt>
        <dd>{omradeText(v)}</dd>
      </dl>
    </section>
  );
}

function LanOversikt({ lanKod }: { lanKod: string }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: ['lan', lanKod], queryFn: () => api.get<LanDetail>(`/lan/${lanKod}`) });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorMessage error={q.error} />;
  const l = q.data;
  const medPo = l.kommuner.filter((k) => k.verksamheter.length > 0).length;
  return (
    <>
      <section className="card" aria-labelledby="lan-verksamheter">
        <h2 id="lan-verksamheter">
          {t('home.lan.verksamheter')} – {l.namn}
        </h2>
        <VerksamhetTable rows={l.verksamheter} />
      </section>
      <section className="card" aria-labelledby="lan-kommuner">
        <h2 id="lan-kommuner">{t('home.lan.kommuner')}</h2>
        <p>
          {formatNumber(medPo)} av {formatNumber(l.kommuner.length)} kommuner har personligt ombud.
        </p>
        <FigureTable
          caption={t('home.lan.kommuner')}
          captionHidden
          columns={[
            { label: t('col.kod') },
            { label: t('col.namn') },
            { label: t('col.folkmangd'), num: true },
            { label: t('col.verksamheter') },
          ]}
          rows={l.kommuner.map((k) => ({
            key: k.kod,
            cells: [
              k.kod,
              k.namn,
              k.folkmangd === null ? '–' : formatNumber(k.folkmangd),
              k.verksamheter.map((v) => v.namn).join(', ') || '–',
            ],
          }))}
        />
      </section>
    </>
  );
}

function Nation() {
  const { t } = useI18n();
  const q = useQuery({
    queryKey: ['lan'],
    queryFn: () => api.get<Array<{ kod: string; namn: string; kommuner: number; folkmangd: number }>>('/lan'),
  });
  const v = useQuery({
    queryKey: ['verksamheter'],
    queryFn: () => api.get<VerksamhetItem[]>('/verksamheter'),
  });
  if (q.isPending || v.isPending) return <Loading />;
  if (q.error || v.error) return <ErrorMessage error={q.error ?? v.error} />;
  return (
    <section className="card" aria-labelledby="nation-lan">
      <h2 id="nation-lan">{t('home.nation.lan')}</h2>
      <FigureTable
        caption={t('home.nation.lan')}
        captionHidden
        columns={[
          { label: t('col.kod') },
          { label: t('col.lan') },
          { label: t('col.kommuner'), num: true },
          { label: t('col.folkmangd'), num: true },
          { label: t('col.verksamheter'), num: true },
        ]}
        rows={q.data.map((l) => ({
          key: l.kod,
          cells: [
            l.kod,
            l.namn,
            formatNumber(l.kommuner),
            formatNumber(l.folkmangd),
            formatNumber(v.data.filter((x) => x.lanKod === l.kod).length),
          ],
        }))}
      />
    </section>
  );
}

export function Home() {
  const { t } = useI18n();
  const { me, active, activeRoles } = useSession();
  const roles = (m: Me['medlemskap'][number]) =>
    me.medlemskap.filter((x) => x.organisationId === m.organisationId).map((x) => t(`roll.${x.roll}`));
  return (
    <Page title={t('home.welcome', { name: me.displayName })}>
      <p className="lead">{active ? `${active.organisationNamn} – ${roles(active).join(', ')}` : null}</p>
      {/* What needs doing first; the facts about the organisation below it. */}
      {active?.organisationTyp === 'verksamhet' ? (
        <>
          <VerksamhetStart v={active.organisationId} />
          <MinVerksamhet id={active.organisationId} />
        </>
      ) : null}
      {activeRoles.has('lansstyrelse') && active?.lanKod ? (
        <>
          <LanStart lanKod={active.lanKod} />
          <LanOversikt lanKod={active.lanKod} />
        </>
      ) : null}
      {activeRoles.has('socialstyrelsen') ? (
        <>
          <NationStart />
          <Nation />
        </>
      ) : null}
      {activeRoles.has('aktor') ? (
        <>
          <p>{t('home.aktor', { org: active?.organisationNamn ?? '' })}</p>
          <AktorStart />
        </>
      ) : null}
      {activeRoles.has('admin') ? <p>{t('home.admin')}</p> : null}
      {homeWidgets
        .filter((w) => w.roles.some((r) => activeRoles.has(r)))
        .map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the widget list is static
          <w.component key={i} />
        ))}
      <section className="card" aria-labelledby="mina-roller">
        <h2 id="mina-roller">{t('home.memberships')}</h2>
        <ul>
          {me.medlemskap.map((m) => (
            <li key={`${m.organisationId}-${m.roll}`}>
              {m.organisationNamn}: {t(`roll.${m.roll}`)}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
