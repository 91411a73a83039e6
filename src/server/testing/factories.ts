import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AppDb } from '../db/client.ts';
import { organisation } from '../db/schema/index.ts';
import * as orgRepo from '../modules/orgs/repo.ts';
import * as userRepo from '../modules/users/repo.ts';
import { hashPassword } from '../platform/auth/passwords.ts';

type Roll = 'ombud' | 'chef' | 'ledamot' | 'lansstyrelse' | 'socialstyrelsen' | 'aktor' | 'admin';
type Utforare = 'kommun' | 'stiftelse' | 'kommunforbund' | 'ideell_forening' | 'region' | 'annan';

const uniq = () => randomBytes(3).toString('hex');

/** A verksamhet in län 01 covering Stockholm (0180) unless told otherwise. */
export async function makeVerksamhet(
  db: AppDb,
  o: {
    kod?: string;
    namn?: string;
    lanKod?: string;
    kommuner?: string[];
    stadsdelsomraden?: string[];
    utforare?: Utforare;
    giltigFranAr?: number;
  } = {},
) {
  const kod = o.kod ?? `v-${uniq()}`;
  const kommuner = o.kommuner ?? ['0180'];
  const sdo = o.stadsdelsomraden ?? [];
  const id = await db.transaction((tx) =>
    orgRepo.insertVerksamhet(tx, {
      kod,
      namn: o.namn ?? `Verksamhet ${kod}`,
      lanKod: o.lanKod ?? '01',
      utforare: o.utforare ?? 'kommun',
      giltigFranAr: o.giltigFranAr ?? 2020,
      omraden: sdo.length
        ? sdo.map((s) => ({ kommunKod: kommuner[0]!, stadsdelsomradeKod: s }))
        : kommuner.map((k) => ({ kommunKod: k, stadsdelsomradeKod: null })),
    }),
  );
  return { id, kod, lanKod: o.lanKod ?? '01' };
}

/** The organisation id of a Länsstyrelse (by län code), Socialstyrelsen, or an actor (by code). */
export async function orgId(
  db: AppDb,
  typ: 'lansstyrelse' | 'socialstyrelsen' | 'aktor',
  kod: string,
): Promise<string> {
  const [row] = await db
    .select({ id: organisation.id })
    .from(organisation)
    .where(and(eq(organisation.typ, typ), eq(organisation.kod, kod)));
  if (!row) throw new Error(`no ${typ} ${kod}`);
  return row.id;
}

export const TEST_PASSWORD = 'test-lösenord-1';
let cachedHash: string | undefined;

/** A user with the given memberships; all test users share one password (hashed once per file). */
export async function makeUser(
  db: AppDb,
  roller: Array<{ organisationId: string; roll: Roll }>,
  o: { username?: string; kon?: 'kvinna' | 'man' | 'annan' } = {},
) {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const username = o.username ?? `u${uniq()}`;
  const id = await db.transaction(async (tx) => {
    const userId = await userRepo.insertUser(tx, {
      username,
      displayName: username,
      passwordHash: cachedHash!,
      kon: o.kon ?? null,
    });
    for (const r of roller) await userRepo.insertMembership(tx, { userId, ...r });
    return userId;
  });
  return { id, username, password: TEST_PASSWORD };
}
