import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { createTestApp } from '../setup/test-app';
import { json } from '../setup/http';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`health and migrations (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('empty');
  });
  afterAll(() => t.close());

  it('reports the engine and that every migration is applied', async () => {
    const res = await createTestApp(t).request('/api/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body.status).toBe('ok');
    expect(body.database.engine).toBe(ENGINE);
    expect(body.database.reachable).toBe(true);
    expect(body.database.migrations.upToDate).toBe(true);
    expect(body.database.migrations.applied).toBe(body.database.migrations.available);
    expect(body.database.migrations.applied).toBeGreaterThanOrEqual(2);
  });

  it('migrating again is a no-op', async () => {
    const before = await t.migrationState();
    await t.migrate();
    expect(await t.migrationState()).toEqual(before);
  });

  it('answers 503 degraded while migrations are missing', async () => {
    const app = createTestApp({
      ...t,
      migrationState: async () => ({ applied: 1, available: 2, latest: null, upToDate: false }),
    });
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect((await json(res)).status).toBe('degraded');
  });

  it('answers unknown paths with a problem+json 404', async () => {
    const res = await createTestApp(t).request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body).toMatchObject({ status: 404, title: 'Not found', instance: '/api/nothing-here' });
  });
});
