import type { ReactElement } from 'react';
import { ArendeDetalj } from './ArendeDetalj.tsx';
import { Arenden } from './Arenden.tsx';
import { Caseload } from './Caseload.tsx';
import { Gallring } from './Gallring.tsx';
import { Import } from './Import.tsx';
import { KlientDetalj } from './KlientDetalj.tsx';
import { Klienter } from './Klienter.tsx';
import { KlientForm, KlientRedigera } from './KlientForm.tsx';
import { Ko } from './Ko.tsx';

/** The casework pages (registered in routes/index.tsx). */
export const casePages: Array<{ path: string; element: ReactElement }> = [
  { path: '/klienter', element: <Klienter /> },
  { path: '/klienter/ny', element: <KlientForm /> },
  { path: '/klienter/import', element: <Import /> },
  { path: '/klienter/:id', element: <KlientDetalj /> },
  { path: '/klienter/:id/andra', element: <KlientRedigera /> },
  { path: '/arenden', element: <Arenden /> },
  { path: '/arenden/:id', element: <ArendeDetalj /> },
  { path: '/ko', element: <Ko /> },
  { path: '/caseload', element: <Caseload /> },
  { path: '/gallring', element: <Gallring /> },
];
