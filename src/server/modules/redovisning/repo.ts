import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { RedovisningV1 } from '../../../contracts/redovisning-v1.ts';
import type { RedovisningStatus } from '../../../domain/redovisning-status.ts';
import { type Queryable, query } from '../../db/client.ts';
import {
  appUser,
  kommun,
  organisation,
  redovisning,
  redovisningHandelse,
  redovisningKommentar,
  redovisningVersion,
  stadsdelsomrade,
} from '../../db/schema/index.ts';

export type Kalla = 'arendehantering' | 'manuell' | 'import';

export interface RedovisningRow {
  id: string;
  verksamhetId: string;
  ar: number;
  status: RedovisningStatus;
  dokument: RedovisningV1;
  kalla: Kalla;
  createdAt: string;
  updatedAt: string;
  updatedByNamn: string | null;
}

const cols = {
  id: redovisning.id,
  verksamhetId: redovisning.verksamhetId,
  ar: redovisning.ar,
  status: redovisning.status,
  dokument: redovisning.dokument,
  kalla: redovisning.kalla,
  createdAt: redovisning.createdAt,
  updatedAt: redovisning.updatedAt,
  updatedByNamn: redovisning.updatedByNamn,
};

/** jsonb comes back parsed from node-postgres and PGlite alike; a string (raw SQL paths) is parsed here. */
function json<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

function row(r: Record<string, unknown>): RedovisningRow {
  return { ...(r as unknown as RedovisningRow), dokument: json<RedovisningV1>(r.dokument) };
}

export async function getRedovisning(db: Queryable, verksamhetId: string, ar: number) {
  const [r] = await db
    .select(cols)
    .from(redovisning)
    .where(and(eq(redovisning.verksamhetId, verksamhetId), eq(redovisning.ar, ar)));
  return r ? row(r) : null;
}

export async function getRedovisningById(db: Queryable, id: string) {
  const [r] = await db.select(cols).from(redovisning).where(eq(redovisning.id, id));
  return r ? row(r) : null;
}

/** Locks the row for the rest of the transaction (two submissions at once must not both get version n). */
export async function lockRedovisning(db: Queryable, id: string) {
  await query(db, sql`select id from redovisning where id = ${id} for update`);
}

export async function insertRedovisning(
  db: Queryable,
  r: {
    verksamhetId: string;
    ar: number;
    dokument: RedovisningV1;
    kalla: Kalla;
    status?: RedovisningStatus;
    userId: string | null;
    anvandare: string;
  },
): Promise<string> {
  const [created] = await db
    .insert(redovisning)
    .values({
      verksamhetId: r.verksamhetId,
      ar: r.ar,
      dokument: r.dokument,
      kalla: r.kalla,
      status: r.status ?? 'utkast',
      updatedBy: r.userId,
      updatedByNamn: r.anvandare,
    })
    .returning({ id: redovisning.id });
  return created!.id;
}

export async function updateDokument(
  db: Queryable,
  id: string,
  d: { dokument: RedovisningV1; kalla?: Kalla; userId: string | null; anvandare: string },
) {
  await db
    .update(redovisning)
    .set({
      dokument: d.dokument,
      ...(d.kalla ? { kalla: d.kalla } : {}),
      updatedBy: d.userId,
      updatedByNamn: d.anvandare,
      updatedAt: sql`now()`,
    })
    .where(eq(redovisning.id, id));
}

export async function setStatus(db: Queryable, id: string, status: RedovisningStatus) {
  await db.update(redovisning).set({ status, updatedAt: sql`now()` }).where(eq(redovisning.id, id));
}

export async function insertHandelse(
  db: Queryable,
  h: {
    redovisningId: string;
    fromStatus: RedovisningStatus | null;
    toStatus: RedovisningStatus;
    version: number | null;
    userId: string | null;
    anvandare: string;
    kommentar: string | null;
  },
) {
  await db.insert(redovisningHandelse).values(h);
}

/** The report's events; who acted by name ("Carl Chef"), the stored username when the account is gone. */
export async function handelser(db: Queryable, redovisningId: string) {
  return db
    .select({
      fromStatus: redovisningHandelse.fromStatus,
      toStatus: redovisningHandelse.toStatus,
      version: redovisningHandelse.version,
      at: redovisningHandelse.at,
      anvandare: sql<string>`coalesce(${appUser.displayName}, ${redovisningHandelse.anvandare})`,
      kommentar: redovisningHandelse.kommentar,
    })
    .from(redovisningHandelse)
    .leftJoin(appUser, eq(appUser.id, redovisningHandelse.userId))
    .where(eq(redovisningHandelse.redovisningId, redovisningId))
    .orderBy(asc(redovisningHandelse.at), asc(redovisningHandelse.id));
}

// ---- versions (immutable: insert and read only) ----

export interface VersionRow {
  redovisningId: string;
  version: number;
  dokument: RedovisningV1;
  inskickadAt: string;
  inskickadAvNamn: string;
}

// Who submitted, by name where the account still exists (the version keeps the username it was sent with).
const versionCols = {
  redovisningId: redovisningVersion.redovisningId,
  version: redovisningVersion.version,
  dokument: redovisningVersion.dokument,
  inskickadAt: redovisningVersion.inskickadAt,
  inskickadAvNamn: sql<string>`coalesce(${appUser.displayName}, ${redovisningVersion.inskickadAvNamn})`,
};

function versionRow(r: Record<string, unknown>): VersionRow {
  return { ...(r as unknown as VersionRow), dokument: json<RedovisningV1>(r.dokument) };
}

export async function insertVersion(
  db: Queryable,
  v: {
    redovisningId: string;
    dokument: RedovisningV1;
    userId: string | null;
    anvandare: string;
    at?: string;
  },
): Promise<VersionRow> {
  const [max] = await query<{ m: number }>(
    db,
    sql`select coalesce(max(version), 0)::int as m from redovisning_version where redovisning_id = ${v.redovisningId}`,
  );
  const [created] = await db
    .insert(redovisningVersion)
    .values({
      redovisningId: v.redovisningId,
      version: (max?.m ?? 0) + 1,
      dokument: v.dokument,
      inskickadAv: v.userId,
      inskickadAvNamn: v.anvandare,
      ...(v.at ? { inskickadAt: v.at } : {}),
    })
    .returning({ ...versionCols, inskickadAvNamn: redovisningVersion.inskickadAvNamn });
  return versionRow(created!);
}

export async function listVersions(db: Queryable, redovisningId: string): Promise<VersionRow[]> {
  const rows = await db
    .select(versionCols)
    .from(redovisningVersion)
    .leftJoin(appUser, eq(appUser.id, redovisningVersion.inskickadAv))
    .where(eq(redovisningVersion.redovisningId, redovisningId))
    .orderBy(asc(redovisningVersion.version));
  return rows.map(versionRow);
}

export async function getVersion(db: Queryable, redovisningId: string, version: number) {
  const [r] = await db
    .select(versionCols)
    .from(redovisningVersion)
    .leftJoin(appUser, eq(appUser.id, redovisningVersion.inskickadAv))
    .where(and(eq(redovisningVersion.redovisningId, redovisningId), eq(redovisningVersion.version, version)));
  return r ? versionRow(r) : null;
}

// ---- comments ----

export async function insertKommentar(
  db: Queryable,
  k: {
    redovisningId: string;
    version: number;
    path: string | null;
    text: string;
    organisationId: string | null;
    userId: string | null;
    anvandare: string;
  },
) {
  const [r] = await db.insert(redovisningKommentar).values(k).returning({ id: redovisningKommentar.id });
  return r!.id;
}

/** The report's comments; who wrote each by name, the stored username when the account is gone. */
export async function listKommentarer(db: Queryable, redovisningId: string) {
  return db
    .select({
      id: redovisningKommentar.id,
      version: redovisningKommentar.version,
      path: redovisningKommentar.path,
      text: redovisningKommentar.text,
      at: redovisningKommentar.at,
      anvandare: sql<string>`coalesce(${appUser.displayName}, ${redovisningKommentar.anvandare})`,
    })
    .from(redovisningKommentar)
    .leftJoin(appUser, eq(appUser.id, redovisningKommentar.userId))
    .where(eq(redovisningKommentar.redovisningId, redovisningId))
    .orderBy(asc(redovisningKommentar.at), asc(redovisningKommentar.id));
}

// ---- per län / nation ----

export interface LanRad {
  verksamhetId: string;
  kod: string;
  namn: string;
  lanKod: string;
  redovisningId: string | null;
  status: RedovisningStatus | null;
  version: number | null;
  forstaInskickadAt: string | null;
  senastInskickadAt: string | null;
}

/** Every verksamhet (of a län, or all) with its redovisning for `ar` and its submissions, if any. */
export async function listPerVerksamhet(db: Queryable, q: { ar: number; lanKod?: string }) {
  const conds: SQL[] = [sql`o.typ = 'verksamhet'`];
  if (q.lanKod) conds.push(sql`o.lan_kod = ${q.lanKod}`);
  const rows = await query<{
    verksamhet_id: string;
    kod: string;
    namn: string;
    lan_kod: string;
    redovisning_id: string | null;
    status: RedovisningStatus | null;
    version: number | null;
    forsta: string | null;
    senast: string | null;
  }>(
    db,
    sql`select o.id as verksamhet_id, o.kod, o.namn, o.lan_kod, r.id as redovisning_id, r.status,
          (select max(version) from redovisning_version x where x.redovisning_id = r.id)::int as version,
          (select min(inskickad_at) from redovisning_version x where x.redovisning_id = r.id)::text as forsta,
          (select max(inskickad_at) from redovisning_version x where x.redovisning_id = r.id)::text as senast
        from organisation o
        join verksamhet v on v.organisation_id = o.id
        left join redovisning r on r.verksamhet_id = o.id and r.ar = ${q.ar}
        where ${sql.join(conds, sql` and `)}
          and v.giltig_fran_ar <= ${q.ar} and (v.giltig_till_ar is null or v.giltig_till_ar >= ${q.ar})
        order by o.namn`,
  );
  return rows.map(
    (r): LanRad => ({
      verksamhetId: r.verksamhet_id,
      kod: r.kod,
      namn: r.namn,
      lanKod: r.lan_kod,
      redovisningId: r.redovisning_id,
      status: r.status,
      version: r.version === null ? null : Number(r.version),
      forstaInskickadAt: r.forsta,
      senastInskickadAt: r.senast,
    }),
  );
}

export interface Snapshot {
  verksamhetId: string;
  redovisningId: string;
  status: 'inskickad' | 'returnerad' | 'godkand';
  version: number;
  inskickadAt: string;
  dokument: RedovisningV1;
}

/**
 * The latest submitted version per verksamhet for a year — no policy: for the national module's callers
 * after their own check, and for the CLI. Approved only unless `inklusiveInskickade`.
 */
export async function listSnapshotsForSystem(
  db: Queryable,
  q: { ar: number; lanKod?: string; inklusiveInskickade?: boolean; verksamhetIds?: string[] },
): Promise<Snapshot[]> {
  const conds: SQL[] = [eq(redovisning.ar, q.ar), sql`${redovisning.status} <> 'utkast'`];
  if (!q.inklusiveInskickade) conds.push(eq(redovisning.status, 'godkand'));
  if (q.lanKod) conds.push(eq(organisation.lanKod, q.lanKod));
  if (q.verksamhetIds) {
    conds.push(q.verksamhetIds.length ? inArray(redovisning.verksamhetId, q.verksamhetIds) : sql`false`);
  }
  conds.push(
    sql`${redovisningVersion.version} = (select max(x.version) from redovisning_version x where x.redovisning_id = ${redovisning.id})`,
  );
  const rows = await db
    .select({
      verksamhetId: redovisning.verksamhetId,
      redovisningId: redovisning.id,
      status: redovisning.status,
      version: redovisningVersion.version,
      inskickadAt: redovisningVersion.inskickadAt,
      dokument: redovisningVersion.dokument,
      namn: organisation.namn,
    })
    .from(redovisning)
    .innerJoin(redovisningVersion, eq(redovisningVersion.redovisningId, redovisning.id))
    .innerJoin(organisation, eq(organisation.id, redovisning.verksamhetId))
    .where(and(...conds))
    .orderBy(asc(organisation.namn));
  return rows.map(({ namn: _n, ...r }) => ({
    ...r,
    status: r.status as Snapshot['status'],
    dokument: json<RedovisningV1>(r.dokument),
  }));
}

/** The gender of each of these users (staff figures). */
export async function anvandarKon(db: Queryable, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.select({ id: appUser.id, kon: appUser.kon }).from(appUser).where(inArray(appUser.id, userIds));
}

/** Names of these kommuner and stadsdelsområden (reference data), by code. */
export async function ortnamn(
  db: Queryable,
  q: { kommuner: string[]; stadsdelsomraden: string[] },
): Promise<{ kommuner: Record<string, string>; stadsdelsomraden: Record<string, string> }> {
  const k = q.kommuner.length
    ? await db
        .select({ kod: kommun.kod, namn: kommun.namn })
        .from(kommun)
        .where(inArray(kommun.kod, q.kommuner))
    : [];
  const s = q.stadsdelsomraden.length
    ? await db
        .select({ kod: stadsdelsomrade.kod, namn: stadsdelsomrade.namn })
        .from(stadsdelsomrade)
        .where(inArray(stadsdelsomrade.kod, q.stadsdelsomraden))
    : [];
  return {
    kommuner: Object.fromEntries(k.map((x) => [x.kod, x.namn])),
    stadsdelsomraden: Object.fromEntries(s.map((x) => [x.kod, x.namn])),
  };
}

/** What the review list shows of a submitted report: its latest version's key figures and comments. */
export interface Nyckeltal {
  klienter: number | null;
  nyaKlienter: number | null;
  soktaArsarbetare: number | null;
  kommentarer: number;
}

/**
 * Key figures of each report's latest submitted version (clients, new clients, FTE applied for) and how
 * many comments that version has: one statement for the whole län list.
 */
export async function nyckeltalForSenasteVersion(
  db: Queryable,
  redovisningIds: string[],
): Promise<Map<string, Nyckeltal>> {
  if (redovisningIds.length === 0) return new Map();
  const rows = await query<{
    redovisning_id: string;
    klienter: string | null;
    nya: string | null;
    sokta: string | null;
    kommentarer: number;
  }>(
    db,
    sql`select v.redovisning_id,
          v.dokument #>> '{klienter,totalt,totalt}' as klienter,
          v.dokument #>> '{klienter,nya,totalt}' as nya,
          v.dokument #>> '{ansokan,arsarbetare}' as sokta,
          (select count(*) from redovisning_kommentar k
            where k.redovisning_id = v.redovisning_id and k.version = v.version)::int as kommentarer
        from redovisning_version v
        where v.redovisning_id in (${sql.join(
          redovisningIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and v.version = (select max(x.version) from redovisning_version x
                           where x.redovisning_id = v.redovisning_id)`,
  );
  const tal = (s: string | null) => (s === null || s === '' || Number.isNaN(Number(s)) ? null : Number(s));
  return new Map(
    rows.map((r) => [
      r.redovisning_id,
      {
        klienter: tal(r.klienter),
        nyaKlienter: tal(r.nya),
        soktaArsarbetare: tal(r.sokta),
        kommentarer: Number(r.kommentarer),
      },
    ]),
  );
}
