// CSV import of clients and ärenden: all or nothing, every bad row listed with line, column and reason;
// --skip-invalid writes the good rows; the upload route; batches inside one transaction.
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_KOLUMNER } from '../../../contracts/cases.ts';
import { idagISverige } from '../../../domain/datum.ts';
import { query, withTx } from '../../db/client.ts';
import { systemPrincipal } from '../../platform/context.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { type ImportOptions, importKlienterSomSystem } from './import.ts';
import { plusDagar } from './service.ts';

let database: TestDatabase;
let app: FastifyInstance;
let V: { id: string; kod: string };
let S: { id: string; kod: string };
let ombud: Client;
let ombudNamn: string;
const idag = idagISverige();
const HEADER = IMPORT_KOLUMNER.join(',');

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  V = await makeVerksamhet(database.db, { kommuner: ['0180', '0114'] });
  S = await makeVerksamhet(database.db, {
    kommuner: ['0180'],
    stadsdelsomraden: ['sodermalm', 'kungsholmen'],
  });
  const u = await makeUser(database.db, [
    { organisationId: V.id, roll: 'ombud' },
    { organisationId: S.id, roll: 'ombud' },
  ]);
  ombudNamn = u.username;
  ombud = await loginAs(app, u.username);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const ctx = () => ({
  db: database.db,
  config: testConfig(),
  principal: systemPrincipal('cli:test'),
  ip: 'cli',
});
const csv = (...rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const run = (kod: string, text: string | Buffer, opts: ImportOptions = {}) =>
  importKlienterSomSystem(
    ctx(),
    kod,
    Readable.from([typeof text === 'string' ? Buffer.from(text) : text]),
    opts,
  );

async function antal(verksamhetId: string) {
  return withTx(database.db, { verksamhetIds: [verksamhetId] }, async (tx) => {
    const [r] = await query<{ k: number; a: number; i: number }>(
      tx,
      sql`select (select count(*)::int from klient) as k, (select count(*)::int from arende) as a,
                 (select count(*)::int from klient_identitet) as i`,
    );
    return r!;
  });
}

describe('import', () => {
  it('imports a file: one client per alias, status from the dates, codes and ombud resolved', async () => {
    const W = await makeVerksamhet(database.db, { kommuner: ['0180', '0114'] });
    const u = await makeUser(database.db, [{ organisationId: W.id, roll: 'ombud' }]);
    const r = await run(
      W.kod,
      csv(
        `Ekorren,1980,kvinna,0180,helt,2024-01-10,2024-02-01,2024-11-30,ekonomi;bostad,barn,${u.username}`,
        `Ekorren,1980,kvinna,0180,helt,2025-01-05,2025-01-20,,myndighetskontakter,,${u.username}`,
        `"Räven, den röda",1990,man,0114,nej,2025-03-01,,,,ung_vuxen;ingen_annan_kontakt,`,
        `Ugglan,1955,annan,0180,delvis,2025-02-01,2025-02-02,,sjukvardskontakter;annan,,`,
      ),
    );
    expect(r).toEqual({ skrivet: true, rader: 4, klienter: 3, arenden: 4, hoppadeOver: 0, fel: [] });
    const rows = await withTx(database.db, { verksamhetIds: [W.id] }, (tx) =>
      query<Record<string, unknown>>(
        tx,
        sql`select i.alias, k.kon, k.fodelsear, k.kommun_kod, k.barn_under_18, a.status, a.forfragan_datum::text as f,
                   a.start_datum::text as s, a.avslut_datum::text as av, a.kontaktorsaker, a.prioritet,
                   a.ombud_user_id, a.forfragan_fran, a.gallras_efter::text as g
            from arende a join klient k on k.id = a.klient_id join klient_identitet i on i.klient_id = k.id
            order by a.forfragan_datum`,
      ),
    );
    expect(rows).toEqual([
      {
        alias: 'Ekorren',
        kon: 'kvinna',
        fodelsear: 1980,
        kommun_kod: '0180',
        barn_under_18: 'helt',
        status: 'avslutad',
        f: '2024-01-10',
        s: '2024-02-01',
        av: '2024-11-30',
        kontaktorsaker: ['ekonomi', 'bostad'],
        prioritet: ['barn'],
        ombud_user_id: u.id,
        forfragan_fran: null,
        g: '2024-11-30',
      },
      expect.objectContaining({ alias: 'Ekorren', status: 'aktiv', f: '2025-01-05', av: null, g: null }),
      expect.objectContaining({
        alias: 'Ugglan',
        status: 'aktiv',
        kontaktorsaker: ['sjukvardskontakter', 'annan'],
      }),
      expect.objectContaining({
        alias: 'Räven, den röda',
        status: 'ko',
        s: null,
        prioritet: ['ung_vuxen', 'ingen_annan_kontakt'],
        ombud_user_id: null,
      }),
    ]);
    const [audit] = await query<{ detail: Record<string, unknown>; username: string }>(
      database.db,
      sql`select detail, username from audit_log where action = 'klient.imported' and organisation_id = ${W.id}`,
    );
    expect(audit).toEqual({
      detail: { rader: 4, klienter: 3, arenden: 4, hoppadeOver: 0 },
      username: 'cli:test',
    });
  });

  it('a file with bad rows writes nothing and lists every bad row with line, column and reason', async () => {
    await run(V.kod, csv('Finns,1970,man,0180,nej,2025-01-01,,,,,'));
    const fore = await antal(V.id);
    const framtid = plusDagar(idag, 3);
    const r = await run(
      V.kod,
      csv(
        'God,1980,kvinna,0180,nej,2025-01-01,2025-01-02,2025-01-10,ekonomi,,', // line 2: fine
        'Fel1,1980,kvinna,0180,nej,2025-01-01,,,,,,', // 3: one field too many
        'Fel2,1980,okänd,0180,nej,2025-01-01,,,,,', // 4: kon
        `Fel3,1980,kvinna,0180,nej,${framtid},,,,,`, // 5: future date
        'Fel4,1980,kvinna,0180,nej,2025-02-01,2025-01-15,,,,', // 6: start before request
        'Fel5,1980,kvinna,0180,nej,2025-01-01,2025-01-05,2025-01-03,,,', // 7: close before start
        'Fel6,1980,kvinna,0180,nej,2025-01-01,,,ekonomi;pengar,,', // 8: unknown reason
        'Fel7,1980,kvinna,0180,nej,2025-01-01,,,,barn;snabbt,', // 9: unknown priority
        'Fel8,1980,kvinna,0180,nej,2025-01-01,2025-01-02,,,,ingen-sadan', // 10: unknown ombud
        'Fel9,2015,kvinna,0180,nej,2025-01-01,,,,,', // 11: under 18
        'Fel10,1980,kvinna,1480,nej,2025-01-01,,,,,', // 12: kommun outside the coverage
        'finns,1980,kvinna,0180,nej,2025-01-01,,,,,', // 13: alias taken in the verksamhet
        'God,1981,kvinna,0180,nej,2025-03-01,2025-03-02,,,,', // 14: same alias, other birth year
        'Fel11,1980,kvinna,0180,nej,2025-01-01,,2025-01-05,,,', // 15: closed without a start
        'Fel12,1980,kvinna,0180,ja,2025-13-01,,,,,', // 16: barn and date
      ),
    );
    expect(r.skrivet).toBe(false);
    expect(r).toMatchObject({ rader: 15, klienter: 0, arenden: 0, hoppadeOver: 14 });
    expect(r.fel.map((f) => [f.rad, f.kolumn])).toEqual([
      [3, null],
      [4, 'kon'],
      [5, 'forfragan_datum'],
      [6, 'start_datum'],
      [7, 'avslut_datum'],
      [8, 'kontaktorsaker'],
      [9, 'prioritet'],
      [10, 'ombud'],
      [11, 'fodelsear'],
      [12, 'kommun_kod'],
      [13, 'alias'],
      [14, 'fodelsear'],
      [15, 'avslut_datum'],
      [16, 'barn_under_18'],
      [16, 'forfragan_datum'],
    ]);
    expect(r.fel.every((f) => f.meddelande.length > 5)).toBe(true);
    expect(r.fel.find((f) => f.rad === 8)!.meddelande).toContain('pengar');
    expect(r.fel.find((f) => f.rad === 14)!.meddelande).toContain('rad 2');
    expect(await antal(V.id)).toEqual(fore);
  });

  it('--skip-invalid writes the good rows and lists the rest', async () => {
    const W = await makeVerksamhet(database.db);
    const r = await run(
      W.kod,
      csv(
        'A1,1980,kvinna,0180,nej,2025-01-01,,,,,',
        'A2,1980,man,0180,nej,2025-01-01,2025-01-01,,bostad,,',
        'A3,1980,man,0180,nej,not-a-date,,,,,',
        'A4,1980,man,0180,nej,2025-01-01,,,,,,,',
        'A2,1980,man,0180,nej,2025-02-01,,,,,', // A2 already has an ärende in progress
      ),
      { skipInvalid: true },
    );
    expect(r).toMatchObject({ skrivet: true, rader: 5, klienter: 2, arenden: 2, hoppadeOver: 3 });
    expect(r.fel.map((f) => f.rad)).toEqual([4, 5, 6]);
    expect(await antal(W.id)).toEqual({ k: 2, a: 2, i: 2 });
  });

  it('rolls back batches already written when a later row is bad (one transaction)', async () => {
    const W = await makeVerksamhet(database.db);
    const rows = Array.from({ length: 20 }, (_, i) => `B${i},1970,kvinna,0180,nej,2025-01-01,,,,,`);
    rows.push('Sist,1970,kvinna,0180,nej,2025-01-01,,,,,ingen-sadan');
    const progress: number[] = [];
    const r = await run(W.kod, csv(...rows), { batch: 3, onProgress: (n) => progress.push(n) });
    expect(r.skrivet).toBe(false);
    expect(r.fel).toEqual([{ rad: 22, kolumn: 'ombud', meddelande: expect.stringContaining('ingen-sadan') }]);
    expect(await antal(W.id)).toEqual({ k: 0, a: 0, i: 0 });
    expect(progress.at(-1)).toBe(21);
    // The same without the bad row goes through in 7 batches.
    const ok = await run(W.kod, csv(...rows.slice(0, 20)), { batch: 3 });
    expect(ok).toMatchObject({ skrivet: true, klienter: 20, arenden: 20 });
  });

  it('stadsdelsområden: the code goes in kommun_kod; a bare 0180 is refused where the verksamhet covers districts', async () => {
    const r = await run(
      S.kod,
      csv('Sdo1,1970,kvinna,sodermalm,nej,2025-01-01,,,,,', 'Sdo2,1970,kvinna,0180,nej,2025-01-01,,,,,'),
      { skipInvalid: true },
    );
    expect(r).toMatchObject({ klienter: 1, fel: [{ rad: 3, kolumn: 'kommun_kod' }] });
    const [k] = await withTx(database.db, { verksamhetIds: [S.id] }, (tx) =>
      query<{ kommun_kod: string; stadsdelsomrade_kod: string }>(
        tx,
        sql`select kommun_kod, stadsdelsomrade_kod from klient`,
      ),
    );
    expect(k).toEqual({ kommun_kod: '0180', stadsdelsomrade_kod: 'sodermalm' });
  });

  it('refuses a wrong header, a non-UTF-8 file, broken CSV, an unknown verksamhet', async () => {
    const W = await makeVerksamhet(database.db);
    const h = await run(
      W.kod,
      'alias,fodelsear,kon,kommun,barn_under_18,forfragan_datum\nX,1970,man,0180,nej,2025-01-01\n',
    );
    expect(h.skrivet).toBe(false);
    expect(h.fel.map((f) => [f.rad, f.kolumn])).toEqual([
      [1, 'kommun'],
      [1, 'kommun_kod'],
      [1, 'start_datum'],
      [1, 'avslut_datum'],
      [1, 'kontaktorsaker'],
      [1, 'prioritet'],
      [1, 'ombud'],
    ]);
    // A file that starts as UTF-8 and breaks later is refused where it breaks (a Windows-1252 file from the
    // start is read as such: import-format.test.ts).
    const blandad = Buffer.concat([
      Buffer.from(csv('Örjan,1970,man,0180,nej,2025-01-01,,,,,'), 'utf8'),
      Buffer.from('Åsa,1970,kvinna,0180,nej,2025-01-01,,,,,\n', 'latin1'),
    ]);
    const l = await run(W.kod, blandad);
    expect(l.fel.some((f) => f.meddelande.includes('UTF-8'))).toBe(true);
    expect(l.skrivet).toBe(false);
    const broken = await run(
      W.kod,
      csv('Ok,1970,man,0180,nej,2025-01-01,,,,,', '"Trasig,1970,man,0180,nej,2025-01-01,,,,,'),
      {
        skipInvalid: true,
      },
    );
    expect(broken).toMatchObject({ skrivet: false, klienter: 0 });
    expect(broken.fel[0]!.kolumn).toBeNull();
    expect(await antal(W.id)).toEqual({ k: 0, a: 0, i: 0 });
    expect((await run(W.kod, '')).fel[0]!.meddelande).toContain('tom');
    await expect(run('finns-inte', csv())).rejects.toThrow('finns inte');
  });
});

describe('upload route', () => {
  const url = () => `/api/v1/verksamheter/${V.id}/import/klienter`;
  const upload = (body: string, q = '') =>
    ombud.request({ method: 'POST', url: url() + q, payload: body, headers: { 'content-type': 'text/csv' } });

  it('imports text/csv, answers problem+json listing each bad row, or writes the good ones with skipInvalid', async () => {
    const ok = await upload(csv(`Uppladdad,1975,man,0114,nej,2025-01-01,2025-01-03,,,,${ombudNamn}`));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ skrivet: true, klienter: 1, arenden: 1 });

    const bad = await upload(
      csv('U2,1975,man,0114,nej,2025-01-01,,,,,', 'U3,1975,x,0114,nej,2025-01-01,,,,,'),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().errors).toEqual([
      {
        field: 'rad.3.kon',
        label: 'Rad 3, kolumn kon',
        message: '”x” är inte ett giltigt kön (kvinna, man eller annan).',
      },
    ]);

    const skip = await upload(
      csv('U2,1975,man,0114,nej,2025-01-01,,,,,', 'U3,1975,x,0114,nej,2025-01-01,,,,,'),
      '?skipInvalid=true',
    );
    expect(skip.statusCode).toBe(200);
    expect(skip.json()).toMatchObject({ skrivet: true, klienter: 1, hoppadeOver: 1 });

    const json = await ombud.post(url(), { rader: [] });
    expect(json.statusCode).toBe(400);
    expect(json.json().errors).toEqual([
      { field: 'body', label: 'Uppgifterna', message: 'Skicka filen som text/csv.' },
    ]);
  });
});
