import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedovisningV1, redovisningV1 } from '../../../contracts/redovisning-v1.ts';
import { valideraDokument } from '../../../domain/redovisning/dokumentregler.ts';
import { Client, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { query } from '../client.ts';
import { readReferenceCsv } from '../reference/load.ts';
import { DEMO_VERKSAMHETER, demoExtensions, seedDemo } from './demo.ts';
import {
  kontrollera,
  NATIONELL_DEMO,
  type NationalDemoResult,
  nationalDemo,
  nationellaDokument,
  planeraVerksamheter,
  seedNationalDemo,
} from './national-demo.ts';

// The demo without its national part, then the national part alone: what it adds, and what it leaves.
let database: TestDatabase;
let app: FastifyInstance;
let ss: Client;
let resultat: NationalDemoResult | null;
let fore: Awaited<ReturnType<typeof demonsArbete>>;

const DEMO_KODER = DEMO_VERKSAMHETER.map((v) => v.kod);

/** The named demo verksamheter's own data: casework, brister, ledningsgrupp and reports. */
function demonsArbete() {
  return query<Record<string, unknown>>(
    database.db,
    sql`select o.kod,
          (select count(*) from klient x where x.verksamhet_id = o.id)::int as klienter,
          (select count(*) from arende x where x.verksamhet_id = o.id)::int as arenden,
          (select count(*) from brist x where x.verksamhet_id = o.id)::int as brister,
          (select count(*) from ledningsgrupp_ledamot x where x.verksamhet_id = o.id)::int as ledamoter,
          (select count(*) from verksamhet_omrade x where x.verksamhet_id = o.id)::int as omraden,
          (select json_agg(json_build_object('ar', r.ar, 'status', r.status, 'dokument', r.dokument) order by r.ar)
             from redovisning r where r.verksamhet_id = o.id) as redovisningar
        from organisation o
        where o.typ = 'verksamhet' and o.kod = any(string_to_array(${DEMO_KODER.join(',')}, ','))
        order by o.kod`,
  );
}

async function antal() {
  const [r] = await query<{
    verksamheter: number;
    redovisningar: number;
    versioner: number;
    budgetar: number;
  }>(
    database.db,
    sql`select (select count(*) from organisation where typ = 'verksamhet')::int as verksamheter,
               (select count(*) from redovisning)::int as redovisningar,
               (select count(*) from redovisning_version)::int as versioner,
               (select count(*) from statsbidrag_budget)::int as budgetar`,
  );
  return r!;
}

beforeAll(async () => {
  database = await createTestDb();
  const i = demoExtensions.indexOf(nationalDemo);
  expect(i).toBe(demoExtensions.length - 1);
  demoExtensions.splice(i, 1);
  try {
    expect(await seedDemo(database.db)).toBe(true);
  } finally {
    demoExtensions.splice(i, 0, nationalDemo);
  }
  fore = await demonsArbete();
  resultat = await seedNationalDemo(database.db);
  app = await makeApp(database.db);
  ss = await new Client(app).login('socialstyrelsen', 'demo');
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('the national demo', () => {
  it('is the last part of the demo, so it sees the named verksamheter and their 2024 reports', () => {
    expect(demoExtensions.at(-1)).toBe(nationalDemo);
    expect(resultat).toEqual({ verksamheter: 113, redovisningar: expect.any(Number) });
  });

  it('adds 113 verksamheter (116 in all) in all 21 län, each kommun at most once, some without PO', async () => {
    const [v] = await query<{ verksamheter: number; lan: number; kommuner: number; utforare: string[] }>(
      database.db,
      sql`select count(*)::int as verksamheter, count(distinct o.lan_kod)::int as lan,
                 (select count(distinct kommun_kod) from verksamhet_omrade)::int as kommuner,
                 array_agg(distinct v.utforare order by v.utforare) as utforare
          from organisation o join verksamhet v on v.organisation_id = o.id where o.typ = 'verksamhet'`,
    );
    expect(v).toMatchObject({ verksamheter: 116, lan: 21 });
    expect(v!.utforare).toEqual(expect.arrayContaining(['kommun', 'kommunforbund', 'stiftelse', 'region']));
    // 252 of 290 kommuner offer PO (seed 003); about that, and never all.
    expect(v!.kommuner).toBeGreaterThan(230);
    expect(v!.kommuner).toBeLessThan(290);
    const delade = await query(
      database.db,
      sql`select kommun_kod from verksamhet_omrade group by kommun_kod having count(distinct verksamhet_id) > 1`,
    );
    expect(delade).toEqual([]);
    const flera = await query(
      database.db,
      sql`select verksamhet_id from verksamhet_omrade group by verksamhet_id having count(*) > 2`,
    );
    expect(flera.length).toBeGreaterThan(10);
  });

  it('leaves the named demo verksamheter as they were: casework, brister, ledningsgrupp, reports', async () => {
    expect(fore).toHaveLength(3);
    expect(fore.every((r) => (r.klienter as number) > 0 && (r.arenden as number) > 0)).toBe(true);
    expect(await demonsArbete()).toEqual(fore);
  });

  it('every generated report passes the import rules, texts and personal-data guard included, and is approved', async () => {
    const rader = await query<{
      kod: string;
      ar: number;
      status: string;
      dokument: unknown;
      versioner: number;
    }>(
      database.db,
      sql`select o.kod, r.ar, r.status, v.dokument,
                 (select count(*) from redovisning_version x where x.redovisning_id = r.id)::int as versioner
          from redovisning r join organisation o on o.id = r.verksamhet_id
          join redovisning_version v on v.redovisning_id = r.id
          where not (o.kod = any(string_to_array(${DEMO_KODER.join(',')}, ',')))`,
    );
    expect(rader).toHaveLength(resultat!.redovisningar);
    expect(rader.length).toBeGreaterThan(1000);
    for (const r of rader) {
      const d = redovisningV1.parse(typeof r.dokument === 'string' ? JSON.parse(r.dokument) : r.dokument);
      expect(valideraDokument(d, { kravText: true }), `${r.kod} ${r.ar}`).toEqual([]);
      expect([r.status, r.versioner, d.year]).toEqual(['godkand', 1, r.ar]);
    }
    expect(new Set(rader.map((r) => r.ar))).toEqual(
      new Set([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]),
    );
    // Sent in the January after the report year, then approved by the län's Länsstyrelse.
    const [h] = await query<{ inskickade: number; godkanda: number; ilan: number }>(
      database.db,
      sql`select count(*) filter (where i.at >= make_date(r.ar + 1, 1, 1) and i.at < make_date(r.ar + 1, 2, 1))::int as inskickade,
                 count(*) filter (where g.at > i.at)::int as godkanda,
                 count(*) filter (where g.anvandare = 'Länsstyrelsen i ' || l.namn)::int as ilan
          from redovisning r join organisation o on o.id = r.verksamhet_id join lan l on l.kod = o.lan_kod
          join redovisning_handelse i on i.redovisning_id = r.id and i.to_status = 'inskickad'
          join redovisning_handelse g on g.redovisning_id = r.id and g.to_status = 'godkand'
          where o.kod like 'po-%'`,
    );
    expect(h).toEqual({ inskickade: rader.length, godkanda: rader.length, ilan: rader.length });
  });

  it('gives Socialstyrelsen 2025 national tables with ≥ 100 verksamheter and clients in all 21 län', async () => {
    const res = await ss.get('/api/v1/nationellt/2025');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.underlag.verksamheter).toBeGreaterThanOrEqual(100);
    expect(s.underlag.foregaendeAr).toBeGreaterThanOrEqual(100);
    expect(s.klienter.totalt).toBeGreaterThan(8000);
    expect(s.tabell2.rader).toHaveLength(21);
    for (const r of s.tabell2.rader) {
      expect(r.verksamheter, r.lanKod).toBeGreaterThan(0);
      expect(r.kommunerMedPo, r.lanKod).toBeGreaterThan(0);
    }
    // 55 % women (domain brief), a queue at most verksamheter, some ledningsgrupper lacking a member.
    expect(s.klienter.kvinna / s.klienter.totalt).toBeGreaterThan(0.5);
    expect(s.klienter.kvinna / s.klienter.totalt).toBeLessThan(0.6);
    expect(s.ko.andel).toBeGreaterThan(40);
    expect(s.ledningsgrupp.saknarRoll).toBeGreaterThan(0);
    expect(s.utforare.length).toBeGreaterThan(5);
    expect(s.tabell1).not.toBeNull(); // the 2025 budget is fixed
    // Verksamheternas arbetssätt (seed 003: 113 of 116 have a routine for brister, all but one handledning).
    expect(s.arbetssatt.medAvsnitt).toBe(s.arbetssatt.verksamheter);
    expect(s.arbetssatt.fragor.rutinBrister.ja / s.arbetssatt.verksamheter).toBeGreaterThan(0.9);
    expect(s.arbetssatt.fragor.prioriteringsordning.nej).toBeGreaterThan(0);
    expect(s.arbetssatt.aktiviteter.information.tillfallen).toBeGreaterThan(0);
    for (const r of s.tabell2.rader) {
      const lan = (await ss.get(`/api/v1/lan/${r.lanKod}/sammanstallning/2025`)).json();
      expect(lan.klienter.totalt, r.lanKod).toBeGreaterThan(0);
    }
  });

  it('the grant: 2025 fixed as published (392 251 kr per FTE, 129 999 828 kr paid); 2026 a preview, every län applying', async () => {
    const f25 = (await ss.get('/api/v1/statsbidrag/2025')).json();
    expect(f25).toMatchObject({
      faststalld: true,
      totalArsarbetare: 331.42,
      beloppPerArsarbetareKr: 392_251,
    });
    expect(f25.perLan).toHaveLength(21);
    expect(f25.perLan.every((l: { beloppKr: number }) => l.beloppKr > 0)).toBe(true);
    // Tabell 1 as seed 003 publishes it.
    expect(f25.tabell1).toEqual({
      socialstyrelsen: { budgetKr: 1_500_000, fordelatKr: 1_500_000 },
      ombudstjanster: { budgetKr: 130_000_000, fordelatKr: 129_999_828 },
      summa: { budgetKr: 131_500_000, fordelatKr: 131_499_828 },
      oanvantKr: 172,
    });
    const f26 = (await ss.get('/api/v1/statsbidrag/2026')).json();
    expect(f26.faststalld).toBe(false);
    expect(f26.perLan).toHaveLength(21);
    expect(f26.perLan.every((l: { arsarbetare: number }) => l.arsarbetare > 0)).toBe(true);
  });

  it('gives the national brist picture content for 2025 and 2024, without personal data', async () => {
    const b = (await ss.get('/api/v1/nationellt/2025/brister')).json();
    expect(b.amnen.length).toBeGreaterThanOrEqual(10);
    const fk = b.amnen.find((a: { kod: string }) => a.kod === 'fk-handlaggningstider');
    expect(fk.iAr.verksamheter).toBeGreaterThan(10);
    expect(fk.foregaendeAr.verksamheter).toBeGreaterThan(10);
    expect(b.aktorer.map((a: { kod: string }) => a.kod)).toEqual(
      expect.arrayContaining(['forsakringskassan', 'arbetsformedlingen', 'region-vg-psykiatri']),
    );
    for (const a of b.amnen) expect(a.namn, a.kod).not.toBe(a.kod); // every subject is in the taxonomy
    for (const a of b.aktorer) expect(a.grupp, a.kod).not.toBe('okand'); // every actor is in the register
    const nivaer = b.amnen.reduce((s: Record<string, number>, a: { nivaer: Record<string, number> }) => {
      for (const [k, n] of Object.entries(a.nivaer)) s[k] = (s[k] ?? 0) + n;
      return s;
    }, {});
    expect(Object.values(nivaer).every((n) => (n as number) > 0)).toBe(true);
  });

  it('seeding again adds nothing: the demo only seeds an empty database, the national part only once', async () => {
    const innan = await antal();
    expect(innan.budgetar).toBe(1);
    expect(await seedDemo(database.db)).toBe(false);
    expect(await seedNationalDemo(database.db)).toBeNull();
    expect(await antal()).toEqual(innan);
  });
});

describe('the national demo, pure parts', () => {
  const kommuner = readReferenceCsv<{
    kommun_kod: string;
    kommun_namn: string;
    lan_kod: string;
    folkmangd: string;
  }>('kommuner.csv').map((k) => ({
    kod: k.kommun_kod,
    namn: k.kommun_namn,
    lanKod: k.lan_kod,
    folkmangd: Number(k.folkmangd),
  }));
  const upptagna = new Set(DEMO_VERKSAMHETER.flatMap((v) => v.omraden.map((o) => o.kommunKod)));

  it('is deterministic and fixes the FTE applied for 2025 to the given total', () => {
    const plan = planeraVerksamheter(kommuner, upptagna);
    expect(planeraVerksamheter(kommuner, upptagna)).toEqual(plan);
    const o = { ...NATIONELL_DEMO, ansoktFte: { 2025: 322.42 } };
    const docs = nationellaDokument(plan, o);
    expect(nationellaDokument(plan, o)).toEqual(docs);
    const ansokt = docs
      .filter((d) => d.year === 2024)
      .reduce((s, d) => s + Math.round(d.ansokan.arsarbetare * 100), 0);
    expect(ansokt).toBe(32_242);
    expect(() => kontrollera(plan, docs, kommuner)).not.toThrow();
  });

  it('kontrollera refuses a document that breaks a rule (sums, personal data) or a kommun outside the län', () => {
    const plan = planeraVerksamheter(kommuner, upptagna);
    const docs = nationellaDokument(plan);
    const trasig = (f: (d: RedovisningV1) => void) => {
      const d = structuredClone(docs.find((x) => x.year === 2025 && x.brister.length > 0)!);
      f(d);
      return () => kontrollera(plan, [d], kommuner);
    };
    expect(trasig((d) => (d.klienter.totalt.totalt += 1))).toThrow(/summa|ska bli totalt/i);
    expect(
      trasig((d) => {
        d.brister[0]!.beskrivning = 'Ring 070-123 45 67 om detta.';
      }),
    ).toThrow(/telefonnummer/);
    const fel = [{ ...plan[0]!, kommunKoder: ['0180'] }];
    expect(() => kontrollera(fel, [], kommuner)).toThrow(/ligger inte i/);
  });
});
