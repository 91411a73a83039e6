// The access policy as a full role × action × resource table. Domain brief "Who is who" (who does what at
// each level) and "What a PO is" (the ombud works on the client's mandate): client data never leaves its
// verksamhet, so only ombud and chef of that verksamhet ever get klient:read.
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  can,
  harNagonRattighet,
  type Medlemskap,
  type Principal,
  type Resource,
  ROLLER,
  type Roll,
  tillatnaActions,
  verksamheterMed,
} from './access.ts';

const RESURSER = {
  egen_verksamhet: { typ: 'verksamhet', id: 'V1', lanKod: '01' },
  annan_verksamhet_samma_lan: { typ: 'verksamhet', id: 'V2', lanKod: '01' },
  verksamhet_annat_lan: { typ: 'verksamhet', id: 'V3', lanKod: '03' },
  eget_lan: { typ: 'lan', lanKod: '01' },
  annat_lan: { typ: 'lan', lanKod: '03' },
  nation: { typ: 'nation' },
  egen_aktor: { typ: 'aktor', id: 'A1' },
  annan_aktor: { typ: 'aktor', id: 'A2' },
  system: { typ: 'system' },
} as const satisfies Record<string, Resource>;
type ResursNamn = keyof typeof RESURSER;
const ALLA_RESURSER = Object.keys(RESURSER) as ResursNamn[];
const VERKSAMHETER: ResursNamn[] = ['egen_verksamhet', 'annan_verksamhet_samma_lan', 'verksamhet_annat_lan'];

/** Each role's one membership; "egen" resources above are the ones this membership is in. */
const MEDLEMSKAP: Record<Roll, Medlemskap> = {
  ombud: { organisationId: 'V1', organisationTyp: 'verksamhet', lanKod: '01', roll: 'ombud' },
  chef: { organisationId: 'V1', organisationTyp: 'verksamhet', lanKod: '01', roll: 'chef' },
  ledamot: { organisationId: 'V1', organisationTyp: 'verksamhet', lanKod: '01', roll: 'ledamot' },
  lansstyrelse: {
    organisationId: 'LST01',
    organisationTyp: 'lansstyrelse',
    lanKod: '01',
    roll: 'lansstyrelse',
  },
  socialstyrelsen: {
    organisationId: 'SS',
    organisationTyp: 'socialstyrelsen',
    lanKod: null,
    roll: 'socialstyrelsen',
  },
  aktor: { organisationId: 'A1', organisationTyp: 'aktor', lanKod: null, roll: 'aktor' },
  admin: { organisationId: 'SS', organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' },
};

const principal = (...medlemskap: Medlemskap[]): Principal => ({ userId: 'u', username: 'u', medlemskap });
const kors = (actions: Action[], resurser: ResursNamn[]) =>
  actions.flatMap((a) => resurser.map((r) => `${a}@${r}`));

const OMBUD_EGEN: Action[] = [
  'klient:read',
  'klient:write',
  'brist:read',
  'brist:write',
  'ledningsgrupp:read',
  'redovisning:read',
  'verksamhet:read',
];

/** Every allowed (action, resource) pair per role; everything else must be denied. */
const VANTAT: Record<Roll, string[]> = {
  ombud: kors(OMBUD_EGEN, ['egen_verksamhet']),
  chef: kors(
    [...OMBUD_EGEN, 'ledningsgrupp:write', 'redovisning:write', 'audit:read', 'user:admin', 'caseload:read'],
    ['egen_verksamhet'],
  ),
  ledamot: kors(
    ['brist:read', 'ledningsgrupp:read', 'redovisning:read', 'verksamhet:read'],
    ['egen_verksamhet'],
  ),
  lansstyrelse: [
    ...kors(['lan:read'], ['eget_lan']),
    ...kors(
      ['verksamhet:read', 'redovisning:read', 'redovisning:review'],
      ['egen_verksamhet', 'annan_verksamhet_samma_lan'],
    ),
  ],
  socialstyrelsen: [
    ...kors(['national:read', 'grant:admin'], ['nation']),
    ...kors(['lan:read'], ['eget_lan', 'annat_lan']),
    ...kors(['verksamhet:read', 'redovisning:read'], VERKSAMHETER),
  ],
  aktor: kors(['aktor:inbox'], ['egen_aktor']),
  admin: [
    ...kors(['org:admin', 'user:admin', 'audit:read'], ALLA_RESURSER),
    ...kors(['verksamhet:read'], VERKSAMHETER),
  ],
};

describe('can: the full role × action × resource table', () => {
  it.each(ROLLER)('%s gets exactly its listed rights (no unexpected allow, no unexpected deny)', (roll) => {
    const p = principal(MEDLEMSKAP[roll]);
    const faktiskt = ACTIONS.flatMap((a) =>
      ALLA_RESURSER.filter((r) => can(p, a, RESURSER[r])).map((r) => `${a}@${r}`),
    );
    expect(faktiskt.sort()).toEqual([...VANTAT[roll]].sort());
  });

  it('klient:read and klient:write only for ombud and chef, only in their own verksamhet', () => {
    for (const roll of ROLLER) {
      for (const r of ALLA_RESURSER) {
        for (const a of ['klient:read', 'klient:write'] as const) {
          const vantat = (roll === 'ombud' || roll === 'chef') && r === 'egen_verksamhet';
          expect(can(principal(MEDLEMSKAP[roll]), a, RESURSER[r]), `${roll} ${a} ${r}`).toBe(vantat);
        }
      }
    }
  });

  it('holding every other role everywhere still gives no klient:read outside the own verksamhet', () => {
    const allt = principal(
      MEDLEMSKAP.ombud,
      { organisationId: 'V2', organisationTyp: 'verksamhet', lanKod: '01', roll: 'ledamot' },
      { organisationId: 'V3', organisationTyp: 'verksamhet', lanKod: '03', roll: 'ledamot' },
      MEDLEMSKAP.lansstyrelse,
      { organisationId: 'LST03', organisationTyp: 'lansstyrelse', lanKod: '03', roll: 'lansstyrelse' },
      MEDLEMSKAP.socialstyrelsen,
      MEDLEMSKAP.admin,
      MEDLEMSKAP.aktor,
    );
    expect(can(allt, 'klient:read', RESURSER.egen_verksamhet)).toBe(true);
    expect(can(allt, 'klient:read', RESURSER.annan_verksamhet_samma_lan)).toBe(false);
    expect(can(allt, 'klient:read', RESURSER.verksamhet_annat_lan)).toBe(false);
    expect(can(allt, 'klient:write', RESURSER.verksamhet_annat_lan)).toBe(false);
  });

  it('denies everything to a principal without memberships', () => {
    const ingen = principal();
    for (const a of ACTIONS) {
      expect(harNagonRattighet(ingen, a)).toBe(false);
      for (const r of ALLA_RESURSER) expect(can(ingen, a, RESURSER[r])).toBe(false);
    }
  });

  it.each<[string, Medlemskap]>([
    ['an ombud membership in a Länsstyrelse', { ...MEDLEMSKAP.ombud, organisationTyp: 'lansstyrelse' }],
    ['a chef membership in an actor', { ...MEDLEMSKAP.chef, organisationTyp: 'aktor' }],
    ['a Länsstyrelse role in a verksamhet', { ...MEDLEMSKAP.lansstyrelse, organisationTyp: 'verksamhet' }],
    [
      'a Socialstyrelsen role in a Länsstyrelse',
      { ...MEDLEMSKAP.socialstyrelsen, organisationTyp: 'lansstyrelse' },
    ],
    ['an aktor role in a verksamhet', { ...MEDLEMSKAP.aktor, organisationTyp: 'verksamhet' }],
    ['a Länsstyrelse without a län', { ...MEDLEMSKAP.lansstyrelse, lanKod: null }],
    ['an unknown role', { ...MEDLEMSKAP.chef, roll: 'superuser' as Roll }],
  ])('grants nothing for inconsistent data: %s', (_namn, m) => {
    expect(ALLA_RESURSER.flatMap((r) => tillatnaActions(principal(m), RESURSER[r]))).toEqual([]);
  });
});

describe('verksamheterMed', () => {
  const p = principal(
    MEDLEMSKAP.ombud,
    { organisationId: 'V2', organisationTyp: 'verksamhet', lanKod: '01', roll: 'ledamot' },
    { organisationId: 'V3', organisationTyp: 'verksamhet', lanKod: '03', roll: 'chef' },
    { organisationId: 'V3', organisationTyp: 'verksamhet', lanKod: '03', roll: 'ombud' },
    MEDLEMSKAP.lansstyrelse,
    MEDLEMSKAP.admin,
  );

  it.each<[Action, string[]]>([
    ['klient:read', ['V1', 'V3']],
    ['brist:read', ['V1', 'V2', 'V3']],
    ['user:admin', ['V3']], // admin's system-wide right is not a verksamhet context
    ['redovisning:review', []], // the Länsstyrelse reads through its own queries, not the RLS list
    ['verksamhet:read', ['V1', 'V2', 'V3']],
    ['grant:admin', []],
  ])('%s → %j', (action, ids) => {
    expect(verksamheterMed(p, action)).toEqual(ids);
  });
});

describe('harNagonRattighet', () => {
  it.each<[Roll, Action, boolean]>([
    ['ledamot', 'klient:read', false],
    ['ledamot', 'brist:read', true],
    ['lansstyrelse', 'redovisning:review', true],
    ['lansstyrelse', 'klient:read', false],
    ['socialstyrelsen', 'grant:admin', true],
    ['socialstyrelsen', 'redovisning:review', false],
    ['admin', 'org:admin', true],
    ['admin', 'klient:read', false],
    ['aktor', 'aktor:inbox', true],
    ['aktor', 'brist:read', false],
    ['chef', 'caseload:read', true],
    ['ombud', 'caseload:read', false],
  ])('%s has %s somewhere: %s', (roll, action, vantat) => {
    expect(harNagonRattighet(principal(MEDLEMSKAP[roll]), action)).toBe(vantat);
  });
});

describe('tillatnaActions', () => {
  it('lists what a chef may do in the own verksamhet, in the order of ACTIONS', () => {
    expect(tillatnaActions(principal(MEDLEMSKAP.chef), RESURSER.egen_verksamhet)).toEqual([
      'klient:read',
      'klient:write',
      'verksamhet:read',
      'brist:read',
      'brist:write',
      'ledningsgrupp:read',
      'ledningsgrupp:write',
      'redovisning:read',
      'redovisning:write',
      'audit:read',
      'user:admin',
      'caseload:read',
    ]);
  });
});
