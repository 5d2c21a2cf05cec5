/**
 * PostgreSQL goes away under the running server (the built bundle, as a process): its
 * backends are terminated, then the whole server stops. Requests must answer 503
 * problem+json within a second instead of hanging, the log must say so in one line each,
 * and the app must serve again by itself when PostgreSQL is back, without a restart. Under
 * booking load through both, every acknowledged booking must be stored whole and nothing
 * else half there (this found postgres.js crashing the process, patches/postgres+3.4.9.patch).
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
    it('booking load through killed backends and a stop: every 201 whole, nothing half written, booking again', async () => {
      const base = server.baseUrl;
      const session = await fetch(`${base}/api/session`, {
        method: 'POST',
        headers: { origin: base, 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'staff.borga@demo.example', password: 'motesplats-demo' }),
      });
      expect(session.status).toBe(200);
      const cookie = session.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const [venue] = (await (await fetch(`${base}/api/venues?municipality=borga&limit=1`)).json())
        .items as { id: string }[];
      // Free two-hour steps of the venue's opening hours, 8 to 60 days ahead (rules: lead
      // time, horizon), found with its own busy answer.
      const day = 86_400_000;
      const from = new Date(Date.now() + 8 * day).toISOString().slice(0, 10);
      const to = new Date(Date.now() + 60 * day).toISOString().slice(0, 10);
      const busy = (await (
        await fetch(`${base}/api/venues/${venue!.id}/busy?from=${from}&to=${to}`)
      ).json()) as {
        open: { start: string; end: string }[];
        busy: { start: string; end: string }[];
        bufferMinutes: number;
      };
      const hour = 3_600_000;
      const taken = busy.busy.map((b) => [Date.parse(b.start), Date.parse(b.end)] as const);
      const slots: { start: string; end: string }[] = [];
      for (const o of busy.open) {
        for (
          let t0 = Math.ceil(Date.parse(o.start) / hour) * hour;
          t0 + hour <= Date.parse(o.end);
          t0 += 2 * hour
        ) {
          const claimEnd = t0 + hour + busy.bufferMinutes * 60_000;
          if (taken.some(([s, e]) => s < claimEnd && t0 < e)) continue;
          slots.push({ start: new Date(t0).toISOString(), end: new Date(t0 + hour).toISOString() });
        }
      }
      expect(slots.length).toBeGreaterThan(100);

      const answers: {
        status: number;
        id: string | null;
        slot: { start: string; end: string };
      }[] = [];
      let next = 0;
      let stop = false;
      const client = async () => {
        while (!stop && next < slots.length) {
          const slot = slots[next++]!;
          const res = await fetch(`${base}/api/bookings`, {
            method: 'POST',
            headers: { origin: base, 'content-type': 'application/json', cookie },
            body: JSON.stringify({
              venueId: venue!.id,
              cityUse: true,
              purpose: 'Outage load',
              expectedAttendance: 5,
              ...slot,
            }),
            signal: AbortSignal.timeout(10_000),
          }).catch(() => null); // no answer at all: the process died (the status 0 fails below)
          const body = res ? await res.text() : '';
          answers.push({
            status: res?.status ?? 0,
            id: res?.status === 201 ? (JSON.parse(body) as { id: string }).id : null,
            slot,
          });
          await new Promise((r) => setTimeout(r, 20));
        }
      };
      const clients = Promise.all(Array.from({ length: 6 }, client));
      await new Promise((r) => setTimeout(r, 800));
      await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${DB} and pid <> pg_backend_pid()`;
      await new Promise((r) => setTimeout(r, 600));
      script('halt');
      await new Promise((r) => setTimeout(r, 1200));
      script('resume');
      // Booking again by itself, the same process: wait for 201s after the resume.
      const resumedAt = answers.length;
      const deadline = Date.now() + 15_000;
      while (!answers.slice(resumedAt).some((a) => a.status === 201) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 500));
      stop = true;
      await clients;

      const statuses = new Set(answers.map((a) => a.status));
      expect(statuses.has(201), JSON.stringify([...statuses])).toBe(true);
      expect(statuses.has(503), JSON.stringify([...statuses])).toBe(true);
      for (const a of answers) expect([201, 503], JSON.stringify(a)).toContain(a.status);
      expect(answers.slice(resumedAt).some((a) => a.status === 201)).toBe(true);

      // In the database: every acknowledged request, whole; any other request there is whole
      // too (committed as its answer was lost), never a request without its booking, claim
      // and audit row.
      const db = postgres(`postgres://postgres@127.0.0.1:${PORT}/${DB}`, {
        max: 1,
        onnotice: () => {},
      });
      try {
        const stored = await db<{ id: string; bookings: number; claims: number; audits: number }[]>`
          select r.id,
            (select count(*)::int from bookings b where b.request_id = r.id and b.status = 'approved') as bookings,
            (select count(*)::int from booking_claims c join bookings b on b.id = c.booking_id where b.request_id = r.id) as claims,
            (select count(*)::int from audit_log a where a.entity_id = r.id::text and a.action = 'booking.city_use') as audits
          from booking_requests r where r.purpose = 'Outage load'`;
        const byId = new Map(stored.map((r) => [r.id, r]));
        const acknowledged = answers.filter((a) => a.status === 201);
        for (const a of acknowledged) expect(byId.has(a.id!), a.id!).toBe(true);
        for (const r of stored) {
          expect(r.bookings, r.id).toBe(1);
          expect(r.claims, r.id).toBeGreaterThanOrEqual(1);
          expect(r.audits, r.id).toBe(1);
        }
        // Whatever is stored beyond the acknowledged ones are requests whose 503 came after
        // their commit; there can be at most as many as there were refusals.
        expect(stored.length - acknowledged.length).toBeLessThanOrEqual(
          answers.filter((a) => a.status === 503).length,
        );
      } finally {
        await db.end();
      }
    });
  },
);
