import type { ReactElement } from 'react';
import { lazyPage } from '../lazy-page.tsx';

/** The national pages, spread into routes/index.tsx. */
export const nationalPages: Array<{ path: string; element: ReactElement }> = [
  { path: '/nationellt', element: lazyPage(() => import('./Nationellt.tsx'), 'Nationellt') },
  { path: '/statsbidrag', element: lazyPage(() => import('./Statsbidrag.tsx'), 'Statsbidrag') },
  { path: '/brister-i-landet', element: lazyPage(() => import('./Bristbild.tsx'), 'Bristbild') },
  {
    path: '/lan-sammanstallning',
    element: lazyPage(() => import('./LanSammanstallning.tsx'), 'LanSammanstallning'),
  },
];
