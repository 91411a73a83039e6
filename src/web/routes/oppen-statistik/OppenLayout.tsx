import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';

/** Pages anyone may open without logging in (App.tsx shows them before the login). */
export const OPPNA_SIDOR: readonly string[] = ['/statistik'];

export const arOppenSida = (pathname: string) => OPPNA_SIDOR.includes(pathname.replace(/\/+$/, '') || '/');

/**
 * The frame of a public page for someone not logged in: the app's name, the language and a way to the
 * login, no menu (there is nothing else to open without an account).
 */
export function OppenLayout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip.main')}
      </a>
      <header className="app-header oppen-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <label className="inline-field">
            <span>{t('lang.label')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
              <option value="sv">Svenska</option>
              <option value="en">English</option>
            </select>
          </label>
          {/* A full load: the login page is the app's answer to "/" without a session. */}
          <a href="/">{t('oppen.login')}</a>
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </>
  );
}
