import { sql } from 'drizzle-orm';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { createTestApp } from '../setup/test-app';
import { json } from '../setup/http';
import { openTestDb, type TestDb } from '../setup/test-db';

/** The migrations this version ships, as drizzle-kit recorded them. */
const JOURNAL = JSON.parse(
  readFileSync(new URL('../../packages/db/migrations/meta/_journal.json', import.meta.url), 'utf8'),
) as { entries: { when: number }[] };

describe(`liveness and readiness (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t.close());

  it('/api/health: the process answers, without asking the database', async () => {
    const res = await createTestApp(t).request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await json(res)).toEqual({ status: 'ok', time: expect.any(String), engine: ENGINE });
  });

  it('/api/ready: the database answers and every migration of the journal is applied', async () => {
    const res = await createTestApp(t).request('/api/ready');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body).toMatchObject({ status: 'ready', database: { engine: ENGINE, reachable: true } });
    expect(body.database.migrations).toEqual({
      applied: JOURNAL.entries.length,
      available: JOURNAL.entries.length,
      latest: String(JOURNAL.entries.at(-1)!.when),
      upToDate: true,
    });
  });

  it('migrating again is a no-op', async () => {
    const before = await t.migrationState();
    await t.migrate();
    expect(await t.migrationState()).toEqual(before);
  });

  it('/api/ready answers 503 problem+json while the latest migration is not applied', async () => {
    const own = await openTestDb('empty');
    try {
      await own.db.execute(
        sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
      );
      const app = createTestApp(own);
      const res = await app.request('/api/ready');
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await json(res);
      expect(body).toMatchObject({
        status: 503,
        title: 'Not ready',
        code: 'migrations_pending',
        migrations: {
          applied: JOURNAL.entries.length - 1,
          available: JOURNAL.entries.length,
          upToDate: false,
        },
      });
      // Liveness does not depend on it.
      expect((await app.request('/api/health')).status).toBe(200);
    } finally {
      await own.close();
    }
  });

  it('/api/ready answers 503 when the database is gone; /api/health still 200', async () => {
    const own = await openTestDb('empty');
    const app = createTestApp(own);
    await own.close();
    const started = performance.now();
    const res = await app.request('/api/ready');
    expect(performance.now() - started).toBeLessThan(1500);
    expect(res.status).toBe(503);
    expect(await json(res)).toMatchObject({ status: 503, code: 'database_unreachable' });
    expect((await app.request('/api/health')).status).toBe(200);
  });

  it('/api/ready answers 503 while the process shuts down', async () => {
    const res = await createTestApp(t, { shuttingDown: () => true }).request('/api/ready');
    expect(res.status).toBe(503);
    expect(await json(res)).toMatchObject({ code: 'shutting_down' });
  });

  it('answers unknown paths with a problem+json 404', async () => {
    const res = await createTestApp(t).request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/nothing-here' });
  });
});
