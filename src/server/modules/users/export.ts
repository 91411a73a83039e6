import type { UserItem } from '../../../contracts/users.ts';
import type { Roll } from '../../../domain/access.ts';
import { type Cell, listFil } from '../../platform/list-file.ts';

/** The user list as a file: the columns the page shows, in Swedish, roles in words. */
export const USER_KOLUMNER = [
  'Namn',
  'Användarnamn',
  'E-post',
  'Roller',
  'Status',
  'Tvåstegsverifiering',
] as const;

/** The roles as the page names them (web/i18n core.ts). */
const ROLL_NAMN: Record<Roll, string> = {
  ombud: 'Personligt ombud',
  chef: 'Verksamhetschef',
  ledamot: 'Ledamot i ledningsgruppen',
  lansstyrelse: 'Länsstyrelse',
  socialstyrelsen: 'Socialstyrelsen',
  aktor: 'Aktör',
  admin: 'Administratör',
};

export function userRad(u: UserItem): Cell[] {
  return [
    u.displayName,
    u.username,
    u.email,
    u.medlemskap.map((m) => `${ROLL_NAMN[m.roll]} (${m.organisationNamn})`).join('; '),
    u.disabled ? 'Avstängd' : 'Aktiv',
    u.totpEnabled ? 'Ja' : 'Nej',
  ];
}

export function userFil(items: readonly UserItem[], format: 'csv' | 'xlsx', idag: string) {
  return listFil({
    kolumner: USER_KOLUMNER,
    rader: items.map(userRad),
    format,
    blad: 'Användare',
    bredder: [28, 20, 30, 60, 10, 12],
    namn: `användare-${idag}`,
  });
}
