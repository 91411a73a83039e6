import type { ReactElement } from 'react';
import { Audit } from './Audit.tsx';
import { bristerPages } from './brister/index.tsx';
import { casePages } from './cases/index.tsx';
import { Home } from './Home.tsx';
import { nationalPages } from './national/index.tsx';
import { StatsbidragLan } from './national/StatsbidragLan.tsx';
import { OppenStatistik } from './oppen-statistik/OppenStatistik.tsx';
import { GranskningDetalj, GranskningLista } from './redovisning/Granskning.tsx';
import { Redovisning } from './redovisning/Redovisning.tsx';
import { VerksamhetStatistik } from './statistik/VerksamhetStatistik.tsx';
import { Users } from './Users.tsx';
import { Verksamheter } from './Verksamheter.tsx';

/** Every page of the app. A module adds its pages here (and its menu entries in nav.ts). */
export const appRoutes: Array<{ path: string; element: ReactElement }> = [
  { path: '/', element: <Home /> },
  { path: '/verksamheter', element: <Verksamheter /> },
  { path: '/anvandare', element: <Users /> },
  { path: '/logg', element: <Audit /> },
  ...nationalPages,
  { path: '/statsbidrag-lan', element: <StatsbidragLan /> },
  ...bristerPages,
  ...casePages,
  { path: '/redovisning', element: <Redovisning /> },
  { path: '/redovisning/granskning', element: <GranskningLista /> },
  { path: '/redovisning/granskning/:id', element: <GranskningDetalj /> },
  { path: '/verksamhetsstatistik', element: <VerksamhetStatistik /> },
  { path: '/statistik', element: <OppenStatistik /> },
];
