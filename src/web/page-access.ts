import type { Me } from '../contracts/auth.ts';
import {
  type Action,
  can,
  type Principal,
  type Resource,
  ROLL_ORGANISATIONSTYP,
  ROLLER,
  type Roll,
} from '../domain/access.ts';

type Medlemskap = Me['medlemskap'][number];

/**
 * What a page's right must reach in the ACTIVE organisation: the organisation itself (a verksamhet or an
 * aktör), its län, another verksamhet in its län, the nation, or the whole system.
 */
export type Pa = 'egen_verksamhet' | 'lanets_verksamheter' | 'eget_lan' | 'nation' | 'egen_aktor' | 'system';

/** One way into a page: this action, on this resource. */
export interface Ratt {
  action: Action;
  pa: Pa;
}

export interface SidAtkomst {
  /** Any one of these lets the user in; empty = every signed-in user. */
  kraver: readonly Ratt[];
  /** The permissions of the API routes the page loads when it opens (checked against the server in tests). */
  laddar: ReadonlyArray<Action | 'authenticated'>;
  /**
   * Set when the page is deliberately narrower than the API it loads (the API also answers a user the page
   * is not for): why.
   */
  smalareAnApi?: string;
}

const vid = (action: Action): SidAtkomst => ({
  kraver: [{ action, pa: 'egen_verksamhet' }],
  laddar: [action],
});

/**
 * The single table of who may open which page. The menu (nav.ts) and the page guard (RequireAccess) both
 * read it, and a unit test holds it to appRoutes and to the server's policy (src/domain/access.ts).
 */
export const PAGE_ACCESS: Readonly<Record<string, SidAtkomst>> = {
  '/': { kraver: [], laddar: ['authenticated'] },
  '/verksamheter': {
    kraver: [
      { action: 'lan:read', pa: 'eget_lan' },
      { action: 'national:read', pa: 'nation' },
      { action: 'org:admin', pa: 'system' },
    ],
    laddar: ['verksamhet:read'],
    smalareAnApi: 'A verksamhet sees only itself through the API; its own page is Start.',
  },
  '/anvandare': {
    kraver: [
      { action: 'user:admin', pa: 'egen_verksamhet' },
      { action: 'user:admin', pa: 'system' },
    ],
    laddar: ['user:admin'],
  },
  '/aktorsregister': {
    kraver: [{ action: 'org:admin', pa: 'system' }],
    laddar: ['org:admin', 'authenticated'],
  },
  '/logg': {
    kraver: [
      { action: 'audit:read', pa: 'egen_verksamhet' },
      { action: 'audit:read', pa: 'system' },
    ],
    laddar: ['audit:read'],
  },
  '/nationellt': { kraver: [{ action: 'national:read', pa: 'nation' }], laddar: ['national:read'] },
  '/statsbidrag': { kraver: [{ action: 'national:read', pa: 'nation' }], laddar: ['national:read'] },
  '/brister-i-landet': {
    kraver: [
      { action: 'lan:read', pa: 'eget_lan' },
      { action: 'national:read', pa: 'nation' },
    ],
    laddar: ['lan:read', 'authenticated'],
  },
  '/lan-sammanstallning': {
    kraver: [{ action: 'lan:read', pa: 'eget_lan' }],
    laddar: ['lan:read'],
    smalareAnApi:
      "The page is a Länsstyrelse's report on its own län; Socialstyrelsen reads every län nationally.",
  },
  '/statsbidrag-lan': {
    kraver: [{ action: 'lan:read', pa: 'eget_lan' }],
    laddar: ['lan:read'],
    smalareAnApi:
      "The page is a Länsstyrelse deciding for its own län; Socialstyrelsen reads every län's decisions through the API.",
  },
  '/redovisning': {
    ...vid('redovisning:read'),
    smalareAnApi:
      'The page is one verksamhet reporting on itself; a Länsstyrelse reviews through Granskning.',
  },
  '/redovisning/granskning': {
    kraver: [{ action: 'redovisning:review', pa: 'lanets_verksamheter' }],
    laddar: ['redovisning:review'],
  },
  '/redovisning/granskning/:id': {
    kraver: [{ action: 'redovisning:review', pa: 'lanets_verksamheter' }],
    laddar: ['redovisning:review'],
  },
  '/klienter': vid('klient:read'),
  '/klienter/ny': vid('klient:write'),
  '/klienter/import': vid('klient:write'),
  '/klienter/:id': vid('klient:read'),
  '/klienter/:id/andra': vid('klient:write'),
  '/arenden': vid('klient:read'),
  '/arenden/:id': vid('klient:read'),
  '/ko': vid('klient:read'),
  '/verksamhetsstatistik': vid('klient:read'),
  '/caseload': vid('caseload:read'),
  '/gallring': vid('klient:read'),
  '/brister': vid('brist:read'),
  '/brister/ny': vid('brist:write'),
  '/brister/import': vid('brist:write'),
  '/brister/:id': vid('brist:read'),
  '/ledningsgrupp': vid('ledningsgrupp:read'),
  '/ledningsgrupp/moten/:moteId': vid('ledningsgrupp:read'),
  '/inkorg': { kraver: [{ action: 'aktor:inbox', pa: 'egen_aktor' }], laddar: ['aktor:inbox'] },
  // Public: the open statistics load only public routes (no login needed; App.tsx shows it without one).
  '/statistik': { kraver: [], laddar: [] },
};

/** A stand-in id for "some other verksamhet in the län": never a real (uuid) id, so never one's own. */
const ANNAN_VERKSAMHET = 'annan-verksamhet-i-lanet';

function resurs(pa: Pa, active: Medlemskap): Resource | undefined {
  switch (pa) {
    case 'egen_verksamhet':
      return active.organisationTyp === 'verksamhet'
        ? { typ: 'verksamhet', id: active.organisationId, lanKod: active.lanKod ?? '' }
        : undefined;
    case 'lanets_verksamheter':
      return active.lanKod ? { typ: 'verksamhet', id: ANNAN_VERKSAMHET, lanKod: active.lanKod } : undefined;
    case 'eget_lan':
      return active.lanKod ? { typ: 'lan', lanKod: active.lanKod } : undefined;
    case 'nation':
      return { typ: 'nation' };
    case 'egen_aktor':
      return active.organisationTyp === 'aktor' ? { typ: 'aktor', id: active.organisationId } : undefined;
    case 'system':
      return { typ: 'system' };
  }
}

/** The rights of the active organisation only: a role held elsewhere does not open pages here. */
function aktivPrincipal(me: Pick<Me, 'userId' | 'username' | 'medlemskap'>, active: Medlemskap): Principal {
  return {
    userId: me.userId,
    username: me.username,
    medlemskap: me.medlemskap.filter((m) => m.organisationId === active.organisationId),
  };
}

/** The table entry for a concrete address (/klienter/123 → '/klienter/:id'); undefined = unknown page. */
export function sidFor(pathname: string): { monster: string; atkomst: SidAtkomst } | undefined {
  const delar = pathname.replace(/\/+$/, '').split('/');
  for (const [monster, atkomst] of Object.entries(PAGE_ACCESS)) {
    const m = monster === '/' ? [''] : monster.split('/');
    if (m.length !== delar.length) continue;
    if (m.every((del, i) => del.startsWith(':') || del === delar[i])) return { monster, atkomst };
  }
  return undefined;
}

/** May this user, in the active organisation, open the page? Unknown pages are open (they say "not found"). */
export function kanOppna(
  me: Pick<Me, 'userId' | 'username' | 'medlemskap'>,
  active: Medlemskap | undefined,
  pathname: string,
): boolean {
  const sida = sidFor(pathname);
  if (!sida) return true;
  return sidanTillater(sida.atkomst, me, active);
}

export function sidanTillater(
  atkomst: SidAtkomst,
  me: Pick<Me, 'userId' | 'username' | 'medlemskap'>,
  active: Medlemskap | undefined,
): boolean {
  if (atkomst.kraver.length === 0) return true;
  if (!active) return false;
  const p = aktivPrincipal(me, active);
  return atkomst.kraver.some((r) => {
    const res = resurs(r.pa, active);
    return res !== undefined && can(p, r.action, res);
  });
}

/**
 * The roles that open the page, for telling a refused user whom to ask. A role counts when a membership of
 * that role in an organisation of the fitting type (with a län) would be let in.
 */
export function rollerSomOppnar(atkomst: SidAtkomst): Roll[] {
  return ROLLER.filter((roll) => {
    const m = exempelMedlemskap(roll);
    return sidanTillater(atkomst, { userId: 'x', username: 'x', medlemskap: [m] }, m);
  });
}

// The domain's table, with the administrator placed at Socialstyrelsen (where the demo and most installations
// have it) since it may sit anywhere.
const ORG_TYP_FOR_ROLL = (roll: Roll): Medlemskap['organisationTyp'] =>
  ROLL_ORGANISATIONSTYP[roll] ?? 'socialstyrelsen';

/** A typical membership for a role (a verksamhet/Länsstyrelse in a län; national bodies without one). */
export function exempelMedlemskap(roll: Roll): Medlemskap {
  const typ = ORG_TYP_FOR_ROLL(roll);
  return {
    organisationId: `exempel-${roll}`,
    organisationTyp: typ,
    organisationNamn: roll,
    organisationKod: roll,
    lanKod: typ === 'verksamhet' || typ === 'lansstyrelse' ? '01' : null,
    roll,
  };
}

/**
 * Where to stand after switching to the organisation of `ny`: the same page when its roles allow it. A page
 * about one thing (/klienter/:id) shows something of the old organisation, so it falls back to its list
 * (/klienter) when that is open; otherwise Start.
 */
export function sidVidByte(
  me: Pick<Me, 'userId' | 'username' | 'medlemskap'>,
  ny: Medlemskap | undefined,
  pathname: string,
): string {
  const sida = sidFor(pathname);
  if (!sida) return '/';
  if (!sida.monster.includes(':')) return sidanTillater(sida.atkomst, me, ny) ? pathname : '/';
  // The nearest page above the first id: /klienter/:id/andra → /klienter, /ledningsgrupp/moten/:id → /ledningsgrupp.
  const delar = sida.monster.slice(0, sida.monster.indexOf('/:')).split('/');
  for (let n = delar.length; n > 1; n--) {
    const upp = delar.slice(0, n).join('/');
    if (PAGE_ACCESS[upp]) return sidanTillater(PAGE_ACCESS[upp], me, ny) ? upp : '/';
  }
  return '/';
}
