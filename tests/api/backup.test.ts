/**
 * `npm run backup` and `npm run restore`, run as the README says: the demo database is
 * backed up, restored into an empty database, and every row that matters comes back with
 * the same id, the double-booking guard and the migration history included.
 * PGlite runs: PGlite → new data folder. PostgreSQL runs: PostgreSQL → empty database
 * (pg_dump/pg_restore), and a PGlite backup → PostgreSQL (the way off the embedded database).
 */
import { createDb, rowsOf, type DbHandle } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { databaseUrl } from '../setup/database-url';
import { ENGINE, TEST_DATABASE_URL, TEST_NOW } from '../setup/env';
import { seedDemo } from '@motesplats/db/seed';
import { argon2Hasher } from '../../apps/api/src/auth/password';
import { openTestDb, type TestDb } from '../setup/test-db';

/** Each test runs the commands as processes, one after another: minutes on a busy machine. */
const SLOW = 240_000;

const TABLES = [
  'municipalities',
  'venues',
  'spaces',
  'associations',
  'users',
  'bookings',
  'booking_claims',
  'events',
  'event_occurrences',
  'media',
] as const;

/**
 * Every row of every table above, as a digest of its whole text (so ids and every column
 * count), sorted; the ids of bookings and events; and the guard's presence.
 */
async function contents(handle: DbHandle) {
  const rows: Record<string, string[]> = {};
  for (const table of TABLES) {
    rows[table] = rowsOf<{ digest: string }>(
      await handle.db.execute(
        sql.raw(`select md5(t::text) as digest from "${table}" t order by 1`),
      ),
    ).map((r) => r.digest);
  }
  const idsOf = async (table: string) =>
    rowsOf<{ id: string }>(
      await handle.db.execute(sql.raw(`select id::text as id from "${table}" order by 1`)),
    ).map((r) => r.id);
  const ids = { bookings: await idsOf('bookings'), events: await idsOf('events') };
  const guard = rowsOf<{ contype: string }>(
    await handle.db.execute(
      sql`select contype from pg_constraint where conname = 'booking_claims_no_overlap'`,
    ),
  );
  return {
    rows,
    ids,
    guard: guard.map((g) => g.contype),
    migrations: await handle.migrationState(),
  };
}

/** The demo has no photos: one with every byte value, so binary data is proved to survive. */
async function addPhoto(handle: DbHandle) {
  await handle.db.execute(sql`
    insert into media (municipality_id, content_type, width, height, bytes, sha256)
    select id, 'image/webp', 16, 16, decode((select string_agg(lpad(to_hex(b), 2, '0'), '') from generate_series(0, 255) b), 'hex'), 'test'
    from municipalities order by slug limit 1`);
}

function npm(command: 'backup' | 'restore', file: string, settings: Record<string, string>) {
  const run = spawnSync('npm', ['run', '--silent', command, '--', file], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...settings },
    encoding: 'utf8',
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

const expectSame = (
  restored: Awaited<ReturnType<typeof contents>>,
  original: Awaited<ReturnType<typeof contents>>,
) => {
  expect(original.ids.bookings.length).toBeGreaterThan(100);
  expect(original.ids.events.length).toBeGreaterThan(5);
  expect(original.rows.event_occurrences!.length).toBeGreaterThan(10);
  expect(restored.ids).toEqual(original.ids);
  for (const table of TABLES) {
    expect(restored.rows[table]!.length, table).toBe(original.rows[table]!.length);
    expect(restored.rows[table]!.length, table).toBeGreaterThan(0);
    expect(restored.rows[table], table).toEqual(original.rows[table]);
  }
  expect(restored.guard).toEqual(['x']);
  expect(restored.migrations).toEqual(original.migrations);
  expect(restored.migrations.upToDate).toBe(true);
};

describe(`backup and restore (${ENGINE})`, () => {
  let dir: string;
  let demoDir: string;
  let original: Awaited<ReturnType<typeof contents>>;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motesplats-backup-'));
    // The demo database as an embedded data folder, as `npm start` leaves it.
    demoDir = join(dir, 'demo-data');
    let demo: DbHandle;
    if (ENGINE === 'pglite') {
      demo = await createDb({
        dataDir: demoDir,
        loadDataDir: new Blob([readFileSync(inject('templates').demo)]),
      });
    } else {
      demo = await createDb({ dataDir: demoDir });
      await demo.migrate();
      await seedDemo(demo.db, { now: TEST_NOW, hashPassword: argon2Hasher.hash });
    }
    await addPhoto(demo);
    original = await contents(demo);
    await demo.close();
  }, SLOW);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(ENGINE === 'pglite')(
    'PGlite: npm run backup, then restore into a new DATA_DIR, finds every row',
    async () => {
      const file = join(dir, 'pglite.sql');
      const backup = npm('backup', file, { DATA_DIR: demoDir });
      expect(backup.out).toMatch(/^Backed up PGlite in .* to .*pglite\.sql/m);
      expect(backup.status).toBe(0);
      expect(existsSync(`${file}.partial`)).toBe(false);

      const target = join(dir, 'restored-data');
      const restore = npm('restore', file, { DATA_DIR: target });
      expect(restore.status, restore.out).toBe(0);
      expect(restore.out).toMatch(/Restored .* migrations (\d+)\/\1\./);
      const restored = await createDb({ dataDir: target });
      try {
        expectSame(await contents(restored), original);
      } finally {
        await restored.close();
      }

      // Into a folder that already holds a database: refused, and the folder is untouched.
      const again = npm('restore', file, { DATA_DIR: target });
      expect(again.status).toBe(1);
      expect(again.out).toMatch(/is not empty: restore into a new DATA_DIR/);
    },
    SLOW,
  );

  it.runIf(ENGINE === 'pglite')(
    'PGlite: refuses while a live server uses the folder',
    () => {
      // The parent of this test process stands in for a running server.
      writeFileSync(join(demoDir, 'motesplats.pid'), `${process.ppid}\n`);
      try {
        const file = join(dir, 'refused.sql');
        const run = npm('backup', file, { DATA_DIR: demoDir });
        expect(run.status).toBe(1);
        expect(run.out).toContain(`The server (pid ${process.ppid}) is using`);
        expect(existsSync(file)).toBe(false);
      } finally {
        rmSync(join(demoDir, 'motesplats.pid'));
      }
    },
    SLOW,
  );

  describe.runIf(ENGINE === 'postgres')('PostgreSQL', () => {
    let source: TestDb;
    let admin: postgres.Sql;
    const created: string[] = [];
    const emptyDatabase = async () => {
      const name = `motesplats_restore_${process.pid}_${created.length}`;
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${name}`);
      created.push(name);
      return databaseUrl(TEST_DATABASE_URL!, name);
    };
    beforeAll(async () => {
      source = await openTestDb('demo');
      await addPhoto(source);
      admin = postgres(TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    });
    afterAll(async () => {
      await source?.close();
      for (const name of created)
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin?.end();
    });

    it(
      'npm run backup (pg_dump), then restore into an empty database, finds every row',
      async () => {
        const before = await contents(source);
        const file = join(dir, 'postgres.dump');
        const backup = npm('backup', file, { DATABASE_URL: source.url! });
        expect(backup.status, backup.out).toBe(0);
        expect(readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

        const url = await emptyDatabase();
        const restore = npm('restore', file, { DATABASE_URL: url });
        expect(restore.status, restore.out).toBe(0);
        const restored = await createDb({ url, maxConnections: 1 });
        try {
          expectSame(await contents(restored), before);
        } finally {
          await restored.close();
        }
        // Never over a database that has data: refused.
        const again = npm('restore', file, { DATABASE_URL: url });
        expect(again.status).toBe(1);
        expect(again.out).toContain('is not empty');
      },
      SLOW,
    );

    it(
      'a PGlite backup restores into PostgreSQL 15 (moving off the embedded database)',
      async () => {
        const file = join(dir, 'to-postgres.sql');
        const backup = npm('backup', file, { DATA_DIR: demoDir });
        expect(backup.status, backup.out).toBe(0);
        const url = await emptyDatabase();
        const restore = npm('restore', file, { DATABASE_URL: url });
        expect(restore.status, restore.out).toBe(0);
        const restored = await createDb({ url, maxConnections: 1 });
        try {
          expectSame(await contents(restored), original);
        } finally {
          await restored.close();
        }
      },
      SLOW,
    );
  });
});
