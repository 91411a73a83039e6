import type { ReactElement } from 'react';
import { Audit } from './Audit.tsx';
import { Home } from './Home.tsx';
import { Users } from './Users.tsx';
import { Verksamheter } from './Verksamheter.tsx';

/** Every page of the app. A module adds its pages here (and its menu entries in nav.ts). */
export const appRoutes: Array<{ path: string; element: ReactElement }> = [
  { path: '/', element: <Home /> },
  { path: '/verksamheter', element: <Verksamheter /> },
  { path: '/anvandare', element: <Users /> },
  { path: '/logg', element: <Audit /> },
];
