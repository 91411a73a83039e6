// The state grant (domain brief "The grant"; seed 003 Tabell 1): 131 500 000 kr of which 1 500 000 for
// Socialstyrelsen; 130 000 000 kr / 331,42 FTE applied for = 392 251 kr per FTE. Applications are
// ansokan.arsarbetare in the reports for 2024 (applying for 2025) that are submitted or approved.

import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantAllocate } from '../../../cli/grant.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { importera, operatorCtx, verksamhetId } from '../national/testing.ts';
import { lasArbetsbok } from '../national/xlsx.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ss: Client;
let ls01: Client;
let ls03: Client;

// 300,00 FTE in län 01 (two verksamheter) and 31,42 in län 03: 331,42 in all, as in 2025.
const ANSOKNINGAR = [
  dokument({
    ar: 2024,
    kod: 'g-a',
    lanKod: '01',
    kommuner: ['0114'],
    alder: { '30-49': gv(5, 5) },
    ansokanFte: 120.5,
  }),
  dokument({
    ar: 2024,
    kod: 'g-b',
    lanKod: '01',
    kommuner: ['0180'],
    alder: { '30-49': gv(5, 5) },
    ansokanFte: 179.5,
  }),
  dokument({
    ar: 2024,
    kod: 'g-c',
    lanKod: '03',
    kommuner: ['0380'],
    alder: { '30-49': gv(5, 5) },
    ansokanFte: 31.42,
  }),
];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  await importera(db, ANSOKNINGAR.slice(0, 2), { godkand: true });
  await importera(db, ANSOKNINGAR.slice(2), { godkand: false }); // submitted, not yet approved: counts
  const s = await makeUser(db, [
    { organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'socialstyrelsen' },
  ]);
  const l1 = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', '01'), roll: 'lansstyrelse' },
  ]);
  const l3 = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', '03'), roll: 'lansstyrelse' },
  ]);
  ss = await loginAs(app, s.username);
  ls01 = await loginAs(app, l1.username);
  ls03 = await loginAs(app, l3.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('the grant for 2025', () => {
  it('a decision before Socialstyrelsen fixed the amount is refused', async () => {
    const id = await verksamhetId(database.db, 'g-c');
    expect((await ls03.put(`/api/v1/statsbidrag/2025/beslut/${id}`, { arsarbetare: 31.42 })).statusCode).toBe(
      409,
    );
  });

  it('CLI preview: 392 251 kr per FTE, per län in whole kronor, the remainder unused; nothing stored', async () => {
    const ctx = await operatorCtx(database.db);
    const r = await grantAllocate(ctx, {
      year: 2025,
      budget: { totalBudgetKr: 131_500_000, administrationKr: 1_500_000, avrundning: 'nedat' },
      format: 'json',
    });
    const f = JSON.parse(String(r.body));
    expect(f).toMatchObject({
      ar: 2025,
      faststalld: false,
      budgetForOmbudKr: 130_000_000,
      totalArsarbetare: 331.42,
      beloppPerArsarbetareKr: 392_251,
      fordelatKr: 129_999_826, // 117 675 300 + 12 324 526 (31,42 × 392 251 = 12 324 526,42)
      outnyttjatKr: 174,
    });
    expect(
      f.perLan.map((l: { lanKod: string; arsarbetare: number; verksamheter: number; beloppKr: number }) => [
        l.lanKod,
        l.arsarbetare,
        l.verksamheter,
        l.beloppKr,
      ]),
    ).toEqual([
      ['01', 300, 2, 117_675_300],
      ['03', 31.42, 1, 12_324_526],
    ]);
    expect(f.tabell1).toEqual({
      socialstyrelsen: { budgetKr: 1_500_000, fordelatKr: 1_500_000 },
      ombudstjanster: { budgetKr: 130_000_000, fordelatKr: 129_999_826 },
      summa: { budgetKr: 131_500_000, fordelatKr: 131_499_826 },
      oanvantKr: 174,
    });
    const [n] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from statsbidrag_budget`,
    );
    expect(n!.n).toBe(0);
    const x = await grantAllocate(ctx, {
      year: 2025,
      budget: { totalBudgetKr: 131_500_000, administrationKr: 1_500_000, avrundning: 'nedat' },
      format: 'xlsx',
    });
    const blad = await lasArbetsbok(x.body as Buffer);
    expect(blad['Tabell 1']!.find((r) => r[0] === 'Oanvända medel 2025')).toEqual([
      'Oanvända medel 2025',
      '',
      174,
    ]);
  });

  it('Socialstyrelsen fixes the budget (grant:admin), audited; a Länsstyrelse may not', async () => {
    expect((await ls01.put('/api/v1/statsbidrag/2025/budget', { totalBudgetKr: 1 })).statusCode).toBe(404);
    const res = await ss.put('/api/v1/statsbidrag/2025/budget', {
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      faststalld: true,
      beloppPerArsarbetareKr: 392_251,
      outnyttjatKr: 174,
    });
    expect((await ss.get('/api/v1/statsbidrag/2025')).json().tabell1.oanvantKr).toBe(174);
    const [a] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'statsbidrag.budget_faststalld'`,
    );
    expect(a!.n).toBe(1);
    expect(
      (await ss.put('/api/v1/statsbidrag/2025/budget', { totalBudgetKr: 10, administrationKr: 11 }))
        .statusCode,
    ).toBe(400);
  });

  it('the Länsstyrelse decides per verksamhet in its own län: FTE × 392 251 kr, stored and audited', async () => {
    const c = await verksamhetId(database.db, 'g-c');
    const a = await verksamhetId(database.db, 'g-a');
    const res = await ls03.put(`/api/v1/statsbidrag/2025/beslut/${c}`, {
      arsarbetare: 31.42,
      kommentar: 'Enligt ansökan.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      arsarbetare: 31.42,
      beloppPerArsarbetareKr: 392_251,
      beloppKr: 12_324_526,
      lanKod: '03',
    });
    // a new decision replaces the old one; both are in the audit log
    expect(
      (await ls03.put(`/api/v1/statsbidrag/2025/beslut/${c}`, { arsarbetare: 30 })).json().beloppKr,
    ).toBe(11_767_530);
    const [n] = await query<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'statsbidrag.beslut' and organisation_id = ${c}`,
    );
    expect(n!.n).toBe(2);
    // another län's verksamhet: 404; Socialstyrelsen has no redovisning:review: 404
    expect((await ls03.put(`/api/v1/statsbidrag/2025/beslut/${a}`, { arsarbetare: 1 })).statusCode).toBe(404);
    expect((await ss.put(`/api/v1/statsbidrag/2025/beslut/${c}`, { arsarbetare: 1 })).statusCode).toBe(404);
    const lan = (await ls03.get('/api/v1/statsbidrag/2025/lan/03')).json();
    expect(lan).toMatchObject({
      faststalld: true,
      beloppPerArsarbetareKr: 392_251,
      summaBeslutKr: 11_767_530,
    });
    expect(lan.ansokningar).toEqual([
      { verksamhetId: c, verksamhetNamn: 'PO g-c', arsarbetare: 31.42, status: 'inskickad' },
    ]);
    expect((await ls03.get('/api/v1/statsbidrag/2025/lan/01')).statusCode).toBe(404);
  });

  it('a year with no applications: nothing per FTE, the whole budget unused', async () => {
    const ctx = await operatorCtx(database.db);
    const f = JSON.parse(
      String(
        (
          await grantAllocate(ctx, {
            year: 2030,
            budget: { totalBudgetKr: 5_000_000, administrationKr: 0, avrundning: 'nedat' },
            format: 'json',
          })
        ).body,
      ),
    );
    expect(f).toMatchObject({
      totalArsarbetare: 0,
      beloppPerArsarbetareKr: 0,
      fordelatKr: 0,
      outnyttjatKr: 5_000_000,
      perLan: [],
    });
  });
});

describe('the preview before fixing (issue 11)', () => {
  it('shows who is in the allocation per län, warns about verksamheter without an application, stores nothing', async () => {
    // A fourth verksamhet in län 01, active in 2024, that has sent in nothing.
    await makeVerksamhet(database.db, { lanKod: '01', kommuner: ['0127'] });
    const fore = (await ss.get('/api/v1/statsbidrag/2025')).json();
    const res = await ss.post('/api/v1/statsbidrag/2025/forhandsvisning', {
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
    });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.tackning).toMatchObject({ verksamheter: 4, medAnsokan: 3 });
    expect(p.tackning.perLan.find((l: { lanKod: string }) => l.lanKod === '01')).toMatchObject({
      verksamheter: 3,
      medAnsokan: 2,
    });
    expect(p.fordelning).toMatchObject({ faststalld: false, totalArsarbetare: 331.42 });
    expect(p.varningar[0]).toBe(
      '1 av 4 verksamheter har ingen inskickad eller godkänd ansökan för 2025. De får inget statsbidrag om budgeten fastställs nu.',
    );
    // Nothing changed: the stored allocation is as before.
    expect((await ss.get('/api/v1/statsbidrag/2025')).json()).toEqual(fore);
    // Only Socialstyrelsen may ask.
    expect(
      (await ls01.post('/api/v1/statsbidrag/2025/forhandsvisning', { totalBudgetKr: 1 })).statusCode,
    ).toBe(404);
  });
});

describe('fixing stores the preview that was shown; an admin may reopen with a reason (issue 11)', () => {
  const fixningar = async (ar: number) =>
    query<{ n: number; oppnade: number }>(
      database.db,
      sql`select count(*)::int as n, count(oppnad_at)::int as oppnade from statsbidrag_faststallelse where ar = ${ar}`,
    );
  const auditDetail = async (action: string) =>
    query<{ detail: Record<string, unknown> }>(
      database.db,
      sql`select detail from audit_log where action = ${action} order by id desc limit 1`,
    );

  it('the fixing of 2025 keeps its preview: amount per FTE, included per län, warnings, by name', async () => {
    await query(
      database.db,
      sql`update app_user set display_name = 'Sara Socialstyrelsen' where id in (select user_id from membership where roll = 'socialstyrelsen')`,
    );
    const v = (await ss.get('/api/v1/statsbidrag/2025')).json();
    expect(v.faststalld).toBe(true);
    expect(v.updatedByNamn).toBe('Sara Socialstyrelsen');
    expect(v.faststallelser).toHaveLength(1);
    const f = v.faststallelser[0];
    expect(f).toMatchObject({
      ar: 2025,
      faststalldAvNamn: 'Sara Socialstyrelsen',
      totalBudgetKr: 131_500_000,
      beloppPerArsarbetareKr: 392_251,
      totalArsarbetare: 331.42,
      oppnad: null,
    });
    // What was known then: three applications, 300 FTE in län 01 — not the fourth verksamhet added since.
    expect(f.forhandsvisning.fordelning.beloppPerArsarbetareKr).toBe(392_251);
    expect(f.forhandsvisning.tackning).toMatchObject({ verksamheter: 3, medAnsokan: 3 });
    expect(f.forhandsvisning.varningar).toEqual([]);
    expect(f.forhandsvisning.kontrollsumma).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a fixed year is not fixed again: 409, nothing changes', async () => {
    const res = await ss.put('/api/v1/statsbidrag/2025/budget', { totalBudgetKr: 200_000_000 });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('redan fastställt');
    expect((await ss.get('/api/v1/statsbidrag/2025')).json().beloppPerArsarbetareKr).toBe(392_251);
    expect((await fixningar(2025))[0]!.n).toBe(1);
  });

  it('a preview that no longer matches the applications is refused (409) and nothing is stored', async () => {
    const p = (
      await ss.post('/api/v1/statsbidrag/2027/forhandsvisning', { totalBudgetKr: 1_000_000 })
    ).json();
    const wrong = p.kontrollsumma.replace(/^./, (c: string) => (c === '0' ? '1' : '0'));
    const res = await ss.put('/api/v1/statsbidrag/2027/budget', {
      totalBudgetKr: 1_000_000,
      kontrollsumma: wrong,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toContain('Förhandsvisa igen');
    expect((await ss.get('/api/v1/statsbidrag/2027')).json().faststalld).toBe(false);
    expect((await fixningar(2027))[0]!.n).toBe(0);
    // A fingerprint that is not one: 400 at the field.
    const bad = await ss.put('/api/v1/statsbidrag/2027/budget', {
      totalBudgetKr: 1_000_000,
      kontrollsumma: 'x',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('kontrollsumma');
  });

  it('reopening needs grant:admin and a reason; it is audited, shown, and stops decisions until fixed again', async () => {
    const c = await verksamhetId(database.db, 'g-c');
    expect((await ls01.post('/api/v1/statsbidrag/2025/oppning', { anledning: 'Fel.' })).statusCode).toBe(404);
    for (const body of [{}, { anledning: '   ' }]) {
      const res = await ss.post('/api/v1/statsbidrag/2025/oppning', body);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('anledning');
      expect(res.json().errors[0].message).toBe('Skäl måste fyllas i.');
    }
    expect((await ss.get('/api/v1/statsbidrag/2025')).json().faststalld).toBe(true);

    const anledning = 'Budgeten angavs utan regeringens ändringsbeslut.';
    const res = await ss.post('/api/v1/statsbidrag/2025/oppning', { anledning });
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json();
    expect(v.faststalld).toBe(false);
    expect(v.faststallelser[0].oppnad).toMatchObject({ anledning, avNamn: 'Sara Socialstyrelsen' });
    expect(v.faststallelser[0].forhandsvisning.fordelning.beloppPerArsarbetareKr).toBe(392_251);
    const [a] = await auditDetail('statsbidrag.budget_oppnad');
    expect(a!.detail).toMatchObject({ anledning, beloppPerArsarbetareKr: 392_251, beslutMedBeloppet: 1 });
    expect(await fixningar(2025)).toEqual([{ n: 1, oppnade: 1 }]);
    // Not fixed now: the Länsstyrelse cannot decide, and there is nothing more to reopen.
    expect((await ls03.put(`/api/v1/statsbidrag/2025/beslut/${c}`, { arsarbetare: 1 })).statusCode).toBe(409);
    expect((await ss.post('/api/v1/statsbidrag/2025/oppning', { anledning })).statusCode).toBe(409);

    // Fixed again from a preview shown now (four verksamheter, one without an application): a second fixing.
    const p = (
      await ss.post('/api/v1/statsbidrag/2025/forhandsvisning', {
        totalBudgetKr: 131_500_000,
        administrationKr: 1_500_000,
      })
    ).json();
    const again = await ss.put('/api/v1/statsbidrag/2025/budget', {
      totalBudgetKr: 131_500_000,
      administrationKr: 1_500_000,
      kontrollsumma: p.kontrollsumma,
    });
    expect(again.statusCode, again.body).toBe(200);
    const w = again.json();
    expect(w.faststalld).toBe(true);
    expect(w.faststallelser).toHaveLength(2);
    expect(w.faststallelser[0].oppnad).toBeNull();
    expect(w.faststallelser[0].forhandsvisning).toEqual(p);
    expect(w.faststallelser[0].forhandsvisning.tackning).toMatchObject({ verksamheter: 4, medAnsokan: 3 });
    expect(w.faststallelser[1].oppnad.anledning).toBe(anledning);
    const [fixed] = await auditDetail('statsbidrag.budget_faststalld');
    expect(fixed!.detail).toMatchObject({ verksamheter: 4, medAnsokan: 3 });
  });

  it('a year fixed before fixings were stored gets its row when reopened', async () => {
    await query(
      database.db,
      sql`insert into statsbidrag_budget (ar, total_budget_kr, administration_kr, total_fte_hundradelar, belopp_per_arsarbetare_kr, updated_by_namn)
          values (2019, 100000000, 0, 30000, 333333, 'gammal')`,
    );
    const res = await ss.post('/api/v1/statsbidrag/2019/oppning', { anledning: 'Rättelse.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().faststallelser).toMatchObject([
      {
        beloppPerArsarbetareKr: 333_333,
        faststalldAvNamn: 'gammal',
        forhandsvisning: null,
        oppnad: { anledning: 'Rättelse.' },
      },
    ]);
  });
});
