import { defineConfig } from 'vitest/config';

// Two projects: `unit` (pure code, no database) and `integration` (services and routes on a real
// PostgreSQL: embedded PGlite by default, a real server with TEST_DB=pg — see src/server/testing/).
export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default'] : ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/domain/**/*.test.ts', 'src/contracts/**/*.test.ts', 'src/web/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/server/**/*.test.ts', 'src/cli/**/*.test.ts'],
          globalSetup: ['src/server/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          // Keys that live outside the database (platform/keys.ts): fixed for tests, never for a deployment.
          env: {
            OMBUD_AUDIT_KEY: '11'.repeat(32),
            OMBUD_DATA_KEY: '22'.repeat(32),
          },
        },
      },
    ],
  },
});
