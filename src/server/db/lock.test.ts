import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort, runCli, type ServerProcess, startServer } from '../testing/server-process.ts';
import { openDatabase } from './client.ts';
import { DataDirBusy, LOCK_FILE, lockDataDir } from './lock.ts';

/**
 * One writer for an embedded database: a second opener of the same PGlite data directory is refused with a
 * message that says what to do; a lock left by a dead process is taken over. The end-to-end case runs the
 * real server and the real CLI. (PGlite only: with DATABASE_URL there is no data directory to share.)
 */
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ombud-lock-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('data directory lock', () => {
  it('a second opener is refused while the first holds it; released on close', () => {
    const dir = tempDir();
    const first = lockDataDir(dir, 'server');
    expect(() => lockDataDir(dir, 'cli')).toThrow(DataDirBusy);
    expect(() => lockDataDir(dir, 'cli')).toThrow(
      /används redan av en annan Ombud-process \(process \d+, server/,
    );
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    lockDataDir(dir, 'cli').release();
  });

  it('a lock left by a process that no longer runs is taken over', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.once('exit', r));
    const stale = {
      pid: gone.pid,
      host: hostname(),
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'server',
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = lockDataDir(dir, 'server');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('a lock from another host is never judged stale from here', () => {
    const dir = tempDir();
    const other = {
      pid: 1,
      host: 'en-annan-dator',
      startedAt: '2026-01-01T00:00:00.000Z',
      command: 'server',
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(other));
    expect(() => lockDataDir(dir, 'cli')).toThrow(DataDirBusy);
  });

  it('openDatabase takes the lock, makes the directory private (700) and frees it on close', {
    timeout: 60_000,
  }, async () => {
    const dir = join(tempDir(), 'data');
    const a = await openDatabase({ dataDir: dir });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(DataDirBusy);
    await a.close();
    const b = await openDatabase({ dataDir: dir });
    await b.close();
  });
});

describe.skipIf(inject('testDb').kind === 'pg')('server and CLI on one embedded database', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
  });

  it('the CLI refuses while the server runs, and works once it has stopped', {
    timeout: 180_000,
  }, async () => {
    const dataDir = join(tempDir(), 'data');
    const env = { OMBUD_DATA_DIR: dataDir, OMBUD_DEMO: '0' };
    server = await startServer(env, await freePort());
    const create = [
      'user',
      'create',
      '--username',
      'lasttest',
      '--namn',
      'Lås Test',
      '--password',
      'ett långt lösenord för test 9',
      '--roll',
      'admin@socialstyrelsen:socialstyrelsen',
    ];
    const refused = await runCli(create, env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/används redan av en annan Ombud-process/);
    expect(refused.err).toMatch(/stoppa servern/);

    await server.stop('SIGTERM');
    server = undefined;
    const created = await runCli(create, env);
    expect(created.out).toMatch(/Användaren lasttest är skapad/);
    expect(created.code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });
});
