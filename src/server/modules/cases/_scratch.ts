import { sql } from 'drizzle-orm';
import { benchImportClients } from '../../../../bench/import-clients.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase, query, withTx } from '../../db/client.ts';
import { migrate } from '../../db/migrate.ts';
import { loadPrincipal } from '../../platform/auth/principal.ts';
import * as userRepo from '../users/repo.ts';
import { gallraSomSystem } from './gallring.ts';
import { getCaseload, koStatistik, listKo } from './ko.ts';
import { listArenden, listKlienter } from './service.ts';
import { systemPrincipal } from '../../platform/context.ts';
import { importKlienterSomSystem } from './import.ts';

const d = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {});
await migrate(d);
await benchImportClients(d, 100_000);
const [v] = await query<{ id: string; kod: string }>(d.db, sql`select id, kod from organisation where kod like 'bench-import-%'`);
const u = await userRepo.findUserByUsername(d.db, `${v!.kod}-ombud1`);
await userRepo.insertMembership(d.db, { userId: u!.id, organisationId: v!.id, roll: 'chef' });
const principal = (await withTx(d.db, {}, (tx) => loadPrincipal(tx, u!.id)))!;
const ctx = { db: d.db, config: loadConfig(), principal };
const t = async (name: string, fn: () => Promise<unknown>) => { const s = performance.now(); await fn(); console.log(name, Math.round(performance.now() - s), 'ms'); };
for (let i = 0; i < 2; i++) {
  await t('listKlienter', () => listKlienter(ctx, v!.id, { gallrad: 'alla', limit: 100, offset: 0 }));
  await t('listKlienter q', () => listKlienter(ctx, v!.id, { q: 'K0012', gallrad: 'alla', limit: 100, offset: 0 }));
  await t('listArenden', () => listArenden(ctx, v!.id, { limit: 100, offset: 0 }));
  await t('listKo', () => listKo(ctx, v!.id, { limit: 200, offset: 0 }));
  await t('koStatistik', () => koStatistik(ctx, v!.id));
  await t('caseload', () => getCaseload(ctx, v!.id));
}
await t('gallra', async () => console.log(await gallraSomSystem({ ...ctx, principal: systemPrincipal('x') }, { verksamhetId: v!.id })));
await t('listKlienter after', () => listKlienter(ctx, v!.id, { gallrad: 'alla', limit: 100, offset: 0 }));
await d.close();
