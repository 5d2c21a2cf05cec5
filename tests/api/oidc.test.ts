import { loadConfig } from '@motesplats/api';
import { auditLog, municipalities, sessions, staffRoles, users } from '@motesplats/db';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unknownStaffMapMunicipalities } from '../../apps/api/src/services/accounts/check-oidc-staff-map';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { startLoopbackIdp, type LoopbackIdp } from '../setup/oidc-provider';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const ORIGIN = 'http://localhost';
const STAFF_MAP = 'borga-staff=borga:staff,borga-admins=borga:admin,region-staff=pargas:staff';

describe(`staff sign-in through the municipality's OpenID Connect provider (${ENGINE})`, () => {
  let t: TestDb;
  let idp: LoopbackIdp;
  let app: ReturnType<typeof createTestApp>;
  const timings: number[] = [];

  beforeAll(async () => {
    t = await openTestDb('demo');
    idp = await startLoopbackIdp({
      redirectUris: [`${ORIGIN}/api/auth/callback/oidc`],
      users: {
        aino: { email: 'Aino.Lindqvist@borga.example', name: 'Aino Lindqvist', groups: [] },
        helena: { email: 'staff.borga@demo.example', name: 'Helena Lindroos', groups: [] },
        kalle: { email: 'kalle@borga.example', name: 'Kalle Nurmi', groups: ['library'] },
      },
    });
    const { oidc } = loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_NAME: 'Borgå stad',
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_STAFF_MAP: STAFF_MAP,
    });
    app = createTestApp(t, { config: { publicOrigin: ORIGIN, oidc } });
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
    if (timings.length)
      console.info(
        `OIDC sign-in through the loopback provider (${ENGINE}): ${timings.map((ms) => ms.toFixed(0)).join(', ')} ms`,
      );
  });

  /** Start → the provider's forms → the callback, as a browser; answers the callback's response. */
  async function signInThroughIdp(browser: TestClient, login: string, locale = 'fi') {
    const started = performance.now();
    const start = await browser.post('/api/session/oidc', { locale });
    expect(start.status).toBe(200);
    const { url } = await json(start);
    expect(new URL(url).origin).toBe(idp.issuer);
    const back = await idp.signIn(url, login);
    expect(back.origin + back.pathname).toBe(`${ORIGIN}/api/auth/callback/oidc`);
    const res = await browser.get(back.pathname + back.search);
    timings.push(performance.now() - started);
    return res;
  }

  const municipalityIds = async () =>
    Object.fromEntries(
      (await t.db.select().from(municipalities)).map((m) => [m.slug, m.id] as const),
    );
  const rolesOf = async (userId: string) =>
    (
      await t.db
        .select({ m: municipalities.slug, role: staffRoles.role, source: staffRoles.source })
        .from(staffRoles)
        .innerJoin(municipalities, eq(municipalities.id, staffRoles.municipalityId))
        .where(eq(staffRoles.userId, userId))
    ).sort((a, b) => `${a.m}${a.role}`.localeCompare(`${b.m}${b.role}`));
  const auditOf = async (userId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, userId)))
      .orderBy(asc(auditLog.id));

  it('names the provider for the sign-in page', async () => {
    const res = await new TestClient(app).get('/api/session/oidc');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ name: 'Borgå stad' });
  });

  it('signs a new staff member in, with a verified address and the staff role their group maps to', async () => {
    idp.users.get('aino')!.groups = ['borga-staff', 'unmapped-group'];
    const browser = new TestClient(app);
    const res = await signInThroughIdp(browser, 'aino');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/fi/account');
    expect(browser.cookies.has('motesplats.session_token')).toBe(true);

    const me = await browser.get('/api/session');
    expect(me.status).toBe(200);
    const body = await json(me);
    expect(body.user).toMatchObject({
      email: 'aino.lindqvist@borga.example',
      name: 'Aino Lindqvist',
      locale: 'fi',
      emailVerified: true,
    });
    expect(body.roles.staff).toEqual([
      { municipality: expect.objectContaining({ slug: 'borga' }), role: 'staff' },
    ]);
    expect(await rolesOf(body.user.id)).toEqual([{ m: 'borga', role: 'staff', source: 'oidc' }]);
    const ids = await municipalityIds();
    expect(await auditOf(body.user.id)).toMatchObject([
      {
        action: 'staff_role.grant',
        municipalityId: ids.borga,
        actorUserId: body.user.id,
        data: { role: 'staff', source: 'oidc', claim: 'borga-staff' },
      },
    ]);
    const [session] = await t.db.select().from(sessions).where(eq(sessions.userId, body.user.id));
    expect(session).toBeDefined();
  });

  it('at the next sign-in adds what the IdP now gives, removes what it no longer gives, and leaves manual grants', async () => {
    const [aino] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, 'aino.lindqvist@borga.example'));
    const ids = await municipalityIds();
    // An administrator also made her staff of Lovisa by hand.
    await t.db
      .insert(staffRoles)
      .values({ userId: aino!.id, municipalityId: ids.lovisa!, role: 'staff', source: 'manual' });
    const before = (await auditOf(aino!.id)).length;

    idp.users.get('aino')!.groups = ['borga-admins', 'region-staff'];
    const browser = new TestClient(app);
    expect((await signInThroughIdp(browser, 'aino', 'sv')).headers.get('location')).toBe(
      '/sv/account',
    );
    expect(await rolesOf(aino!.id)).toEqual([
      { m: 'borga', role: 'admin', source: 'oidc' },
      { m: 'lovisa', role: 'staff', source: 'manual' },
      { m: 'pargas', role: 'staff', source: 'oidc' },
    ]);
    const changes = (await auditOf(aino!.id)).slice(before);
    expect(changes.map((a) => [a.action, a.municipalityId, a.data.role])).toEqual([
      ['staff_role.revoke', ids.borga, 'staff'],
      ['staff_role.grant', ids.borga, 'admin'],
      ['staff_role.grant', ids.pargas, 'staff'],
    ]);
    const body = await json(await browser.get('/api/session'));
    expect(body.user.locale).toBe('sv');
    expect(body.roles.staff).toHaveLength(3);

    // The IdP stops sending her groups: the IdP's grants go, the manual one stays.
    idp.users.get('aino')!.groups = [];
    await signInThroughIdp(new TestClient(app), 'aino');
    expect(await rolesOf(aino!.id)).toEqual([{ m: 'lovisa', role: 'staff', source: 'manual' }]);
    const removed = (await auditOf(aino!.id)).slice(before + 3);
    expect(removed.map((a) => [a.action, a.municipalityId, a.data.role]).sort()).toEqual(
      [
        ['staff_role.revoke', ids.borga, 'admin'],
        ['staff_role.revoke', ids.pargas, 'staff'],
      ].sort(),
    );
    // The same sign-in again changes nothing and writes nothing.
    await signInThroughIdp(new TestClient(app), 'aino');
    expect(await auditOf(aino!.id)).toHaveLength(before + 5);
  });

  it('signs in an IdP user whose claims map to nothing, without staff roles', async () => {
    const browser = new TestClient(app);
    const res = await signInThroughIdp(browser, 'kalle');
    expect(res.headers.get('location')).toBe('/fi/account');
    const body = await json(await browser.get('/api/session'));
    expect(body.user.email).toBe('kalle@borga.example');
    expect(body.roles).toEqual({ administrator: false, staff: [], associations: [] });
    expect(await auditOf(body.user.id)).toEqual([]);
  });

  it('links the IdP to an existing password account of the same address; its manual grant stays', async () => {
    const [helena] = await t.db
      .select()
      .from(users)
      .where(eq(users.email, 'staff.borga@demo.example'));
    const manual = await rolesOf(helena!.id);
    expect(manual).toEqual([{ m: 'borga', role: 'admin', source: 'manual' }]);
    idp.users.get('helena')!.groups = ['borga-admins'];
    const browser = new TestClient(app);
    await signInThroughIdp(browser, 'helena', 'sv');
    expect((await json(await browser.get('/api/session'))).user.id).toBe(helena!.id);
    expect(await rolesOf(helena!.id)).toEqual(manual);
    idp.users.get('helena')!.groups = [];
    await signInThroughIdp(new TestClient(app), 'helena', 'sv');
    expect(await rolesOf(helena!.id)).toEqual(manual);
    expect(await auditOf(helena!.id)).toEqual([]);
  });

  it('refuses a callback whose state it did not issue: no session, back to the sign-in page', async () => {
    const browser = new TestClient(app);
    const res = await browser.get('/api/auth/callback/oidc?code=forged&state=forged');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/\/sv\/sign-in\?error=/);
    expect(browser.cookies.has('motesplats.session_token')).toBe(false);

    // A real state, but the callback arrives in another browser (no state cookie).
    const starter = new TestClient(app);
    const { url } = await json(await starter.post('/api/session/oidc', { locale: 'en' }));
    const back = await idp.signIn(url, 'kalle');
    const elsewhere = new TestClient(app);
    const replay = await elsewhere.get(back.pathname + back.search);
    expect(replay.headers.get('location')).toMatch(/^\/en\/sign-in\?error=/);
    expect(elsewhere.cookies.has('motesplats.session_token')).toBe(false);
  });

  it('refuses a start with a foreign return address or from another origin', async () => {
    const bad = await new TestClient(app).post('/api/session/oidc', {
      locale: 'fi',
      returnTo: '//evil.example/',
    });
    expect(bad.status).toBe(400);
    const foreign = await new TestClient(app, 'https://evil.example').post('/api/session/oidc', {
      locale: 'fi',
    });
    expect(foreign.status).toBe(403);
  });

  it('if the roles cannot be synced, the new session ends and the browser is told so', async () => {
    // A real failure inside the sync's transaction: the database refuses IdP grants.
    await t.db.execute(sql`
      CREATE FUNCTION refuse_oidc_grant() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`);
    await t.db.execute(sql`
      CREATE TRIGGER refuse_oidc_grant BEFORE INSERT ON staff_roles
      FOR EACH ROW WHEN (NEW.source = 'oidc') EXECUTE FUNCTION refuse_oidc_grant()`);
    const quiet = console.error;
    console.error = () => {};
    try {
      idp.users.set('mirja', {
        email: 'mirja@borga.example',
        name: 'Mirja',
        groups: ['borga-staff'],
      });
      const browser = new TestClient(app);
      const res = await signInThroughIdp(browser, 'mirja');
      expect(res.status).toBe(302);
      expect(res.headers.get('location')).toBe('/fi/sign-in?error=role_sync_failed');
      expect(browser.cookies.has('motesplats.session_token')).toBe(false);
      expect((await browser.get('/api/session')).status).toBe(401);
      const [mirja] = await t.db.select().from(users).where(eq(users.email, 'mirja@borga.example'));
      expect(await t.db.select().from(sessions).where(eq(sessions.userId, mirja!.id))).toEqual([]);
      expect(await rolesOf(mirja!.id)).toEqual([]);
      expect(await auditOf(mirja!.id)).toEqual([]);
    } finally {
      console.error = quiet;
      await t.db.execute(sql`DROP TRIGGER refuse_oidc_grant ON staff_roles`);
      await t.db.execute(sql`DROP FUNCTION refuse_oidc_grant()`);
    }
  });

  it('names, for the start-up warning, the mapped municipalities this installation lacks', async () => {
    const { oidc } = loadConfig({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: 'x',
      OIDC_CLIENT_SECRET: 'y',
      OIDC_NAME: 'z',
      OIDC_STAFF_MAP: 'a=borga:staff,b=sibbo:staff,c=kasko:admin',
    });
    expect(await unknownStaffMapMunicipalities({ ctx: t, input: oidc! })).toEqual([
      'kasko',
      'sibbo',
    ]);
  });

  it('without OIDC_ISSUER there is no provider and no callback', async () => {
    const plain = createTestApp(t, { config: { publicOrigin: ORIGIN } });
    const browser = new TestClient(plain);
    expect((await browser.get('/api/session/oidc')).status).toBe(404);
    expect((await browser.post('/api/session/oidc', { locale: 'fi' })).status).toBe(404);
    expect((await browser.get('/api/auth/callback/oidc?code=x&state=y')).status).toBe(404);
  });
});
