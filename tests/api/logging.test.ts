import { getRequestListener } from '@hono/node-server';
import { loadConfig } from '@motesplats/api';
import { sql } from 'drizzle-orm';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyTrust } from '../../apps/api/src/http/forwarded';
import { createNodeListener } from '../../apps/api/src/http/node-listener';
import type { PageBridge } from '../../apps/api/src/http/page-bridge';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { captureLog } from '../setup/log-capture';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe(`structured request log (${ENGINE})`, () => {
  let t: TestDb;
  let venueId: string;
  beforeAll(async () => {
    t = await openTestDb('demo');
    venueId = (await json(await createTestApp(t).request('/api/venues?limit=1'))).items[0].id;
  });
  afterAll(() => t.close());

  it('writes one JSON line per request: id (echoed), method, route, status, duration', async () => {
    const log = captureLog('info');
    const app = createTestApp(t, { logger: log.logger });
    const res = await app.request(`/api/venues/${venueId}?lang=sv`);
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(UUID);
    expect(log.raw).toHaveLength(1);
    expect(log.raw[0]!.endsWith('\n')).toBe(true);
    expect(log.raw[0]!.slice(0, -1)).not.toContain('\n');
    const [line] = log.lines;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'request',
      reqId: id,
      method: 'GET',
      route: '/api/venues/:id',
      status: 200,
    });
    // The route's pattern, not the raw path (which could hold a token).
    expect(line).not.toHaveProperty('path');
    expect(JSON.stringify(line)).not.toContain(venueId);
    expect(line!.durationMs).toBeGreaterThan(0);
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it.each([
    ['req-42.a:b=c_d', true],
    ['0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['x'.repeat(128), true],
    ['x'.repeat(129), false],
    ['two words', false],
    ['<script>', false],
    ['a"b', false],
    ['åäö', false],
    ['a\tb', false],
  ])('X-Request-Id %j is taken: %s', async (given, taken) => {
    const log = captureLog('info');
    const app = createTestApp(t, { logger: log.logger });
    const res = await app.request('/api/categories', { headers: { 'x-request-id': given } });
    expect(res.status).toBe(200);
    const id = res.headers.get('x-request-id');
    if (taken) expect(id).toBe(given);
    else expect(id).toMatch(UUID);
    expect(log.lines.map((l) => l.reqId)).toEqual([id]);
  });

  it('a hostile request logs one line at info, with its status, and answers problem+json', async () => {
    const log = captureLog('info');
    const app = createTestApp(t, { logger: log.logger });
    for (const url of [
      '/api/occurrences?from=0001-01-01',
      `/api/venues/${venueId}/busy?to=9999-12-31T23:59:59.999-23:59`,
      '/api/venues?limit=0x10',
      `/api/venues/${'%00'.repeat(300)}`,
    ]) {
      const res = await app.request(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.status, url).toBeLessThan(500);
      const id = res.headers.get('x-request-id');
      const mine = log.of(id);
      expect(mine, url).toHaveLength(1);
      expect(mine[0]).toMatchObject({ level: 'info', status: res.status });
    }
    expect(log.lines).toHaveLength(4);
    for (const raw of log.raw) expect(raw).not.toMatch(/\s{4}at |select /i);
  });

  it('an unmatched path is logged by its path (bounded), with no route', async () => {
    const log = captureLog('info');
    const app = createTestApp(t, { logger: log.logger });
    const res = await app.request(`/api/${'x'.repeat(500)}`);
    expect(res.status).toBe(404);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ route: null, status: 404 });
    expect(log.lines[0]!.path).toHaveLength(200);
  });

  it('a 5xx logs one line at error naming what failed, never a stack or SQL', async () => {
    const own = await openTestDb('empty');
    const log = captureLog('info');
    const app = createTestApp(own, { logger: log.logger });
    // A bug's stand-in: the query meets a table that is not there (SQLSTATE 42P01), in the
    // database itself, on either engine.
    await own.db.execute(sql`drop table event_occurrences cascade`);
    const res = await app.request('/api/occurrences?from=2026-11-24');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body).toMatchObject({ status: 500, title: 'Internal server error' });
    expect(JSON.stringify(body)).not.toMatch(/select|stack/i);

    expect(log.raw).toHaveLength(1);
    const raw = log.raw[0]!;
    expect(raw.slice(0, -1)).not.toContain('\n');
    expect(raw).not.toMatch(/select|\s{4}at |stack/i);
    expect(raw.length).toBeLessThan(600);
    expect(log.lines[0]).toMatchObject({
      level: 'error',
      reqId: res.headers.get('x-request-id'),
      method: 'GET',
      route: '/api/occurrences',
      status: 500,
      error: expect.stringMatching(/^\w+: .*event_occurrences/),
      code: '42P01',
    });
    await own.close();
  });

  it('the level comes from LOG_LEVEL', async () => {
    for (const [level, expected] of [
      ['info', 1],
      ['warn', 0],
      ['silent', 0],
    ] as const) {
      const config = loadConfig({ LOG_LEVEL: level });
      expect(config.logLevel).toBe(level);
      const log = captureLog(config.logLevel);
      await createTestApp(t, { logger: log.logger }).request('/api/categories');
      expect(log.lines, level).toHaveLength(expected);
    }
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/^Invalid setting LOG_LEVEL/);
  });

  it('requests the pages make in-process log at debug, so a page is one line at info', async () => {
    const log = captureLog('debug');
    const app = createTestApp(t, { logger: log.logger });
    await app.fetch(new Request('http://localhost/api/categories'), {
      clientAddress: '127.0.0.1',
    });
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatchObject({ level: 'debug', inProcess: true, status: 200 });
  });
});

describe(`the one-process listener logs pages and assets (${ENGINE})`, () => {
  let t: TestDb;
  let server: Server;
  let base: string;
  const log = captureLog('info');
  const pages: PageBridge = new Map();
  beforeAll(async () => {
    t = await openTestDb('empty');
    const app = createTestApp(t, { logger: log.logger });
    server = createServer(
      createNodeListener({
        api: getRequestListener(app.fetch),
        // Stands in for SvelteKit: hooks.server.ts notes the route id (and a failure).
        web: (req, res) => {
          const id = String(req.headers['x-request-id']);
          if (req.url?.startsWith('/sv/invitations/')) {
            pages.set(id, { route: '/[lang=lang]/invitations/[token]' });
            res.end('page');
          } else if (req.url === '/sv/broken') {
            pages.set(id, { route: '/[lang=lang]/broken', error: 'TypeError: x is undefined' });
            res.statusCode = 500;
            res.end('error page');
          } else res.end('asset');
        },
        policy: { publicOrigin: undefined, trusted: proxyTrust([]) },
        logger: log.logger,
        pages,
      }),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await t.close();
  });

  const settle = () => new Promise((r) => setTimeout(r, 50));

  it('a page: one line with its route id, never the token in its path', async () => {
    const res = await fetch(`${base}/sv/invitations/secret-token-123?x=1`, {
      headers: { 'x-request-id': 'page-1' },
    });
    await res.text();
    await settle();
    expect(res.headers.get('x-request-id')).toBe('page-1');
    expect(log.of('page-1')).toEqual([
      expect.objectContaining({
        level: 'info',
        method: 'GET',
        route: '/[lang=lang]/invitations/[token]',
        status: 200,
      }),
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('secret-token');
    expect(pages.size).toBe(0);
  });

  it('a failed page: one line at error with what failed', async () => {
    const res = await fetch(`${base}/sv/broken`, { headers: { 'x-request-id': 'page-2' } });
    await res.text();
    await settle();
    expect(log.of('page-2')).toEqual([
      expect.objectContaining({ level: 'error', status: 500, error: 'TypeError: x is undefined' }),
    ]);
  });

  it('an asset: its path without the query; an API request: the API’s line only', async () => {
    await (await fetch(`${base}/_app/x.js?v=1`, { headers: { 'x-request-id': 'asset-1' } })).text();
    const api = await fetch(`${base}/api/categories`, { headers: { 'x-request-id': 'api-1' } });
    await api.text();
    await settle();
    expect(log.of('asset-1')).toEqual([
      expect.objectContaining({ route: '/_app/x.js', status: 200 }),
    ]);
    expect(api.headers.get('x-request-id')).toBe('api-1');
    expect(log.of('api-1')).toEqual([
      expect.objectContaining({ route: '/api/categories', status: 200, level: 'info' }),
    ]);
  });

  it('an insane X-Request-Id is replaced before anyone reads it', async () => {
    const res = await fetch(`${base}/api/categories`, { headers: { 'x-request-id': 'a b' } });
    await res.text();
    expect(res.headers.get('x-request-id')).toMatch(UUID);
  });
});
