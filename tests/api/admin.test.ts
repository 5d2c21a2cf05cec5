/**
 * Administration of the installation (issue 6 §1): municipalities, staff roles and event
 * categories, through the real app. Only administrators may; every role change is audited
 * in its own transaction; a category in use is not deleted.
 */
import { auditLog, categories, events, municipalities, rowsOf, staffRoles } from '@motesplats/db';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../setup/client';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const NOWHERE = '00000000-0000-4000-8000-000000000000';

/** Every table these routes may write, as one digest: equal before and after = nothing changed. */
async function fingerprint(t: TestDb): Promise<string> {
  const parts: string[] = [];
  for (const table of ['municipalities', 'staff_roles', 'categories', 'audit_log']) {
    const [row] = rowsOf<{ h: string | null }>(
      await t.db.execute(
        sql.raw(
          `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${table} x`,
        ),
      ),
    );
    parts.push(`${table}:${row!.h}`);
  }
  return parts.join(' ');
}

describe(`administration (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let admin: TestClient;
  let adminId: string;
  let staffBorga: TestClient;
  let resident: TestClient;
  let residentId: string;
  let borgaId: string;
  let lovisaId: string;

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    admin = new TestClient(app);
    adminId = (await admin.signIn('admin@demo.example', DEMO)).user.id;
    staffBorga = new TestClient(app);
    await staffBorga.signIn('staff.borga@demo.example', DEMO);
    resident = new TestClient(app);
    residentId = (await resident.signIn('resident@demo.example', DEMO)).user.id;
    const list = await json(await admin.get('/api/admin/municipalities?lang=sv'));
    borgaId = list.items.find((m: Json) => m.slug === 'borga').id;
    lovisaId = list.items.find((m: Json) => m.slug === 'lovisa').id;
  });
  afterAll(() => t.close());

  const auditOf = async (action: string, entityId: string) =>
    t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
      .orderBy(desc(auditLog.id));

  describe('only administrators', () => {
    const calls: [string, (c: TestClient) => Promise<Response>][] = [
      ['list municipalities', (c) => c.get('/api/admin/municipalities')],
      ['get a municipality', (c) => c.get(`/api/admin/municipalities/${borgaId}`)],
      [
        'create a municipality',
        (c) =>
          c.post('/api/admin/municipalities', {
            slug: 'sibbo',
            name: { sv: 'Sibbo', fi: 'Sipoo' },
            languages: ['fi', 'sv'],
          }),
      ],
      [
        'rename a municipality',
        (c) =>
          c.request(`/api/admin/municipalities/${borgaId}`, {
            method: 'PATCH',
            json: { name: { sv: 'Kapat', fi: 'Kaapattu' } },
          }),
      ],
      [
        'grant a staff role',
        (c) =>
          c.post(`/api/admin/municipalities/${borgaId}/staff-roles`, {
            email: 'resident@demo.example',
            role: 'admin',
          }),
      ],
      [
        'revoke a staff role',
        (c) => c.delete(`/api/admin/municipalities/${borgaId}/staff-roles/${adminId}/staff`),
      ],
      ['list categories', (c) => c.get('/api/admin/categories')],
      [
        'create a category',
        (c) => c.post('/api/admin/categories', { slug: 'sport', name: { sv: 'Idrott' } }),
      ],
      [
        'rename a category',
        (c) =>
          c.request('/api/admin/categories/other', {
            method: 'PATCH',
            json: { name: { sv: 'Kapat' } },
          }),
      ],
      ['delete a category', (c) => c.delete('/api/admin/categories/other')],
    ];

    for (const [name, call] of calls) {
      it(`${name}: 401 signed out, 403 for staff and residents, nothing changes`, async () => {
        const before = await fingerprint(t);
        const anonymous = await call(new TestClient(app));
        expect(anonymous.status).toBe(401);
        expect((await json(anonymous)).code).toBe('unauthenticated');
        for (const who of [staffBorga, resident]) {
          const res = await call(who);
          expect(res.status).toBe(403);
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          const body = await res.text();
          expect(JSON.parse(body).code).toBe('administrator');
          // No staff e-mail in a refusal.
          expect(body).not.toContain('@demo.example');
        }
        expect(await fingerprint(t)).toBe(before);
      });
    }

    it('refuses a write from another origin even to an administrator', async () => {
      const before = await fingerprint(t);
      const res = await admin.request('/api/admin/categories/other', {
        method: 'DELETE',
        headers: { origin: 'https://evil.example' },
      });
      expect(res.status).toBe(403);
      expect((await json(res)).code).toBe('origin');
      expect(await fingerprint(t)).toBe(before);
    });
  });

  describe('municipalities', () => {
    let sibboId: string;

    it('lists every municipality with all its names, zone, languages and staff count', async () => {
      const res = await admin.get('/api/admin/municipalities?lang=fi');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const { items } = await json(res);
      expect(items.map((m: Json) => m.slug)).toEqual(['borga', 'lovisa', 'pargas', 'vasa']);
      expect(items[0]).toMatchObject({
        name: { text: 'Porvoo', lang: 'fi' },
        texts: { name: { sv: 'Borgå', fi: 'Porvoo', en: 'Porvoo' } },
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv'],
        staffRoles: 1,
      });
    });

    it('creates one with a canonical IANA zone; audited by whom and when', async () => {
      const res = await admin.post('/api/admin/municipalities', {
        slug: 'sibbo',
        name: { sv: ' Sibbo ', fi: 'Sipoo' },
        timeZone: 'europe/helsinki',
        languages: ['fi', 'sv'],
        region: 'Helsingforsregionen',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      sibboId = (await json(res)).id;
      const [row] = await t.db.select().from(municipalities).where(eq(municipalities.id, sibboId));
      expect(row).toMatchObject({
        slug: 'sibbo',
        name: { sv: 'Sibbo', fi: 'Sipoo' },
        timeZone: 'Europe/Helsinki',
        languages: ['fi', 'sv'],
        region: 'Helsingforsregionen',
      });
      const [entry] = await auditOf('municipality.create', sibboId);
      expect(entry).toMatchObject({ municipalityId: sibboId, actorUserId: adminId });
      expect(entry!.at.toISOString()).toBe(TEST_NOW.toISOString());
      // The public catalog lists it.
      const catalog = await json(await new TestClient(app).get('/api/municipalities?lang=sv'));
      expect(catalog.items.map((m: Json) => m.slug)).toContain('sibbo');
    });

    it('refuses a zone that is no IANA name, a missing Finnish name, a taken slug', async () => {
      const before = await fingerprint(t);
      const base = { slug: 'kimitoon', name: { sv: 'Kimitoön', fi: 'Kemiönsaari' } };
      for (const timeZone of ['+02:00', 'EST5EDT', 'Mars/Olympus', 'Helsinki']) {
        const res = await admin.post('/api/admin/municipalities', {
          ...base,
          languages: ['sv', 'fi'],
          timeZone,
        });
        expect(res.status, timeZone).toBe(400);
        expect((await json(res)).errors).toEqual([
          expect.objectContaining({ path: 'timeZone', code: 'time_zone' }),
        ]);
      }
      const noFinnish = await admin.post('/api/admin/municipalities', {
        ...base,
        name: { sv: 'Kimitoön' },
        languages: ['sv', 'fi'],
      });
      expect((await json(noFinnish)).errors).toEqual([
        expect.objectContaining({ path: 'name.fi', code: 'required' }),
      ]);
      const noLanguage = await admin.post('/api/admin/municipalities', { ...base, languages: [] });
      expect((await json(noLanguage)).errors[0]).toMatchObject({ path: 'languages' });
      const badSlug = await admin.post('/api/admin/municipalities', {
        ...base,
        slug: 'Kimito Ön',
        languages: ['sv'],
      });
      expect((await json(badSlug)).errors[0]).toMatchObject({ path: 'slug', code: 'slug_format' });
      const taken = await admin.post('/api/admin/municipalities', {
        ...base,
        slug: 'borga',
        languages: ['sv'],
      });
      expect(taken.status).toBe(409);
      expect((await json(taken)).code).toBe('slug_taken');
      expect(await fingerprint(t)).toBe(before);
    });

    it('edits names, zone and languages; audits before and after; an unchanged save is no entry', async () => {
      const res = await admin.request(`/api/admin/municipalities/${sibboId}?lang=sv`, {
        method: 'PATCH',
        json: {
          name: { sv: 'Sibbo kommun', fi: 'Sipoon kunta', en: 'Sipoo' },
          timeZone: 'Europe/Mariehamn',
          languages: ['sv', 'fi', 'en'],
        },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      const answer = await json(res);
      expect(answer).toMatchObject({
        name: { text: 'Sibbo kommun', lang: 'sv' },
        timeZone: 'Europe/Mariehamn',
        languages: ['sv', 'fi', 'en'],
        staff: [],
      });
      const [entry] = await auditOf('municipality.update', sibboId);
      expect(entry!.data).toEqual({
        changed: ['name', 'timeZone', 'languages'],
        before: {
          name: { sv: 'Sibbo', fi: 'Sipoo' },
          timeZone: 'Europe/Helsinki',
          languages: ['fi', 'sv'],
        },
        after: {
          name: { sv: 'Sibbo kommun', fi: 'Sipoon kunta', en: 'Sipoo' },
          timeZone: 'Europe/Mariehamn',
          languages: ['sv', 'fi', 'en'],
        },
      });
      const entries = (await auditOf('municipality.update', sibboId)).length;
      // The same names in another key order change nothing.
      const again = await admin.request(`/api/admin/municipalities/${sibboId}`, {
        method: 'PATCH',
        json: { name: { en: 'Sipoo', fi: 'Sipoon kunta', sv: 'Sibbo kommun' } },
      });
      expect(again.status).toBe(200);
      expect((await auditOf('municipality.update', sibboId)).length).toBe(entries);
      const bad = await admin.request(`/api/admin/municipalities/${sibboId}`, {
        method: 'PATCH',
        json: { timeZone: 'Europe/Atlantis' },
      });
      expect(bad.status).toBe(400);
      const missing = await admin.request(`/api/admin/municipalities/${NOWHERE}`, {
        method: 'PATCH',
        json: { region: 'X' },
      });
      expect(missing.status).toBe(404);
    });
  });

  describe('staff roles', () => {
    const held = async (userId: string, municipalityId: string) =>
      t.db
        .select({ role: staffRoles.role, source: staffRoles.source })
        .from(staffRoles)
        .where(and(eq(staffRoles.userId, userId), eq(staffRoles.municipalityId, municipalityId)));

    it('grants a role by e-mail (any case); the person is staff at their next request', async () => {
      expect((await resident.get('/api/staff/venues')).status).toBe(403);
      const res = await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles?lang=fi`, {
        email: 'Resident@Demo.Example',
        role: 'staff',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const answer = await json(res);
      expect(answer.staff).toContainEqual({
        userId: residentId,
        name: 'Ravi Sharma',
        email: 'resident@demo.example',
        role: 'staff',
        source: 'manual',
        grantedAt: TEST_NOW.toISOString(),
      });
      expect(await held(residentId, lovisaId)).toEqual([{ role: 'staff', source: 'manual' }]);
      const [entry] = await auditOf('staff_role.grant', residentId);
      expect(entry).toMatchObject({
        municipalityId: lovisaId,
        actorUserId: adminId,
        entity: 'user',
        data: { role: 'staff', source: 'manual' },
      });
      const session = await json(await resident.get('/api/session'));
      expect(session.roles.staff).toEqual([
        { municipality: expect.objectContaining({ slug: 'lovisa' }), role: 'staff' },
      ]);
      const premises = await json(await resident.get('/api/staff/venues'));
      expect(premises.municipalities.map((m: Json) => m.slug)).toEqual(['lovisa']);
    });

    it('refuses an address with no account and a role held already, changing nothing', async () => {
      const before = await fingerprint(t);
      const unknown = await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles`, {
        email: 'nobody@example.org',
        role: 'staff',
      });
      expect(unknown.status).toBe(400);
      expect((await json(unknown)).errors).toEqual([
        expect.objectContaining({ path: 'email', code: 'unknown_user' }),
      ]);
      const twice = await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles`, {
        email: 'resident@demo.example',
        role: 'staff',
      });
      expect(twice.status).toBe(409);
      expect((await json(twice)).code).toBe('already_granted');
      const badRole = await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles`, {
        email: 'resident@demo.example',
        role: 'owner',
      });
      expect(badRole.status).toBe(400);
      const nowhere = await admin.post(`/api/admin/municipalities/${NOWHERE}/staff-roles`, {
        email: 'resident@demo.example',
        role: 'staff',
      });
      expect(nowhere.status).toBe(404);
      expect(await fingerprint(t)).toBe(before);
    });

    it('makes a role the identity provider gave a manual one, audited as such', async () => {
      await t.db
        .insert(staffRoles)
        .values({ userId: residentId, municipalityId: lovisaId, role: 'admin', source: 'oidc' });
      const res = await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles`, {
        email: 'resident@demo.example',
        role: 'admin',
      });
      expect(res.status).toBe(201);
      expect(await held(residentId, lovisaId)).toEqual(
        expect.arrayContaining([
          { role: 'staff', source: 'manual' },
          { role: 'admin', source: 'manual' },
        ]),
      );
      const [entry] = await auditOf('staff_role.grant', residentId);
      expect(entry!.data).toEqual({ role: 'admin', source: 'manual', previousSource: 'oidc' });
    });

    it('revokes a role: gone from the table, audited, and the person is no longer staff', async () => {
      for (const role of ['admin', 'staff']) {
        const res = await admin.delete(
          `/api/admin/municipalities/${lovisaId}/staff-roles/${residentId}/${role}`,
        );
        expect(res.status, await res.clone().text()).toBe(200);
        const [entry] = await auditOf('staff_role.revoke', residentId);
        expect(entry).toMatchObject({
          municipalityId: lovisaId,
          actorUserId: adminId,
          data: { role, source: 'manual' },
        });
      }
      expect(await held(residentId, lovisaId)).toEqual([]);
      expect((await resident.get('/api/staff/venues')).status).toBe(403);
      const none = await admin.delete(
        `/api/admin/municipalities/${lovisaId}/staff-roles/${residentId}/staff`,
      );
      expect(none.status).toBe(404);
    });

    it('refuses to revoke the administrator’s own last staff administrator role', async () => {
      const grant = (municipalityId: string) =>
        admin.post(`/api/admin/municipalities/${municipalityId}/staff-roles`, {
          email: 'admin@demo.example',
          role: 'admin',
        });
      const revoke = (municipalityId: string) =>
        admin.delete(`/api/admin/municipalities/${municipalityId}/staff-roles/${adminId}/admin`);
      expect((await grant(borgaId)).status).toBe(201);
      const before = await fingerprint(t);
      const refused = await revoke(borgaId);
      expect(refused.status).toBe(409);
      expect((await json(refused)).code).toBe('last_own_admin_role');
      expect(await fingerprint(t)).toBe(before);
      // With another administrator role elsewhere, this one may go; then that one is the last.
      expect((await grant(lovisaId)).status).toBe(201);
      expect((await revoke(borgaId)).status).toBe(200);
      expect((await revoke(lovisaId)).status).toBe(409);
      expect(await held(adminId, lovisaId)).toEqual([{ role: 'admin', source: 'manual' }]);
      // Another administrator's role, or one's own plain staff role, is no such case.
      expect(
        (
          await admin.post(`/api/admin/municipalities/${lovisaId}/staff-roles`, {
            email: 'admin@demo.example',
            role: 'staff',
          })
        ).status,
      ).toBe(201);
      expect(
        (await admin.delete(`/api/admin/municipalities/${lovisaId}/staff-roles/${adminId}/staff`))
          .status,
      ).toBe(200);
    });
  });

  describe('event categories', () => {
    const publicNames = async (lang: string) =>
      Object.fromEntries(
        (await json(await new TestClient(app).get(`/api/categories?lang=${lang}`))).items.map(
          (c: Json) => [c.slug, c.name.text],
        ),
      );

    it('lists every category with all its names and how many events use it', async () => {
      const { items } = await json(await admin.get('/api/admin/categories?lang=sv'));
      const [{ n } = { n: 0 }] = await t.db
        .select({ n: count() })
        .from(events)
        .where(eq(events.categorySlug, 'language-cafe'));
      expect(Number(n)).toBeGreaterThan(0);
      expect(items.find((c: Json) => c.slug === 'language-cafe')).toMatchObject({
        name: { text: 'Språkcafé', lang: 'sv' },
        texts: { name: expect.objectContaining({ fi: 'Kielikahvila', ar: 'مقهى اللغة' }) },
        events: Number(n),
      });
    });

    it('creates a category, placed last, audited for the whole installation', async () => {
      const res = await admin.post('/api/admin/categories?lang=fi', {
        slug: 'handicraft',
        name: { sv: 'Handarbete', fi: 'Käsityö' },
        pictogram: 'theme-day',
      });
      expect(res.status, await res.clone().text()).toBe(201);
      const created = await json(res);
      const [{ last } = { last: -1 }] = rowsOf<{ last: number }>(
        await t.db.execute(sql`select max(position)::int as last from categories`),
      );
      expect(created).toMatchObject({
        slug: 'handicraft',
        name: { text: 'Käsityö', lang: 'fi' },
        pictogram: 'theme-day',
        position: last,
        events: 0,
      });
      const [entry] = await auditOf('category.create', 'handicraft');
      expect(entry).toMatchObject({ municipalityId: null, actorUserId: adminId });
      expect((await publicNames('sv')).handicraft).toBe('Handarbete');
      const taken = await admin.post('/api/admin/categories', {
        slug: 'handicraft',
        name: { sv: 'Annat' },
      });
      expect(taken.status).toBe(409);
      expect((await json(taken)).code).toBe('slug_taken');
      const noName = await admin.post('/api/admin/categories', { slug: 'nameless', name: {} });
      expect((await json(noName)).errors[0]).toMatchObject({ path: 'name', code: 'required' });
    });

    it('renames a category in several languages; the public catalog says the new names', async () => {
      const res = await admin.request('/api/admin/categories/handicraft?lang=ar', {
        method: 'PATCH',
        json: { name: { sv: 'Hantverk', fi: 'Käsityöt', en: 'Crafts', ar: 'الحرف اليدوية' } },
      });
      expect(res.status, await res.clone().text()).toBe(200);
      expect((await json(res)).name).toEqual({
        text: 'الحرف اليدوية',
        lang: 'ar',
        fallback: false,
      });
      expect((await publicNames('fi')).handicraft).toBe('Käsityöt');
      expect((await publicNames('en')).handicraft).toBe('Crafts');
      const [entry] = await auditOf('category.update', 'handicraft');
      expect(entry!.data).toMatchObject({
        changed: ['name'],
        before: { name: { sv: 'Handarbete', fi: 'Käsityö' } },
      });
      const missing = await admin.request('/api/admin/categories/no-such', {
        method: 'PATCH',
        json: { name: { sv: 'X' } },
      });
      expect(missing.status).toBe(404);
    });

    it('refuses to delete a category events use: 409 with their number, nothing removed', async () => {
      const [{ n } = { n: 0 }] = await t.db
        .select({ n: count() })
        .from(events)
        .where(eq(events.categorySlug, 'bazaar'));
      const before = await fingerprint(t);
      const res = await admin.delete('/api/admin/categories/bazaar');
      expect(res.status).toBe(409);
      expect(await json(res)).toMatchObject({
        code: 'category_in_use',
        params: { events: Number(n) },
      });
      expect(Number(n)).toBeGreaterThan(0);
      expect(await fingerprint(t)).toBe(before);
    });

    it('deletes an unused category, audited; it is gone from the public catalog', async () => {
      const res = await admin.delete('/api/admin/categories/handicraft');
      expect(res.status).toBe(204);
      expect(await t.db.select().from(categories).where(eq(categories.slug, 'handicraft'))).toEqual(
        [],
      );
      const [entry] = await auditOf('category.delete', 'handicraft');
      expect(entry).toMatchObject({
        actorUserId: adminId,
        data: { name: { sv: 'Hantverk', fi: 'Käsityöt', en: 'Crafts', ar: 'الحرف اليدوية' } },
      });
      expect(await publicNames('sv')).not.toHaveProperty('handicraft');
      expect((await admin.delete('/api/admin/categories/handicraft')).status).toBe(404);
    });
  });
});
