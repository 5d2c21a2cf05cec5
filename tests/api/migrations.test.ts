import { createDb, rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { databaseUrl } from '../setup/database-url';
import { ENGINE, TEST_DATABASE_URL } from '../setup/env';

/** The checked-in migrations, applied to a brand-new database of the engine under test. */
describe(`migrations on a fresh ${ENGINE} database`, () => {
  it('apply from nothing and install the guard', async () => {
    let handle;
    let drop = async () => {};
    if (TEST_DATABASE_URL) {
      const name = `motesplats_fresh_${randomBytes(5).toString('hex')}`;
      const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`CREATE DATABASE ${name}`);
      handle = await createDb({ url: databaseUrl(TEST_DATABASE_URL, name), maxConnections: 1 });
      drop = async () => {
        await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
        await admin.end();
      };
    } else {
      handle = await createDb({});
    }
    try {
      expect((await handle.migrationState()).applied).toBe(0);
      await handle.migrate();
      const state = await handle.migrationState();
      expect(state.upToDate).toBe(true);
      const constraint = rowsOf<{ conname: string; contype: string }>(
        await handle.db.execute(
          sql`select conname, contype from pg_constraint where conname = 'booking_claims_no_overlap'`,
        ),
      );
      expect(constraint).toEqual([{ conname: 'booking_claims_no_overlap', contype: 'x' }]);
      const tables = rowsOf<{ table_name: string }>(
        await handle.db.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
        ),
      ).map((r) => r.table_name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'municipalities',
          'buildings',
          'venues',
          'spaces',
          'venue_photos',
          'associations',
          'association_members',
          'users',
          'sessions',
          'accounts',
          'verifications',
          'throttles',
          'association_invitations',
          'media',
          'staff_roles',
          'booking_requests',
          'bookings',
          'booking_claims',
          'categories',
          'events',
          'event_occurrences',
          'attendance',
          'audit_log',
          'mail_outbox',
        ]),
      );
      // Every tenant table carries municipality_id (DESIGN.md invariant 6).
      const tenantless = rowsOf<{ table_name: string }>(
        await handle.db.execute(sql`
          select t.table_name from information_schema.tables t
          where t.table_schema = 'public'
            -- people and their sign-in belong to no one municipality
            and t.table_name not in ('municipalities', 'categories', 'users', 'sessions',
              'accounts', 'verifications', 'throttles')
            and not exists (select 1 from information_schema.columns c
              where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'municipality_id')`),
      );
      expect(tenantless).toEqual([]);
    } finally {
      await handle.close();
      await drop();
    }
  });
});

/**
 * Migration 0004 turns the bookings of an existing installation into booking requests: one
 * per old series (keeping the series id as the request id) or per lone booking.
 */
describe('migration 0004 on a database with bookings', () => {
  it('gives each old series and each lone booking its request', async () => {
    const all = fileURLToPath(new URL('../../packages/db/migrations', import.meta.url));
    const older = mkdtempSync(join(tmpdir(), 'motesplats-migrations-'));
    cpSync(all, older, { recursive: true });
    const journalPath = join(older, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
    journal.entries = journal.entries.filter((e) => e.idx < 4);
    writeFileSync(journalPath, JSON.stringify(journal));
    const before = await createDb({ migrationsFolder: older });
    try {
      await before.migrate();
      const series = '11111111-1111-4111-8111-111111111111';
      await before.db.execute(sql`
        with m as (insert into municipalities (slug, name, time_zone, languages)
                   values ('testby', '{"sv":"Testby"}', 'Europe/Helsinki', '{sv,fi}') returning id),
             b as (insert into buildings (municipality_id, name, street, postal_code, city)
                   select id, '{"sv":"Huset"}', 'Gatan 1', '06100', 'Borgå' from m returning id, municipality_id),
             v as (insert into venues (municipality_id, building_id, name, capacity)
                   select municipality_id, id, '{"sv":"Salen"}', 30 from b returning id, municipality_id),
             s as (insert into spaces (municipality_id, venue_id, name)
                   select municipality_id, id, '{"sv":"Salen"}' from v returning id, venue_id, municipality_id),
             a as (insert into associations (municipality_id, name, verification)
                   select id, '{"sv":"Föreningen"}', 'verified' from m returning id)
        insert into bookings (municipality_id, venue_id, space_id, association_id, series_id,
                              starts_at, ends_at, status, purpose, expected_attendance)
        select s.municipality_id, s.venue_id, s.id, a.id, x.series, x.starts, x.starts + interval '2 hours',
               x.status::booking_status, 'Kör', 12
        from s, a, (values
          (${series}::uuid, '2026-12-01T15:30Z'::timestamptz, 'approved'),
          (${series}::uuid, '2026-12-08T15:30Z'::timestamptz, 'approved'),
          (null, '2026-12-03T15:30Z'::timestamptz, 'pending')) as x(series, starts, status)`);
      await migratePglite(before.db as never, { migrationsFolder: all });
      expect((await before.migrationState()).applied).toBe(journalEntries(all));
      const requests = rowsOf<{ id: string; starts_at: string; bookings: number; outcome: string }>(
        await before.db.execute(sql`
          select r.id, r.starts_at::text, count(b.id)::int as bookings, r.outcome::text as outcome
          from booking_requests r join bookings b on b.request_id = r.id
          group by r.id order by r.starts_at`),
      );
      // Migration 0011 then gives each request the outcome of its dates.
      expect(requests.map((r) => [r.id === series, r.bookings, r.outcome])).toEqual([
        [true, 2, 'approved'],
        [false, 1, 'pending'],
      ]);
      expect(requests[0]!.starts_at).toMatch(/^2026-12-01 /);
    } finally {
      await before.close();
      rmSync(older, { recursive: true, force: true });
    }
  });
});

const journalEntries = (folder: string): number =>
  (
    JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;
