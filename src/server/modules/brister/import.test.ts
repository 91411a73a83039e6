import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBristerFile } from '../../../cli/brister.ts';
import type { Principal } from '../../../domain/access.ts';
import { query } from '../../db/client.ts';
import { type Client, loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, makeVerksamhet, orgId } from '../../testing/factories.ts';
import { importBrister } from './import.ts';

let database: TestDatabase;
let app: FastifyInstance;
let v: { id: string; kod: string };
let ombud: Client;
let dir: string;

const HEADER = 'titel,beskrivning,niva,aktorer,amne,datum,antal_klienter';

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  v = await makeVerksamhet(database.db, { kommuner: ['0180', '0184'] });
  ombud = await loginAs(
    app,
    (await makeUser(database.db, [{ organisationId: v.id, roll: 'ombud' }])).username,
  );
  dir = mkdtempSync(join(tmpdir(), 'ombud-brister-'));
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await app.close();
  await database.close();
});

async function count() {
  const [r] = await query<{ n: string }>(
    database.db,
    sql`select count(*) as n from brist where verksamhet_id = ${v.id}`,
  );
  return Number(r!.n);
}

const post = (csv: string) =>
  ombud.request({
    method: 'POST',
    url: `/api/v1/verksamheter/${v.id}/import/brister`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

describe('import of brister from a spreadsheet', () => {
  it('imports every row: several actors, a level by its label, a quoted multi-line description, optional kommuner', async () => {
    const csv = [
      `${HEADER},kommuner`,
      'Långa handläggningstider,Beslut om sjukersättning dröjer.,central,forsakringskassan,fk-handlaggningstider,2025-11-03,12,',
      '"Glapp mellan myndigheter","Klienter bollas mellan AF och FK,\nutan att någon tar ansvar.",Lokal nivå,forsakringskassan;arbetsformedlingen,sgi-regler,2025-12-01,5,0184',
      'Brist på gode män,Väntetiden är över ett år.,handlaggare,stockholm-overformyndare,gode-man-brist,2026-01-07,0,0180;0184',
      '',
    ].join('\n');
    const before = await count();
    const res = await post(csv);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().importerade).toBe(3);
    expect(await count()).toBe(before + 3);
    const list = (await ombud.get(`/api/v1/verksamheter/${v.id}/brister`)).json().items as Array<
      Record<string, unknown>
    >;
    const glapp = list.find((b) => b.titel === 'Glapp mellan myndigheter') as {
      niva: string;
      beskrivning: string;
      aktorer: Array<{ kod: string }>;
      kommuner: Array<{ kod: string }>;
    };
    expect(glapp.niva).toBe('lokal');
    expect(glapp.beskrivning).toBe('Klienter bollas mellan AF och FK,\nutan att någon tar ansvar.');
    expect(glapp.aktorer.map((a) => a.kod).sort()).toEqual(['arbetsformedlingen', 'forsakringskassan']);
    expect(glapp.kommuner.map((k) => k.kod)).toEqual(['0184']);
    const first = list.find((b) => b.titel === 'Långa handläggningstider') as {
      kommuner: Array<{ kod: string }>;
      id: string;
    };
    expect(first.kommuner.map((k) => k.kod).sort()).toEqual(['0180', '0184']);
    const detail = (await ombud.get(`/api/v1/brister/${first.id}`)).json();
    expect(detail.handelser).toEqual([
      expect.objectContaining({ toStatus: 'registrerad', kommentar: 'Importerad från fil.' }),
    ]);
    const audit = await query<{ detail: { antal: number } | string }>(
      database.db,
      sql`select detail from audit_log where action = 'brist.imported' and organisation_id = ${v.id}`,
    );
    expect(audit).toHaveLength(1);
  });

  it('writes nothing when any row is bad, and lists every bad row with line, column and reason', async () => {
    const csv = [
      HEADER,
      'Bra rad,Den här raden är i sin ordning.,lokal,forsakringskassan,fk-kommunikation,2026-01-02,3',
      'Fel nivå,Och okänd aktör.,regional,forsakringskassan;finns-ej,fk-kommunikation,2026-01-02,3',
      'Personnummer,Gäller 19121212-1212 hos FK.,lokal,forsakringskassan,fk-kommunikation,2026-01-02,3',
      'Datum och antal,Fel format.,lokal,forsakringskassan,forsakringskassan,02/01/2026,tre',
      ',Titel saknas.,lokal,,fk-kommunikation,2999-01-01,-1',
    ].join('\n');
    const before = await count();
    const res = await post(csv);
    expect(res.statusCode, res.body).toBe(400);
    expect(await count()).toBe(before);
    const problem = res.json();
    expect(problem.detail).toBe('Inget importerades: 4 rader har fel.');
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'rad.3.niva',
      'rad.3.aktorer',
      'rad.4.beskrivning',
      'rad.5.amne',
      'rad.5.datum',
      'rad.5.antal_klienter',
      'rad.6.titel',
      'rad.6.aktorer',
      'rad.6.datum',
      'rad.6.antal_klienter',
    ]);
    expect(problem.errors[1].message).toBe('Aktören finns-ej finns inte.');
    expect(problem.errors[2]).toMatchObject({ rule: 'personuppgift.personnummer' });
    expect(problem.errors[2].message).toContain('19121212-1212');
  });

  it('reports the line where a row starts even after a multi-line field', async () => {
    const csv = [
      HEADER,
      '"Flera rader","Rad ett\nrad två\nrad tre",lokal,forsakringskassan,fk-kommunikation,2026-01-02,1',
      'Sista,Fel nivå här.,nationell,forsakringskassan,fk-kommunikation,2026-01-02,1',
    ].join('\n');
    const res = await post(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['rad.5.niva']);
  });

  it.each<[string, string, string[]]>([
    [
      'a missing column',
      'titel,beskrivning,niva,aktorer,datum,antal_klienter\nx,y,lokal,forsakringskassan,2026-01-01,1',
      ['rad.1.amne'],
    ],
    [
      'an unknown column',
      `${HEADER},klient\nx,y,lokal,forsakringskassan,fk-kommunikation,2026-01-01,1,Anna`,
      ['rad.1.klient'],
    ],
    [
      'a row with too many fields',
      `${HEADER}\nx,y,lokal,forsakringskassan,fk-kommunikation,2026-01-01,1,extra`,
      ['rad.2'],
    ],
    ['a header only', HEADER, ['rad.2']],
    [
      'a quote never closed',
      `${HEADER}\n"x,y,lokal,forsakringskassan,fk-kommunikation,2026-01-01,1`,
      ['rad.2'],
    ],
    [
      'a kommun outside the coverage',
      `${HEADER},kommuner\nx,y,lokal,forsakringskassan,fk-kommunikation,2026-01-01,1,1480`,
      ['rad.2.kommuner'],
    ],
  ])('refuses %s', async (_what, csv, fields) => {
    const before = await count();
    const res = await post(csv);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(await count()).toBe(before);
  });

  it('wants the file as text/csv', async () => {
    const res = await ombud.post(`/api/v1/verksamheter/${v.id}/import/brister`, { csv: HEADER });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body', label: 'Uppgifterna', message: 'Skicka filen som text/csv.' },
    ]);
  });

  it('the CLI imports as the operator, by verksamhet code, from a file', async () => {
    const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
    const operator: Principal = {
      userId: '00000000-0000-0000-0000-000000000000',
      username: 'cli:test',
      medlemskap: [{ organisationId: ss, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
    };
    const ctx = { db: database.db, config: testConfig(), principal: operator, ip: 'cli' };
    const file = join(dir, 'brister.csv');
    writeFileSync(
      file,
      `\uFEFF${HEADER}\nFrån kalkylarket,Importerad via CLI.,central,skatteverket,ovrigt,2025-10-10,2\n`,
    );
    const before = await count();
    expect(await importBristerFile(ctx, file, v.kod)).toBe(`1 brist importerades till ${v.kod}.`);
    expect(await count()).toBe(before + 1);
    const list = (await ombud.get(`/api/v1/verksamheter/${v.id}/brister`)).json().items as Array<{
      id: string;
      titel: string;
    }>;
    const b = list.find((x) => x.titel === 'Från kalkylarket')!;
    expect((await ombud.get(`/api/v1/brister/${b.id}`)).json().handelser[0].anvandare).toBe('cli:test');
    await expect(importBristerFile(ctx, file, 'finns-inte')).rejects.toThrow('Verksamheten finns inte.');
    // The operator path is the CLI's only: a plain admin through the service without it gets 404.
    await expect(importBrister(ctx, { verksamhetId: v.id }, `${HEADER}\n`)).rejects.toMatchObject({
      status: 404,
    });
  });
});
