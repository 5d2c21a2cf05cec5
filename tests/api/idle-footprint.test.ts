import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startBuiltServer, type RunningServer } from '../setup/built-server';
import { scratchDatabase } from '../setup/database-url';
import { ENGINE, TEST_DATABASE_URL } from '../setup/env';

const HOOK = fileURLToPath(new URL('../setup/record-loads.mjs', import.meta.url));

/**
 * What the built server loads, and so holds in memory for as long as it runs (decision 012,
 * "Idle memory"): only its own engine's driver, the demo seed only on the start that seeds,
 * nodemailer only with the first message, kysely (better-auth's own SQL builder) never, as
 * the app gives better-auth drizzle's adapter (patches/better-auth+1.7.25.patch).
 */
describe(`what the built server loads (${ENGINE})`, { timeout: 180_000 }, () => {
  let bundle: ReturnType<typeof buildServer>;
  let dataDir: string;
  let dbUrl: string | undefined;
  let dropDb = async () => {};
  const runs: { loaded: string[]; sources: string }[] = [];

  /** Starts the bundle, asks it a few things, stops it; what it loaded, and their code. */
  async function run(name: string) {
    const loadsFile = join(dataDir, `${name}.loads`);
    const server: RunningServer = await startBuiltServer(bundle.file, {
      DATA_DIR: join(dataDir, 'db'),
      DEMO_SEED: 'true',
      // A configured mail server: the transport exists, but nothing has been sent.
      SMTP_URL: 'smtp://127.0.0.1:9/',
      NODE_OPTIONS: `--import ${HOOK}`,
      RECORD_LOADS_FILE: loadsFile,
      ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    });
    try {
      for (const path of ['/api/health', '/api/venues?limit=5', '/api/occurrences?limit=5']) {
        expect((await fetch(`${server.baseUrl}${path}`)).status).toBe(200);
      }
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
    const loaded = readFileSync(loadsFile, 'utf8').split('\n').filter(Boolean);
    const sources = loaded
      .filter((url) => url.startsWith('file:'))
      .map((url) => readFileSync(fileURLToPath(url), 'utf8'))
      .join('\n');
    return { loaded, sources };
  }

  beforeAll(async () => {
    bundle = buildServer('footprint');
    dataDir = mkdtempSync(join(tmpdir(), 'motesplats-footprint-'));
    if (TEST_DATABASE_URL) {
      const scratch = await scratchDatabase(
        TEST_DATABASE_URL,
        `motesplats_footprint_${process.pid}`,
      );
      dbUrl = scratch.url;
      dropDb = scratch.drop;
    }
    // The first start seeds the empty database; the second finds it seeded.
    runs.push(await run('first'));
    runs.push(await run('restart'));
  }, 180_000);
  afterAll(async () => {
    await dropDb();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    bundle?.remove();
  });

  it('is split: the bundle has chunks the server loads only when it needs them', () => {
    expect(existsSync(`${bundle.file}.chunks`)).toBe(true);
    const chunks = runs[1]!.loaded.filter((url) => url.includes('.mjs.chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
  });

  it('loads only its own engine’s driver', () => {
    for (const { loaded } of runs) {
      const pglite = loaded.some((url) => url.includes('/node_modules/@electric-sql/pglite/'));
      const postgresJs = loaded.some((url) => url.includes('/node_modules/postgres/'));
      expect({ pglite, postgresJs }).toEqual({
        pglite: ENGINE === 'pglite',
        postgresJs: ENGINE === 'postgres',
      });
    }
  });

  it('loads the demo seed on the start that seeds, not on a restart', () => {
    // buildSchedule is the seed's own (packages/db/src/seed/schedule.ts); names are kept.
    const seed = runs.map((r) => r.sources.includes('function buildSchedule('));
    expect(seed).toEqual([true, false]);
  });

  // nodemailer's package name and version are in its code (its User-Agent); kysely's
  // query builder is its own class. Both are in the bundle's chunks, loaded by none here.
  const NODEMAILER = /name\s*=\s*"nodemailer"/;
  const KYSELY = /class _Kysely extends QueryCreator/;

  it('holds neither nodemailer before a message nor kysely at all', () => {
    const chunks = `${bundle.file}.chunks`;
    const everything = readdirSync(chunks)
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => readFileSync(join(chunks, f), 'utf8'))
      .join('\n');
    expect({ nodemailer: NODEMAILER.test(everything), kysely: KYSELY.test(everything) }).toEqual({
      nodemailer: true,
      kysely: true,
    });
    for (const { sources } of runs) {
      expect({
        transport: sources.includes('createSmtpTransport'),
        nodemailer: NODEMAILER.test(sources),
        kysely: KYSELY.test(sources),
      }).toEqual({ transport: true, nodemailer: false, kysely: false });
    }
  });
});
