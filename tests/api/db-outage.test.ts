/**
 * PostgreSQL goes away under the running server (the built bundle, as a process): its
 * backends are terminated, then the whole server stops. Requests must answer 503
 * problem+json within a second instead of hanging, the log must say so in one line each,
 * and the app must serve again by itself when PostgreSQL is back, without a restart.
 *
 * It runs its own throwaway cluster (scripts/postgres-throwaway.sh, port OUTAGE_PG_PORT,
 * default 55443) so that stopping it disturbs no other test. PostgreSQL runs only: PGlite
 * lives inside the process and cannot go away on its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startBuiltServer, type RunningServer } from '../setup/built-server';
import { ENGINE } from '../setup/env';

const PORT = Number(process.env.OUTAGE_PG_PORT ?? 55443);
const script = (command: 'start' | 'halt' | 'resume' | 'stop') =>
  execFileSync('bash', ['scripts/postgres-throwaway.sh', command, String(PORT)], {
    encoding: 'utf8',
  });

const ROUTES = [
  '/api/occurrences?from=2026-11-24&limit=5',
  '/api/venues?limit=5',
  '/api/municipalities',
];

interface Answer {
  path: string;
  status: number;
  ms: number;
  type: string | null;
  retryAfter: string | null;
  body: string;
}

const ask = async (base: string, path: string): Promise<Answer> => {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000) });
  const body = await res.text();
  return {
    path,
    status: res.status,
    ms: performance.now() - started,
    type: res.headers.get('content-type'),
    retryAfter: res.headers.get('retry-after'),
    body,
  };
};

describe.runIf(ENGINE === 'postgres')(
  'a PostgreSQL outage under the running server',
  { timeout: 120_000 },
  () => {
    let bundle: ReturnType<typeof buildServer>;
    let server: RunningServer;
    let admin: postgres.Sql;
    let dataDir: string;
    const DB = 'motesplats_outage';

    beforeAll(async () => {
      bundle = buildServer('outage');
      script('start');
      admin = postgres(`postgres://postgres@127.0.0.1:${PORT}/postgres`, {
        max: 1,
        onnotice: () => {},
      });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${DB}`);
      dataDir = mkdtempSync(join(tmpdir(), 'motesplats-outage-'));
      server = await startBuiltServer(bundle.file, {
        DATA_DIR: dataDir,
        DATABASE_URL: `postgres://postgres@127.0.0.1:${PORT}/${DB}`,
        DEMO_SEED: 'true',
      });
    }, 180_000);
    afterAll(async () => {
      if (server?.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      await admin?.end({ timeout: 1 }).catch(() => {});
      script('stop');
      rmSync(dataDir, { recursive: true, force: true });
      bundle?.remove();
    });

    const expectUnavailable = (a: Answer) => {
      expect(a.status, `${a.path}: ${a.body}`).toBe(503);
      expect(a.type).toContain('application/problem+json');
      expect(JSON.parse(a.body)).toMatchObject({ status: 503, code: 'database_unavailable' });
      expect(a.retryAfter).toBe('5');
      expect(a.ms, a.path).toBeLessThan(1000);
    };

    it('serves before the outage', async () => {
      for (const path of ROUTES) expect((await ask(server.baseUrl, path)).status, path).toBe(200);
    });

    it('terminated backends: each request answers 200 or 503 at once, then all serve again', async () => {
      // Requests in flight while every backend of the app is killed.
      const load = Promise.all(
        Array.from({ length: 30 }, (_, i) => ask(server.baseUrl, ROUTES[i % ROUTES.length]!)),
      );
      const killed = await admin`
      select pg_terminate_backend(pid) as ok from pg_stat_activity
      where datname = ${DB} and pid <> pg_backend_pid()`;
      expect(killed.length).toBeGreaterThan(0);
      const answers = await load;
      for (const a of answers) {
        expect([200, 503], `${a.path}: ${a.body}`).toContain(a.status);
        if (a.status === 503) expectUnavailable(a);
      }
      for (const path of ROUTES) expect((await ask(server.baseUrl, path)).status, path).toBe(200);
    });

    it('PostgreSQL stopped: 503 problem+json within a second; back: 200, same process', async () => {
      const pid = server.child.pid;
      script('halt');
      try {
        // Several rounds: the driver's reconnect back-off must not grow into a hang.
        for (let round = 0; round < 5; round++) {
          const answers = await Promise.all(ROUTES.map((p) => ask(server.baseUrl, p)));
          answers.forEach(expectUnavailable);
        }
        const ready = await ask(server.baseUrl, '/api/ready');
        expect(ready.status).toBe(503);
        expect(ready.ms).toBeLessThan(1500);
        expect(JSON.parse(ready.body)).toMatchObject({ code: 'database_unreachable' });
        expect((await ask(server.baseUrl, '/api/health')).status).toBe(200);
      } finally {
        script('resume');
      }
      // Back without a restart: the first rounds may still meet a connection being reopened.
      const deadline = Date.now() + 10_000;
      for (;;) {
        const last = await Promise.all(ROUTES.map((p) => ask(server.baseUrl, p)));
        if (last.every((a) => a.status === 200)) break;
        for (const a of last) expect([200, 503]).toContain(a.status);
        if (Date.now() > deadline) throw new Error(`Not serving again: ${JSON.stringify(last)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      expect((await ask(server.baseUrl, '/api/ready')).status).toBe(200);
      expect(server.child.exitCode).toBeNull();
      expect(server.child.pid).toBe(pid);

      // Each refused request logged one line at warn, no stack, no SQL.
      const refused = server.lines().filter((l) => l.status === 503 && l.route !== '/api/ready');
      expect(refused.length).toBeGreaterThanOrEqual(15);
      for (const line of refused) {
        expect(line).toMatchObject({ level: 'warn', msg: 'request refused: unavailable' });
        expect(JSON.stringify(line)).not.toMatch(/\s{4}at |select /i);
      }
      expect(server.output()).not.toMatch(/\n\s{4}at /);
    });
  },
);
