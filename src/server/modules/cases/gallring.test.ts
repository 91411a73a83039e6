// Gallring: after `ombud purge` (the purge service) no identity value of a purged client remains in ANY
// table — the audit log included — while every statistical figure stays exactly the same.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idagISverige } from '../../../domain/datum.ts';
import { luhnKontrollsiffra } from '../../../domain/personnummer.ts';
import { type ArendePost, type KlientPost, raknaRedovisning } from '../../../domain/redovisning/raknare.ts';
import { query, withTx } from '../../db/client.ts';
import { verifyAuditChain } from '../../platform/audit.ts';
import { systemPrincipal } from '../../platform/context.ts';
import { decryptField } from '../../platform/field-crypto.ts';
import { jobs } from '../../platform/scheduler.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { gallraSomSystem } from './gallring.ts';
import { plusDagar } from './service.ts';
import { arendeUrl, klientUrl, overga, skapaArende } from './test-helpers.ts';

let database: TestDatabase;
let app: FastifyInstance;
let G: string;
let ombud: Client;
const idag = idagISverige();

interface Person {
  alias: string;
  namn: string;
  personnummer: string;
  telefon: string;
  adress: string;
  anteckning: string;
  klientId?: string;
}
// Values chosen to be unique in the whole database, so a hit anywhere is a leak.
const person = (n: string, pnr: string, fodelsear: number): Person & { fodelsear: number } => ({
  alias: `Gallras-${n}-alias`,
  namn: `Förnamn${n} Efternamnsson`,
  personnummer: pnr,
  telefon: `070-55${n}${n} 11`,
  adress: `Gallringsvägen ${n}0, 123 45 Ort`,
  anteckning: `Hemlig anteckning ${n} om skulder hos Kronofogden`,
  fodelsear,
});
/** A valid personnummer (ÅÅÅÅMMDD-NNNN) for a birth date and three serial digits. */
const pnr = (datum: string, nnn: string) => `${datum}-${nnn}${luhnKontrollsiffra(`${datum.slice(2)}${nnn}`)}`;
const purged = [person('1', pnr('19811218', '987'), 1981), person('2', pnr('19640823', '123'), 1964)];
const kept = person('3', pnr('19901010', '123'), 1990);

async function klientMedAnteckning(c: Client, v: string, p: Person & { fodelsear: number }) {
  const res = await c.post(klientUrl(v), {
    alias: p.alias,
    namn: p.namn,
    personnummer: p.personnummer.replace('-', '').slice(2),
    telefon: p.telefon,
    adress: p.adress,
    fodelsear: p.fodelsear,
    kon: 'kvinna',
    kommunKod: '0180',
    barnUnder18: 'helt',
  });
  expect(res.statusCode, res.body).toBe(201);
  p.klientId = res.json().id;
  return res.json().id as string;
}

async function statistik(v: string) {
  return withTx(database.db, { verksamhetIds: [v] }, async (tx) => {
    const klienter = await query<Record<string, unknown>>(
      tx,
      sql`select id, kon, fodelsear, kommun_kod, stadsdelsomrade_kod, barn_under_18, created_at::text
          from klient order by id`,
    );
    const arenden = await query<Record<string, unknown>>(
      tx,
      sql`select id, klient_id, forfragan_datum::text as f, forfragan_fran, status, start_datum::text as s,
                 avslut_datum::text as a, avslut_orsak, ombud_user_id, sip, prioritet, kontaktorsaker,
                 gallras_efter::text, updated_at::text
          from arende order by id`,
    );
    const aktorer = await query<Record<string, unknown>>(
      tx,
      sql`select * from arende_aktor order by arende_id`,
    );
    const kp: KlientPost[] = klienter.map((k) => ({
      id: k.id as string,
      kon: k.kon as KlientPost['kon'],
      fodelsear: k.fodelsear as number,
      barnUnder18: k.barn_under_18 as KlientPost['barnUnder18'],
    }));
    const ap: ArendePost[] = arenden.map((a) => ({
      id: a.id as string,
      klientId: a.klient_id as string,
      status: a.status as ArendePost['status'],
      forfraganDatum: a.f as string,
      startDatum: (a.s as string | null) ?? null,
      avslutDatum: (a.a as string | null) ?? null,
      kontaktorsaker: a.kontaktorsaker as string[],
    }));
    const ar = Number(idag.slice(0, 4));
    const rakning = [ar - 2, ar - 1, ar].map((y) => raknaRedovisning({ klienter: kp, arenden: ap, ar: y }));
    return { klienter, arenden, aktorer, rakning };
  });
}

/**
 * Where each value occurs: every text-like column (text, varchar, char, json, jsonb, arrays) of every table
 * in the public schema, one scan per column for all values. With `siffror` only the digits are compared,
 * so a number stored in any format is found. Runs as the connecting superuser: row-level security hides
 * nothing from this search.
 */
async function hittaAlla(values: Array<[string, boolean]>): Promise<string[][]> {
  const cols = await query<{ table_name: string; column_name: string }>(
    database.db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  expect(cols.length).toBeGreaterThan(40);
  const hits: string[][] = values.map(() => []);
  for (const c of cols) {
    const id = sql.identifier(c.column_name);
    const counts = values.map(([v, siffror]) =>
      siffror
        ? sql`count(*) filter (where strpos(regexp_replace(${id}::text, '[^0-9]', '', 'g'), ${v.replace(/\D/g, '')}) > 0)::int`
        : sql`count(*) filter (where strpos(lower(${id}::text), ${v.toLowerCase()}) > 0)::int`,
    );
    const [r] = await query<Record<string, number>>(
      database.db,
      sql`select ${sql.join(
        counts.map((c, i) => sql`${c} as ${sql.identifier(`v${i}`)}`),
        sql`, `,
      )} from ${sql.identifier(c.table_name)}`,
    );
    // Identity fields and notes are stored encrypted: read those values through the key as well.
    const sealed = await query<{ v: string }>(
      database.db,
      sql`select ${id}::text as v from ${sql.identifier(c.table_name)} where ${id}::text like 'enc1:%'`,
    );
    const open = sealed.map((x) => decryptField(x.v));
    values.forEach(([v, siffror], i) => {
      const inSealed = open.some((o) =>
        siffror
          ? o.replace(/\D/g, '').includes(v.replace(/\D/g, ''))
          : o.toLowerCase().includes(v.toLowerCase()),
      );
      if ((r![`v${i}`] ?? 0) > 0 || inSealed) hits[i]!.push(`${c.table_name}.${c.column_name}`);
    });
  }
  return hits;
}
const hitta = async (value: string) => (await hittaAlla([[value, false]]))[0]!;

/** [value, compare digits only] */
const identitetsvarden = (p: Person): Array<[string, boolean]> => [
  [p.alias, false],
  [p.namn, false],
  [p.personnummer, false],
  [p.personnummer.slice(2), true], // the ten digits, in any format
  [p.telefon, false],
  [p.telefon, true],
  [p.adress, false],
  [p.anteckning, false],
];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  G = (await makeVerksamhet(database.db)).id;
  const u = await makeUser(database.db, [{ organisationId: G, roll: 'ombud' }]);
  ombud = await loginAs(app, u.username);
  const fk = await orgId(database.db, 'aktor', 'forsakringskassan');
  const ar = Number(idag.slice(0, 4));

  // Purged 1: closed after a year of support, with notes and a PDF printed before closing.
  const k1 = await klientMedAnteckning(ombud, G, purged[0]!);
  const a1 = await skapaArende(ombud, G, k1, {
    forfraganDatum: `${ar - 1}-01-15`,
    kontaktorsaker: ['ekonomi', 'myndighetskontakter'],
    aktorIds: [fk],
    prioritet: ['barn'],
  });
  await ombud.post(arendeUrl(G, a1.id, '/anteckningar'), { text: purged[0]!.anteckning });
  await overga(ombud, G, a1.id, { status: 'aktiv', datum: `${ar - 1}-02-01` });
  expect((await ombud.get(arendeUrl(G, a1.id, '/anteckningar.pdf'))).statusCode).toBe(200);
  await overga(ombud, G, a1.id, {
    status: 'avslutad',
    datum: plusDagar(idag, -1),
    avslutOrsak: 'mal_uppnatt',
  });

  // Purged 2: a request that never started.
  const k2 = await klientMedAnteckning(ombud, G, purged[1]!);
  const a2 = await skapaArende(ombud, G, k2, { forfraganDatum: `${ar - 1}-06-01` });
  await ombud.post(arendeUrl(G, a2.id, '/anteckningar'), { text: purged[1]!.anteckning });
  await overga(ombud, G, a2.id, {
    status: 'ej_aktuell',
    datum: `${ar - 1}-06-20`,
    avslutOrsak: 'ej_malgrupp',
  });

  // Kept: still active.
  const k3 = await klientMedAnteckning(ombud, G, kept);
  const a3 = await skapaArende(ombud, G, k3, {
    forfraganDatum: `${ar - 1}-03-01`,
    kontaktorsaker: ['bostad'],
  });
  await ombud.post(arendeUrl(G, a3.id, '/anteckningar'), { text: kept.anteckning });
  await overga(ombud, G, a3.id, { status: 'aktiv', datum: `${ar - 1}-03-10` });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('gallring', () => {
  it('the search finds identity values before the purge (so "not found" below means something)', async () => {
    const varden = identitetsvarden(purged[0]!);
    const hits = await hittaAlla(varden);
    for (const [i, [v]] of varden.entries()) expect(hits[i], v).not.toEqual([]);
  });

  it('purge deletes every identity value of purged clients from every table; statistics stay the same', async () => {
    const fore = await statistik(G);
    const due = await ombud.get(`/api/v1/verksamheter/${G}/gallring`);
    expect(
      due
        .json()
        .items.map((i: { alias: string }) => i.alias)
        .sort(),
    ).toEqual(purged.map((p) => p.alias).sort());

    const ctx = { db: database.db, config: testConfig(), principal: systemPrincipal('cli:test'), ip: 'cli' };
    const r = await gallraSomSystem(ctx, { verksamhetId: G });
    expect(r).toEqual({ gallrade: 2, verksamheter: 1 });

    const varden = purged.flatMap(identitetsvarden);
    const kvar = await hittaAlla(varden);
    for (const [i, [v]] of varden.entries()) expect(kvar[i], `${v} finns kvar`).toEqual([]);
    // The active client is untouched.
    expect(await hitta(kept.alias)).toEqual(['klient_identitet.alias']);
    expect(await hitta(kept.anteckning)).toEqual(['anteckning.text']);

    const efter = await statistik(G);
    expect(efter).toEqual(fore);

    // Lists show the purged clients as gallrad; their ärenden stay, without alias.
    const list = (await ombud.get(klientUrl(G))).json();
    const gallrade = list.items.filter((k: { gallrad: boolean }) => k.gallrad);
    expect(gallrade).toHaveLength(2);
    expect(gallrade.every((k: { alias: string | null }) => k.alias === null)).toBe(true);
    const detalj = (await ombud.get(klientUrl(G, purged[0]!.klientId))).json();
    expect(detalj).toMatchObject({
      gallrad: true,
      alias: null,
      namn: null,
      personnummer: null,
      telefon: null,
    });
    expect(detalj.arenden[0]).toMatchObject({ status: 'avslutad', klientAlias: null, gallrad: true });

    // Audit: ids only, and the chain still holds.
    const [entry] = await query<{ detail: { antal: number; klientIds: string[] } }>(
      database.db,
      sql`select detail from audit_log where action = 'klient.gallrad' and organisation_id = ${G}`,
    );
    expect(entry!.detail.antal).toBe(2);
    expect(entry!.detail.klientIds.sort()).toEqual(purged.map((p) => p.klientId).sort());
    expect((await verifyAuditChain(database.db)).ok).toBe(true);

    // A second run finds nothing more to do, and a purged client cannot be changed or get new notes.
    expect(await gallraSomSystem(ctx, { verksamhetId: G })).toEqual({ gallrade: 0, verksamheter: 1 });
    const patch = await ombud.patch(klientUrl(G, purged[0]!.klientId), { telefon: '08-1' });
    expect(patch.statusCode).toBe(409);
    const pdf = await ombud.get(arendeUrl(G, detalj.arenden[0].id, '/anteckningar.pdf'));
    expect(pdf.statusCode).toBe(409);
  });

  it('waits for the grace period (config.gallringDagar) after the closing date', async () => {
    const app30 = await makeApp(database.db, { gallringDagar: 30 });
    try {
      const W = (await makeVerksamhet(database.db)).id;
      const u = await makeUser(database.db, [{ organisationId: W, roll: 'ombud' }]);
      const c = await loginAs(app30, u.username);
      const res = await c.post(klientUrl(W), {
        alias: 'Väntar-på-gallring-77',
        fodelsear: 1975,
        kon: 'man',
        kommunKod: '0180',
        barnUnder18: 'nej',
      });
      const a = await skapaArende(c, W, res.json().id, { forfraganDatum: '2025-01-01' });
      await overga(c, W, a.id, { status: 'aktiv', datum: '2025-01-02' });
      const slut = await overga(c, W, a.id, {
        status: 'avslutad',
        datum: '2025-03-01',
        avslutOrsak: 'annan',
      });
      expect(slut.gallrasEfter).toBe('2025-03-31');
      const ctx = { db: database.db, config: testConfig(), principal: systemPrincipal('test'), ip: 'cli' };
      expect(await gallraSomSystem(ctx, { verksamhetId: W, idag: '2025-03-30' })).toMatchObject({
        gallrade: 0,
      });
      expect(await hitta('Väntar-på-gallring-77')).toEqual(['klient_identitet.alias']);
      // The ombud can also run it for the own verksamhet.
      expect((await c.post(`/api/v1/verksamheter/${W}/gallring`)).json()).toEqual({ gallrade: 1 });
      expect(await hitta('Väntar-på-gallring-77')).toEqual([]);
    } finally {
      await app30.close();
    }
  });

  it('is a scheduled job', () => {
    expect(jobs.map((j) => j.name)).toContain('cases.gallring');
  });
});
