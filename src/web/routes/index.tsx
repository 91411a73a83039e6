import type { ReactElement } from 'react';
import { bristerPages } from './brister/index.tsx';
import { casePages } from './cases/index.tsx';
import { Home } from './Home.tsx';
import { lazyPage } from './lazy-page.tsx';
import { nationalPages } from './national/index.tsx';
import { Verksamheter } from './Verksamheter.tsx';

/**
 * Every page of the app. A module adds its pages here (and its menu entries in nav.ts). Pages other than
 * the start page are loaded when first opened (lazyPage), so the first visit fetches only what it shows.
 */
export const appRoutes: Array<{ path: string; element: ReactElement }> = [
  { path: '/', element: <Home /> },
  { path: '/verksamheter', element: <Verksamheter /> }, // in the start page's code already (its table)
  { path: '/anvandare', element: lazyPage(() => import('./Users.tsx'), 'Users') },
  { path: '/logg', element: lazyPage(() => import('./Audit.tsx'), 'Audit') },
  ...nationalPages,
  {
    path: '/statsbidrag-lan',
    element: lazyPage(() => import('./national/StatsbidragLan.tsx'), 'StatsbidragLan'),
  },
  ...bristerPages,
  ...casePages,
  { path: '/redovisning', element: lazyPage(() => import('./redovisning/Redovisning.tsx'), 'Redovisning') },
  {
    path: '/redovisning/granskning',
    element: lazyPage(() => import('./redovisning/Granskning.tsx'), 'GranskningLista'),
  },
  {
    path: '/redovisning/granskning/:id',
    element: lazyPage(() => import('./redovisning/Granskning.tsx'), 'GranskningDetalj'),
  },
  {
    path: '/verksamhetsstatistik',
    element: lazyPage(() => import('./statistik/VerksamhetStatistik.tsx'), 'VerksamhetStatistik'),
  },
  {
    path: '/statistik',
    element: lazyPage(() => import('./oppen-statistik/OppenStatistik.tsx'), 'OppenStatistik'),
  },
];
