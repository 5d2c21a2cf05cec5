import { associationMembers, associations, auditLog } from '@motesplats/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../setup/client';
import { takeMail } from '../setup/outbox';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const REGISTRATION = {
  municipality: 'borga',
  name: { sv: 'Borgå ukrainska förening', uk: 'Українське товариство Порвоо' },
  description: { sv: 'Kultur, språk och stöd för ukrainare i Borgå.' },
  languages: ['uk', 'ru', 'sv', 'fi'],
  businessId: '3141593-8',
  website: 'https://ukraina-porvoo.example.org',
  contactEmail: 'hallitus@ukraina-porvoo.example.org',
  contactPhone: '+358 40 123 4567',
};

describe(`the association directory and its verification (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let founder: TestClient;
  let staff: TestClient;
  let id: string;

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    founder = new TestClient(app);
    await founder.signIn('resident@demo.example', DEMO);
    staff = new TestClient(app);
    await staff.signIn('staff.borga@demo.example', DEMO);
  });
  afterAll(() => t.close());

  it('validates the business ID check digit and names the field', async () => {
    const res = await founder.post('/api/associations', {
      ...REGISTRATION,
      businessId: '3141593-7',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).errors).toEqual([
      expect.objectContaining({ path: 'businessId', code: 'business_id' }),
    ]);
    const none = await founder.post('/api/associations', { ...REGISTRATION, name: { sv: '  ' } });
    expect((await json(none)).errors[0]).toMatchObject({ path: 'name', code: 'no_language' });
  });

  it('registers a pending association whose founder is its administrator, audited', async () => {
    const res = await founder.post('/api/associations', REGISTRATION);
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.verification).toBe('pending');
    id = body.id;
    const [row] = await t.db.select().from(associations).where(eq(associations.id, id));
    expect(row).toMatchObject({
      businessId: '3141593-8',
      contactEmail: 'hallitus@ukraina-porvoo.example.org',
      verification: 'pending',
      languages: ['uk', 'ru', 'sv', 'fi'],
    });
    const session = await json(await founder.get('/api/session'));
    expect(session.roles.associations).toEqual([
      expect.objectContaining({
        association: expect.objectContaining({ id, verification: 'pending' }),
        role: 'admin',
      }),
    ]);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'association.register')));
    expect(entry!.actorUserId).toBe(session.user.id);
    expect(entry!.at.toISOString()).toBe(TEST_NOW.toISOString());
  });

  it('is not public until verified; staff see it in their queue with its contacts', async () => {
    expect((await new TestClient(app).get(`/api/associations/${id}`)).status).toBe(404);
    const list = await json(
      await new TestClient(app).get('/api/associations?municipality=borga&limit=100'),
    );
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(id);
    const queue = await json(
      await staff.get('/api/staff/associations?verification=pending&lang=sv'),
    );
    // Oldest first: the demo's own waiting registration, then this one.
    expect(queue.items.map((a: { name: { text: string } }) => a.name.text)).toEqual([
      'Somaliska kulturföreningen i Borgå',
      'Borgå ukrainska förening',
    ]);
    expect(queue.items.at(-1).id).toBe(id);
    expect(queue.items.at(-1)).toMatchObject({
      contactEmail: 'hallitus@ukraina-porvoo.example.org',
      name: { text: 'Borgå ukrainska förening', lang: 'sv' },
    });
    const pargas = new TestClient(app);
    await pargas.signIn('staff.pargas@demo.example', DEMO);
    expect(
      (await json(await pargas.get('/api/staff/associations'))).items.map(
        (a: { municipality: { slug: string } }) => a.municipality.slug,
      ),
    ).toEqual(['pargas']);
  });

  it('staff reject with a reason the founder sees; a fix sends it back to the queue', async () => {
    const res = await staff.post(`/api/associations/${id}/decision`, {
      decision: 'reject',
      reason: 'Föreningsregistrets utdrag saknas.',
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      verification: 'rejected',
      rejectionReason: 'Föreningsregistrets utdrag saknas.',
    });
    const details = await json(await founder.get(`/api/associations/${id}/details?lang=sv`));
    expect(details).toMatchObject({
      verification: 'rejected',
      rejectionReason: 'Föreningsregistrets utdrag saknas.',
    });
    const mail = await takeMail(t.db, 'resident@demo.example', '/en/account');
    expect(mail.text).toContain('Föreningsregistrets utdrag saknas.');

    const fixed = await founder.put(`/api/associations/${id}`, {
      ...REGISTRATION,
      municipality: undefined,
      description: { sv: 'Kultur och språk. Utdrag bifogat.' },
    });
    expect(fixed.status).toBe(200);
    expect((await json(fixed)).verification).toBe('pending');
  });

  it('staff verify it; it becomes public without contacts, and the founder is told', async () => {
    const res = await staff.post(`/api/associations/${id}/decision`, { decision: 'verify' });
    expect(res.status).toBe(200);
    const again = await staff.post(`/api/associations/${id}/decision`, { decision: 'verify' });
    expect(again.status).toBe(409);
    const pub = await new TestClient(app).get(`/api/associations/${id}?lang=en`);
    expect(pub.status).toBe(200);
    const body = await json(pub);
    // No English name: Borgå's own languages (fi, then sv) come next.
    expect(body.name).toEqual({ text: 'Borgå ukrainska förening', lang: 'sv', fallback: true });
    expect(JSON.stringify(body)).not.toMatch(/hallitus@|\+358|3141593/);
    const actions = await t.db
      .select({ action: auditLog.action, data: auditLog.data })
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual([
      'association.register',
      'association.reject',
      'association.resubmit',
      'association.verify',
    ]);
    const session = await json(await founder.get('/api/session'));
    expect(session.roles.associations[0].association.verification).toBe('verified');
  });

  it('the directory searches names in any language and filters by language', async () => {
    const anyone = new TestClient(app);
    const byUkrainian = await json(await anyone.get('/api/associations?q=Українське&lang=sv'));
    expect(byUkrainian.items.map((a: { id: string }) => a.id)).toEqual([id]);
    const wildcard = await json(await anyone.get('/api/associations?q=%25'));
    expect(wildcard.page.total).toBe(0);
    const uk = await json(await anyone.get('/api/associations?language=uk&municipality=borga'));
    expect(uk.items.map((a: { id: string }) => a.id)).toContain(id);
    const fa = await json(await anyone.get('/api/associations?language=fa'));
    expect(fa.items.every((a: { languages: string[] }) => a.languages.includes('fa'))).toBe(true);
    expect(fa.items.length).toBeGreaterThan(0);
  });

  it('an administrator invites by e-mail; the invitee joins with the link, signed in as that address', async () => {
    const res = await founder.post(`/api/associations/${id}/invitations`, {
      email: 'MLL@demo.example',
      role: 'member',
      locale: 'fi',
    });
    expect(res.status).toBe(201);
    const { link, subject } = await takeMail(
      t.db,
      'mll@demo.example',
      /^\/fi\/invitations\/[A-Za-z0-9_-]{32}$/,
    );
    expect(subject).toContain('Borgå ukrainska förening');
    const token = link.pathname.split('/').pop()!;

    const wrongPerson = new TestClient(app);
    await wrongPerson.signIn('map@demo.example', DEMO);
    expect((await wrongPerson.post('/api/invitations/accept', { token })).status).toBe(404);

    const invitee = new TestClient(app);
    await invitee.signIn('mll@demo.example', DEMO);
    const joined = await invitee.post('/api/invitations/accept', { token });
    expect(joined.status).toBe(200);
    expect(await json(joined)).toEqual({ associationId: id, role: 'member' });
    expect((await invitee.post('/api/invitations/accept', { token })).status).toBe(404);
    const members = await json(await founder.get(`/api/associations/${id}/members`));
    expect(
      members.members.map((m: { email: string; role: string }) => [m.email, m.role]).sort(),
    ).toEqual([
      ['mll@demo.example', 'member'],
      ['resident@demo.example', 'admin'],
    ]);
    expect(members.invitations).toEqual([]);
  });

  it('removes a member but never the last administrator', async () => {
    const members = await json(await founder.get(`/api/associations/${id}/members`));
    const byEmail = Object.fromEntries(
      members.members.map((m: { email: string; userId: string }) => [m.email, m.userId]),
    );
    expect(
      (await founder.delete(`/api/associations/${id}/members/${byEmail['resident@demo.example']}`))
        .status,
    ).toBe(409);
    expect(
      (await founder.delete(`/api/associations/${id}/members/${byEmail['mll@demo.example']}`))
        .status,
    ).toBe(204);
    const left = await t.db
      .select()
      .from(associationMembers)
      .where(eq(associationMembers.associationId, id));
    expect(left.map((m) => m.role)).toEqual(['admin']);
  });
});
