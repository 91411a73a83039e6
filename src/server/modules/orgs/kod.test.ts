// Verksamhet codes as people write them (issue 11): `V001`, `STHLM`, `Skövde-PO` are accepted, stored as
// given and found in any case — registration (what `ombud verksamhet create` calls), the CLI's
// `--verksamhet`, `ombud import redovisning` — and `v001` next to `V001` is a 409 (the service's check and,
// under it, the unique index organisation_typ_kod_nyckel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBristerFile } from '../../../cli/brister.ts';
import { importRedovisningFile, reportRedovisning } from '../../../cli/redovisning.ts';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import type { Principal } from '../../../domain/access.ts';
import { query } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { createTestDb, type TestDatabase } from '../../testing/db.ts';
import { makeUser, orgId } from '../../testing/factories.ts';
import * as repo from './repo.ts';
import { createVerksamhetService } from './service.ts';

let database: TestDatabase;
let app: FastifyInstance;
let ctx: ServiceContext;
let dir: string;

beforeAll(async () => {
  database = await createTestDb();
  app = await makeApp(database.db);
  const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
  const principal: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'cli:test',
    medlemskap: [{ organisationId: ss, organisationTyp: 'socialstyrelsen', lanKod: null, roll: 'admin' }],
  };
  ctx = { db: database.db, config: testConfig(), principal, ip: 'cli' };
  dir = mkdtempSync(join(tmpdir(), 'ombud-kod-'));
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const skapa = (kod: string, kommun = '0380') =>
  createVerksamhetService(ctx, { kod, namn: `PO ${kod}`, lanKod: '03', kommunKoder: [kommun] });

const g = (kvinna: number, man: number) => ({ kvinna, man, annan: 0, totalt: kvinna + man });
function dokument(kod: string, year = 2025): RedovisningV1 {
  const z = g(0, 0);
  return {
    format: 'ombud.redovisning/v1',
    year,
    verksamhet: { kod, namn: `PO ${kod}`, lanKod: '03', kommunKoder: ['0381'], utforare: 'kommun' },
    klienter: {
      totalt: g(10, 8),
      nya: g(5, 3),
      avslutade: g(4, 2),
      medBarn: g(1, 1),
      alder: { '18-29': g(2, 2), '30-49': g(4, 3), '50-64': g(3, 2), '65+': g(1, 1) },
    },
    kontaktorsaker: {
      ekonomi: g(5, 4),
      bostad: z,
      sysselsattning: z,
      struktur_i_vardagen: z,
      bryta_isolering: z,
      relationsfragor: z,
      existentiella_fragor: z,
      myndighetskontakter: g(6, 5),
      sjukvardskontakter: z,
      annan: z,
    },
    ko: { harKo: false, vantetidMedianDagar: null, vantetidMaxDagar: null, antalIKo3112: 0 },
    personal: { ombud: 1, arsarbetare: 1, kvinnor: 1, man: 0 },
    ledningsgrupp: {
      roller: {
        kommun: true,
        primarvard: true,
        psykiatri: true,
        arbetsformedlingen: true,
        forsakringskassan: true,
        brukarorganisation: false,
      },
      moten: 2,
    },
    brister: [],
    ansokan: { ar: year + 1, arsarbetare: 1 },
    text: {
      forandringarMalgrupp: 'Fler unga vuxna.',
      forbattringsarbete: 'Nya rutiner.',
      jamstalldhetsanalys: 'Lika villkor.',
    },
  };
}

describe('verksamhet codes as people write them', () => {
  it('registers V001, STHLM and Skövde-PO as given (what `ombud verksamhet create --kod` calls)', async () => {
    for (const kod of ['V001', 'STHLM', 'Skövde-PO']) {
      const v = await skapa(kod);
      expect(v.kod).toBe(kod);
    }
    const [row] = await query<{ kod: string }>(
      database.db,
      sql`select kod from organisation where typ = 'verksamhet' and kod = 'Skövde-PO'`,
    );
    expect(row?.kod).toBe('Skövde-PO');
  });

  it('still refuses spaces, control characters and a code too long, with the rule in words', async () => {
    for (const kod of ['PO Skövde', '   ', 'po\u0007', 'a'.repeat(65), '-po']) {
      await expect(skapa(kod)).rejects.toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ field: 'kod', message: expect.stringContaining('1–64 tecken') })],
      });
    }
  });

  it('finds a code in any case, Å/Ä/Ö included', async () => {
    for (const [skrivet, lagrat] of [
      ['v001', 'V001'],
      ['sthlm', 'STHLM'],
      ['SKÖVDE-PO', 'Skövde-PO'],
      ['skövde-po', 'Skövde-PO'],
    ] as const) {
      expect((await repo.findOrganisationByKod(database.db, 'verksamhet', skrivet))?.kod).toBe(lagrat);
    }
  });

  it('v001 beside V001 is the same code: 409 with a clear Swedish message, over HTTP too', async () => {
    await expect(skapa('v001')).rejects.toMatchObject({
      status: 409,
      message: 'Det finns redan en verksamhet med koden V001; koder skiljer inte på stora och små bokstäver.',
    });
    await expect(skapa('skÖvde-po')).rejects.toMatchObject({ status: 409 });
    const ss = await orgId(database.db, 'socialstyrelsen', 'socialstyrelsen');
    const admin = await loginAs(
      app,
      (await makeUser(database.db, [{ organisationId: ss, roll: 'admin' }])).username,
    );
    const res = await admin.post('/api/v1/verksamheter', {
      kod: 'sthlm',
      namn: 'Dubblett',
      lanKod: '03',
      kommunKoder: ['0380'],
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain('koden STHLM; koder skiljer inte på stora och små bokstäver');
  });

  it('the database refuses a case-only duplicate even past the service (unique index on the folded code)', async () => {
    await expect(
      query(
        database.db,
        sql`insert into organisation (typ, kod, namn, lan_kod) values ('verksamhet', 'STHLM-X', 'a', '03'),
            ('verksamhet', 'sthlm-x', 'b', '03')`,
      ),
    ).rejects.toThrow();
    await expect(
      query(
        database.db,
        sql`insert into organisation (typ, kod, namn, lan_kod) values ('verksamhet', 'ÅRE-X', 'a', '03'),
            ('verksamhet', 'åre-x', 'b', '03')`,
      ),
    ).rejects.toThrow();
  });

  it('ombud import redovisning takes V002 (registering it) and finds V001 whichever way it is written', async () => {
    const fil = join(dir, 'v.json');
    writeFileSync(fil, JSON.stringify([dokument('V002'), dokument('v001')]));
    expect(await importRedovisningFile(ctx, fil)).toEqual([
      'V002 2025: inskickad som version 1 (verksamheten registrerades).',
      'v001 2025: inskickad som version 1.',
    ]);
    expect((await repo.findOrganisationByKod(database.db, 'verksamhet', 'v002'))?.kod).toBe('V002');
    const json = await reportRedovisning(ctx, { verksamhet: 'v001', year: 2025, format: 'json' });
    expect(JSON.parse(String(json.body)).verksamhet.kod).toBe('v001');
    // The same report twice in one file, however its code is written, is refused.
    const dubbel = join(dir, 'dubbel.json');
    writeFileSync(dubbel, JSON.stringify([dokument('STHLM', 2024), dokument('sthlm', 2024)]));
    await expect(importRedovisningFile(ctx, dubbel)).rejects.toMatchObject({
      errors: [expect.objectContaining({ field: '[1].verksamhet.kod', rule: 'dubblett' })],
    });
  });

  it('the CLI’s --verksamhet takes the code in any case (ombud import brister)', async () => {
    const fil = join(dir, 'b.csv');
    writeFileSync(
      fil,
      'titel;beskrivning;niva;aktorer;amne;datum;antal_klienter\nKö;Lång väntan.;lokal;forsakringskassan;ovrigt;2025-10-10;2\n',
    );
    expect(await importBristerFile(ctx, fil, 'sthlm')).toBe('1 brist importerades till sthlm.');
  });
});
