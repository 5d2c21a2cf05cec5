import { accounts, auditLog, sessions, users, verifications } from '@motesplats/db';
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authOf } from '../../apps/api/src/app';
import { ensureAdministrator } from '../../apps/api/src/services/accounts/ensure-administrator';
import { anonymousCtx, UNKNOWN_CLIENT } from '../../apps/api/src/services/context';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { fixedClock, testConfig } from '@motesplats/api';
import { TestClient } from '../setup/client';
import { takeMail } from '../setup/outbox';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';

describe(`demo accounts, administrators and passwords (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  it('each demo account signs in with the demo password and has its role', async () => {
    const roles = async (email: string) => (await new TestClient(app).signIn(email, DEMO)).roles;
    expect(await roles('admin@demo.example')).toEqual({
      administrator: true,
      staff: [],
      associations: [],
    });
    const borga = await roles('staff.borga@demo.example');
    expect(borga.administrator).toBe(false);
    expect(borga.staff).toEqual([
      { municipality: expect.objectContaining({ slug: 'borga' }), role: 'admin' },
    ]);
    const pargas = await roles('staff.pargas@demo.example');
    expect(
      pargas.staff.map((s: { municipality: { slug: string } }) => s.municipality.slug),
    ).toEqual(['pargas']);
    const map = await roles('map@demo.example');
    expect(map.staff).toEqual([]);
    expect(map.associations).toEqual([
      {
        association: expect.objectContaining({ verification: 'verified' }),
        municipality: expect.objectContaining({ slug: 'borga' }),
        role: 'admin',
      },
    ]);
    // map@ reads Finnish: the association's name comes in Finnish.
    expect(map.associations[0].association.name.text).toBe('Porvoon monikulttuurinen yhdistys');
    const mll = await roles('mll@demo.example');
    expect(mll.associations.map((a: { role: string }) => a.role)).toEqual(['member']);
    expect(await roles('resident@demo.example')).toEqual({
      administrator: false,
      staff: [],
      associations: [],
    });
  });

  it('stores passwords as argon2id at OWASP parameters', async () => {
    const [row] = await t.db
      .select({ password: accounts.password })
      .from(accounts)
      .innerJoin(users, eq(users.id, accounts.userId))
      .where(eq(users.email, 'resident@demo.example'));
    expect(row!.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('throttles sign-in per account, for unknown addresses too, with Retry-After', async () => {
    for (const email of ['resident@demo.example', 'no-such-person@example.org']) {
      const c = new TestClient(app);
      const answers: number[] = [];
      for (let i = 0; i < 6; i++)
        answers.push((await c.post('/api/session', { email, password: 'wrong password!' })).status);
      expect(answers).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = await c.post('/api/session', { email, password: DEMO });
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('900');
      const body = await json(refused);
      expect(body).toMatchObject({ code: 'throttled', retryAfterSeconds: 900 });
    }
    // Fifteen minutes later the account may try again.
    const later = createTestApp(t, { now: new Date(TEST_NOW.getTime() + 15 * 60_000) });
    expect(
      (
        await new TestClient(later).post('/api/session', {
          email: 'resident@demo.example',
          password: DEMO,
        })
      ).status,
    ).toBe(200);
  });

  it('successful sign-ins do not use up the client address’s allowance', async () => {
    // 31 sign-ins from one address (an office), more than its 30 attempts per window.
    const office = createTestApp(t, { now: new Date(TEST_NOW.getTime() + 60 * 60_000) });
    for (let i = 0; i < 31; i++) {
      const res = await new TestClient(office).post('/api/session', {
        email: 'staff.pargas@demo.example',
        password: DEMO,
      });
      expect(res.status).toBe(200);
    }
  });

  it('a successful sign-in forgets the failed ones', async () => {
    const c = new TestClient(app);
    for (let i = 0; i < 4; i++)
      await c.post('/api/session', { email: 'mll@demo.example', password: 'wrong password!' });
    await c.signIn('mll@demo.example', DEMO);
    for (let i = 0; i < 4; i++)
      expect(
        (await c.post('/api/session', { email: 'mll@demo.example', password: 'wrong password!' }))
          .status,
      ).toBe(401);
  });

  it('resets a forgotten password by a single-use link; the old password and sessions end', async () => {
    const email = 'staff.vasa@demo.example';
    const old = new TestClient(app);
    await old.signIn(email, DEMO);
    const res = await new TestClient(app).post('/api/password/forgot', { email });
    expect(res.status).toBe(202);
    const unknown = await new TestClient(app).post('/api/password/forgot', {
      email: 'nobody@example.org',
    });
    expect(unknown.status).toBe(202);
    expect(await json(unknown)).toEqual(await json(res).catch(() => ({ status: 'reset_sent' })));

    const { link } = await takeMail(t.db, email, '/sv/password/reset');
    const token = link.searchParams.get('token')!;
    const reset = await new TestClient(app).post('/api/password/reset', {
      token,
      password: 'a brand new passphrase',
    });
    expect(reset.status).toBe(204);
    // Single use.
    const again = await new TestClient(app).post('/api/password/reset', {
      token,
      password: 'yet another passphrase',
    });
    expect(again.status).toBe(400);
    expect((await json(again)).errors[0]).toMatchObject({ path: 'token', code: 'invalid_token' });

    expect((await old.get('/api/session')).status).toBe(401);
    expect((await new TestClient(app).post('/api/session', { email, password: DEMO })).status).toBe(
      401,
    );
    await new TestClient(app).signIn(email, 'a brand new passphrase');
  });

  it('refuses an expired reset link', async () => {
    const email = 'staff.lovisa@demo.example';
    await new TestClient(app).post('/api/password/forgot', { email });
    const token = (await takeMail(t.db, email, /\/password\/reset$/)).link.searchParams.get(
      'token',
    )!;
    await t.db
      .update(verifications)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(like(verifications.identifier, `reset-password:${token}`));
    const res = await new TestClient(app).post('/api/password/reset', {
      token,
      password: 'a brand new passphrase',
    });
    expect(res.status).toBe(400);
    await new TestClient(app).signIn(email, DEMO);
  });

  it('changes the password with the current one; other sessions end', async () => {
    const email = 'map@demo.example';
    const phone = new TestClient(app);
    const laptop = new TestClient(app);
    await phone.signIn(email, DEMO);
    await laptop.signIn(email, DEMO);
    const wrong = await laptop.put('/api/account/password', {
      currentPassword: 'not it at all',
      newPassword: 'the new passphrase',
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).errors[0]).toMatchObject({
      path: 'currentPassword',
      code: 'wrong_password',
    });
    const ok = await laptop.put('/api/account/password', {
      currentPassword: DEMO,
      newPassword: 'the new passphrase',
    });
    expect(ok.status).toBe(204);
    expect((await laptop.get('/api/session')).status).toBe(200);
    expect((await phone.get('/api/session')).status).toBe(401);
    const anonymous = await new TestClient(app).put('/api/account/password', {
      currentPassword: DEMO,
      newPassword: 'the new passphrase',
    });
    expect(anonymous.status).toBe(401);
  });

  it('changes the e-mail address when the old address approves and the new one is verified', async () => {
    const c = new TestClient(app);
    const me = await c.signIn('resident@demo.example', DEMO);
    const res = await c.put('/api/account/email', { newEmail: 'Ravi.Sharma@example.org' });
    expect(res.status).toBe(202);
    const { link: approve } = await takeMail(
      t.db,
      'resident@demo.example',
      '/api/auth/verify-email',
    );
    expect((await c.get(approve.pathname + approve.search)).status).toBe(302);
    const [between] = await t.db.select().from(users).where(eq(users.id, me.user.id));
    expect(between!.email).toBe('resident@demo.example');
    const { link: verify } = await takeMail(
      t.db,
      'ravi.sharma@example.org',
      '/api/auth/verify-email',
    );
    expect((await c.get(verify.pathname + verify.search)).status).toBe(302);
    const [after] = await t.db.select().from(users).where(eq(users.id, me.user.id));
    expect(after!.email).toBe('ravi.sharma@example.org');
    await new TestClient(app).signIn('ravi.sharma@example.org', DEMO);
  });

  it('creates the first administrator once, audited, and promotes an existing account', async () => {
    const config = testConfig();
    const deps = {
      db: t.db,
      engine: t.engine,
      migrationState: t.migrationState,
      clock: fixedClock(TEST_NOW),
      mailer: outboxMailer,
      config,
    };
    const ctx = anonymousCtx({
      db: t.db,
      now: TEST_NOW,
      client: UNKNOWN_CLIENT,
      auth: authOf(deps),
      mailer: outboxMailer,
    });
    const input = { email: 'Root@Example.org', password: 'first admin passphrase', name: 'Root' };
    expect((await ensureAdministrator({ ctx, input })).outcome).toBe('created');
    expect((await ensureAdministrator({ ctx, input })).outcome).toBe('unchanged');
    const session = await new TestClient(app).signIn('root@example.org', 'first admin passphrase');
    expect(session.roles.administrator).toBe(true);
    expect(session.user.emailVerified).toBe(true);

    const promoted = await ensureAdministrator({
      ctx,
      input: { email: 'mll@demo.example', password: 'ignored for existing accounts' },
    });
    expect(promoted.outcome).toBe('promoted');
    expect((await new TestClient(app).signIn('mll@demo.example', DEMO)).roles.administrator).toBe(
      true,
    );
    const grants = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.grant_administrator')));
    expect(grants.map((g) => [g.entityId, g.data, g.at.toISOString()])).toEqual([
      [session.user.id, { outcome: 'created' }, TEST_NOW.toISOString()],
      [promoted.userId, { outcome: 'promoted' }, TEST_NOW.toISOString()],
    ]);
    expect(
      await t.db.select().from(sessions).where(eq(sessions.userId, session.user.id)),
    ).toHaveLength(1);
  });
});
