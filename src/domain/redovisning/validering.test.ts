// Consistency of a redovisning's figures (domain brief "Annual report"; seed 003 Tabell 3 adds up by gender
// and age group: 4 747 + 5 814 + others = 10 561). Each case below changes one thing and expects exactly
// the findings it must cause (one wrong cell can break two rules, e.g. its own sum and the age-group sum).
import { describe, expect, it } from 'vitest';
import type { G, RedovisningSiffror } from './typer.ts';
import {
  type ForraArSiffror,
  jamforForraAret,
  type ValideringsRegel,
  valideraOmraden,
  valideraRedovisning,
} from './validering.ts';

const g = (kvinna: number, man: number, annan: number): G => ({
  kvinna,
  man,
  annan,
  totalt: kvinna + man + annan,
});
const NOLL = g(0, 0, 0);

function giltig(): RedovisningSiffror {
  return {
    klienter: {
      totalt: g(2, 2, 2),
      nya: g(1, 2, 1),
      avslutade: g(1, 1, 1),
      avslutadeKlienter: g(1, 1, 1),
      medBarn: g(0, 1, 1),
      alder: { '18-29': g(0, 1, 1), '30-49': g(1, 1, 0), '50-64': g(0, 0, 1), '65+': g(1, 0, 0) },
    },
    kontaktorsaker: {
      ekonomi: g(2, 0, 1),
      bostad: g(1, 1, 0),
      sysselsattning: NOLL,
      struktur_i_vardagen: g(0, 1, 0),
      bryta_isolering: g(0, 0, 1),
      relationsfragor: NOLL,
      existentiella_fragor: NOLL,
      myndighetskontakter: g(2, 2, 2),
      sjukvardskontakter: g(1, 0, 0),
      annan: g(0, 0, 1),
    },
    ko: { harKo: true, vantetidMedianDagar: 30, vantetidMaxDagar: 366, antalIKo3112: 2 },
    personal: { ombud: 4, kvinnor: 3, man: 1, arsarbetare: 3.75 },
  };
}

describe('valideraRedovisning', () => {
  it('accepts consistent figures', () => {
    expect(valideraRedovisning(giltig())).toEqual([]);
  });

  it('accepts a year without waiting times and with all-zero figures', () => {
    const r = giltig();
    r.ko = { harKo: false, vantetidMedianDagar: null, vantetidMaxDagar: null, antalIKo3112: 0 };
    expect(valideraRedovisning(r)).toEqual([]);
  });

  it.each<[string, (r: RedovisningSiffror) => void, Array<[string, ValideringsRegel]>]>([
    [
      'ombud not a whole number',
      (r) => {
        r.personal.ombud = 4.5;
      },
      [['personal.ombud', 'heltal']],
    ],
    [
      'negative queue',
      (r) => {
        r.ko.antalIKo3112 = -1;
      },
      [['ko.antalIKo3112', 'heltal']],
    ],
    [
      'half clients that still add up',
      (r) => {
        r.klienter.medBarn = { kvinna: 0.5, man: 0.5, annan: 1, totalt: 2 };
      },
      [
        ['klienter.medBarn.kvinna', 'heltal'],
        ['klienter.medBarn.man', 'heltal'],
      ],
    ],
    [
      'non-integer median',
      (r) => {
        r.ko.vantetidMedianDagar = 25.5;
      },
      [['ko.vantetidMedianDagar', 'heltal']],
    ],
    [
      'nya do not add up',
      (r) => {
        r.klienter.nya.totalt = 5;
      },
      [['klienter.nya.totalt', 'summa_kon']],
    ],
    [
      'an age group does not add up',
      (r) => {
        r.klienter.alder['50-64'].totalt = 2;
      },
      [
        ['klienter.alder.50-64.totalt', 'summa_kon'],
        ['klienter.alder.totalt', 'alder_summa'],
      ],
    ],
    [
      'age groups add up to the wrong number of women',
      (r) => {
        r.klienter.alder['65+'] = g(2, 0, 0);
      },
      [
        ['klienter.alder.kvinna', 'alder_summa'],
        ['klienter.alder.totalt', 'alder_summa'],
      ],
    ],
    [
      'more new than clients',
      (r) => {
        r.klienter.nya = g(1, 2, 3);
      },
      [['klienter.nya.annan', 'nya_max']],
    ],
    [
      'more clients with a closed ärende than clients',
      (r) => {
        r.klienter.avslutade = g(3, 1, 1);
        r.klienter.avslutadeKlienter = g(3, 1, 1);
      },
      [['klienter.avslutadeKlienter.kvinna', 'avslutade_klienter_max']],
    ],
    [
      'fewer ärenden closed than clients who closed one',
      (r) => {
        r.klienter.avslutade = g(0, 1, 1);
      },
      [
        ['klienter.avslutade.kvinna', 'avslutade_arenden'],
        ['klienter.avslutade.totalt', 'avslutade_arenden'],
      ],
    ],
    [
      'ärenden closed by women but no woman with a closed ärende',
      (r) => {
        r.klienter.avslutadeKlienter = g(0, 1, 1);
      },
      [['klienter.avslutadeKlienter.kvinna', 'avslutade_arenden']],
    ],
    [
      'more with children than clients',
      (r) => {
        r.klienter.medBarn = g(0, 3, 1);
      },
      [['klienter.medBarn.man', 'med_barn_max']],
    ],
    [
      'a reason given by more women than there are',
      (r) => {
        r.kontaktorsaker.ekonomi = g(3, 0, 1);
      },
      [['kontaktorsaker.ekonomi.kvinna', 'kontaktorsak_max']],
    ],
    [
      'an unknown reason',
      (r) => void Object.assign(r.kontaktorsaker, { pengar: g(1, 0, 0) }),
      [['kontaktorsaker.pengar', 'okand_kontaktorsak']],
    ],
    [
      'no FTE',
      (r) => {
        r.personal.arsarbetare = 0;
      },
      [['personal.arsarbetare', 'arsarbetare_positiv']],
    ],
    [
      'NaN FTE',
      (r) => {
        r.personal.arsarbetare = Number.NaN;
      },
      [['personal.arsarbetare', 'arsarbetare_positiv']],
    ],
    [
      'more FTE than people',
      (r) => {
        r.personal.arsarbetare = 4.5;
      },
      [['personal.arsarbetare', 'arsarbetare_max']],
    ],
    [
      'more women and men than ombud',
      (r) => {
        r.personal.man = 2;
      },
      [['personal', 'personal_kon_max']],
    ],
    [
      'median above max',
      (r) => {
        r.ko.vantetidMedianDagar = 400;
      },
      [['ko.vantetidMedianDagar', 'vantetid_median_max']],
    ],
    [
      'median without max',
      (r) => {
        r.ko.vantetidMaxDagar = null;
      },
      [['ko.vantetidMaxDagar', 'vantetid_parvis']],
    ],
    [
      'max without median',
      (r) => {
        r.ko.vantetidMedianDagar = null;
      },
      [['ko.vantetidMedianDagar', 'vantetid_parvis']],
    ],
  ])('%s', (_namn, bryt, vantat) => {
    const r = giltig();
    bryt(r);
    const fel = valideraRedovisning(r);
    expect(fel.map((f) => [f.path, f.rule])).toEqual(vantat);
    for (const f of fel) expect(f.message).toMatch(/[a-zåäö]/);
  });

  // Domain brief: avslutade = "ärenden closed during Y"; seed 001 (Norra innerstaden 2025): "Under året har
  // totalt 91 ärenden avslutats". Ärenden, not clients: a client can close two in a year.
  it('accepts more ärenden closed than clients when clients had several ärenden', () => {
    const r = giltig();
    r.klienter.avslutade = g(3, 1, 1); // 5 ärenden closed by 3 clients (of 6 in the year)
    expect(valideraRedovisning(r)).toEqual([]);
    r.klienter.avslutade = g(5, 3, 1); // 9 ärenden closed, more than the 6 clients
    expect(valideraRedovisning(r)).toEqual([]);
  });

  it('without avslutadeKlienter (documents made before it), avslutade has no bound', () => {
    const r = giltig();
    delete r.klienter.avslutadeKlienter;
    r.klienter.avslutade = g(9, 9, 9);
    expect(valideraRedovisning(r)).toEqual([]);
  });

  it('writes its messages in Swedish with the numbers involved', () => {
    const r = giltig();
    r.klienter.nya.totalt = 5;
    r.personal.man = 2;
    expect(valideraRedovisning(r).map((f) => f.message)).toEqual([
      'Kvinnor, män och annan könsidentitet (1 + 2 + 1) ska bli totalt (5).',
      'Kvinnor och män bland ombuden (3 + 2) kan inte vara fler än antalet ombud (4).',
    ]);
  });
});

// Issue 15 item 8: checks against last year's submitted report. Continuing clients = totalt − nya (by the
// counting rules, clients who had support last year too). giltig(): 6 clients, 4 new → 2 continuing; 2 in
// the queue on 31 December.
describe('jamforForraAret', () => {
  const forra = (x: Partial<ForraArSiffror> = {}): ForraArSiffror => ({
    ar: 2024,
    klienterTotalt: 10,
    avslutade: 6,
    avslutadeKlienter: 5,
    antalIKo3112: 3,
    ...x,
  });
  const regler = (r: RedovisningSiffror, f: ForraArSiffror) => {
    const { fel, varningar } = jamforForraAret(r, f);
    return { fel: fel.map((x) => x.rule), varningar: varningar.map((x) => x.rule) };
  };

  it('accepts figures that follow from last year', () => {
    expect(regler(giltig(), forra())).toEqual({ fel: [], varningar: [] });
  });

  it('an error when continuing clients outnumber last year’s clients (each was one of them)', () => {
    const r = giltig();
    r.klienter.totalt = g(60, 40, 20); // 120 clients, 4 new: 116 continuing
    r.klienter.alder['30-49'] = g(59, 39, 20);
    const { fel, varningar } = jamforForraAret(r, forra({ klienterTotalt: 100, avslutade: 0 }));
    expect(fel.map((f) => [f.path, f.rule])).toEqual([['klienter.nya.totalt', 'fortsatta_max']]);
    expect(fel[0]!.message).toBe(
      'Fortsatta klienter (klienter under året 120 − nya klienter 4 = 116) kan inte vara fler än klienterna under 2024 (100).',
    );
    expect(varningar).toEqual([]);
    // exactly as many as last year: possible (nobody left)
    expect(regler(r, forra({ klienterTotalt: 116, avslutade: 0, avslutadeKlienter: 0 })).fel).toEqual([]);
  });

  it('a warning when continuing clients outnumber last year’s clients who were not closed', () => {
    // 2 continuing; last year 10 clients of whom 9 had a closed ärende: 1 not closed
    const { fel, varningar } = jamforForraAret(giltig(), forra({ avslutade: 11, avslutadeKlienter: 9 }));
    expect(fel).toEqual([]);
    expect(varningar.map((f) => [f.path, f.rule])).toEqual([['klienter.nya.totalt', 'fortsatta_avslutade']]);
    expect(varningar[0]!.message).toBe(
      'Fortsatta klienter (2) är fler än klienterna under 2024 som inte avslutades (10 − 9 = 1). Det stämmer bara om klienter som avslutades 2024 har kommit tillbaka eller hade ett ärende till.',
    );
    // 8 clients closed leave 2 not closed: as many as continue, no warning
    expect(regler(giltig(), forra({ avslutade: 11, avslutadeKlienter: 8 })).varningar).toEqual([]);
  });

  it('uses the closed ärenden when last year’s report lacks the clients behind them', () => {
    expect(regler(giltig(), forra({ avslutade: 9, avslutadeKlienter: null })).varningar).toEqual([
      'fortsatta_avslutade',
    ]);
    expect(regler(giltig(), forra({ avslutade: 8, avslutadeKlienter: null })).varningar).toEqual([]);
  });

  it('a warning when last year’s queue is larger than this year’s new clients and queue together', () => {
    // 4 new + 2 waiting now = 6: a queue of 6 last year is explained, 7 is not
    expect(regler(giltig(), forra({ antalIKo3112: 6 }))).toEqual({ fel: [], varningar: [] });
    const { fel, varningar } = jamforForraAret(giltig(), forra({ antalIKo3112: 7 }));
    expect(fel).toEqual([]);
    expect(varningar.map((f) => [f.path, f.rule])).toEqual([['ko.antalIKo3112', 'ko_forra_aret']]);
    expect(varningar[0]!.message).toBe(
      'I kö 31 december 2024 (7) är fler än nya klienter och kön nu tillsammans (4 + 2). Minst 1 lämnade då kön utan att få ombud; stämmer det?',
    );
  });
});

describe('valideraOmraden', () => {
  it('accepts parts that add up and names the first figure that does not', () => {
    const r = giltig();
    const helhet = { klienter: r.klienter, kontaktorsaker: r.kontaktorsaker };
    const del = (f: (x: G) => G) => ({
      totalt: f(r.klienter.totalt),
      nya: f(r.klienter.nya),
      avslutade: f(r.klienter.avslutade),
      medBarn: f(r.klienter.medBarn),
      alder: Object.fromEntries(Object.entries(r.klienter.alder).map(([a, x]) => [a, f(x)])),
    });
    const halva = (x: G) => g(x.kvinna, 0, 0);
    const resten = (x: G) => g(0, x.man, x.annan);
    expect(valideraOmraden('klienter.perKommun', [del(halva), del(resten)], helhet)).toEqual([]);
    const fel = valideraOmraden('klienter.perKommun', [del(halva)], helhet);
    expect(fel[0]).toEqual({
      path: 'klienter.perKommun',
      rule: 'per_kommun_summa',
      message: 'Klienter under året per kommun, män (0), ska bli verksamhetens antal (2).',
    });
  });
});
