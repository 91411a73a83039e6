import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { IMPORT_KOLUMNER } from '../contracts/cases.ts';
import { seedDemo } from './db/seed/demo.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { freePort, runCli, type ServerProcess, startServer } from './testing/server-process.ts';

/**
 * Crash safety: the server process is killed outright (SIGKILL) in the middle of a burst of note writes,
 * in the middle of a 100 000-row import and while redovisningar are being submitted, then started again. Every write it acknowledged is there,
 * nothing is half-imported, and the audit chain verifies (`ombud audit verify`). On the embedded database
 * and on PostgreSQL, as the test run's database kind says.
 */
const tmp = mkdtempSync(join(tmpdir(), 'ombud-crash-'));
/** The demo's last reported year: the submitted years copy its figures. */
const YEAR = new Date().getFullYear() - 1;
let server: ServerProcess | undefined;
let pgDb: TestDatabase | undefined;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await pgDb?.close();
  rmSync(tmp, { recursive: true, force: true });
});

class Http {
  cookie = '';
  constructor(readonly base: string) {}
  async req(method: string, path: string, body?: unknown, type = 'application/json') {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        origin: this.base,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(body !== undefined ? { 'content-type': type } : {}),
      },
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    return res;
  }
  async login(username: string) {
    const r = await this.req('POST', '/api/v1/auth/login', { username, password: 'demo' });
    expect(r.status).toBe(200);
    return this;
  }
}

describe('crash safety', () => {
  it('acknowledged writes survive kill -9, an interrupted import leaves nothing, the audit chain holds', {
    timeout: 420_000,
  }, async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      OMBUD_PUBLIC_URL: `http://127.0.0.1:${port}`,
      OMBUD_KEY_DIR: join(tmp, 'keys'),
    };
    if (inject('testDb').kind === 'pg') {
      pgDb = await createTestDb();
      await seedDemo(pgDb.db);
      Object.assign(env, { DATABASE_URL: pgDb.url, OMBUD_DEMO: '0' });
    } else {
      Object.assign(env, { OMBUD_DATA_DIR: join(tmp, 'data'), OMBUD_DEMO: '1' });
    }
    server = await startServer(env, port);
    let chef = await new Http(server.url).login('chef');
    const orgs = (await (await chef.req('GET', '/api/v1/verksamheter')).json()) as Array<{
      id: string;
      kod: string;
    }>;
    const v = orgs.find((o) => o.kod === 'norra-uppland')!.id;
    const base = `/api/v1/verksamheter/${v}`;
    const k = await chef.req('POST', `${base}/klienter`, {
      alias: 'Kraschtest',
      fodelsear: 1970,
      kon: 'kvinna',
      kommunKod: '0360',
      barnUnder18: 'nej',
    });
    expect(k.status).toBe(201);
    const a = await chef.req('POST', `${base}/arenden`, {
      klientId: ((await k.json()) as { id: string }).id,
      forfraganDatum: '2025-01-10',
      forfraganFran: 'personen',
    });
    expect(a.status).toBe(201);
    const notes = `${base}/arenden/${((await a.json()) as { id: string }).id}/anteckningar`;

    // 1. A burst of note writes, eight at a time; the process dies once 40 have been acknowledged.
    const acked: string[] = [];
    let sent = 0;
    const writer = async () => {
      while (sent < 400) {
        const n = sent++;
        try {
          const r = await chef.req('POST', notes, { text: `Anteckning ${n}` });
          if (r.status === 201) acked.push(((await r.json()) as { id: string }).id);
          if (acked.length >= 40 && server!.child.exitCode === null) void server!.stop('SIGKILL');
        } catch {
          return; // the connection died with the process
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    await server.stop('SIGKILL');
    expect(acked.length).toBeGreaterThanOrEqual(40);
    expect(sent).toBeLessThan(400);

    server = await startServer(env, port);
    chef = await new Http(server.url).login('chef');
    const after = (await (await chef.req('GET', notes)).json()) as Array<{ id: string }>;
    const have = new Set(after.map((x) => x.id));
    expect(acked.filter((id) => !have.has(id))).toEqual([]);

    // 2. A 100 000-row import, killed while it runs: all or nothing.
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `Krasch-${i},1970,kvinna,0360,nej,2025-01-01,,,,,`,
    );
    const csv = `${IMPORT_KOLUMNER.join(',')}\n${rows.join('\n')}\n`;
    const upload = chef.req('POST', `${base}/import/klienter`, csv, 'text/csv').catch(() => null);
    await new Promise((r) => setTimeout(r, 1500));
    await server.stop('SIGKILL');
    const answered = await upload;
    server = await startServer(env, port);
    chef = await new Http(server.url).login('chef');
    const found = (await (
      await chef.req('POST', `${base}/klienter/sok`, { q: 'Krasch-', limit: 1 })
    ).json()) as {
      total: number;
    };
    // Killed before it answered: nothing; had it answered 200 first, everything.
    expect(found.total).toBe(answered?.status === 200 ? 100_000 : 0);

    // 3. Redovisningar submitted twelve at a time, killed once the first is acknowledged: each year is
    // either submitted whole (status, frozen version and event together) or still a draft, and every
    // acknowledged one is submitted.
    const source = (await (await chef.req('GET', `${base}/redovisningar/${YEAR}`)).json()) as {
      dokument: Record<string, Record<string, unknown>>;
    };
    const { klienter, kontaktorsaker, ko, personal, ledningsgrupp, brister, ansokan, text } = source.dokument;
    const document = {
      klienter,
      kontaktorsaker,
      ko,
      personal: { ...personal, ombud: 2, kvinnor: 1, man: 1, arsarbetare: 1.5 },
      ledningsgrupp,
      brister,
      text: {
        ...text,
        forandringarMalgrupp: 'Fler yngre klienter.',
        forbattringsarbete: 'Ny rutin för kön.',
        jamstalldhetsanalys: 'Fler kvinnor än män söker stöd.',
      },
    };
    const years = Array.from({ length: 12 }, (_, i) => 2005 + i);
    for (const y of years) {
      const r = await chef.req('PUT', `${base}/redovisningar/${y}`, {
        ...document,
        ansokan: { ...ansokan, ar: y + 1 },
      });
      const saved = (await r.json()) as { validering: unknown[] };
      expect(r.status).toBe(200);
      expect(saved.validering).toEqual([]);
    }
    const submitted: number[] = [];
    await Promise.all(
      years.map(async (y) => {
        try {
          const r = await chef.req('POST', `${base}/redovisningar/${y}/inskickning`);
          if (r.status === 200) submitted.push(y);
          if (server!.child.exitCode === null) void server!.stop('SIGKILL');
        } catch {
          // the connection died with the process
        }
      }),
    );
    await server.stop('SIGKILL');
    server = await startServer(env, port);
    chef = await new Http(server.url).login('chef');
    for (const y of years) {
      const view = (await (await chef.req('GET', `${base}/redovisningar/${y}`)).json()) as {
        status: string;
        versioner: unknown[];
        handelser: Array<{ toStatus: string }>;
      };
      const inskickad = view.status === 'inskickad';
      expect({ y, inskickad, versioner: view.versioner.length > 0 }).toEqual({
        y,
        inskickad,
        versioner: inskickad,
      });
      expect(view.handelser.some((h) => h.toStatus === 'inskickad')).toBe(inskickad);
      if (submitted.includes(y)) expect(inskickad).toBe(true);
    }
    expect(submitted.length).toBeGreaterThan(0);
    console.log(`crash: ${submitted.length} of ${years.length} submissions acknowledged before the kill`);

    // 4. The audit chain, checked by the CLI once the server has stopped (it holds an embedded database).
    await server.stop('SIGTERM');
    server = undefined;
    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.out).toMatch(/Loggen är hel/);
    expect(verify.code).toBe(0);
  });
});
