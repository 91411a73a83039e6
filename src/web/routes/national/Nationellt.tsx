import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Sammanstallning } from '../../../contracts/national.ts';
import { api } from '../../api.ts';
import { ErrorMessage } from '../../components/ErrorMessage.tsx';
import { Loading, Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useArIUrl } from '../../url-state.ts';
import { Utvecklingen } from '../oppen-statistik/Utvecklingen.tsx';
import { ArVal, Forhandsvisning, standardAr } from './common.tsx';
import { lagesrapportHref, Sammanstallningen } from './Tabeller.tsx';

/** Socialstyrelsen's national tables (national:read), with the lägesrapport draft to download. */
export function Nationellt() {
  const { t } = useI18n();
  const [ar, setAr] = useArIUrl(standardAr());
  const [forhandsvisning, setForhandsvisning] = useState(false);
  const q = useQuery({
    queryKey: ['nationellt', ar, forhandsvisning],
    queryFn: () =>
      api.get<Sammanstallning>(`/nationellt/${ar}${forhandsvisning ? '?forhandsvisning=true' : ''}`),
  });
  const base = `/nationellt/${ar}`;
  return (
    <Page title={t('nat.title')}>
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
            <a href={lagesrapportHref(base, 'pdf', forhandsvisning)}>{t('nat.pdf')}</a>
          </li>
          <li>
            <a href={lagesrapportHref(base, 'docx', forhandsvisning)}>{t('nat.docx')}</a>
          </li>
        </ul>
      </nav>
      {q.isPending ? (
        <Loading />
      ) : q.error ? (
        <ErrorMessage error={q.error} />
      ) : (
        <Sammanstallningen s={q.data} />
      )}
      <Utvecklingen />
    </Page>
  );
}
