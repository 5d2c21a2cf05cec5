/**
 * REQUEST_TIMEOUT_MS (middleware/deadline.ts): a request that the database keeps waiting
 * answers 503 problem+json at its deadline instead of hanging, and what it was writing is
 * rolled back when the database moves again, so a client told "not saved" is right.
 *
 * The stall is real: another connection holds an ACCESS EXCLUSIVE lock on a table the
 * request needs (PostgreSQL runs only; PGlite has one connection). The transaction rule
 * itself runs on both engines.
 */
import postgres from 'postgres';
import { auditLog, feedTokens, municipalities } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestTimedOut } from '../../apps/api/src/middleware/deadline';
import {
  audit,
  inTransaction,
  anonymousCtx,
  UNKNOWN_CLIENT,
} from '../../apps/api/src/services/context';
import { authOf } from '../../apps/api/src/app';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { fixedClock, testConfig } from '@motesplats/api';
import { TestClient } from '../setup/client';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const DEADLINE_MS = 600;

describe(`a request's deadline (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('demo');
  });
  afterAll(() => t.close());

  const ctxWith = (signal: AbortSignal) =>
    anonymousCtx({
      db: t.db,
      now: TEST_NOW,
      client: UNKNOWN_CLIENT,
      auth: authOf({
        db: t.db,
        engine: t.engine,
        migrationState: t.migrationState,
        clock: fixedClock(TEST_NOW),
        mailer: outboxMailer,
        config: testConfig(),
      }),
      mailer: outboxMailer,
      deadline: signal,
    });

  it('a transaction whose request ran past its deadline rolls back, and keeps nothing', async () => {
    const controller = new AbortController();
    const ctx = ctxWith(controller.signal);
    const entityId = crypto.randomUUID();
    const attempt = inTransaction(ctx, async (tx) => {
      await audit(tx, { municipalityId: null, action: 'test.deadline', entity: 'test', entityId });
      // The deadline passes while the work is under way (the database was slow).
      controller.abort(new RequestTimedOut(DEADLINE_MS));
      return 'done';
    });
    await expect(attempt).rejects.toBeInstanceOf(RequestTimedOut);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).toEqual([]);

    // Within its deadline the same work is kept.
    const kept = await inTransaction(ctxWith(new AbortController().signal), async (tx) => {
      await audit(tx, { municipalityId: null, action: 'test.deadline', entity: 'test', entityId });
      return 'done';
    });
    expect(kept).toBe('done');
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, entityId))).toHaveLength(
      1,
    );
  });

  describe.runIf(ENGINE === 'postgres')('with the database stalled by a lock', () => {
    let locker: postgres.Sql;
    let app: ReturnType<typeof createTestApp>;
    beforeAll(() => {
      locker = postgres(t.url!, { max: 1, onnotice: () => {} });
      app = createTestApp(t, { config: { requestTimeoutMs: DEADLINE_MS } });
    });
    afterAll(() => locker.end({ timeout: 5 }));

    /** Runs `during` while another connection holds `table` locked; then lets go. */
    const whileLocked = async <T>(table: string, during: () => Promise<T>) => {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const lock = locker.begin(async (sql) => {
        await sql.unsafe(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        locked();
        await held;
      });
      await isLocked;
      try {
        return await during();
      } finally {
        release();
        await lock;
      }
    };

    it('a read that waits answers 503 problem+json at its deadline; then it serves again', async () => {
      const client = new TestClient(app);
      const { res, ms } = await whileLocked('municipalities', async () => {
        const started = performance.now();
        const res = await client.get('/api/municipalities');
        return { res, ms: performance.now() - started };
      });
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('5');
      expect(await json(res)).toMatchObject({ status: 503, code: 'request_timeout' });
      expect(ms).toBeGreaterThanOrEqual(DEADLINE_MS - 50);
      expect(ms).toBeLessThan(DEADLINE_MS + 1500);
      expect((await client.get('/api/municipalities')).status).toBe(200);
    });

    it('a write answered 503 is not kept when the database moves again', async () => {
      const staff = new TestClient(app);
      const me = await staff.signIn('staff.borga@demo.example', DEMO);
      const [borga] = await t.db
        .select({ id: municipalities.id })
        .from(municipalities)
        .where(eq(municipalities.slug, 'borga'));
      const mine = () => t.db.select().from(feedTokens).where(eq(feedTokens.userId, me.user.id));
      expect(await mine()).toEqual([]);
      // The link's row is written, then its audit row waits for the lock past the deadline.
      const res = await whileLocked('audit_log', () =>
        staff.post('/api/feed-tokens?lang=sv', { scope: { kind: 'municipality', id: borga!.id } }),
      );
      expect(res.status).toBe(503);
      expect((await json(res)).code).toBe('request_timeout');
      // The lock is gone and the request's work has gone on: let it end, then look.
      const busy = async () =>
        (
          await locker`select count(*)::int as n from pg_stat_activity
                        where datname = current_database() and pid <> pg_backend_pid()
                          and state in ('active', 'idle in transaction')`
        )[0]!.n as number;
      await expect.poll(busy, { timeout: 5000 }).toBe(0);
      expect(await mine()).toEqual([]);
      // Asked again in time, it is made.
      const again = await staff.post('/api/feed-tokens?lang=sv', {
        scope: { kind: 'municipality', id: borga!.id },
      });
      expect(again.status).toBe(201);
      expect(await mine()).toHaveLength(1);
    });
  });
});
