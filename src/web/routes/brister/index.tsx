import type { ReactElement } from 'react';
import { lazyPage } from '../lazy-page.tsx';

/** The brister, ledningsgrupp, actor-inbox and actor-register pages (registered in routes/index.tsx). */
export const bristerPages: Array<{ path: string; element: ReactElement }> = [
  { path: '/brister', element: lazyPage(() => import('./BristLista.tsx'), 'BristLista') },
  { path: '/brister/ny', element: lazyPage(() => import('./BristForm.tsx'), 'BristForm') },
  { path: '/brister/import', element: lazyPage(() => import('./BristImport.tsx'), 'BristImport') },
  { path: '/brister/:id', element: lazyPage(() => import('./BristDetalj.tsx'), 'BristDetalj') },
  {
    path: '/ledningsgrupp',
    element: lazyPage(() => import('../ledningsgrupp/Ledningsgrupp.tsx'), 'Ledningsgrupp'),
  },
  {
    path: '/ledningsgrupp/moten/:moteId',
    element: lazyPage(() => import('../ledningsgrupp/Mote.tsx'), 'Mote'),
  },
  { path: '/inkorg', element: lazyPage(() => import('./Inkorg.tsx'), 'Inkorg') },
  {
    path: '/aktorsregister',
    element: lazyPage(() => import('../aktorer/Aktorsregister.tsx'), 'Aktorsregister'),
  },
];
