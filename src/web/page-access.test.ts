import { describe, expect, it } from 'vitest';
import { harNagonRattighet, type Principal, ROLLER } from '../domain/access.ts';
import { menuFor, navItems } from './nav.ts';
import { exempelMedlemskap, kanOppna, PAGE_ACCESS, sidanTillater, sidVidByte } from './page-access.ts';
import { appRoutes } from './routes/index.tsx';

const medRoll = (roll: (typeof ROLLER)[number]) => {
  const m = exempelMedlemskap(roll);
  return {
    me: {
      userId: 'u',
      username: roll,
      displayName: roll,
      mfaDone: true,
      totpEnabled: false,
      activeOrganisationId: m.organisationId,
      medlemskap: [m],
    },
    active: m,
  };
};

describe('page-access table', () => {
  it('has an entry for every page in appRoutes, and no entry for a page that does not exist', () => {
    const sidor = appRoutes.map((r) => r.path).sort();
    expect(Object.keys(PAGE_ACCESS).sort()).toEqual(sidor);
  });

  it('lists every menu item as a page', () => {
    for (const i of navItems) expect(Object.keys(PAGE_ACCESS)).toContain(i.path);
  });

  // The server lets a request through its route gate when any membership grants the route's permission
  // (harNagonRattighet in platform/auth/plugin.ts). A page is open to a role exactly when everything it
  // loads is; a page deliberately narrower than its API says why in the table.
  for (const roll of ROLLER) {
    it(`agrees with the server for the role ${roll}`, () => {
      const { me, active } = medRoll(roll);
      const p: Principal = { userId: 'u', username: roll, medlemskap: [active] };
      for (const [sida, atkomst] of Object.entries(PAGE_ACCESS)) {
        const sidan = sidanTillater(atkomst, me, active);
        const api = atkomst.laddar.every((a) => a === 'authenticated' || harNagonRattighet(p, a));
        if (sidan) expect(api, `${roll} may open ${sida} but not load it`).toBe(true);
        else if (!atkomst.smalareAnApi) expect(api, `${roll} is refused ${sida} but may load it`).toBe(false);
      }
    });
  }

  it('refuses the pages named in issue 9 and keeps Användare out of the ombud menu', () => {
    expect(kanOppna(medRoll('ledamot').me, medRoll('ledamot').active, '/anvandare')).toBe(false);
    expect(kanOppna(medRoll('socialstyrelsen').me, medRoll('socialstyrelsen').active, '/logg')).toBe(false);
    expect(kanOppna(medRoll('aktor').me, medRoll('aktor').active, '/nationellt')).toBe(false);
    expect(kanOppna(medRoll('aktor').me, medRoll('aktor').active, '/klienter')).toBe(false);
    expect(kanOppna(medRoll('chef').me, medRoll('chef').active, '/klienter/123/andra')).toBe(true);
    const ombud = medRoll('ombud');
    expect(menuFor(ombud.me, ombud.active).map((i) => i.path)).not.toContain('/anvandare');
    expect(menuFor(ombud.me, ombud.active).map((i) => i.path)).toContain('/klienter');
  });

  it('counts only the active organisation: a chef elsewhere is an ombud here', () => {
    const ombudHar = exempelMedlemskap('ombud');
    const chefDar = { ...exempelMedlemskap('chef'), organisationId: 'annan' };
    const me = { userId: 'u', username: 'x', medlemskap: [ombudHar, chefDar] };
    expect(kanOppna(me, ombudHar, '/anvandare')).toBe(false);
    expect(kanOppna(me, chefDar, '/anvandare')).toBe(true);
  });

  it('keeps the page on an organisation switch when allowed, else the list above it, else Start', () => {
    const a = exempelMedlemskap('chef');
    const b = { ...exempelMedlemskap('chef'), organisationId: 'b' };
    const c = { ...exempelMedlemskap('ledamot'), organisationId: 'c' };
    const me = { userId: 'u', username: 'x', medlemskap: [a, b, c] };
    expect(sidVidByte(me, b, '/caseload')).toBe('/caseload');
    expect(sidVidByte(me, b, '/klienter/123/andra')).toBe('/klienter');
    expect(sidVidByte(me, c, '/caseload')).toBe('/');
    expect(sidVidByte(me, c, '/brister/9')).toBe('/brister');
    expect(sidVidByte(me, c, '/ledningsgrupp/moten/9')).toBe('/ledningsgrupp');
  });
});
