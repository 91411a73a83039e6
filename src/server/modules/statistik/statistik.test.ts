// A verksamhet's statistics over time: clients per year counted as the redovisning counts them, the queue
// month by month from the dates (not today's status), contact reasons by gender; only its own ombud and chef.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerksamhetStatistik } from '../../../contracts/statistik.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { arende, klient } from '../../db/schema/index.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V = '';
let W = '';
const u: Record<string, Client> = {};
const url = (v: string, q = '') => `/api/v1/verksamheter/${v}/statistik${q}`;

/** An ISO date `dagar` days before today (Swedish calendar). */
const dagarSedan = (dagar: number) => {
  const d = new Date(`${idagISverige()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - dagar);
  return d.toISOString().slice(0, 10);
};

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  V = (await makeVerksamhet(db)).id;
  W = (await makeVerksamhet(db)).id;
  for (const [name, org, roll] of [
    ['ombud', V, 'ombud'],
    ['chef', V, 'chef'],
    ['ledamot', V, 'ledamot'],
    ['chefW', W, 'chef'],
  ] as const) {
    const made = await makeUser(db, [{ organisationId: org, roll }]);
    u[name] = await loginAs(app, made.username);
  }
  const k = (kon: 'kvinna' | 'man') => ({
    id: randomUUID(),
    verksamhetId: V,
    kon,
    fodelsear: 1980,
    kommunKod: '0180',
    barnUnder18: 'nej' as const,
  });
  const [a, b, c, d, e] = [k('kvinna'), k('man'), k('kvinna'), k('man'), k('kvinna')];
  await db.insert(klient).values([a, b, c, d, e]);
  const arenden = [
    // A: active in 2023 and 2024, closed 2024 (so 2024 continues her and closes one ärende).
    {
      klientId: a.id,
      forfraganDatum: '2023-03-01',
      status: 'avslutad' as const,
      startDatum: '2023-04-15',
      avslutDatum: '2024-06-01',
      kontaktorsaker: ['ekonomi'],
    },
    // B: new in 2024, still active.
    {
      klientId: b.id,
      forfraganDatum: '2024-02-01',
      status: 'aktiv' as const,
      startDatum: '2024-02-21',
      avslutDatum: null,
      kontaktorsaker: ['ekonomi', 'bostad'],
    },
    // C: never started (ej aktuell): never a client of a year, and not waiting after it was closed.
    {
      klientId: c.id,
      forfraganDatum: '2024-05-01',
      status: 'ej_aktuell' as const,
      startDatum: null,
      avslutDatum: '2024-05-10',
      kontaktorsaker: [],
    },
    // D: waiting now, requested ten days ago.
    {
      klientId: d.id,
      forfraganDatum: dagarSedan(10),
      status: 'ko' as const,
      startDatum: null,
      avslutDatum: null,
      kontaktorsaker: [],
    },
    // E: requested 60 days ago, started 30 days ago after 30 days' wait.
    {
      klientId: e.id,
      forfraganDatum: dagarSedan(60),
      status: 'aktiv' as const,
      startDatum: dagarSedan(30),
      avslutDatum: null,
      kontaktorsaker: [],
    },
  ];
  await db.insert(arende).values(arenden.map((x) => ({ ...x, verksamhetId: V })));
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('verksamhet statistics', () => {
  it('counts clients per year as the redovisning does: new, continuing, closed ärenden', async () => {
    const res = await u.chef!.get(url(V, '?ar=2024'));
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json() as VerksamhetStatistik;
    const iAr = Number(idagISverige().slice(0, 4));
    expect(s.ar.map((r) => r.ar)).toEqual(Array.from({ length: iAr - 2023 + 1 }, (_, i) => 2023 + i));
    expect(s.ar[0]).toEqual({ ar: 2023, klienter: 1, nya: 1, fortsatta: 0, avslutade: 0 });
    expect(s.ar[1]).toEqual({ ar: 2024, klienter: 2, nya: 1, fortsatta: 1, avslutade: 1 });
    // The chosen year's contact reasons by gender: A (woman) and B (man) for ekonomi, B for bostad.
    expect(s.kontaktorsaker.ar).toBe(2024);
    const rad = (o: string) => s.kontaktorsaker.rader.find((r) => r.orsak === o);
    expect(rad('ekonomi')).toMatchObject({ kvinna: 1, man: 1, totalt: 2 });
    expect(rad('bostad')).toMatchObject({ kvinna: 0, man: 1, totalt: 1 });
  });

  it('reads the queue month by month from the dates', async () => {
    const s = (await u.ombud!.get(url(V))).json() as VerksamhetStatistik;
    expect(s.ko).toHaveLength(24);
    const denna = s.ko.at(-1)!;
    expect(denna.manad).toBe(idagISverige().slice(0, 7));
    expect(denna.iKo).toBe(1); // D; C was closed, E has started
    const startManad = dagarSedan(30).slice(0, 7);
    const m = s.ko.find((x) => x.manad === startManad)!;
    expect(m.startade).toBe(1);
    expect(m.medianVantedagar).toBe(30);
    // Before E and D were requested nothing waited.
    const fore = s.ko.find((x) => x.manad < dagarSedan(60).slice(0, 7));
    expect(fore?.iKo ?? 0).toBe(0);
  });

  it('is for the verksamhet’s own ombud and chef only', async () => {
    expect((await u.ledamot!.get(url(V))).statusCode).toBe(404);
    expect((await u.chefW!.get(url(V))).statusCode).toBe(404);
    expect((await u.chefW!.get(url(W))).json().ar).toEqual([]);
    const bad = await u.chef!.get(url(V, '?ar=19'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].label).toBe('År');
  });
});
