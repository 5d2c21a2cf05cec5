import {
  associationMembers,
  attendance,
  auditLog,
  bookings,
  eventOccurrences,
  events,
  feedTokens,
  mailOutbox,
  municipalities,
  users,
} from '@motesplats/db';
import { and, count, eq, isNotNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseExpired } from '../../apps/api/src/services/privacy/anonymise';
import { anonymousCtx, UNKNOWN_CLIENT } from '../../apps/api/src/services/context';
import { authOf } from '../../apps/api/src/app';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { fixedClock, testConfig } from '@motesplats/api';
import { TestClient } from '../setup/client';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';

describe(`audit log, own data and retention (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
  });
  afterAll(() => t.close());

  it('staff read their municipality’s audit log, filtered by date, actor and object', async () => {
    const staff = new TestClient(app);
    const me = await staff.signIn('staff.borga@demo.example', DEMO);
    const all = await json(await staff.get('/api/staff/audit?municipality=borga&limit=100'));
    expect(all.page.total).toBeGreaterThan(0);
    expect(
      all.items.every(
        (e: { at: string }, i: number, a: { at: string }[]) => i === 0 || a[i - 1]!.at >= e.at,
      ),
    ).toBe(true);
    const [expected] = await t.db
      .select({ n: count() })
      .from(auditLog)
      .innerJoin(sql`municipalities m`, sql`m.id = ${auditLog.municipalityId}`)
      .where(sql`m.slug = 'borga'`);
    expect(all.page.total).toBe(Number(expected!.n));

    const verifications = await json(
      await staff.get('/api/staff/audit?municipality=borga&entity=association&limit=100'),
    );
    // Only association entries: the demo's verifications, and the registrations waiting or rejected.
    expect(verifications.items.every((e: { entity: string }) => e.entity === 'association')).toBe(
      true,
    );
    expect(new Set(verifications.items.map((e: { action: string }) => e.action))).toEqual(
      new Set(['association.verify', 'association.register', 'association.reject']),
    );
    const byMe = await json(
      await staff.get(
        `/api/staff/audit?municipality=borga&actor=${encodeURIComponent('STAFF.borga@demo.example')}`,
      ),
    );
    expect(byMe.page.total).toBeGreaterThan(0);
    expect(byMe.items.every((e: { actor: { id: string } }) => e.actor.id === me.user.id)).toBe(
      true,
    );
    const future = await json(
      await staff.get('/api/staff/audit?municipality=borga&from=2030-01-01'),
    );
    expect(future.page.total).toBe(0);
  });

  it('the audit log is staff-only, and only for their own municipality', async () => {
    expect((await new TestClient(app).get('/api/staff/audit?municipality=borga')).status).toBe(401);
    const pargas = new TestClient(app);
    await pargas.signIn('staff.pargas@demo.example', DEMO);
    const res = await pargas.get('/api/staff/audit?municipality=borga');
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('association.verify');
    const member = new TestClient(app);
    await member.signIn('map@demo.example', DEMO);
    expect((await member.get('/api/staff/audit?municipality=borga')).status).toBe(403);
  });

  it('a person downloads their own data, and only theirs', async () => {
    const c = new TestClient(app);
    const me = await c.signIn('mll@demo.example', DEMO);
    // A private calendar link of the association's bookings, made and then renewed.
    const [membership] = await t.db
      .select()
      .from(associationMembers)
      .where(eq(associationMembers.userId, me.user.id));
    const scope = { kind: 'association', id: membership!.associationId };
    const first = await json(await c.post('/api/feed-tokens?lang=sv', { scope }));
    const second = await json(await c.post('/api/feed-tokens?lang=sv', { scope }));
    const res = await c.get('/api/account/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="motesplats-${me.user.id}.json"`,
    );
    const data = await json(res);
    expect(data.account).toMatchObject({ email: 'mll@demo.example', name: 'Laura Mäkelä' });
    expect(data.memberships).toEqual([expect.objectContaining({ role: 'member' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain('staff.borga@demo.example');
    // Both links are there, the renewed one revoked; neither link nor its hash is.
    expect(data.privateFeedLinks).toEqual([
      expect.objectContaining({
        scope: 'association',
        scopeId: membership!.associationId,
        revokedAt: TEST_NOW.toISOString(),
      }),
      expect.objectContaining({ scope: 'association', revokedAt: null, lastUsedAt: null }),
    ]);
    const hashes = await t.db.select({ hash: feedTokens.tokenHash }).from(feedTokens);
    for (const text of [first.url, second.url, ...hashes.map((h) => h.hash)]) {
      const token = String(text)
        .split('/')
        .pop()!
        .replace(/\.ics.*$/, '');
      expect(JSON.stringify(data)).not.toContain(token);
    }
    expect((await new TestClient(app).get('/api/account/export')).status).toBe(401);
  });

  it('deletes an account with its password; what it booked stays the association’s', async () => {
    const c = new TestClient(app);
    const me = await c.signIn('mll@demo.example', DEMO);
    // Make the person the requester of some of the association's bookings.
    const [membership] = await t.db
      .select()
      .from(associationMembers)
      .where(eq(associationMembers.userId, me.user.id));
    const mine = await t.db
      .update(bookings)
      .set({ requestedBy: me.user.id })
      .where(eq(bookings.associationId, membership!.associationId))
      .returning({ id: bookings.id });
    expect(mine.length).toBeGreaterThan(0);

    const wrong = await c.request('/api/account', {
      method: 'DELETE',
      json: { password: 'not the password' },
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).errors[0]).toMatchObject({
      path: 'password',
      code: 'wrong_password',
    });
    expect(await t.db.select().from(users).where(eq(users.id, me.user.id))).toHaveLength(1);

    const res = await c.request('/api/account', { method: 'DELETE', json: { password: DEMO } });
    expect(res.status).toBe(204);
    expect(await t.db.select().from(users).where(eq(users.id, me.user.id))).toEqual([]);
    const kept = await t.db
      .select()
      .from(bookings)
      .where(eq(bookings.associationId, membership!.associationId));
    expect(kept.length).toBeGreaterThanOrEqual(mine.length);
    expect(kept.every((b) => b.requestedBy === null)).toBe(true);
    expect((await c.get('/api/session')).status).toBe(401);
    expect(
      (
        await new TestClient(app).post('/api/session', {
          email: 'mll@demo.example',
          password: DEMO,
        })
      ).status,
    ).toBe(401);
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.delete'), eq(auditLog.entityId, me.user.id)));
    expect(entry!.actorUserId).toBeNull(); // the person is gone from their own audit row too
  });

  it('the only administrator of an association with members cannot delete the account yet', async () => {
    const c = new TestClient(app);
    const me = await c.signIn('map@demo.example', DEMO);
    const [membership] = await t.db
      .select()
      .from(associationMembers)
      .where(eq(associationMembers.userId, me.user.id));
    const [other] = await t.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'resident@demo.example'));
    await t.db.insert(associationMembers).values({
      associationId: membership!.associationId,
      userId: other!.id,
      municipalityId: membership!.municipalityId,
      role: 'member',
    });
    const res = await c.request('/api/account', { method: 'DELETE', json: { password: DEMO } });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('last_admin');
    expect(await t.db.select().from(users).where(eq(users.id, me.user.id))).toHaveLength(1);
  });

  it('the retention job cuts people loose from data older than 24 months, and counts stay', async () => {
    const tally = async () => ({
      bookings: (await t.db.select({ n: count() }).from(bookings))[0]!.n,
      events: (await t.db.select({ n: count() }).from(events))[0]!.n,
      occurrences: (await t.db.select({ n: count() }).from(eventOccurrences))[0]!.n,
      attendance: (await t.db.select({ n: count() }).from(attendance))[0]!.n,
      participants: (
        await t.db
          .select({ n: sql<number>`coalesce(sum(${attendance.participants}), 0)::int` })
          .from(attendance)
      )[0]!.n,
      audit: (await t.db.select({ n: count() }).from(auditLog))[0]!.n,
    });
    const before = await tally();
    const withPeople = (
      await t.db.select({ n: count() }).from(bookings).where(isNotNull(bookings.requestedBy))
    )[0]!.n;
    const deps = {
      db: t.db,
      engine: t.engine,
      migrationState: t.migrationState,
      clock: fixedClock(TEST_NOW),
      mailer: outboxMailer,
      config: testConfig(),
    };
    const run = (now: Date) =>
      anonymiseExpired({
        ctx: anonymousCtx({
          db: t.db,
          now,
          client: UNKNOWN_CLIENT,
          auth: authOf(deps),
          mailer: outboxMailer,
        }),
        input: { retentionMonths: 24 },
      });

    // Today nothing is old enough.
    const today = await run(TEST_NOW);
    expect(today).toMatchObject({
      bookingsAnonymised: 0,
      eventsAnonymised: 0,
      attendanceAnonymised: 0,
      auditAnonymised: 0,
    });

    // 25 months on: the cutoff is a month after the demo's "now"; later bookings keep their people.
    const later = new Date(TEST_NOW);
    later.setUTCMonth(later.getUTCMonth() + 25);
    const cutoff = '2026-12-24T10:00:00.000Z';
    const oldWithPeople = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(bookings)
          .where(
            and(isNotNull(bookings.requestedBy), sql`${bookings.endsAt} < ${cutoff}::timestamptz`),
          )
      )[0]!.n;
    const newWithPeople = async () =>
      (
        await t.db
          .select({ n: count() })
          .from(bookings)
          .where(
            and(isNotNull(bookings.requestedBy), sql`${bookings.endsAt} >= ${cutoff}::timestamptz`),
          )
      )[0]!.n;
    const auditWithPeople = (
      await t.db
        .select({ n: count() })
        .from(auditLog)
        .where(
          sql`${auditLog.at} < ${cutoff}::timestamptz and (${auditLog.actorUserId} is not null or ${auditLog.data} <> '{}'::jsonb)`,
        )
    )[0]!.n;
    const oldBefore = await oldWithPeople();
    const newBefore = await newWithPeople();
    expect(oldBefore).toBeGreaterThan(0);
    expect(newBefore).toBeGreaterThan(0);

    const done = await run(later);
    expect(done.cutoff).toBe(cutoff);
    expect(done.bookingsAnonymised).toBeGreaterThanOrEqual(oldBefore);
    expect(done.auditAnonymised).toBe(Number(auditWithPeople));
    expect(await oldWithPeople()).toBe(0);
    expect(await newWithPeople()).toBe(newBefore);
    expect(await tally()).toEqual(before);
    const purposes = await t.db
      .select({ purpose: bookings.purpose })
      .from(bookings)
      .where(sql`${bookings.endsAt} < ${cutoff}::timestamptz`);
    expect(purposes.every((b) => b.purpose === '')).toBe(true);
    expect(
      (
        await t.db
          .select({ n: count() })
          .from(mailOutbox)
          .where(sql`${mailOutbox.createdAt} < ${cutoff}::timestamptz`)
      )[0]!.n,
    ).toBe(0);
    expect(withPeople).toBeGreaterThan(0);
    // Revoked private links older than the period are gone; a live one stays.
    const [someone] = await t.db.select({ id: users.id }).from(users).limit(1);
    const [town] = await t.db.select({ id: municipalities.id }).from(municipalities).limit(1);
    const link = (hash: string, revokedAt: Date | null) => ({
      userId: someone!.id,
      municipalityId: town!.id,
      scope: 'municipality' as const,
      scopeId: town!.id,
      tokenHash: hash,
      revokedAt,
    });
    await t.db.insert(feedTokens).values(link('old-revoked', TEST_NOW));
    await t.db.insert(feedTokens).values(link('new-revoked', later));
    await t.db.insert(feedTokens).values(link('live', null));
    const revokedBefore = sql`${feedTokens.revokedAt} < ${cutoff}::timestamptz`;
    const old = (await t.db.select({ n: count() }).from(feedTokens).where(revokedBefore))[0]!.n;
    expect(old).toBeGreaterThanOrEqual(1);
    expect((await run(later)).feedLinksDeleted).toBe(old);
    const left = await t.db.select({ hash: feedTokens.tokenHash }).from(feedTokens);
    expect(left.map((l) => l.hash)).toEqual(expect.arrayContaining(['live', 'new-revoked']));
    expect(left.map((l) => l.hash)).not.toContain('old-revoked');
    // Idempotent.
    expect(await run(later)).toMatchObject({
      feedLinksDeleted: 0,
      bookingsAnonymised: 0,
      eventsAnonymised: 0,
      attendanceAnonymised: 0,
      auditAnonymised: 0,
      mailDeleted: 0,
    });
  });
});
