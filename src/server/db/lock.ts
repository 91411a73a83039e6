import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';

/**
 * One writer for an embedded PGlite data directory. PGlite is PostgreSQL inside one process with no
 * postmaster to arbitrate: a second process opening the same directory (the CLI while the server runs)
 * writes behind the first one's back — its changes are invisible to the server and the audit chain forks.
 * So whoever opens the directory first takes `ombud.lock` in it (created with `wx`, holding pid, host, the
 * process's start time and what it is); everyone else is refused until it is released on close or process
 * exit. A lock whose process is gone (killed, crashed, or its pid reused by a newer process) is stale and
 * taken over. PostgreSQL (DATABASE_URL) arbitrates itself and needs none of this.
 */
export const LOCK_FILE = 'ombud.lock';

/** Who holds (or wants) the directory: the web server or an `ombud` command. */
export type LockHolder = 'server' | 'cli';

export interface LockInfo {
  pid: number;
  host: string;
  command: LockHolder;
  /** When the holding process started (ISO). */
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

/** The directory is in use by another live process; the message says what to do. */
export class DataDirBusy extends Error {
  constructor(
    readonly dir: string,
    readonly info: LockInfo | null,
  ) {
    super(busyMessage(dir, info));
    this.name = 'DataDirBusy';
  }
}

function busyMessage(dir: string, info: LockInfo | null): string {
  if (!info)
    return `Databasen i ${dir} håller på att öppnas av en annan Ombud-process. Vänta en stund och försök igen.`;
  const where = info.host === hostname() ? '' : ` på datorn ${info.host}`;
  const what = info.command === 'server' ? 'server' : 'ombud-kommando';
  const head = `Databasen i ${dir} används redan av en annan Ombud-process (process ${info.pid}, ${what}${where}, startad ${info.startedAt}).`;
  return info.command === 'server'
    ? `${head} Servern använder databasen: stoppa servern först, eller gör ändringen i webbens administration (Användare).`
    : `${head} Vänta tills kommandot är klart och försök igen.`;
}

const processStartedAt = () => new Date(Date.now() - process.uptime() * 1000);

/** The server is src/server/main.ts; everything else that opens the directory is an `ombud` command. */
const defaultHolder = (): LockHolder =>
  /[\\/]server[\\/]main\.[cm]?[jt]s$/.test(process.argv[1] ?? '') ? 'server' : 'cli';

/** Locks this process holds, by path → token: a second open in the same process is refused too. */
const held = new Map<string, string>();

/** Linux: when the process with this pid started, from /proc (clock ticks are 1/100 s there). */
function procStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count after its ')'.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    if (!btime || !Number.isFinite(ticks)) return null;
    return Number(btime[1]) * 1000 + ticks * 10;
  } catch {
    return null;
  }
}

/** Is the process that wrote this lock still running? Unknown (another host, no permission) counts as yes. */
function holderAlive(info: LockInfo, path: string): boolean {
  if (info.host !== hostname()) return true;
  if (info.pid === process.pid) return held.has(path);
  try {
    process.kill(info.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // The pid lives, but is it the same process? A restarted container or machine reuses pids.
  const started = procStartTime(info.pid);
  const recorded = Date.parse(info.startedAt);
  return started === null || !Number.isFinite(recorded) || Math.abs(started - recorded) < 5_000;
}

function parse(raw: string): LockInfo | null {
  try {
    const v = JSON.parse(raw) as Partial<LockInfo>;
    if (typeof v.pid !== 'number' || typeof v.host !== 'string') return null;
    return {
      pid: v.pid,
      host: v.host,
      command: v.command === 'server' ? 'server' : 'cli',
      startedAt: String(v.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

/** Moves a stale lock aside; if a live one took its place meanwhile, puts that back. */
function takeOver(path: string, staleRaw: string) {
  const aside = `${path}.${process.pid}.${randomUUID()}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleRaw) linkSync(aside, path);
  } catch {
    // Another process holds the path again: its lock stands.
  } finally {
    unlinkSync(aside);
  }
}

/**
 * Takes the directory's lock or throws DataDirBusy. Released by `release()` and, failing that, when the
 * process exits; a process killed outright leaves a stale lock that the next opener takes over.
 */
export function lockDataDir(dir: string, holder: LockHolder = defaultHolder()): DataDirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const token = randomUUID();
  const content = `${JSON.stringify({
    pid: process.pid,
    host: hostname(),
    command: holder,
    startedAt: processStartedAt().toISOString(),
    program: basename(process.argv[1] ?? ''),
    token,
  })}\n`;
  let seen: LockInfo | null = null;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let raw: string;
      try {
        raw = readFileSync(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      seen = parse(raw);
      if (seen && holderAlive(seen, path)) throw new DataDirBusy(dir, seen);
      // Unreadable content is either a lock being written right now or a torn one from a crash.
      if (!seen && Date.now() - statSync(path).mtimeMs < 2_000) continue;
      takeOver(path, raw);
      continue;
    }
    held.set(path, token);
    const release = () => {
      if (held.get(path) !== token) return;
      held.delete(path);
      process.off('exit', release);
      try {
        if (readFileSync(path, 'utf8') === content) unlinkSync(path);
      } catch {
        // Already gone.
      }
    };
    process.on('exit', release);
    return { path, release };
  }
  throw new DataDirBusy(dir, seen);
}
