// The national tables module (seed 003: Tabell 2–4, Diagram 1, waiting times, other providers,
// ledningsgrupper, brister) over real frozen reports, the Länsstyrelse's report to Socialstyrelsen, and
// access: Socialstyrelsen sees the nation, a Länsstyrelse its own län, nobody above a verksamhet a client.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verksamheterMed } from '../../../domain/access.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { query, withTx } from '../../db/client.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, orgId } from '../../testing/factories.ts';
import { avsnitt } from './export.ts';
import { importera, verksamhetId } from './testing.ts';
import { lasArbetsbok } from './xlsx.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ss: Client;
let ls01: Client;
let ls03: Client;
let ss01User: { id: string };
let ls01User: { id: string };

// 2025: A and B both cover Vallentuna (0115); C covers one kommun of Uppsala län. A and C approved, B only
// submitted (it shows in the preview). 2024: A, B and C approved, Enköping (0381) still covered.
const A = dokument({
  ar: 2025,
  kod: 'nat-a',
  namn: 'PO Norrort',
  lanKod: '01',
  kommuner: ['0114', '0115'],
  alder: { '18-29': gv(10, 20), '30-49': gv(30, 20, 1), '50-64': gv(5, 5), '65+': gv(5, 4) },
  medBarn: gv(12, 3),
  kontaktorsaker: { ekonomi: gv(25, 20) },
  harKo: true,
  median: 25,
  brister: [{ niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider' }],
});
const B = dokument({
  ar: 2025,
  kod: 'nat-b',
  namn: 'Parasoll',
  lanKod: '01',
  kommuner: ['0115', '0180'],
  utforare: 'stiftelse',
  alder: { '18-29': gv(20, 30), '30-49': gv(40, 30), '50-64': gv(20, 10), '65+': gv(10, 0) },
  harKo: true,
  median: 75,
  saknar: ['primarvard'],
  brister: [{ niva: 'central', aktorer: ['forsakringskassan'], amne: 'fk_handlaggningstider' }],
});
const C = dokument({
  ar: 2025,
  kod: 'nat-c',
  namn: 'PO Uppsala',
  lanKod: '03',
  kommuner: ['0380'],
  alder: { '18-29': gv(5, 5), '30-49': gv(10, 10), '50-64': gv(5, 5) },
  medBarn: gv(4, 1),
  saknar: ['primarvard', 'arbetsformedlingen'],
});
const FORRA = [
  dokument({
    ar: 2024,
    kod: 'nat-a',
    lanKod: '01',
    kommuner: ['0114', '0115'],
    alder: { '30-49': gv(50, 40) },
  }),
  dokument({
    ar: 2024,
    kod: 'nat-b',
    lanKod: '01',
    kommuner: ['0115', '0180'],
    alder: { '30-49': gv(60, 50) },
  }),
  dokument({
    ar: 2024,
    kod: 'nat-c',
    lanKod: '03',
    kommuner: ['0380', '0381'],
    alder: { '30-49': gv(30, 20) },
  }),
];

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  await importera(db, FORRA, { godkand: true });
  await importera(db, [A, C], { godkand: true });
  await importera(db, [B], { godkand: false });
  const s = await makeUser(db, [
    { organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'socialstyrelsen' },
  ]);
  const l1 = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', '01'), roll: 'lansstyrelse' },
  ]);
  const l3 = await makeUser(db, [
    { organisationId: await orgId(db, 'lansstyrelse', '03'), roll: 'lansstyrelse' },
  ]);
  ss01User = s;
  ls01User = l1;
  ss = await loginAs(app, s.username);
  ls01 = await loginAs(app, l1.username);
  ls03 = await loginAs(app, l3.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/v1/nationellt/:ar (Socialstyrelsen, national:read)', () => {
  it('approved reports only: the documented keys and hand-computed figures', async () => {
    const res = await ss.get('/api/v1/nationellt/2025');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    for (const k of [
      'tabell1',
      'tabell2',
      'tabell3',
      'tabell4',
      'kontaktorsaker',
      'ko',
      'utforare',
      'ledningsgrupp',
      'personal',
      'brister',
    ])
      expect(s).toHaveProperty(k);
    expect(s.underlagStatus).toBe('godkanda');
    expect(s.underlag).toEqual({ verksamheter: 2, foregaendeAr: 3 });
    // län 01: A alone covers 0114, 0115 this year; last year A ∪ B covered 0114, 0115, 0180
    expect(s.tabell2.rader.find((r: { lanKod: string }) => r.lanKod === '01')).toMatchObject({
      kommuner: 26,
      kommunerMedPoForegaendeAr: 3,
      kommunerMedPo: 2,
      forandring: -1,
      verksamheter: 1,
    });
    expect(s.tabell2.rader).toHaveLength(21);
    expect(s.tabell2.totalt).toMatchObject({
      kommuner: 290,
      kommunerMedPoForegaendeAr: 5,
      kommunerMedPo: 3,
      verksamheter: 2,
    });
    // Totalt = kvinnor + män (seed 003: 4 747 + 5 814 = 10 561); A's one client of annan könsidentitet
    // (30–49) is on its own row and in `klienter`, not in Tabell 3's totalt.
    expect(s.tabell3.totalt).toEqual({ '18-29': 40, '30-49': 70, '50-64': 20, '65+': 9, totalt: 139 });
    expect(s.tabell3.annan).toEqual({ '18-29': 0, '30-49': 1, '50-64': 0, '65+': 0, totalt: 1 });
    expect(s.klienter.totalt).toBe(140);
    expect(s.tabell1).toBeNull(); // no budget fixed for 2025 in this database
  });

  it('Tabell 2 in the first year with reports: last year and the change are null, ".." in documents', async () => {
    // 2024 has approved reports for län 01 and 03, 2023 none: "+3" for län 01 would be false.
    const s = (await ss.get('/api/v1/nationellt/2024')).json();
    expect(s.tabell2.rader.find((r: { lanKod: string }) => r.lanKod === '01')).toMatchObject({
      kommunerMedPoForegaendeAr: null,
      kommunerMedPo: 3,
      forandring: null,
    });
    // A län without reports either year keeps its zeros, as seed 003 prints Gotland (0, 0, change 0).
    expect(s.tabell2.rader.find((r: { lanKod: string }) => r.lanKod === '09')).toMatchObject({
      kommunerMedPoForegaendeAr: 0,
      kommunerMedPo: 0,
      forandring: 0,
    });
    expect(s.tabell2.totalt).toMatchObject({ kommunerMedPoForegaendeAr: null, forandring: null });
    const blad = await lasArbetsbok((await ss.get('/api/v1/nationellt/2024/export.xlsx')).rawPayload);
    expect(blad['Tabell 2']!.find((r) => r[0] === 'Stockholms län')).toEqual([
      'Stockholms län',
      26,
      '..',
      3,
      '..',
      2,
    ]);
    expect(blad['Tabell 2']!.find((r) => r[0] === 'Totalt')).toEqual(['Totalt', 290, '..', 5, '..', 3]);
  });

  it('preview adds the submitted report: Vallentuna covered by A and B counts once', async () => {
    const s = (await ss.get('/api/v1/nationellt/2025?forhandsvisning=true')).json();
    expect(s.underlagStatus).toBe('forhandsvisning');
    expect(s.tabell2.rader.find((r: { lanKod: string }) => r.lanKod === '01')).toMatchObject({
      kommunerMedPoForegaendeAr: 3,
      kommunerMedPo: 3,
      forandring: 0,
      verksamheter: 2,
    });
    expect(s.tabell2.rader.find((r: { lanKod: string }) => r.lanKod === '03')).toMatchObject({
      kommuner: 8,
      kommunerMedPoForegaendeAr: 2,
      kommunerMedPo: 1,
      forandring: -1,
      verksamheter: 1,
    });
    expect(s.ko).toMatchObject({
      verksamheter: 3,
      antal: 2,
      andel: 66.7,
      vantetider: { '0-30': 1, '61-90': 1 },
    });
    expect(s.ledningsgrupp).toMatchObject({ saknarRoll: 2, andel: 66.7, vanligastSaknad: ['primarvard'] });
    expect(s.utforare).toEqual([
      { kod: 'nat-b', namn: 'Parasoll', utforare: 'stiftelse', lanKod: '01', lanNamn: expect.any(String) },
    ]);
    const fk = s.brister.amnen.find((r: { kod: string }) => r.kod === 'fk_handlaggningstider');
    expect(fk.iAr).toEqual({ verksamheter: 2, lan: ['01'], kommuner: 3 });
  });

  it('xlsx, pdf and docx exports', async () => {
    const x = await ss.get('/api/v1/nationellt/2025/export.xlsx');
    expect(x.statusCode).toBe(200);
    const blad = await lasArbetsbok(x.rawPayload);
    expect(Object.keys(blad)).toEqual(
      expect.arrayContaining(['Tabell 2', 'Tabell 3', 'Tabell 4', 'Diagram 1', 'Brister']),
    );
    const t3 = blad['Tabell 3']!;
    // Seed 003's rows, then annan könsidentitet on its own row, its 1 (30–49, and in all) shown '..'
    expect(t3.filter((r) => typeof r[0] === 'string' && /^(Män|Kvinnor|Totalt|Annan)/.test(r[0]))).toEqual([
      ['Män', 25, 30, 10, 4, 69],
      ['Kvinnor', 15, 40, 10, 5, 70],
      ['Totalt', 40, 70, 20, 9, 139],
      ['Annan könsidentitet (ingår inte i totalt)', 0, '..', 0, 0, '..'],
    ]);
    const pdf = await ss.get('/api/v1/nationellt/2025/export.pdf');
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // the sheets (and the document's sections) follow the order of seed 003
    expect(Object.keys(blad)).toEqual([
      'Tabell 2',
      'Personal',
      'Tabell 3',
      'Tabell 4',
      'Diagram 1',
      'Väntetider',
      'Övriga utförare',
      'Ledningsgrupp',
      'Arbetssätt',
      'Aktiviteter',
      'Brister',
      'Brister per aktör',
    ]);
    const s = (await ss.get('/api/v1/nationellt/2025')).json();
    expect((await avsnitt(s)).map((a) => a.rubrik)).toEqual([
      'Statsbidragets fördelning och utfall',
      'Det finns personligt ombud i 3 kommuner', // A: 0114, 0115; C: 0380
      'Antalet ombud',
      'Klienter',
      'Klienter som bor med barn',
      'Orsaker till att klienter söker stöd hos personligt ombud',
      'Kö- och väntetider',
      'De flesta verksamheterna drivs av kommuner',
      'Verksamheterna och ledningsgrupper',
      'Verksamheternas arbetssätt',
      'Uppsökande arbete, information, utbildning och samverkan',
      'Brister som verksamheterna identifierat under året',
      'Brister per aktör',
    ]);
    expect((await avsnitt(s)).filter((a) => a.diagram).map((a) => a.blad)).toEqual(['Tabell 3', 'Diagram 1']);
    const docx = await ss.get('/api/v1/nationellt/2025/export.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('a Länsstyrelse cannot read the nation', async () => {
    expect((await ls01.get('/api/v1/nationellt/2025')).statusCode).toBe(404);
    expect((await ls01.get('/api/v1/nationellt/2025/export.pdf')).statusCode).toBe(404);
    expect((await ls01.get('/api/v1/nationellt/2025/brister')).statusCode).toBe(404);
  });
});

describe('the brist picture', () => {
  it('filters and drill-down; a Länsstyrelse only with its own län', async () => {
    const b = (await ss.get('/api/v1/nationellt/2025/brister?forhandsvisning=true&niva=central')).json();
    expect(b.amnen[0]).toMatchObject({ kod: 'fk_handlaggningstider', iAr: { verksamheter: 2 } });
    const t = (
      await ss.get('/api/v1/nationellt/2025/brister/texter?forhandsvisning=true&amne=fk_handlaggningstider')
    ).json();
    expect(t.map((x: { verksamhetKod: string }) => x.verksamhetKod)).toEqual(['nat-a', 'nat-b']);
    expect((await ls01.get('/api/v1/nationellt/2025/brister?lan=01')).statusCode).toBe(200);
    expect((await ls01.get('/api/v1/nationellt/2025/brister?lan=03')).statusCode).toBe(404);
    const x = await ss.get('/api/v1/nationellt/2025/brister/export.xlsx?forhandsvisning=true');
    expect(Object.keys(await lasArbetsbok(x.rawPayload))).toEqual([
      'Ämnen',
      'Aktörer',
      'Kategorier',
      'Texter',
    ]);
  });
});

describe('a Länsstyrelse’s compilation (lan:read, own län)', () => {
  it('the län’s tables and per kommun, small numbers suppressed', async () => {
    const res = await ls03.get('/api/v1/lan/03/sammanstallning/2025');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.tabell2.rader.map((r: { lanKod: string }) => r.lanKod)).toEqual(['03']);
    expect(s.tabell3.totalt.totalt).toBe(40);
    const uppsala = s.perKommun.find((k: { kommunKod: string }) => k.kommunKod === '0380');
    expect(uppsala.klienter).toEqual({ kvinna: 20, man: 20, annan: 0, totalt: 40 });
    expect(uppsala.medBarn).toEqual({ kvinna: null, man: null, annan: 0, totalt: 5 }); // 4 and 1 → '..'
    expect(s.perKommun.find((k: { kommunKod: string }) => k.kommunKod === '0381').verksamheter).toEqual([]);
  });
  it('another län answers 404; Socialstyrelsen reads every län', async () => {
    expect((await ls03.get('/api/v1/lan/01/sammanstallning/2025')).statusCode).toBe(404);
    expect((await ss.get('/api/v1/lan/01/sammanstallning/2025')).statusCode).toBe(200);
    const x = await ls03.get('/api/v1/lan/03/sammanstallning/2025/export.xlsx');
    expect(Object.keys(await lasArbetsbok(x.rawPayload))).toContain('Per kommun');
  });
});

describe('the län’s report to Socialstyrelsen: utkast → inskickad → godkand', () => {
  it('draft, submit (frozen), approve; immutable once sent', async () => {
    const put = await ls01.put('/api/v1/lan/01/rapport/2025', {
      handlingsplan: 'Nätverksträffar två gånger per år.',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      status: 'utkast',
      handlingsplan: 'Nätverksträffar två gånger per år.',
    });
    // Socialstyrelsen sees that a draft exists, not its text
    const list = (await ss.get('/api/v1/nationellt/2025/lansrapporter')).json();
    expect(list.find((r: { lanKod: string }) => r.lanKod === '01')).toMatchObject({
      status: 'utkast',
      handlingsplan: null,
    });
    expect(list.find((r: { lanKod: string }) => r.lanKod === '03').status).toBe('saknas');
    // another Länsstyrelse cannot touch it; Socialstyrelsen cannot write it
    expect((await ls03.put('/api/v1/lan/01/rapport/2025', { handlingsplan: 'x' })).statusCode).toBe(404);
    expect((await ss.put('/api/v1/lan/01/rapport/2025', { handlingsplan: 'x' })).statusCode).toBe(403);
    expect((await ss.post('/api/v1/lan/01/rapport/2025/godkann')).statusCode).toBe(409); // not sent in yet

    const sent = await ls01.post('/api/v1/lan/01/rapport/2025/skicka-in');
    expect(sent.statusCode).toBe(200);
    expect(sent.json().status).toBe('inskickad');
    expect(sent.json().snapshot.underlag).toEqual({ verksamheter: 1, foregaendeAr: 2 }); // approved only
    expect((await ls01.put('/api/v1/lan/01/rapport/2025', { handlingsplan: 'ändrad' })).statusCode).toBe(409);
    expect((await ls01.post('/api/v1/lan/01/rapport/2025/skicka-in')).statusCode).toBe(409);
    expect((await ls01.post('/api/v1/lan/01/rapport/2025/godkann')).statusCode).toBe(404);

    const ok = await ss.post('/api/v1/lan/01/rapport/2025/godkann');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: 'godkand',
      handlingsplan: 'Nätverksträffar två gånger per år.',
    });
    const [row] = await query<{ handlingsplan: string; status: string }>(
      database.db,
      sql`select handlingsplan, status from lan_rapport where lan_kod = '01' and ar = 2025`,
    );
    expect(row).toEqual({ handlingsplan: 'Nätverksträffar två gånger per år.', status: 'godkand' });
  });
});

describe('no level above a verksamhet reaches a single client', () => {
  it('the client routes answer 404 to a Länsstyrelse and to Socialstyrelsen', async () => {
    const id = await verksamhetId(database.db, 'nat-a');
    for (const c of [ls01, ss]) {
      for (const url of [`/api/v1/verksamheter/${id}/klienter`, `/api/v1/verksamheter/${id}/arenden`]) {
        expect((await c.get(url)).statusCode, url).toBe(404);
      }
    }
  });

  it('withTx with their RLS context selects no klient row although the table has rows', async () => {
    const db = database.db;
    const id = await verksamhetId(db, 'nat-a');
    // As the schema owner (like a migration), bypassing RLS: one client row exists.
    await db.execute(
      sql`insert into klient (verksamhet_id, kon, fodelsear, kommun_kod, barn_under_18) values (${id}, 'kvinna', 1980, '0114', 'nej')`,
    );
    const [alla] = await query<{ n: number }>(db, sql`select count(*)::int as n from klient`);
    expect(alla!.n).toBeGreaterThan(0);
    for (const userId of [ss01User.id, ls01User.id]) {
      const p = await loadPrincipal(db, userId);
      const ids = verksamheterMed(p!, 'klient:read');
      expect(ids).toEqual([]);
      const [syns] = await withTx(db, { verksamhetIds: ids, userId }, (tx) =>
        query<{ n: number }>(tx, sql`select count(*)::int as n from klient`),
      );
      expect(syns!.n).toBe(0);
    }
  });
});
