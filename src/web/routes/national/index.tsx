import type { ReactElement } from 'react';
import { Bristbild } from './Bristbild.tsx';
import { LanSammanstallning } from './LanSammanstallning.tsx';
import { Nationellt } from './Nationellt.tsx';
import { Statsbidrag } from './Statsbidrag.tsx';

/** The national pages, spread into routes/index.tsx. */
export const nationalPages: Array<{ path: string; element: ReactElement }> = [
  { path: '/nationellt', element: <Nationellt /> },
  { path: '/statsbidrag', element: <Statsbidrag /> },
  { path: '/brister-i-landet', element: <Bristbild /> },
  { path: '/lan-sammanstallning', element: <LanSammanstallning /> },
];
