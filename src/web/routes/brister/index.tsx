import type { ReactElement } from 'react';
import { Ledningsgrupp } from '../ledningsgrupp/Ledningsgrupp.tsx';
import { Mote } from '../ledningsgrupp/Mote.tsx';
import { BristDetalj } from './BristDetalj.tsx';
import { BristForm } from './BristForm.tsx';
import { BristImport } from './BristImport.tsx';
import { BristLista } from './BristLista.tsx';
import { Inkorg } from './Inkorg.tsx';

/** The brister, ledningsgrupp and actor-inbox pages (registered in routes/index.tsx). */
export const bristerPages: Array<{ path: string; element: ReactElement }> = [
  { path: '/brister', element: <BristLista /> },
  { path: '/brister/ny', element: <BristForm /> },
  { path: '/brister/import', element: <BristImport /> },
  { path: '/brister/:id', element: <BristDetalj /> },
  { path: '/ledningsgrupp', element: <Ledningsgrupp /> },
  { path: '/ledningsgrupp/moten/:moteId', element: <Mote /> },
  { path: '/inkorg', element: <Inkorg /> },
];
