import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';
import { NavLink, useLocation, useNavigate } from 'react-router';
import { api } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { menuFor } from '../nav.ts';
import { sidVidByte } from '../page-access.ts';
import { useSession } from '../session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  const { me, active } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // The menu's disclosure state on a narrow screen (below 48em; styles.css): open for the page it was opened
  // on, so any navigation closes it. Above the breakpoint the button is hidden and the links always shown.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const menuOpen = openOn === location.pathname;
  const menuButton = useRef<HTMLButtonElement>(null);
  const orgs = [...new Map(me.medlemskap.map((m) => [m.organisationId, m])).values()];

  async function switchOrg(organisationId: string) {
    const ny = me.medlemskap.find((m) => m.organisationId === organisationId);
    // Leave a page the new organisation may not see BEFORE switching, so it never asks for data as it.
    const dit = sidVidByte(me, ny, location.pathname);
    if (dit !== location.pathname) navigate(dit);
    await api.put('/me/organisation', { organisationId });
    await qc.invalidateQueries();
  }

  function closeMenuOnEscape(e: KeyboardEvent) {
    if (e.key !== 'Escape' || !menuOpen) return;
    e.preventDefault();
    setOpenOn(null);
    menuButton.current?.focus();
  }

  async function logout() {
    await api.post('/auth/logout');
    // Forget every cached answer of this user, then show the login page at once.
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    qc.setQueryData(['me'], null);
    navigate('/');
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip.main')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          {orgs.length > 1 ? (
            <label className="inline-field">
              <span>{t('org.switch')}</span>
              <select value={active?.organisationId ?? ''} onChange={(e) => void switchOrg(e.target.value)}>
                {orgs.map((o) => (
                  <option key={o.organisationId} value={o.organisationId}>
                    {o.organisationNamn}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="org-name">{active?.organisationNamn}</span>
          )}
          <label className="inline-field">
            <span>{t('lang.label')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
          <span className="user-name">{me.displayName}</span>
          <button type="button" className="secondary" onClick={() => void logout()}>
            {t('logout')}
          </button>
        </div>
      </header>
      <nav
        aria-label={t('nav.label')}
        className={menuOpen ? 'app-nav open' : 'app-nav'}
        onKeyDown={closeMenuOnEscape}
      >
        <button
          ref={menuButton}
          type="button"
          className="secondary menu-button"
          aria-expanded={menuOpen}
          aria-controls="huvudmeny-lankar"
          onClick={() => setOpenOn(menuOpen ? null : location.pathname)}
        >
          <svg aria-hidden="true" focusable="false" width="18" height="14" viewBox="0 0 18 14">
            <path d="M0 1h18M0 7h18M0 13h18" stroke="currentColor" strokeWidth="2" />
          </svg>
          {t('nav.menu')}
        </button>
        <ul id="huvudmeny-lankar">
          {menuFor(me, active).map((i) => (
            <li key={i.path}>
              <NavLink to={i.path} end={i.path === '/'} onClick={() => setOpenOn(null)}>
                {t(i.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
