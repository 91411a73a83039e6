import type { Principal } from '../../../domain/access.ts';
import type { AppDb } from '../../db/client.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { testConfig } from '../../testing/app.ts';
import { orgId } from '../../testing/factories.ts';
import * as redovisningRepo from '../redovisning/repo.ts';
import { importRedovisningar } from '../redovisning/service.ts';

/** The operator context the CLI uses (an admin at Socialstyrelsen's organisation). */
export async function operatorCtx(db: AppDb): Promise<ServiceContext> {
  const principal: Principal = {
    userId: '00000000-0000-0000-0000-000000000000',
    username: 'cli:test',
    medlemskap: [
      {
        organisationId: await orgId(db, 'socialstyrelsen', 'socialstyrelsen'),
        organisationTyp: 'socialstyrelsen',
        lanKod: null,
        roll: 'admin',
      },
    ],
  };
  return { db, config: testConfig(), principal, ip: 'test' };
}

/**
 * Imports documents through the redovisning module's import (`ombud import redovisning`), which stores each
 * as a submitted report and registers unknown verksamheter; `godkand` then approves them, as the
 * Länsstyrelse would (the review itself belongs to the redovisning module).
 */
export async function importera(db: AppDb, docs: unknown[], o: { godkand: boolean }) {
  const ctx = await operatorCtx(db);
  const r = await importRedovisningar(ctx, docs);
  if (o.godkand) {
    for (const x of r) {
      const org = await db.query.organisation.findFirst({
        where: (t, { and, eq }) => and(eq(t.typ, 'verksamhet'), eq(t.kod, x.kod)),
      });
      const row = await redovisningRepo.getRedovisning(db, org!.id, x.ar);
      await redovisningRepo.setStatus(db, row!.id, 'godkand');
    }
  }
  return r;
}

export async function verksamhetId(db: AppDb, kod: string): Promise<string> {
  const org = await db.query.organisation.findFirst({
    where: (t, { and, eq }) => and(eq(t.typ, 'verksamhet'), eq(t.kod, kod)),
  });
  if (!org) throw new Error(`no verksamhet ${kod}`);
  return org.id;
}
