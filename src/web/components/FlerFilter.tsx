import { type ReactNode, useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { pluralKey } from '../i18n/plural.ts';

/** The width below which the layout is a phone's (styles.css uses the same: 47.99em). */
const SMAL = '(max-width: 47.99em)';

function useSmalSkarm(): boolean {
  return useSyncExternalStore(
    (andrad) => {
      const m = window.matchMedia(SMAL);
      m.addEventListener('change', andrad);
      return () => m.removeEventListener('change', andrad);
    },
    () => window.matchMedia(SMAL).matches,
  );
}

/**
 * A list's less used filters. On a wide screen they are simply shown; on a phone they fold behind "Fler
 * filter" so the list is not two screens of checkboxes away. The fold opens by itself when one of its
 * filters is set, so a filtered list never hides why it is filtered.
 */
export function FlerFilter({ aktiva, children }: { aktiva: number; children: ReactNode }) {
  const { t, lang } = useI18n();
  if (!useSmalSkarm()) return <>{children}</>;
  return (
    <details className="fler-filter" open={aktiva > 0}>
      <summary>
        {aktiva > 0 ? t(pluralKey(lang, 'filter.fler.aktiva', aktiva), { n: aktiva }) : t('filter.fler')}
      </summary>
      {children}
    </details>
  );
}
