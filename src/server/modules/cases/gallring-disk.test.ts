// Gallring that really erases: identity and notes are never on disk in clear (encrypted at rest), and
// after a purge even their ciphertext is gone from the embedded database's table files (VACUUM FULL
// rewrites them), while a kept client's ciphertext is still there — which shows the scan would find a
// purged one too. PGlite only: its files are ours to read.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { luhnKontrollsiffra } from '../../../domain/personnummer.ts';
import { openDatabase, query } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { systemPrincipal } from '../../platform/context.ts';
import { decryptField } from '../../platform/field-crypto.ts';
import { loginAs, makeApp, testConfig } from '../../testing/app.ts';
import { makeUser, makeVerksamhet } from '../../testing/factories.ts';
import { gallraSomSystem } from './gallring.ts';
import { arendeUrl, klientUrl, overga, skapaArende } from './test-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'ombud-gallring-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((f) => {
    const p = join(d, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
const foundIn = (files: string[], value: string) =>
  files.filter((f) => readFileSync(f).includes(Buffer.from(value, 'utf8'))).length;

const pnr = (datum: string, nnn: string) => `${datum}-${nnn}${luhnKontrollsiffra(`${datum.slice(2)}${nnn}`)}`;

describe.skipIf(inject('testDb').kind === 'pg')('gallring on disk', () => {
  it('leaves no purged personnummer, name or note in the table files, in clear or encrypted', {
    timeout: 120_000,
  }, async () => {
    const dataDir = join(dir, 'data');
    const database = await openDatabase({ dataDir });
    await migrate(database);
    const app = await makeApp(database.db);
    const v = await makeVerksamhet(database.db);
    const u = await makeUser(database.db, [{ organisationId: v.id, roll: 'ombud' }]);
    const ombud = await loginAs(app, u.username);
    const people = {
      purged: {
        alias: 'Disk-gallras',
        namn: 'Gunvor Raderasdotter',
        pnr: pnr('19500101', '321'),
        note: 'Anteckning-som-ska-bort-4711',
      },
      kept: {
        alias: 'Disk-kvar',
        namn: 'Kerstin Kvarsdotter',
        pnr: pnr('19600202', '654'),
        note: 'Anteckning-som-blir-kvar-4712',
      },
    };
    for (const [key, p] of Object.entries(people)) {
      const k = await ombud.post(klientUrl(v.id), {
        alias: p.alias,
        namn: p.namn,
        personnummer: p.pnr,
        fodelsear: Number(p.pnr.slice(0, 4)),
        kon: 'kvinna',
        kommunKod: '0180',
        barnUnder18: 'nej',
      });
      expect(k.statusCode, k.body).toBe(201);
      const a = await skapaArende(ombud, v.id, k.json().id, { forfraganDatum: '2025-01-10' });
      expect((await ombud.post(arendeUrl(v.id, a.id, '/anteckningar'), { text: p.note })).statusCode).toBe(
        201,
      );
      if (key === 'purged')
        await overga(ombud, v.id, a.id, {
          status: 'ej_aktuell',
          datum: '2025-01-20',
          avslutOrsak: 'ej_malgrupp',
        });
    }
    // What is on disk is ciphertext: the plaintext is never there, so the purge is proven on the
    // stored (encrypted) values themselves.
    const stored = await query<{ text: string }>(database.db, sql`select text from anteckning`);
    const sealed = (note: string) => stored.find((r) => decryptField(r.text) === note)!.text;
    const purgedSealed = sealed(people.purged.note);
    const keptSealed = sealed(people.kept.note);
    expect(purgedSealed).not.toContain(people.purged.note);
    const [pnrSealed] = await query<{ p: string }>(
      database.db,
      sql`select personnummer as p from klient_identitet where alias = ${people.purged.alias}`,
    );
    const ctx = { db: database.db, config: testConfig(), principal: systemPrincipal('test'), ip: 'cli' };
    expect((await gallraSomSystem(ctx, { verksamhetId: v.id })).gallrade).toBe(1);
    // Dropped files are unlinked at a checkpoint; shutting down takes one.
    await database.db.execute('checkpoint' as never);
    await app.close();
    await database.close();

    const files = filesUnder(join(dataDir, 'base'));
    expect(files.length).toBeGreaterThan(10);
    for (const value of [people.purged.pnr, people.purged.namn, people.purged.note, people.kept.note])
      expect(foundIn(files, value), `${value} is in the table files in clear`).toBe(0);
    for (const value of [purgedSealed, pnrSealed!.p])
      expect(foundIn(files, value), 'a purged value is still in the table files').toBe(0);
    // The control: what was not purged is found by the same scan.
    expect(foundIn(files, keptSealed)).toBeGreaterThan(0);
  });
});
