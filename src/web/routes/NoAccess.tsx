import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Page } from '../components/Page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { PAGE_ACCESS, rollerSomOppnar, type SidAtkomst, sidanTillater } from '../page-access.ts';
import { useSession } from '../session.tsx';

/** Shown instead of a page the user's active organisation gives no right to: nothing of the page loads. */
export function NoAccess({ atkomst }: { atkomst: SidAtkomst }) {
  const { t, lang } = useI18n();
  const roller = rollerSomOppnar(atkomst).map((r) => t(`roll.${r}`));
  const lista = new Intl.ListFormat(lang === 'en' ? 'en' : 'sv', { type: 'disjunction' }).format(roller);
  return (
    <Page title={t('noaccess.title')}>
      <p>{roller.length > 0 ? t('noaccess.roles', { roller: lista }) : t('noaccess.nobody')}</p>
      <p>{t('noaccess.switch')}</p>
      <p>
        <Link to="/">{t('noaccess.home')}</Link>
      </p>
    </Page>
  );
}

/**
 * The guard around every page (App.tsx): the page's element is not even created unless the active
 * organisation's roles open it, so none of its queries fire and none of its forms show.
 */
export function RequireAccess({ path, children }: { path: string; children: ReactNode }) {
  const { me, active } = useSession();
  // A page missing from the table is refused: page-access.test.ts makes sure none is.
  const atkomst = PAGE_ACCESS[path] ?? { kraver: [{ action: 'org:admin', pa: 'system' }], laddar: [] };
  if (!sidanTillater(atkomst, me, active)) return <NoAccess atkomst={atkomst} />;
  return <>{children}</>;
}
