import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { LanRapportItem } from '../../../contracts/national.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { FigureTable } from '../../components/FigureTable.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useSession } from '../../session.tsx';
import { useArIUrl } from '../../url-state.ts';
import { Utvecklingen } from '../oppen-statistik/Utvecklingen.tsx';
import { ArVal, Forhandsvisning, standardAr } from './common.tsx';
import {
  cell,
  type LanSammanstallning as LanJson,
  lagesrapportHref,
  Sammanstallningen,
} from './Tabeller.tsx';

/** The Länsstyrelse's compilation of its län (lan:read), per kommun, and its report to Socialstyrelsen. */
export function LanSammanstallning() {
  const { t } = useI18n();
  const { active } = useSession();
  const lanKod = active?.lanKod ?? null;
  const [ar, setAr] = useArIUrl(standardAr());
  const [forhandsvisning, setForhandsvisning] = useState(false);
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['lan-sammanstallning', lanKod, ar, forhandsvisning],
    queryFn: () =>
      api.get<LanJson>(
        `/lan/${lanKod}/sammanstallning/${ar}${forhandsvisning ? '?forhandsvisning=true' : ''}`,
      ),
    enabled: lanKod !== null,
  });
  const rapport = useQuery({
    queryKey: ['lan-rapport', lanKod, ar],
    queryFn: () => api.get<LanRapportItem>(`/lan/${lanKod}/rapport/${ar}`),
    enabled: lanKod !== null,
  });
  const [plan, setPlan] = useState('');
  useEffect(() => setPlan(rapport.data?.handlingsplan ?? ''), [rapport.data]);
  const uppdatera = () => qc.invalidateQueries({ queryKey: ['lan-rapport', lanKod, ar] });
  const spara = useMutation({
    mutationFn: () => api.put<LanRapportItem>(`/lan/${lanKod}/rapport/${ar}`, { handlingsplan: plan }),
    onSuccess: uppdatera,
  });
  const skicka = useMutation({
    mutationFn: async () => {
      await api.put(`/lan/${lanKod}/rapport/${ar}`, { handlingsplan: plan });
      return api.post<LanRapportItem>(`/lan/${lanKod}/rapport/${ar}/skicka-in`);
    },
    onSuccess: uppdatera,
  });
  if (!lanKod)
    return (
      <Page title={t('ls.title')}>
        <p>{t('ls.ingetLan')}</p>
      </Page>
    );
  const base = `/lan/${lanKod}/sammanstallning/${ar}`;
  const utkast = !rapport.data || rapport.data.status === 'utkast' || rapport.data.status === 'saknas';
  return (
    <Page title={t('ls.title')}>
      <form onSubmit={(e) => e.preventDefault()} aria-label={t('bb.filter')}>
        <ArVal ar={ar} setAr={setAr} />
        <Forhandsvisning varde={forhandsvisning} satt={setForhandsvisning} />
      </form>
      <nav aria-label={t('nat.download')}>
        <ul>
          <li>
            <a href={lagesrapportHref(base, 'xlsx', forhandsvisning)}>{t('nat.xlsx')}</a>
          </li>
          <li>
            <a href={lagesrapportHref(base, 'pdf', forhandsvisning)}>PDF</a>
          </li>
        </ul>
      </nav>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <>
          <Sammanstallningen s={q.data} />
          <PerKommunTabell rader={q.data.perKommun} />
        </>
      )}
      <section aria-labelledby="ls-rapport">
        <h2 id="ls-rapport">{t('ls.rapport')}</h2>
        {rapport.data ? <p>{t('ls.status', { status: t(`status.${rapport.data.status}`) })}</p> : null}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            spara.mutate();
          }}
        >
          <div className="field">
            <label htmlFor="ls-plan">{t('ls.handlingsplan')}</label>
            <textarea
              id="ls-plan"
              rows={6}
              value={plan}
              readOnly={!utkast}
              onChange={(e) => setPlan(e.target.value)}
            />
          </div>
          {utkast ? (
            <>
              <button type="submit" disabled={spara.isPending}>
                {t('ls.sparaUtkast')}
              </button>{' '}
              <button type="button" disabled={skicka.isPending} onClick={() => skicka.mutate()}>
                {t('ls.skickaIn')}
              </button>
            </>
          ) : null}
          {spara.isSuccess ? <p role="status">{t('ls.sparad')}</p> : null}
          {skicka.isSuccess ? <p role="status">{t('ls.inskickad')}</p> : null}
          <ErrorMessage error={spara.error ?? skicka.error} />
        </form>
      </section>
      <Utvecklingen lanKod={lanKod} />
    </Page>
  );
}

/**
 * The län's clients per kommun (suppressed). Rows come from the verksamheters' figures per the clients'
 * own kommun; a report without them contributes its whole figures to each kommun it covers, which the
 * Underlag column and the note below say.
 */
function PerKommunTabell({ rader }: { rader: LanJson['perKommun'] }) {
  const { t } = useI18n();
  const hela = [...new Set(rader.flatMap((k) => k.helaVerksamheten))].sort();
  const underlag = (k: LanJson['perKommun'][number]) => {
    if (k.verksamheter.length === 0) return '–';
    if (k.helaVerksamheten.length === 0) return t('ls.underlag.kommun');
    const koder = k.helaVerksamheten.join(', ');
    return k.verksamheter.length > k.helaVerksamheten.length
      ? t('ls.underlag.blandat', { koder })
      : t('ls.underlag.hela', { koder });
  };
  return (
    <>
      <FigureTable
        caption={t('ls.perKommun')}
        columns={[
          { label: t('ls.kommun') },
          { label: t('nat.verksamheter'), num: true },
          { label: t('nat.kvinnor'), num: true },
          { label: t('nat.man'), num: true },
          { label: t('nat.annan'), num: true },
          { label: t('nat.totalt'), num: true },
          { label: t('ls.medBarn'), num: true },
          { label: t('ls.underlag') },
        ]}
        rows={rader.map((k) => ({
          key: k.kommunKod ?? 'ej-angiven',
          head: k.kommunKod === null ? t('ls.kommunEjAngiven') : k.kommunNamn,
          cells: [
            k.verksamheter.length,
            cell(k.klienter.kvinna),
            cell(k.klienter.man),
            cell(k.klienter.annan),
            cell(k.klienter.totalt),
            cell(k.medBarn.totalt),
            underlag(k),
          ],
        }))}
      />
      <p className="hint">{t('ls.perKommun.text')}</p>
      {hela.length ? (
        <p className="alert alert-info">{t('ls.fallback', { koder: hela.join(', ') })}</p>
      ) : null}
    </>
  );
}
