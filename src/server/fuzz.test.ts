import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildWorld, type World } from './testing/api-world.ts';
import { createTestDb, type TestDatabase } from './testing/db.ts';
import { formatFailure, formatReport, runFuzz } from './testing/fuzz/runner.ts';
import { apiRouteSpecs } from './testing/fuzz/schema.ts';

/**
 * Robust under bad input: every /api/v1 route, called by every role (and anonymously) about their own and a
 * foreign organisation, with valid-looking and broken requests generated from the OpenAPI description. No
 * 5xx, no dropped connection, every error problem+json, nothing slower than 2 s, no input echoed unescaped.
 *
 * In `npm test`: a short run with a fixed seed. `npm run fuzz`: the full run (≥ 10 000 requests, a new
 * seed each time, printed). Reproduce: FUZZ_SEED=… FUZZ_RUNS=… (and TEST_DB=pg for PostgreSQL);
 * FUZZ_ROUTE=/brister narrows the run to matching routes. docs/development.md, "Fuzzing".
 */
const full = process.env.FUZZ_FULL === '1';
const runs = Number(process.env.FUZZ_RUNS ?? (full ? 12_000 : 1_200));
const seed = Number(process.env.FUZZ_SEED ?? (full ? Math.floor(Math.random() * 2 ** 31) : 20_260_101));
const slowMs = Number(process.env.FUZZ_SLOW_MS ?? 2000);
const routeFilter = process.env.FUZZ_ROUTE;

let database: TestDatabase;
let world: World;
beforeAll(async () => {
  database = await createTestDb();
  world = await buildWorld(database);
}, 120_000);
afterAll(async () => {
  await world?.close();
  await database?.close();
});

describe('fuzz', () => {
  it('every /api/v1 route is in the OpenAPI description (the fuzzer generates from it)', () => {
    const specs = apiRouteSpecs(world.app, world.routes);
    expect(specs.length).toBeGreaterThan(50);
    expect(specs.filter((s) => !s.documented).map((s) => s.key)).toEqual([]);
  });

  it(`${runs} requests: no 5xx, no dropped connection, errors as problem+json, none slow, no echo`, {
    timeout: 120_000 + runs * 100,
  }, async () => {
    const db = inject('testDb').kind;
    const reproduce = `FUZZ_SEED=${seed} FUZZ_RUNS=${runs}${routeFilter ? ` FUZZ_ROUTE=${routeFilter}` : ''}${db === 'pg' ? ' TEST_DB=pg' : ''} npx vitest run --project integration src/server/fuzz.test.ts`;
    console.log(
      `fuzz: seed ${seed}, ${runs} requests on ${db === 'pg' ? 'PostgreSQL' : 'PGlite'} — reproduce: ${reproduce}`,
    );
    const report = await runFuzz(world, { seed, runs, socketShare: 0.05, slowMs, routeFilter });
    console.log(formatReport(report, { perRoute: full, reproduce }));
    expect(report.failures.map(formatFailure), `reproduce: ${reproduce}`).toEqual([]);
    if (!routeFilter && runs >= report.routes.length) {
      // Every route was called, and requests got deep: a good share was accepted and answered 2xx.
      expect(report.perRoute.size).toBeGreaterThanOrEqual(report.routes.length);
      const ok = [...report.byStatus.entries()]
        .filter(([s]) => s >= 200 && s < 300)
        .reduce((a, [, n]) => a + n, 0);
      expect(ok / report.requests).toBeGreaterThan(0.1);
    }
  });
});
