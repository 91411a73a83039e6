import type { ReactElement } from 'react';
import { lazyPage } from '../lazy-page.tsx';

/** The casework pages (registered in routes/index.tsx). */
export const casePages: Array<{ path: string; element: ReactElement }> = [
  { path: '/klienter', element: lazyPage(() => import('./Klienter.tsx'), 'Klienter') },
  { path: '/klienter/ny', element: lazyPage(() => import('./KlientForm.tsx'), 'KlientForm') },
  { path: '/klienter/import', element: lazyPage(() => import('./Import.tsx'), 'Import') },
  { path: '/klienter/:id', element: lazyPage(() => import('./KlientDetalj.tsx'), 'KlientDetalj') },
  { path: '/klienter/:id/andra', element: lazyPage(() => import('./KlientForm.tsx'), 'KlientRedigera') },
  { path: '/arenden', element: lazyPage(() => import('./Arenden.tsx'), 'Arenden') },
  { path: '/arenden/:id', element: lazyPage(() => import('./ArendeDetalj.tsx'), 'ArendeDetalj') },
  { path: '/ko', element: lazyPage(() => import('./Ko.tsx'), 'Ko') },
  { path: '/caseload', element: lazyPage(() => import('./Caseload.tsx'), 'Caseload') },
  { path: '/gallring', element: lazyPage(() => import('./Gallring.tsx'), 'Gallring') },
];
