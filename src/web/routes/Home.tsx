import { useQuery } from '@tanstack/react-query';
import type { Me } from '../../contracts/auth.ts';
import type { VerksamhetItem } from '../../contracts/orgs.ts';
import { api } from '../api.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
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
        <table>
          <caption className="sr-only">{t('home.lan.kommuner')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.kod')}</th>
              <th scope="col">{t('col.namn')}</th>
              <th scope="col" className="num">
                {t('col.folkmangd')}
              </th>
              <th scope="col">{t('col.verksamheter')}</th>
            </tr>
          </thead>
          <tbody>
            {l.kommuner.map((k) => (
              <tr key={k.kod}>
                <td>{k.kod}</td>
                <td>{k.namn}</td>
                <td className="num">{k.folkmangd === null ? '–' : formatNumber(k.folkmangd)}</td>
                <td>{k.verksamheter.map((v) => v.namn).join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <table>
        <caption className="sr-only">{t('home.nation.lan')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.kod')}</th>
            <th scope="col">{t('col.lan')}</th>
            <th scope="col" className="num">
              {t('col.kommuner')}
            </th>
            <th scope="col" className="num">
              {t('col.folkmangd')}
            </th>
            <th scope="col" className="num">
              {t('col.verksamheter')}
            </th>
          </tr>
        </thead>
        <tbody>
          {q.data.map((l) => (
            <tr key={l.kod}>
              <td>{l.kod}</td>
              <td>{l.namn}</td>
              <td className="num">{formatNumber(l.kommuner)}</td>
              <td className="num">{formatNumber(l.folkmangd)}</td>
              <td className="num">{formatNumber(v.data.filter((x) => x.lanKod === l.kod).length)}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
