import { createDb, rowsOf } from '@motesplats/db';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { randomBytes } from 'node:crypto';
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
