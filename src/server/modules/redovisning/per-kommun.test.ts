// Issue 15 item 2 ("figures below the verksamhet") end to end: a verksamhet covering three kommuner gets
// its client figures per the clients' own kommun in the document computed from casework, typing figures
// by hand drops them, and the Länsstyrelse's per-kommun table uses them once the report is submitted
// (falling back, named, for a report without them). Item 8: the checks against last year's SUBMITTED
// report reach the view (warnings) and block a submission (error); without one, nothing is checked.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arende, klient } from '../../db/schema/index.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { giltigRedovisning } from '../../testing/redovisning-fixture.ts';

let database: TestDatabase;
let app: FastifyInstance;
let tre: { id: string; kod: string };
let hand: { id: string; kod: string };
let chef: Client;
let chefHand: Client;
let ls: Client;
const url = (v: string, ar = 2025) => `/api/v1/verksamheter/${v}/redovisningar/${ar}`;

// 2025: Upplands Väsby (0114) 6 clients, Vallentuna (0115) 2, Stockholm (0180) 3 — different on purpose.
const KLIENTER: Array<[kommun: string, kon: 'kvinna' | 'man', fodelsear: number, startat: string]> = [
  ['0114', 'kvinna', 1980, '2025-02-01'],
  ['0114', 'kvinna', 1990, '2025-03-01'],
  ['0114', 'kvinna', 1960, '2024-05-01'],
  ['0114', 'man', 1970, '2025-04-01'],
  ['0114', 'man', 2000, '2024-09-01'],
  ['0114', 'man', 1955, '2025-05-01'],
  ['0115', 'kvinna', 1985, '2025-01-15'],
  ['0115', 'man', 1975, '2024-02-01'],
  ['0180', 'kvinna', 1995, '2025-06-01'],
  ['0180', 'man', 1965, '2025-07-01'],
  ['0180', 'man', 1945, '2024-11-01'],
];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  tre = await makeVerksamhet(db, { namn: 'PO Tre kommuner', kommuner: ['0114', '0115', '0180'] });
  hand = await makeVerksamhet(db, { namn: 'PO För hand', kommuner: ['0114', '0115'] });
  chef = await loginAs(app, (await makeUser(db, [{ organisationId: tre.id, roll: 'chef' }])).username);
  chefHand = await loginAs(app, (await makeUser(db, [{ organisationId: hand.id, roll: 'chef' }])).username);
  const ls01 = await orgId(db, 'lansstyrelse', '01');
  ls = await loginAs(app, (await makeUser(db, [{ organisationId: ls01, roll: 'lansstyrelse' }])).username);
  const rader = KLIENTER.map(([kommunKod, kon, fodelsear, start]) => ({
    k: { id: randomUUID(), verksamhetId: tre.id, kon, fodelsear, kommunKod, barnUnder18: 'nej' as const },
    start,
  }));
  await db.insert(klient).values(rader.map((r) => r.k));
  await db.insert(arende).values(
    rader.map((r) => ({
      verksamhetId: tre.id,
      klientId: r.k.id,
      forfraganDatum: r.start,
      status: 'aktiv' as const,
      startDatum: r.start,
      kontaktorsaker: ['ekonomi'],
    })),
  );
});
afterAll(() => database.close());

type Del = { kommunKod: string | null; totalt: { totalt: number; kvinna: number }; nya: { totalt: number } };

describe('per kommun in the verksamhet’s redovisning', () => {
  it('the proposal holds each kommun’s own clients, adding up to the total, with the kommuner’s names', async () => {
    const v = (await chef.get(url(tre.id))).json();
    const delar = v.dokument.klienter.perKommun as Del[];
    expect(delar.map((d) => [d.kommunKod, d.totalt.totalt, d.nya.totalt])).toEqual([
      ['0114', 6, 4],
      ['0115', 2, 1],
      ['0180', 3, 2],
    ]);
    expect(delar.reduce((s, d) => s + d.totalt.totalt, 0)).toBe(v.dokument.klienter.totalt.totalt);
    expect(v.ortnamn.kommuner).toMatchObject({ '0114': 'Upplands Väsby', '0115': 'Vallentuna' });
    expect(v.validering.filter((f: { rule: string }) => f.rule === 'per_kommun_summa')).toEqual([]);
  });

  it('a figure typed over the computed ones drops the split; saving the same figures keeps it', async () => {
    const v = (await chef.get(url(tre.id))).json();
    const { perKommun: _p, ...utan } = v.dokument.klienter;
    const same = await chef.put(url(tre.id), { ...giltigRedovisning(2025), klienter: utan });
    expect(same.statusCode, same.body).toBe(200);
    // the contact reasons typed (giltigRedovisning's) differ from the casework's: the split goes
    expect(same.json().dokument.klienter.perKommun).toBeUndefined();
    expect(same.json().kalla).toBe('manuell');
    const igen = (await chef.post(`${url(tre.id)}/berakning`)).json();
    expect(igen.dokument.klienter.perKommun).toHaveLength(3);
    const behall = await chef.put(url(tre.id), { klienter: utan });
    expect(behall.json().dokument.klienter.perKommun).toHaveLength(3);
  });

  it('an API caller’s split that does not add up is a field error (and blocks the submission)', async () => {
    const v = (await chef.get(url(tre.id))).json();
    const k = structuredClone(v.dokument.klienter);
    k.perKommun[0].totalt = { kvinna: 0, man: 0, annan: 0, totalt: 0 };
    const res = (await chef.put(url(tre.id), { klienter: k })).json();
    expect(res.dokument.klienter.perKommun[0].totalt.totalt).toBe(0); // the same figures: kept as sent
    expect(res.validering).toContainEqual({
      path: 'klienter.perKommun',
      rule: 'per_kommun_summa',
      message: 'Klienter under året per kommun, kvinnor (2), ska bli verksamhetens antal (5).',
    });
    const sub = await chef.post(`${url(tre.id)}/inskickning`);
    expect(sub.statusCode).toBe(400);
    expect(sub.json().errors.map((e: { rule: string }) => e.rule)).toContain('per_kommun_summa');
  });
});

describe('the Länsstyrelse’s table per kommun', () => {
  it('uses the submitted split: different figures per kommun, suppressed, summing to the län', async () => {
    await chef.post(`${url(tre.id)}/berakning`);
    const { klienter: _k, kontaktorsaker: _o, ko: _q, ...resten } = giltigRedovisning(2025);
    const put = await chef.put(url(tre.id), resten);
    expect(put.statusCode, put.body).toBe(200);
    const sub = await chef.post(`${url(tre.id)}/inskickning`);
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().dokument.klienter.perKommun).toHaveLength(3);
    const s = (await ls.get('/api/v1/lan/01/sammanstallning/2025?forhandsvisning=true')).json();
    const rad = (kod: string) => s.perKommun.find((k: { kommunKod: string }) => k.kommunKod === kod);
    expect(rad('0114').klienter.totalt).toBe(6);
    expect(rad('0114').klienter.kvinna).toBeNull(); // 3 women: '..'
    expect(rad('0115').klienter.totalt).toBeNull(); // 2 clients: '..'
    expect(rad('0180').klienter.totalt).toBeNull(); // 3 clients: '..'
    expect(rad('0114').helaVerksamheten).toEqual([]);
    expect(rad('0114').verksamheter).toEqual([tre.kod]);
    expect(s.klienter.totalt).toBe(11);
  });

  it('falls back to the whole verksamhet under each kommun for a report without the split, named', async () => {
    const put = await chefHand.put(url(hand.id), giltigRedovisning(2025));
    expect(put.statusCode, put.body).toBe(200);
    expect((await chefHand.post(`${url(hand.id)}/inskickning`)).statusCode).toBe(200);
    const s = (await ls.get('/api/v1/lan/01/sammanstallning/2025?forhandsvisning=true')).json();
    const rad = (kod: string) => s.perKommun.find((k: { kommunKod: string }) => k.kommunKod === kod);
    expect(rad('0115').helaVerksamheten).toEqual([hand.kod]);
    expect(rad('0115').verksamheter).toEqual([hand.kod, tre.kod].sort());
    expect(rad('0115').klienter.totalt).toBe(9 + 2); // the whole of PO För hand + Vallentuna's 2
    expect(rad('0180').helaVerksamheten).toEqual([]);
  });
});

describe('checks across years (last year’s submitted report)', () => {
  it('none without last year’s report; with it, a warning on the view and an error that blocks', async () => {
    const v0 = (await chefHand.get(url(hand.id, 2026))).json();
    expect(v0.forraArSiffror).toMatchObject({ ar: 2025, klienterTotalt: 9, antalIKo3112: 2 });
    const v2024 = (await chefHand.get(url(hand.id, 2024))).json();
    expect(v2024.forraArSiffror).toBeNull();
    expect(v2024.varningar).toEqual([]);

    // 2026: 12 clients, 1 new → 11 continuing, more than 2025's 9 clients: an error that blocks
    const g = (kvinna: number, man: number) => ({ kvinna, man, annan: 0, totalt: kvinna + man });
    const b = giltigRedovisning(2026);
    b.klienter.totalt = g(6, 6);
    b.klienter.nya = g(1, 0);
    b.klienter.alder['30-49'] = g(3, 4);
    const put = await chefHand.put(url(hand.id, 2026), b);
    expect(put.json().validering).toContainEqual(
      expect.objectContaining({ path: 'klienter.nya.totalt', rule: 'fortsatta_max' }),
    );
    const sub = await chefHand.post(`${url(hand.id, 2026)}/inskickning`);
    expect(sub.statusCode).toBe(400);
    expect(sub.json().errors).toContainEqual(
      expect.objectContaining({
        field: 'klienter.nya.totalt',
        rule: 'fortsatta_max',
        message:
          'Fortsatta klienter (klienter under året 12 − nya klienter 1 = 11) kan inte vara fler än klienterna under 2025 (9).',
      }),
    );

    // 8 continuing (≤ 9) but more than 2025's 9 − 2 closed = 7; and 2025's queue of 2 > 0 new + 1 queue
    b.klienter.nya = g(0, 4);
    b.ko.antalIKo3112 = 0;
    const ok = (await chefHand.put(url(hand.id, 2026), b)).json();
    expect(ok.validering).toEqual([]);
    expect(ok.varningar.map((f: { rule: string }) => f.rule)).toEqual(['fortsatta_avslutade']);
    b.klienter.nya = g(0, 1);
    b.klienter.totalt = g(1, 1);
    b.klienter.alder = { '18-29': g(0, 0), '30-49': g(1, 1), '50-64': g(0, 0), '65+': g(0, 0) };
    b.klienter.avslutade = g(0, 1);
    b.klienter.medBarn = g(0, 0);
    for (const x of Object.values(b.kontaktorsaker)) Object.assign(x, g(0, 0));
    b.ko.antalIKo3112 = 0;
    const ko = (await chefHand.put(url(hand.id, 2026), b)).json();
    expect(ko.validering).toEqual([]);
    expect(ko.varningar.map((f: { rule: string }) => f.rule)).toEqual(['ko_forra_aret']);
    // warnings do not block
    const sub2 = await chefHand.post(`${url(hand.id, 2026)}/inskickning`);
    expect(sub2.statusCode, sub2.body).toBe(200);
  });
});
