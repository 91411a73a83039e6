// Coverage against need and the time series in the open statistics (issue 12, items 2 and 4): population
// from the reference data, FTE split over a verksamhet's kommuner by population, people counts suppressed
// as the other open tables (and equal to them where they count the same), public and cacheable.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OppnaDataSvar, OppnaTidsserie } from '../../../contracts/oppna-data.ts';
import { dokument, gv } from '../../../domain/nationellt/testdata.ts';
import type { G } from '../../../domain/redovisning/typer.ts';
import { makeApp } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { importera } from '../national/testing.ts';

let database: TestDatabase;
let app: FastifyInstance;

/** The reference kommuner with their population, read as the loader reads them. */
const KOMMUNER = readFileSync(new URL('../../db/reference/kommuner.csv', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((rad) => {
    const [kod, namn, lanKod, folk] = rad.split(',');
    return { kod: kod!, namn: namn!, lanKod: lanKod!, folkmangd: Number(folk) };
  });
const folk = (kod: string) => KOMMUNER.find((k) => k.kod === kod)!.folkmangd;
const lanetsFolk = (lanKod: string) =>
  KOMMUNER.filter((k) => k.lanKod === lanKod).reduce((s, k) => s + k.folkmangd, 0);

/** A document with new clients and a queue on 31 December (the factory leaves both at 0). */
function rapport(o: Parameters<typeof dokument>[0] & { nya?: G; vantande?: number }) {
  const d = dokument({ ...o, harKo: o.harKo ?? (o.vantande ?? 0) > 0 });
  return {
    ...d,
    klienter: { ...d.klienter, nya: o.nya ?? gv(0, 0) },
    ko: { ...d.ko, antalIKo3112: o.vantande ?? 0 },
  };
}

// A covers Upplands Väsby and Vallentuna (län 01), C Uppsala (03), D Linköping (05, from 2025 only).
// B (Stockholm) is only submitted in 2025, with figures that would show if counted.
const A = (ar: number) =>
  rapport({
    ar,
    kod: 'tack-a',
    lanKod: '01',
    kommuner: ['0114', '0115'],
    alder: { '30-49': gv(50, 50) },
    medBarn: gv(10, 5),
    kontaktorsaker: { ekonomi: gv(30, 20) },
    nya: gv(20, 20),
    vantande: 6,
    personal: { ombud: 3, arsarbetare: 2.5, kvinnor: 2, man: 1 },
  });
const C = (ar: number) =>
  rapport({
    ar,
    kod: 'tack-c',
    lanKod: '03',
    kommuner: ['0380'],
    alder: { '30-49': gv(30, 28, 2) },
    medBarn: gv(2, 1),
    kontaktorsaker: { ekonomi: gv(10, 8) },
    nya: gv(2, 1),
    personal: { ombud: 4, arsarbetare: 4, kvinnor: 3, man: 1 },
  });
const D = rapport({
  ar: 2025,
  kod: 'tack-d',
  lanKod: '05',
  kommuner: ['0580'],
  alder: { '50-64': gv(10, 10) },
  kontaktorsaker: { ekonomi: gv(2, 0) },
  vantande: 12,
  personal: { ombud: 1, arsarbetare: 1, kvinnor: 1, man: 0 },
});
const B = rapport({
  ar: 2025,
  kod: 'tack-b',
  lanKod: '01',
  kommuner: ['0180'],
  alder: { '30-49': gv(400, 400) },
  personal: { ombud: 40, arsarbetare: 40, kvinnor: 20, man: 20 },
});

const anonym = (url: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  await importera(database.db, [A(2024), C(2024)], { godkand: true });
  await importera(database.db, [A(2025), C(2025), D], { godkand: true });
  await importera(database.db, [B], { godkand: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('GET /api/v1/oppna-data/:ar — tackning', () => {
  let d: OppnaDataSvar;
  beforeAll(async () => {
    const res = await anonym('/api/v1/oppna-data/2025');
    expect(res.statusCode).toBe(200);
    d = res.json();
  });

  it('splits a verksamhet’s FTE over its kommuner by population and compares with the norm', () => {
    const t = d.tackning;
    expect(t.folkmangdAr).toBe(2024);
    expect(t.norm).toEqual({ invanarePerArsarbetare: 30_000 });
    expect(t.perKommun).toHaveLength(290);
    const k = (kod: string) => t.perKommun.find((x) => x.kommunKod === kod)!;
    // 250 hundredths in 50 323 : 35 119 → 147.2 and 102.8; the remaining hundredth to the larger remainder.
    expect(k('0114')).toEqual({
      kommunKod: '0114',
      kommunNamn: 'Upplands Väsby',
      lanKod: '01',
      harPo: true,
      folkmangd: folk('0114'),
      verksamheter: 1,
      arsarbetare: 1.47,
      normArsarbetare: Math.round((folk('0114') * 100) / 30_000) / 100,
      invanarePerArsarbetare: Math.round(folk('0114') / 1.47),
    });
    expect(k('0115')).toMatchObject({
      arsarbetare: 1.03,
      invanarePerArsarbetare: Math.round(folk('0115') / 1.03),
    });
    // B is only submitted: Stockholm has no PO in the open figures.
    expect(k('0180')).toMatchObject({ harPo: false, arsarbetare: 0, invanarePerArsarbetare: null });
    // Nothing about people per kommun.
    expect(Object.keys(k('0114')).some((n) => /klient|vantande/i.test(n))).toBe(false);
  });

  it('gives each län its population, FTE, kommuner without PO and rates; the nation their sum', () => {
    const lan = (kod: string) => d.tackning.perLan.find((l) => l.lanKod === kod)!;
    expect(d.tackning.perLan).toHaveLength(21);
    expect(lan('01')).toMatchObject({
      lanNamn: 'Stockholms län',
      kommuner: 26,
      kommunerMedPo: 2,
      kommunerUtanPo: 24,
      folkmangd: lanetsFolk('01'),
      folkmangdUtanPo: lanetsFolk('01') - folk('0114') - folk('0115'),
      verksamheter: 1,
      verksamheterMedKo: 1,
      koAndel: 100,
      arsarbetare: 2.5,
      invanarePerArsarbetare: Math.round(lanetsFolk('01') / 2.5),
      klienter: { kvinna: 50, man: 50, annan: 0, totalt: 100 },
      vantande: 6,
      klienterPer10000: Math.round((100 * 100_000) / lanetsFolk('01')) / 10,
    });
    expect(lan('05')).toMatchObject({ arsarbetare: 1, vantande: 12, koAndel: 100 });
    expect(lan('25')).toMatchObject({
      verksamheter: 0,
      arsarbetare: 0,
      invanarePerArsarbetare: null,
      koAndel: null,
    });
    const sverige = KOMMUNER.reduce((s, k) => s + k.folkmangd, 0);
    expect(d.tackning.riket).toMatchObject({
      kommuner: 290,
      kommunerMedPo: 4,
      kommunerUtanPo: 286,
      folkmangd: sverige,
      verksamheter: 3,
      verksamheterMedKo: 2,
      koAndel: 66.7,
      arsarbetare: 7.5,
      normArsarbetare: Math.round((sverige * 100) / 30_000) / 100,
      invanarePerArsarbetare: Math.round(sverige / 7.5),
      // The nation's women and men are public in Tabell 3: annan's partner is the total.
      klienter: { kvinna: 90, man: 88, annan: null, totalt: null },
      vantande: 18,
    });
  });

  it('suppresses people counts per län as the other open tables, and the rate with a hidden count', () => {
    // Uppsala's 2 clients of another gender identity: hidden with a partner, exactly as in perLan.
    for (const l of d.tackning.perLan) {
      const perLan = d.perLan.find((x) => x.lanKod === l.lanKod)!;
      expect(l.klienter, l.lanKod).toEqual(perLan.klienter);
      expect(l.arsarbetare, l.lanKod).toBe(perLan.arsarbetare);
      expect(l.verksamheter, l.lanKod).toBe(perLan.verksamheter);
      if (l.klienter.totalt === null) expect(l.klienterPer10000).toBeNull();
    }
    expect(d.tackning.riket.klienter).toEqual(d.klienter);
    const uppsala = d.tackning.perLan.find((l) => l.lanKod === '03')!;
    expect(uppsala.klienter.annan).toBeNull();
    // New clients: Uppsala's 3 is hidden, and the smallest other (Stockholm's 40) so Riket − the rest does
    // not give it back.
    expect(uppsala.nyaKlienter).toBeNull();
    expect(d.tackning.perLan.find((l) => l.lanKod === '01')!.nyaKlienter).toBeNull();
    expect(d.tackning.riket.nyaKlienter).toBe(43);
  });
});

describe('GET /api/v1/oppna-data/tidsserie', () => {
  it('gives every year with approved reports, nation and län, each as that year publishes it', async () => {
    const res = await anonym('/api/v1/oppna-data/tidsserie');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const s: OppnaTidsserie = res.json();
    expect(s.ar).toEqual([2024, 2025]);
    expect(s.anmarkning).toMatch(/^Små tal är dolda.*folkmängd.*31 december 2024/);
    expect(s.riket.map((p) => p.verksamheter)).toEqual([2, 3]);
    expect(s.riket.map((p) => p.arsarbetare)).toEqual([6.5, 7.5]);
    expect(s.riket.map((p) => p.kommunerUtanPo)).toEqual([287, 286]);
    expect(s.perLan).toHaveLength(21);
    for (const [i, ar] of s.ar.entries()) {
      const arsSvar = (await anonym(`/api/v1/oppna-data/${ar}`)).json() as OppnaDataSvar;
      const t = arsSvar.tackning;
      // Tabell 3 and Tabell 4 of the nation: the year's own cells, hidden ones included.
      const t4 = arsSvar.tabell4.find((r) => r.ar === ar)!;
      expect(s.riket[i]!.alder).toEqual(arsSvar.tabell3.totalt);
      expect(s.riket[i]!.medBarn).toEqual({ antal: t4.totalt, andel: t4.andel });
      const jamfor = (p: OppnaTidsserie['riket'][number], o: (typeof t)['riket']) => {
        expect(p).toMatchObject({
          ar,
          verksamheter: o.verksamheter,
          klienter: o.klienter,
          nyaKlienter: o.nyaKlienter,
          arsarbetare: o.arsarbetare,
          invanarePerArsarbetare: o.invanarePerArsarbetare,
          klienterPer10000: o.klienterPer10000,
          kommunerUtanPo: o.kommunerUtanPo,
          koAndel: o.koAndel,
          vantande: o.vantande,
        });
      };
      jamfor(s.riket[i]!, t.riket);
      for (const l of s.perLan) jamfor(l.serie[i]!, t.perLan.find((x) => x.lanKod === l.lanKod)!);
    }
    const lan = (kod: string) => s.perLan.find((l) => l.lanKod === kod)!.serie;
    // 2025: 178 clients (kvinnor + män) by age in the nation; Stockholm's 100 all 30–49.
    expect(s.riket[1]!.alder).toEqual({ '18-29': 0, '30-49': 158, '50-64': 20, '65+': 0, totalt: 178 });
    // Uppsala: 60 clients, 2 of annan könsidentitet (hidden in klienter). Its age total (kvinnor + män,
    // 58) would give them back as 60 − 58, so it is hidden, and with it its only age group; that group's
    // column needs a partner (Stockholm's 30–49), whose row needs one too (its 50–64, a 0), whose column
    // needs one (Östergötland's 50–64, and so its total). Stockholm's total is kvinnor + män of klienter.
    expect(lan('03')[1]!.alder).toEqual({ '18-29': 0, '30-49': null, '50-64': 0, '65+': 0, totalt: null });
    expect(lan('01')[1]!.alder).toEqual({ '18-29': 0, '30-49': null, '50-64': null, '65+': 0, totalt: 100 });
    expect(lan('05')[1]!.alder).toEqual({ '18-29': 0, '30-49': 0, '50-64': null, '65+': 0, totalt: null });
    expect(lan('01')[0]!.alder).toMatchObject({ '30-49': 100, totalt: 100 });
    // Children: Uppsala's 3 are hidden, and Stockholm's 15 with them (the nation's 18 is in Tabell 4).
    expect(s.riket.map((p) => p.medBarn)).toEqual([
      { antal: 18, andel: 11.3 },
      { antal: 18, andel: 10 },
    ]);
    expect(lan('01')[1]!.medBarn).toEqual({ antal: null, andel: null });
    expect(lan('03')[1]!.medBarn).toEqual({ antal: null, andel: null });
    // Östergötland has none, but its clients are hidden: no share of a hidden base.
    expect(lan('05')[1]!.medBarn).toEqual({ antal: 0, andel: null });
    // Contact reasons, shares of all clients: 2024 68 of 160; 2025 70 of 180 (D's 2 hidden, and Uppsala's
    // 18 as its partner, so no län share gives them back).
    expect(s.riket.map((p) => p.kontaktorsaker.ekonomi)).toEqual([42.5, 38.9]);
    expect(s.riket[1]!.kontaktorsaker.bostad).toBe(0);
    expect(lan('01').map((p) => p.kontaktorsaker.ekonomi)).toEqual([50, 50]);
    // Uppsala: 18 of 60 (30 %) would be shown, but in 2024 its client total is hidden (partner of its 2
    // of annan), and a share of a hidden base is hidden too.
    expect(lan('03').map((p) => p.kontaktorsaker.ekonomi)).toEqual([null, null]);
    expect(lan('03')[0]!.klienter.totalt).toBeNull();
    expect(lan('05')[1]!.kontaktorsaker.ekonomi).toBeNull();
  });

  it('answers 304 to the ETag it gave, and has the open data rate limit', async () => {
    const forsta = await anonym('/api/v1/oppna-data/tidsserie');
    const etag = forsta.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const igen = await anonym('/api/v1/oppna-data/tidsserie', { 'if-none-match': etag });
    expect(igen.statusCode).toBe(304);
    expect(igen.body).toBe('');
    // An address of its own: the count may be kept in the database, shared with the other app here.
    const strikt = await makeApp(database.db, { openDataRateLimit: 2 });
    try {
      const svar = [];
      for (let i = 0; i < 3; i++) {
        const res = await strikt.inject({
          method: 'GET',
          url: '/api/v1/oppna-data/tidsserie',
          remoteAddress: '192.0.2.12',
        });
        svar.push(res.statusCode);
      }
      expect(svar).toEqual([200, 200, 429]);
    } finally {
      await strikt.close();
    }
  });

  it('is described in the OpenAPI document with the keys of the contract', async () => {
    const doc = (await anonym('/api/docs/json')).json();
    const op = doc.paths['/api/v1/oppna-data/tidsserie'].get;
    expect(op.security).toEqual([]);
    const schema = op.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual([
      'anmarkning',
      'folkmangdAr',
      'norm',
      'ar',
      'riket',
      'perLan',
    ]);
    const punkt = schema.properties.riket.items;
    expect(Object.keys(punkt.properties)).toEqual(
      expect.arrayContaining(['klienter', 'vantande', 'alder', 'medBarn', 'kontaktorsaker']),
    );
    expect(Object.keys(punkt.properties.alder.properties)).toEqual([
      '18-29',
      '30-49',
      '50-64',
      '65+',
      'totalt',
    ]);
    expect(punkt.properties.kontaktorsaker.description).toMatch(/procent/);
    const ar = doc.paths['/api/v1/oppna-data/{ar}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(ar.properties)).toContain('tackning');
  });
});
