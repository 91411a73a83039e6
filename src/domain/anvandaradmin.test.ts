// User administration by least privilege (src/domain/access.ts, kanAdministreraAnvandare): a chef
// administers only the users of their own verksamhet; anyone who also belongs elsewhere — and every
// admin, Socialstyrelsen, Länsstyrelse or aktör account — needs the system administrator.
import { describe, expect, it } from 'vitest';
import {
  ANVANDARADMIN_ATGARDER,
  type AnvandarAdminAtgard,
  kanAdministreraAnvandare,
  type MalAnvandare,
  type Medlemskap,
  type Principal,
  type Roll,
} from './access.ts';

const v = (id: string, roll: Roll, lanKod = '01'): Medlemskap => ({
  organisationId: id,
  organisationTyp: 'verksamhet',
  lanKod,
  roll,
});
const actor = (...medlemskap: Medlemskap[]): Principal => ({ userId: 'actor', username: 'a', medlemskap });

const AKTORER = {
  'chef i A': actor(v('A', 'chef')),
  'chef i A och B': actor(v('A', 'chef'), v('B', 'chef', '03')),
  'ombud i A': actor(v('A', 'ombud')),
  'ledamot i A': actor(v('A', 'ledamot')),
  länsstyrelse: actor({
    organisationId: 'L01',
    organisationTyp: 'lansstyrelse',
    lanKod: '01',
    roll: 'lansstyrelse',
  }),
  socialstyrelsen: actor({
    organisationId: 'SS',
    organisationTyp: 'socialstyrelsen',
    lanKod: null,
    roll: 'socialstyrelsen',
  }),
  admin: actor({ organisationId: 'SS', organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }),
  // A role in the wrong kind of organisation grants nothing (fails closed).
  'chef i en länsstyrelse': actor({
    organisationId: 'L01',
    organisationTyp: 'lansstyrelse',
    lanKod: '01',
    roll: 'chef',
  }),
} as const;
type AktorNamn = keyof typeof AKTORER;

const mal = (...medlemskap: MalAnvandare['medlemskap']): MalAnvandare => ({ userId: 'x', medlemskap });
const MAL = {
  'ombud i A': mal({ organisationId: 'A', roll: 'ombud' }),
  'ombud i A och ledamot i B': mal(
    { organisationId: 'A', roll: 'ombud' },
    { organisationId: 'B', roll: 'ledamot' },
  ),
  'chef i A och B': mal({ organisationId: 'A', roll: 'chef' }, { organisationId: 'B', roll: 'chef' }),
  'ombud i B': mal({ organisationId: 'B', roll: 'ombud' }),
  'admin med en ledamotsroll i A': mal(
    { organisationId: 'A', roll: 'ledamot' },
    { organisationId: 'SS', roll: 'admin' },
  ),
  'admin-roll placerad i A': mal({ organisationId: 'A', roll: 'admin' }),
  'utan roller': mal(),
} as const;
type MalNamn = keyof typeof MAL;

/** Expected answers, row by row: [actor, target, se, hantera, ge_roll ombud@A, ta_bort_roll ombud@A]. */
type Rad = [AktorNamn, MalNamn, boolean, boolean, boolean, boolean];
const TABELL: Rad[] = [
  ['chef i A', 'ombud i A', true, true, true, true],
  ['chef i A', 'ombud i A och ledamot i B', true, false, false, true],
  ['chef i A', 'chef i A och B', true, false, false, true],
  ['chef i A', 'ombud i B', false, false, false, true],
  ['chef i A', 'admin med en ledamotsroll i A', true, false, false, true],
  ['chef i A', 'admin-roll placerad i A', true, false, false, true],
  ['chef i A', 'utan roller', false, false, false, true],
  ['chef i A och B', 'ombud i A och ledamot i B', true, true, true, true],
  ['chef i A och B', 'chef i A och B', true, true, true, true],
  ['chef i A och B', 'admin med en ledamotsroll i A', true, false, false, true],
  ['ombud i A', 'ombud i A', false, false, false, false],
  ['ledamot i A', 'ombud i A', false, false, false, false],
  ['länsstyrelse', 'ombud i A', false, false, false, false],
  ['socialstyrelsen', 'ombud i A', false, false, false, false],
  ['chef i en länsstyrelse', 'ombud i A', false, false, false, false],
  ['admin', 'ombud i A', true, true, true, true],
  ['admin', 'admin med en ledamotsroll i A', true, true, true, true],
  ['admin', 'utan roller', true, true, true, true],
];

describe('user administration: actor × target user × action', () => {
  it.each(TABELL)('%s → %s', (a, m, se, hantera, geRoll, taBort) => {
    const p = AKTORER[a];
    const target = MAL[m];
    const roll = { organisationId: 'A', roll: 'ombud' as const };
    expect({
      se: kanAdministreraAnvandare(p, 'se', target),
      hantera: kanAdministreraAnvandare(p, 'hantera', target),
      ge_roll: kanAdministreraAnvandare(p, 'ge_roll', target, roll),
      ta_bort_roll: kanAdministreraAnvandare(p, 'ta_bort_roll', target, roll),
    }).toEqual({ se, hantera, ge_roll: geRoll, ta_bort_roll: taBort });
  });

  it('a chef gives only ombud, chef or ledamot, only in a verksamhet the chef runs', () => {
    const chef = AKTORER['chef i A'];
    const ny: MalAnvandare = { userId: 'n', medlemskap: [], ny: true };
    const ger = (organisationId: string, roll: Roll) =>
      kanAdministreraAnvandare(chef, 'ge_roll', ny, { organisationId, roll });
    expect(['ombud', 'chef', 'ledamot'].map((r) => ger('A', r as Roll))).toEqual([true, true, true]);
    expect(['admin', 'socialstyrelsen', 'lansstyrelse', 'aktor'].map((r) => ger('A', r as Roll))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(ger('B', 'ombud')).toBe(false);
    // An existing user without roles is not "new": nobody but an admin may pick them up.
    expect(
      kanAdministreraAnvandare(chef, 'ge_roll', MAL['utan roller'], { organisationId: 'A', roll: 'ombud' }),
    ).toBe(false);
  });

  it('a chef cannot take away a role a chef could not give', () => {
    const chef = AKTORER['chef i A'];
    const target = MAL['admin-roll placerad i A'];
    expect(
      kanAdministreraAnvandare(chef, 'ta_bort_roll', target, { organisationId: 'A', roll: 'admin' }),
    ).toBe(false);
  });

  it('nobody but admin and chef administers users, whatever the action', () => {
    for (const a of ['ombud i A', 'ledamot i A', 'länsstyrelse', 'socialstyrelsen'] as const) {
      for (const atgard of ANVANDARADMIN_ATGARDER as readonly AnvandarAdminAtgard[]) {
        for (const m of Object.values(MAL)) {
          expect(
            kanAdministreraAnvandare(AKTORER[a], atgard, m, { organisationId: 'A', roll: 'ombud' }),
          ).toBe(false);
        }
      }
    }
  });
});
