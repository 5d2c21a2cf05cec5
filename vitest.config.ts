import { defineConfig } from 'vitest/config';

/**
 * `npm test` runs every kind of test the machine can run:
 * - unit: pure domain rules (and the web app's pure helpers), twice, under zones with odd offsets and with DST, so hidden
 *   local-time assumptions fail;
 * - api: through createApp against PostgreSQL (TEST_DATABASE_URL) or PGlite;
 * - e2e: the built server in headless Chromium (when /usr/bin/chromium exists, or always
 *   when E2E_REQUIRED=1). E2E_FILES (comma-separated paths or globs) narrows them: .ci/run's
 *   PostgreSQL pass runs only the browser tests whose pages write through the database.
 */
const e2eFiles = process.env.E2E_FILES?.split(',')
  .map((f) => f.trim())
  .filter(Boolean);
const unit = (name: string, tz: string) => ({
  test: {
    name,
    // The web app's pure helpers too (the booking form reads local time in a named zone).
    include: ['packages/domain/src/**/*.test.ts', 'apps/web/src/lib/**/*.test.ts'],
    env: { TZ: tz },
  },
});

export default defineConfig({
  test: {
    projects: [
      unit('unit-kathmandu', 'Asia/Kathmandu'),
      unit('unit-st-johns', 'America/St_Johns'),
      {
        // ESLint's first run loads the whole TypeScript project: seconds on a busy machine.
        test: {
          name: 'architecture',
          include: ['tests/architecture/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'api',
          include: [
            'tests/api/**/*.test.ts',
            'packages/db/src/**/*.test.ts',
            'apps/api/src/**/*.test.ts',
          ],
          globalSetup: ['tests/setup/global-db.ts'],
          env: { TZ: 'America/St_Johns' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: e2eFiles?.length ? e2eFiles : ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/global-server.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
