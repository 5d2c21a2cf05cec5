import { sessions, users } from '@motesplats/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../setup/client';
import { takeMail } from '../setup/outbox';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const PASSWORD = 'a long enough passphrase';

describe(`sign-up, verification and sessions (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('empty');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  it('signs up, verifies by the mailed link, and the session works through the API', async () => {
    const browser = new TestClient(app);
    const res = await browser.post('/api/account', {
      name: 'Aino Virtanen',
      email: 'Aino.Virtanen@Example.org',
      password: PASSWORD,
      locale: 'fi',
    });
    expect(res.status).toBe(202);
    expect(await json(res)).toEqual({ status: 'verification_sent' });
    const [user] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, 'aino.virtanen@example.org'));
    expect(user).toMatchObject({
      name: 'Aino Virtanen',
      locale: 'fi',
      emailVerified: false,
      isAdmin: false,
    });

    // Unverified: the right password still does not sign in.
    const early = await browser.post('/api/session', {
      email: 'aino.virtanen@example.org',
      password: PASSWORD,
    });
    expect(early.status).toBe(403);
    expect((await json(early)).code).toBe('email_not_verified');
    expect(browser.cookies.size).toBe(0);

    const { link } = await takeMail(t.db, 'aino.virtanen@example.org', '/api/auth/verify-email');
    const verified = await browser.get(link.pathname + link.search);
    expect(verified.status).toBe(302);
    expect(verified.headers.get('location')).toContain('/fi/account?verified=1');
    const [after] = await t.db.select().from(users).where(eq(users.id, user!.id));
    expect(after!.emailVerified).toBe(true);

    // autoSignInAfterVerification: the link also signed the browser in.
    const me = await browser.get('/api/session');
    expect(me.status).toBe(200);
    const body = await json(me);
    expect(body.user).toEqual({
      id: user!.id,
      email: 'aino.virtanen@example.org',
      name: 'Aino Virtanen',
      locale: 'fi',
      emailVerified: true,
    });
    expect(body.roles).toEqual({ administrator: false, staff: [], associations: [] });
  });

  it('signs in with the password, sets an httpOnly SameSite=Lax cookie, and signs out', async () => {
    const browser = new TestClient(app);
    const res = await browser.post('/api/session', {
      email: 'AINO.virtanen@example.org',
      password: PASSWORD,
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('motesplats.session_token='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http here; https origins get __Secure- + Secure
    expect((await json(res)).user.email).toBe('aino.virtanen@example.org');
    expect((await browser.get('/api/session')).status).toBe(200);

    const out = await browser.delete('/api/session');
    expect(out.status).toBe(204);
    expect((await browser.get('/api/session')).status).toBe(401);
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const browser = new TestClient(app);
    const wrong = await browser.post('/api/session', {
      email: 'aino.virtanen@example.org',
      password: 'not the password',
    });
    const unknown = await browser.post('/api/session', {
      email: 'nobody@example.org',
      password: 'not the password',
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await json(wrong), await json(unknown)];
    delete a.instance;
    delete b.instance;
    expect(a).toEqual(b);
    expect(a.code).toBe('invalid_credentials');
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
  });

  it('signing up with a taken address answers the same and mails the owner instead', async () => {
    const before = await t.db.select().from(users);
    const res = await new TestClient(app).post('/api/account', {
      name: 'Someone Else',
      email: 'aino.virtanen@example.org',
      password: 'another long passphrase',
      locale: 'sv',
    });
    expect(res.status).toBe(202);
    expect(await json(res)).toEqual({ status: 'verification_sent' });
    expect(await t.db.select().from(users)).toHaveLength(before.length);
    const mail = await takeMail(t.db, 'aino.virtanen@example.org', '/fi/password/forgot');
    expect(mail.subject).toMatch(/Mötesplats/);
    expect(mail.text).toContain('/fi/sign-in');
  });

  it('sign-out everywhere ends every session of the user', async () => {
    const phone = new TestClient(app);
    const laptop = new TestClient(app);
    await phone.signIn('aino.virtanen@example.org', PASSWORD);
    await laptop.signIn('aino.virtanen@example.org', PASSWORD);
    expect((await phone.get('/api/session')).status).toBe(200);
    expect((await laptop.delete('/api/sessions')).status).toBe(204);
    expect((await phone.get('/api/session')).status).toBe(401);
    expect((await laptop.get('/api/session')).status).toBe(401);
  });

  it('a session ends 30 days after sign-in however much it is used (absolute expiry)', async () => {
    const browser = new TestClient(app);
    const me = await browser.signIn('aino.virtanen@example.org', PASSWORD);
    expect((await browser.get('/api/session')).status).toBe(200);
    // Pretend the sign-in was 31 days before the app's clock.
    await t.db
      .update(sessions)
      .set({ createdAt: sql`now() - interval '400 days'` })
      .where(eq(sessions.userId, me.user.id));
    const res = await browser.get('/api/session');
    expect(res.status).toBe(401);
    expect(await t.db.select().from(sessions).where(eq(sessions.userId, me.user.id))).toEqual([]);
  });

  it('refuses a state-changing request from another origin or with none (403 origin)', async () => {
    const evil = new TestClient(app, 'https://evil.example');
    const res = await evil.post('/api/session', {
      email: 'aino.virtanen@example.org',
      password: PASSWORD,
    });
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('origin');
    expect(evil.cookies.size).toBe(0);
    const none = await new TestClient(app, null).post('/api/account', {
      name: 'X',
      email: 'x@example.org',
      password: PASSWORD,
    });
    expect(none.status).toBe(403);
    expect(await t.db.select().from(users).where(eq(users.email, 'x@example.org'))).toEqual([]);
  });

  it('names each bad field with a code and parameters, and changes nothing', async () => {
    const before = (await t.db.select().from(users)).length;
    const res = await new TestClient(app).post('/api/account', {
      name: '',
      email: 'not-an-address',
      password: 'short',
      locale: 'xx',
    });
    expect(res.status).toBe(400);
    const body = await json(res);
    const byPath = Object.fromEntries(body.errors.map((e: { path: string }) => [e.path, e]));
    expect(Object.keys(byPath).sort()).toEqual(['email', 'locale', 'name', 'password']);
    expect(byPath.password).toMatchObject({ code: 'too_small', params: { minimum: 10 } });
    expect(byPath.email).toMatchObject({ code: 'invalid_format', params: { format: 'email' } });
    expect((await t.db.select().from(users)).length).toBe(before);
  });
});
