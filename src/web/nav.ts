import type { Me } from '../contracts/auth.ts';

type Roll = Me['medlemskap'][number]['roll'];

export interface NavItem {
  path: string;
  /** Message key of the link text. */
  label: string;
  /** Shown when the active organisation's roles include one of these. */
  roles: Roll[];
}

/** The role-aware main menu. A module adds its pages with a line here (and its routes in routes/index.tsx). */
export const navItems: NavItem[] = [
  {
    path: '/',
    label: 'nav.home',
    roles: ['ombud', 'chef', 'ledamot', 'lansstyrelse', 'socialstyrelsen', 'aktor', 'admin'],
  },
  { path: '/verksamheter', label: 'nav.verksamheter', roles: ['lansstyrelse', 'socialstyrelsen', 'admin'] },
  { path: '/anvandare', label: 'nav.users', roles: ['chef', 'admin'] },
  { path: '/logg', label: 'nav.audit', roles: ['chef', 'admin'] },
  { path: '/nationellt', label: 'nav.nationellt', roles: ['socialstyrelsen'] },
  { path: '/statsbidrag', label: 'nav.statsbidrag', roles: ['socialstyrelsen'] },
  { path: '/brister-i-landet', label: 'nav.bristbild', roles: ['socialstyrelsen', 'lansstyrelse'] },
  { path: '/lan-sammanstallning', label: 'nav.lanSammanstallning', roles: ['lansstyrelse'] },
  { path: '/redovisning', label: 'nav.redovisning', roles: ['chef', 'ombud', 'ledamot'] },
  { path: '/redovisning/granskning', label: 'nav.granskning', roles: ['lansstyrelse'] },
  { path: '/klienter', label: 'nav.klienter', roles: ['ombud', 'chef'] },
  { path: '/ko', label: 'nav.ko', roles: ['ombud', 'chef'] },
  { path: '/caseload', label: 'nav.caseload', roles: ['chef'] },
  { path: '/brister', label: 'nav.brister', roles: ['ombud', 'chef', 'ledamot'] },
  { path: '/ledningsgrupp', label: 'nav.ledningsgrupp', roles: ['ombud', 'chef', 'ledamot'] },
  { path: '/inkorg', label: 'nav.inkorg', roles: ['aktor'] },
];
