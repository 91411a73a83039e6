import type { Me } from '../contracts/auth.ts';
import { kanOppna } from './page-access.ts';

export interface NavItem {
  path: string;
  /** Message key of the link text. */
  label: string;
}

/**
 * The main menu, in order. Who sees an item is not decided here: page-access.ts says who may open each
 * page, and the menu shows exactly those (menuFor). A module adds its pages with a line here, its routes in
 * routes/index.tsx and its rights in page-access.ts.
 */
export const navItems: NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/verksamheter', label: 'nav.verksamheter' },
  { path: '/anvandare', label: 'nav.users' },
  { path: '/aktorsregister', label: 'nav.aktorsregister' },
  { path: '/logg', label: 'nav.audit' },
  { path: '/nationellt', label: 'nav.nationellt' },
  { path: '/statsbidrag', label: 'nav.statsbidrag' },
  { path: '/brister-i-landet', label: 'nav.bristbild' },
  { path: '/lan-sammanstallning', label: 'nav.lanSammanstallning' },
  { path: '/statsbidrag-lan', label: 'nav.statsbidragLan' },
  { path: '/redovisning', label: 'nav.redovisning' },
  { path: '/redovisning/granskning', label: 'nav.granskning' },
  { path: '/klienter', label: 'nav.klienter' },
  { path: '/arenden', label: 'nav.arenden' },
  { path: '/ko', label: 'nav.ko' },
  { path: '/caseload', label: 'nav.caseload' },
  { path: '/verksamhetsstatistik', label: 'nav.statistik' },
  { path: '/brister', label: 'nav.brister' },
  { path: '/ledningsgrupp', label: 'nav.ledningsgrupp' },
  { path: '/inkorg', label: 'nav.inkorg' },
  { path: '/statistik', label: 'nav.oppenStatistik' },
];

/** The menu items the user may open in the active organisation. */
export function menuFor(me: Me, active: Me['medlemskap'][number] | undefined): NavItem[] {
  return navItems.filter((i) => kanOppna(me, active, i.path));
}
