// Open statistics without login (issue 12, item 3): approved reports only, small numbers suppressed in the
// JSON, the CSV and the JSON-stat files alike, JSON-stat that a JSON-stat library reads back to the same
// numbers, and cache headers with ETag → 304.
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import JSONstat from 'jsonstat-toolkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OppnaDataSvar } from '../../../contracts/oppna-data.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import { type Client, loginAs, makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, orgId } from '../../testing/factories.ts';
import { importera } from '../national/testing.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ss: Client;

// 2025: A (län 01) and C (län 03) approved; B (län 01) only submitted, with large figures that would show
// if it were counted. 2024: A and C approved. 2023: only a submitted report, so no open statistics.
const A = dokument({
  ar: 2025,
  kod: 'oppen-a',
  lanKod: '01',
  kommuner: ['0114', '0115'],
  alder: { '18-29': gv(10, 20), '30-49': gv(30, 20, 2), '50-64': gv(5, 5), '65+': gv(5, 3) },
  medBarn: gv(12, 3),
  personal: { ombud: 3, arsarbetare: 2.5, kvinnor: 2, man: 1 },
});
const C = dokument({
  ar: 2025,
  kod: 'oppen-c',
  lanKod: '03',
  kommuner: ['0380'],
  alder: { '18-29': gv(5, 5), '30-49': gv(10, 10), '50-64': gv(5, 5) },
  medBarn: gv(4, 1),
  personal: { ombud: 2, arsarbetare: 1.75, kvinnor: 2, man: 0 },
});
const B = (ar: number) =>
  dokument({ ar, kod: 'oppen-b', lanKod: '01', kommuner: ['0180'], alder: { '18-29': gv(100, 100) } });
const FORRA = [
  dokument({ ar: 2024, kod: 'oppen-a', lanKod: '01', kommuner: ['0114'], alder: { '30-49': gv(50, 40) } }),
  dokument({ ar: 2024, kod: 'oppen-c', lanKod: '03', kommuner: ['0380'], alder: { '30-49': gv(30, 20) } }),
];

const anonym = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const db = database.db;
  await importera(db, FORRA, { godkand: true });
  await importera(db, [A, C], { godkand: true });
  await importera(db, [B(2025), B(2023)], { godkand: false });
  const s = await makeUser(db, [
    { organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'), roll: 'socialstyrelsen' },
  ]);
  ss = await loginAs(app, s.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/v1/oppna-data (anyone)', () => {
  it('lists the years with an approved report, not a year with a submitted one only', async () => {
    const res = await anonym('/api/v1/oppna-data');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ar: [2024, 2025] });
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });
});

describe('GET /api/v1/oppna-data/:ar (anyone)', () => {
  it('counts approved reports only and hides small numbers with their partners (worked by hand)', async () => {
    const res = await anonym('/api/v1/oppna-data/2025');
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.anmarkning).toMatch(/^Små tal är dolda/);
    expect(d.underlagStatus).toBe('godkanda');
    expect(d.underlag).toEqual({ verksamheter: 2 });
    // A + C. Totalt = kvinnor + män as seed 003 publishes it; annan is a row of its own outside it.
    // Primary: man 65+ (3), annan 30–49 (2), annan totalt (2). Then the smallest partner in each row and
    // column with one hidden cell: man 50–64 (10), kvinna 65+ (5), kvinna 50–64 (10). The annan row is in
    // no column's sum, so its two hidden cells need no partner there. B's 200 in 18–29 is not there: it is
    // not approved.
    expect(d.tabell3).toEqual({
      kvinna: { '18-29': 15, '30-49': 40, '50-64': null, '65+': null, totalt: 70 },
      man: { '18-29': 25, '30-49': 30, '50-64': null, '65+': null, totalt: 68 },
      annan: { '18-29': 0, '30-49': null, '50-64': 0, '65+': 0, totalt: null },
      totalt: { '18-29': 40, '30-49': 70, '50-64': 20, '65+': 8, totalt: 138 },
    });
    // Per län: annan 2 in Stockholm and in the nation. In the nation its partner is the total, not the
    // smallest part (man): Tabell 3 prints the nation's men (68) and women (70), so a hidden "man" here
    // would give annan back as 140 − 70 − 68 = 2. Stockholm's row partners the smallest other part (man).
    expect(d.klienter).toEqual({ kvinna: 70, man: 68, annan: null, totalt: null });
    const lan = (k: string) => d.perLan.find((l: { lanKod: string }) => l.lanKod === k);
    expect(lan('01')).toMatchObject({
      verksamheter: 1,
      arsarbetare: 2.5,
      klienter: { kvinna: 50, man: null, annan: null, totalt: 100 },
      ombud: { kvinnor: null, man: null, ovriga: 0, totalt: null },
    });
    // The nation's hidden total needs a partner in its column: Uppsala's (the smallest), then one in
    // Uppsala's row (man, the smallest non-zero part).
    expect(lan('03').klienter).toEqual({ kvinna: 20, man: null, annan: 0, totalt: null });
    expect(d.perLan).toHaveLength(21);
    expect(d.personal).toEqual({
      ombud: 5,
      arsarbetare: 4.25,
      kvinnor: null,
      man: null,
      ovriga: 0,
      andelKvinnor: null,
    });
    // Tabell 4: 4 men with children is hidden, and the smallest other part (16 women) with it.
    expect(d.tabell4.at(-1)).toEqual({
      ar: 2025,
      kvinna: null,
      man: null,
      annan: 0,
      totalt: 20,
      klienter: 140,
      andel: 14.3,
    });
    expect(d.tabell2.totalt).toMatchObject({ kommunerMedPo: 3, verksamheter: 2 });
    expect(d.tabeller.map((t: { id: string }) => t.id)).toEqual([
      'tabell2',
      'tabell3',
      'tabell4',
      'ko',
      'ledningsgrupp',
      'klienter-per-lan',
      'personal-per-lan',
    ]);
  });

  it('publishes every shown cell exactly as the national tables have it', async () => {
    const open = (await anonym('/api/v1/oppna-data/2025')).json();
    const nat = (await ss.get('/api/v1/nationellt/2025')).json();
    for (const rad of ['kvinna', 'man', 'annan', 'totalt'])
      for (const [k, v] of Object.entries(open.tabell3[rad]))
        if (v !== null) expect(v, `${rad} ${k}`).toBe(nat.tabell3[rad][k]);
    expect(open.tabell2).toEqual(nat.tabell2);
    expect(open.ledningsgrupp.perRoll).toEqual(nat.ledningsgrupp.perRoll);
  });

  it('answers 404 in Swedish for a year without approved reports, naming the years there are', async () => {
    const res = await anonym('/api/v1/oppna-data/2023');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().detail).toBe(
      'Ingen öppen statistik för 2023: inga godkända redovisningar. Det finns statistik för 2024, 2025.',
    );
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('GET /api/v1/oppna-data/:ar/:tabell.csv', () => {
  it('serves the Swedish Excel variant by default: BOM, semicolons, decimal comma, .. for hidden', async () => {
    const res = await anonym('/api/v1/oppna-data/2025/tabell3.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Kön;18–29 år;30–49 år;50–64 år;65+ år;Totalt',
      'Kvinnor;15;40;..;..;70',
      'Män;25;30;..;..;68',
      'Annan könsidentitet;0;..;0;0;..',
      'Totalt;40;70;20;8;138',
      '',
    ]);
    const personal = (await anonym('/api/v1/oppna-data/2025/personal-per-lan.csv')).body;
    expect(personal).toContain('\r\nStockholms län;1;2,5;..;..;0;..\r\n');
    expect(personal).toContain('\r\nRiket;2;4,25;..;..;0;5\r\n');
  });

  it('serves RFC 4180 on ?variant=rfc: commas, no BOM, decimal point', async () => {
    const res = await anonym('/api/v1/oppna-data/2025/personal-per-lan.csv?variant=rfc');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload[0]).not.toBe(0xef);
    expect(res.body.split('\r\n')[0]).toBe(
      'Län,Verksamheter,Årsarbetare,"Ombud, kvinnor","Ombud, män","Ombud, övriga",Ombud totalt',
    );
    expect(res.body).toContain('\r\nRiket,2,4.25,..,..,0,5\r\n');
  });

  it('answers 404 for an unknown table, naming the tables there are', async () => {
    const res = await anonym('/api/v1/oppna-data/2025/tabell9.csv');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe(
      'Det finns ingen tabell som heter tabell9. Tabellerna är: tabell2, tabell3, tabell4, ko, ' +
        'ledningsgrupp, klienter-per-lan, personal-per-lan.',
    );
  });
});

describe('GET /api/v1/oppna-data/:ar/:tabell.json (JSON-stat 2.0)', () => {
  /** The value the year's JSON has for a table's row and column code. */
  function iJson(d: OppnaDataSvar, tabell: string, rad: string, kol: string): unknown {
    const at = (o: object, k: string) => (o as Record<string, unknown>)[k];
    const lan = (k: string) => d.perLan.find((l) => l.lanKod === k)!;
    switch (tabell) {
      case 'tabell2':
        return at(rad === 'riket' ? d.tabell2.totalt : d.tabell2.rader.find((r) => r.lanKod === rad)!, kol);
      case 'tabell3':
        return at(at(d.tabell3, rad) as object, kol);
      case 'tabell4':
        return at(d.tabell4.find((r) => String(r.ar) === rad)!, kol);
      case 'ko':
        return kol in d.ko.vantetider ? at(d.ko.vantetider, kol) : at(d.ko, kol);
      case 'ledningsgrupp':
        return kol in d.ledningsgrupp.perRoll ? d.ledningsgrupp.perRoll[kol] : at(d.ledningsgrupp, kol);
      case 'klienter-per-lan':
        return at(rad === 'riket' ? d.klienter : lan(rad).klienter, kol);
      case 'personal-per-lan': {
        if (rad === 'riket') return kol === 'verksamheter' ? d.underlag.verksamheter : at(d.personal, kol);
        const l = lan(rad);
        return kol === 'verksamheter' || kol === 'arsarbetare'
          ? at(l, kol)
          : at(l.ombud, kol === 'ombud' ? 'totalt' : kol);
      }
    }
    throw new Error(`okänd tabell ${tabell}`);
  }

  it('is a dataset the JSON-stat Toolkit reads, with the same numbers as the JSON, for every table', async () => {
    const d: OppnaDataSvar = (await anonym('/api/v1/oppna-data/2025')).json();
    let celler = 0;
    for (const { id } of d.tabeller) {
      const res = await anonym(`/api/v1/oppna-data/2025/${id}.json`);
      expect(res.statusCode, id).toBe(200);
      const raw = res.json();
      expect(raw).toMatchObject({ version: '2.0', class: 'dataset' });
      expect(raw.value).toHaveLength(raw.size[0] * raw.size[1]);
      const ds = JSONstat(raw);
      expect(ds.class, id).toBe('dataset');
      expect(ds.length, id).toBe(2);
      expect(ds.n).toBe(raw.value.length);
      const [rd, kd] = ds.id as [string, string];
      for (const rad of ds.Dimension(rd)!.id)
        for (const kol of ds.Dimension(kd)!.id) {
          const cellen = ds.Data({ [rd]: rad, [kd]: kol })!;
          expect(cellen.value, `${id} ${rad} ${kol}`).toEqual(iJson(d, id, rad, kol));
          expect(cellen.status).toBe(cellen.value === null ? '..' : null);
          celler += 1;
        }
    }
    expect(celler).toBeGreaterThan(150);
  });
});

describe('caching', () => {
  it('sends an ETag and Cache-Control, and 304 without a body when the client has it', async () => {
    for (const url of ['/api/v1/oppna-data/2025', '/api/v1/oppna-data/2025/tabell3.csv']) {
      const forsta = await anonym(url);
      const etag = forsta.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]{32}"$/);
      expect(forsta.headers['cache-control']).toBe('public, max-age=300');
      const igen = await anonym(url, { 'if-none-match': etag });
      expect(igen.statusCode).toBe(304);
      expect(igen.body).toBe('');
      expect(igen.headers.etag).toBe(etag);
      expect((await anonym(url, { 'if-none-match': '"annan"' })).statusCode).toBe(200);
    }
  });

  it('changes the ETag when a new report is approved', async () => {
    const fore = (await anonym('/api/v1/oppna-data/2024')).headers.etag;
    await importera(
      database.db,
      [
        dokument({
          ar: 2024,
          kod: 'oppen-d',
          lanKod: '05',
          kommuner: ['0580'],
          alder: { '30-49': gv(9, 9) },
        }),
      ],
      { godkand: true },
    );
    const efter = await anonym('/api/v1/oppna-data/2024');
    expect(efter.headers.etag).not.toBe(fore);
    expect(efter.json().underlag.verksamheter).toBe(3);
  });
});

describe('rate limit', () => {
  it('has its own limit (OMBUD_OPEN_DATA_RATE_LIMIT per minute and address)', async () => {
    const strikt = await makeApp(database.db, { openDataRateLimit: 3 });
    // The count is kept in the database for every server on it: this file's earlier requests start afresh.
    await database.db.execute(sql`delete from rate_limit_hit`);
    try {
      const svar = [];
      for (let i = 0; i < 4; i++)
        svar.push((await strikt.inject({ method: 'GET', url: '/api/v1/oppna-data' })).statusCode);
      expect(svar).toEqual([200, 200, 200, 429]);
    } finally {
      await strikt.close();
    }
  });
});
