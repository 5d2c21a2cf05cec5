/**
 * Private feeds (issue 9; docs/decisions/017, "Private feeds"): a venue's or a municipality's
 * bookings for its staff, an association's for its members, behind a token only its owner
 * sees once; checked against the current rows at every fetch.
 */
import {
  associationMembers,
  auditLog,
  bookings,
  categories,
  feedTokens,
  municipalities,
  staffRoles,
} from '@motesplats/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingWorld } from '../fixtures/booking';
import { insertBooking } from '../fixtures/premises';
import { TestClient } from '../setup/client';
import { ENGINE, TEST_NOW } from '../setup/env';
import { json } from '../setup/http';
import { captureLog } from '../setup/log-capture';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';
import { parseWithPython } from '../../packages/domain/src/ical/python-icalendar.test-helper';

const DEMO = 'motesplats-demo';
const ZONE = 'Europe/Helsinki';
const at = (local: string) =>
  DateTime.fromISO(local, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
const TOKEN_IN_PATH = /\/feeds\/private\/([A-Za-z0-9_-]{43})\.ics\?lang=(\w+)$/;

describe(`private feeds (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  const log = captureLog('debug');
  let staff: TestClient;
  let member: TestClient;
  let otherStaff: TestClient;
  let stranger: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  /** The member's pending request in the hall, and the other association's in the small room. */
  let choir: { requestId: string; bookingId: string };
  let cityUseId: string;
  let withdrawnId: string;
  let otherVenueBookingId: string;
  let otherAssociationBookingId: string;

  /** Path and query of a created link (the test app answers on http://localhost). */
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;
  const create = async (client: TestClient, kind: string, id: string, lang = 'sv') =>
    client.post(`/api/feed-tokens?lang=${lang}`, { scope: { kind, id } });
  const feedOf = async (url: string, init: RequestInit = {}) => {
    const res = await app.request(pathOf(url), init);
    return { res, text: await res.text() };
  };
  const uidOf = (id: string) => `feed-booking-${id}@motesplats`;
  const idOf = async (rows: Promise<{ id: string }[]>) => (await rows)[0]!.id;

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t, { logger: log.logger });
    world = await createBookingWorld(t.db, { extraAssociations: 1 });
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
    member = new TestClient(app);
    await member.signIn('mll@demo.example', DEMO);
    otherStaff = new TestClient(app);
    await otherStaff.signIn('staff.borga@demo.example', DEMO);
    stranger = new TestClient(app);
    await stranger.signIn('map@demo.example', DEMO);

    const res = await member.post('/api/bookings', {
      venueId: world.hallVenueId,
      associationId: world.associationId,
      purpose: 'Körövning inför julkonserten',
      expectedAttendance: 20,
      acceptTerms: true,
      start: at('2026-12-01T17:30'),
      end: at('2026-12-01T19:30'),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await json(res);
    choir = { requestId: created.id, bookingId: created.bookings[0].id };
    const row = (start: string, end: string, extra: Record<string, unknown>) => ({
      municipalityId: world.municipalityId,
      venueId: world.hallVenueId,
      spaceId: world.spaces.north,
      startsAt: new Date(start),
      endsAt: new Date(end),
      status: 'approved' as const,
      purpose: 'Möte',
      ...extra,
    });
    cityUseId = await idOf(
      insertBooking(
        t.db,
        row('2026-12-03T08:00:00Z', '2026-12-03T10:00:00Z', {
          associationId: null,
          purpose: 'Stadens personalmöte',
        }),
      ),
    );
    withdrawnId = await idOf(
      insertBooking(
        t.db,
        row('2026-12-04T08:00:00Z', '2026-12-04T10:00:00Z', {
          associationId: world.associationId,
          status: 'withdrawn',
          purpose: 'Styrelsemöte',
          updatedAt: new Date('2026-11-20T10:00:00Z'),
        }),
      ),
    );
    // Rejected long ago: gone from the feed.
    await insertBooking(
      t.db,
      row('2026-12-05T08:00:00Z', '2026-12-05T10:00:00Z', {
        associationId: world.associationId,
        status: 'rejected',
        purpose: 'Gammalt avslag',
        updatedAt: new Date('2026-09-01T10:00:00Z'),
      }),
    );
    otherVenueBookingId = await idOf(
      insertBooking(t.db, {
        ...row('2026-12-06T08:00:00Z', '2026-12-06T10:00:00Z', {
          associationId: world.associationId,
          purpose: 'I lilla rummet',
        }),
        venueId: world.otherVenueId,
        spaceId: world.spaces.other,
      }),
    );
    otherAssociationBookingId = await idOf(
      insertBooking(
        t.db,
        row('2026-12-07T08:00:00Z', '2026-12-07T10:00:00Z', {
          associationId: world.moreAssociations[0],
          purpose: 'Den andra föreningens möte',
        }),
      ),
    );
  });
  afterAll(() => t.close());

  let venueUrl: string;
  let venueToken: string;

  it('staff create a venue link: 201 with the URL once, audited; the feed lists exactly that venue’s bookings', async () => {
    const res = await create(staff, 'venue', world.hallVenueId);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const created = await json(res);
    expect(created).toMatchObject({
      scope: { kind: 'venue', id: world.hallVenueId },
      renewed: false,
      createdAt: TEST_NOW.toISOString(),
    });
    const match = TOKEN_IN_PATH.exec(created.url);
    expect(match, created.url).not.toBeNull();
    expect(created.url.startsWith('http://localhost/feeds/private/')).toBe(true);
    venueUrl = created.url;
    venueToken = match![1]!;
    // Only the hash is stored.
    const stored = await t.db.select().from(feedTokens).where(eq(feedTokens.id, created.id));
    expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(venueToken);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audits.map((a) => [a.action, a.municipalityId, a.data])).toEqual([
      ['feed_token.create', world.municipalityId, { scope: 'venue', scopeId: world.hallVenueId }],
    ]);

    const { res: feed, text } = await feedOf(venueUrl);
    expect(feed.status, text).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(feed.headers.get('cache-control')).toBe('private, max-age=900');
    expect(text).not.toContain(venueToken);
    const [cal] = parseWithPython([text]);
    expect(cal!.timezones).toEqual([ZONE]);
    expect(/^X-WR-CALNAME:(.*)\r$/m.exec(text)?.[1]).toBe('Salen – bokningar (Mötesplats)');
    expect(cal!.events.map((e) => [e.uid, e.sequence, e.status, e.summary, e.description])).toEqual(
      [
        [
          uidOf(choir.bookingId),
          0,
          'TENTATIVE',
          'Föreningen – Salen, Hela salen',
          'Status: väntar på beslut\nSyfte: Körövning inför julkonserten',
        ],
        [
          uidOf(cityUseId),
          0,
          'CONFIRMED',
          'Stadens eget bruk – Salen, Norra halvan',
          'Status: godkänd\nSyfte: Stadens personalmöte',
        ],
        [
          uidOf(withdrawnId),
          0,
          'CANCELLED',
          'Föreningen – Salen, Norra halvan',
          'Status: återtagen\nSyfte: Styrelsemöte',
        ],
        [
          uidOf(otherAssociationBookingId),
          0,
          'CONFIRMED',
          'Förening 1 – Salen, Norra halvan',
          'Status: godkänd\nSyfte: Den andra föreningens möte',
        ],
      ],
    );
    expect(cal!.events[0]!.dtstart).toEqual({
      local: '2026-12-01T17:30:00',
      tzid: ZONE,
      utc: '2026-12-01T15:30:00Z',
    });
    expect(text).not.toContain(uidOf(otherVenueBookingId));
    // No personal data either: no names or addresses of people.
    expect(text).not.toMatch(/ORGANIZER|ATTENDEE|mailto:|demo\.example/);

    // The language asked for; the same bytes again (deterministic).
    const fi = await feedOf(venueUrl.replace('lang=sv', 'lang=fi'));
    expect(fi.text).toContain('Tila: odottaa päätöstä\\nTarkoitus: Körövning');
    expect((await feedOf(venueUrl)).text).toBe(text);
  });

  it('a status change raises SEQUENCE and the ETag; 304 on If-None-Match; HEAD and gzip as the public feeds', async () => {
    const before = await feedOf(venueUrl);
    const etag = before.res.headers.get('etag')!;
    expect((await feedOf(venueUrl, { headers: { 'if-none-match': etag } })).res.status).toBe(304);

    // Decided an hour after it was asked (a fixed clock at the same instant would leave
    // updated_at unchanged, and the trigger would stamp the real time instead).
    const decidedAt = new Date(TEST_NOW.getTime() + 3_600_000);
    const laterStaff = new TestClient(createTestApp(t, { now: decidedAt }));
    for (const [k, v] of staff.cookies) laterStaff.cookies.set(k, v);
    const decided = await laterStaff.post(`/api/bookings/${choir.requestId}/decision`, {
      decision: 'approve',
    });
    expect(decided.status, await decided.clone().text()).toBe(200);
    const after = await feedOf(venueUrl, { headers: { 'if-none-match': etag } });
    expect(after.res.status).toBe(200);
    const newTag = after.res.headers.get('etag')!;
    expect(newTag).not.toBe(etag);
    const [cal] = parseWithPython([after.text]);
    const entry = cal!.events.find((e) => e.uid === uidOf(choir.bookingId))!;
    expect([entry.sequence, entry.status, entry.description]).toEqual([
      1,
      'CONFIRMED',
      'Status: godkänd\nSyfte: Körövning inför julkonserten',
    ]);
    // DTSTAMP from the row (the decision's instant), not the clock.
    expect(entry.dtstamp).toBe('2026-11-24T11:00:00Z');

    const revalidated = await feedOf(venueUrl, { headers: { 'if-none-match': newTag } });
    expect(revalidated.res.status).toBe(304);
    expect(revalidated.res.headers.get('cache-control')).toBe('private, max-age=900');

    const head = await app.request(pathOf(venueUrl), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(newTag);
    const gz = await app.request(pathOf(venueUrl), { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(after.text);
  });

  it('raises SEQUENCE in the database for what a subscriber sees (status, time, purpose), not for a note', async () => {
    const seq = async () =>
      (
        await t.db.select({ s: bookings.sequence }).from(bookings).where(eq(bookings.id, cityUseId))
      )[0]!.s;
    await t.db
      .update(bookings)
      .set({ decisionNote: 'intern anteckning' })
      .where(eq(bookings.id, cityUseId));
    expect(await seq()).toBe(0);
    await t.db
      .update(bookings)
      .set({ purpose: 'Stadens personalmöte (flyttat)' })
      .where(eq(bookings.id, cityUseId));
    expect(await seq()).toBe(1);
    await t.db
      .update(bookings)
      .set({
        startsAt: new Date('2026-12-03T09:00:00Z'),
        endsAt: new Date('2026-12-03T11:00:00Z'),
      })
      .where(eq(bookings.id, cityUseId));
    expect(await seq()).toBe(2);
    const [cal] = parseWithPython([(await feedOf(venueUrl)).text]);
    expect(cal!.events.find((e) => e.uid === uidOf(cityUseId))).toMatchObject({
      sequence: 2,
      description: 'Status: godkänd\nSyfte: Stadens personalmöte (flyttat)',
    });
  });

  it('lists my links (scope, created, last used) but never the token; public answers never carry it', async () => {
    const res = await staff.get('/api/feed-tokens');
    expect(res.status).toBe(200);
    const body = await res.text();
    const { items } = JSON.parse(body) as { items: Record<string, unknown>[] };
    expect(items).toEqual([
      {
        id: expect.any(String),
        scope: { kind: 'venue', id: world.hallVenueId },
        createdAt: TEST_NOW.toISOString(),
        lastUsedAt: TEST_NOW.toISOString(),
      },
    ]);
    const [row] = await t.db
      .select()
      .from(feedTokens)
      .where(eq(feedTokens.id, String(items[0]!.id)));
    for (const secret of [venueToken, row!.tokenHash]) expect(body).not.toContain(secret);
    expect((await json(await member.get('/api/feed-tokens'))).items).toEqual([]);
    expect((await new TestClient(app).get('/api/feed-tokens')).status).toBe(401);

    for (const path of [
      `/api/venues/${world.hallVenueId}`,
      `/api/venues?limit=100`,
      `/feeds/venues/${world.hallVenueId}.ics`,
      `/api/occurrences?limit=100`,
      '/api/openapi.json',
    ]) {
      const answer = await (await app.request(path)).text();
      expect(answer, path).not.toContain(venueToken);
      expect(answer, path).not.toContain(row!.tokenHash);
    }
    // Nor what staff read about the venue, nor the audit log.
    const [m] = await t.db
      .select({ slug: municipalities.slug })
      .from(municipalities)
      .where(eq(municipalities.id, world.municipalityId));
    for (const path of [
      `/api/staff/venues/${world.hallVenueId}`,
      `/api/staff/audit?municipality=${m!.slug}`,
    ]) {
      const answer = await (await staff.get(path)).text();
      expect(answer, path).not.toContain(venueToken);
    }
  });

  it('the request log never writes the token, matched or not', async () => {
    await feedOf(venueUrl);
    await app.request(`/feeds/private/${venueToken}x.ics`);
    await app.request(`/feeds/private/${venueToken}/more`);
    const written = log.raw.join('');
    expect(written).toContain('/feeds/private/');
    expect(written).not.toContain(venueToken);
    const nested = await app.request(`/feeds/private/${venueToken}/more`);
    expect(await nested.text()).not.toContain(venueToken);
  });

  it('revoking answers 404 problem+json at once, even right after a cached 200, alike an unknown token', async () => {
    expect((await feedOf(venueUrl)).res.status).toBe(200);
    const [row] = await t.db
      .select()
      .from(feedTokens)
      .where(and(eq(feedTokens.scopeId, world.hallVenueId), sql`revoked_at is null`));
    // Someone else cannot revoke it.
    expect((await otherStaff.delete(`/api/feed-tokens/${row!.id}`)).status).toBe(404);
    expect((await staff.delete(`/api/feed-tokens/${row!.id}`)).status).toBe(204);
    const gone = await feedOf(venueUrl);
    expect(gone.res.status).toBe(404);
    expect(gone.res.headers.get('content-type')).toContain('application/problem+json');
    const unknown = await feedOf(`http://localhost/feeds/private/${'A'.repeat(43)}.ics?lang=sv`);
    expect(unknown.res.status).toBe(404);
    expect(gone.text).toBe(unknown.text);
    expect(gone.text).not.toContain(venueToken);
    // A conditional poll gets no 304 either.
    const etag = (await app.request(pathOf(venueUrl))).headers.get('etag');
    expect(etag).toBeNull();
    expect((await staff.delete(`/api/feed-tokens/${row!.id}`)).status).toBe(404);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.entityId, row!.id));
    expect(audits.map((a) => a.action)).toEqual(['feed_token.create', 'feed_token.revoke']);
  });

  it('renewing makes a new link and the old one stops', async () => {
    const first = await json(await create(staff, 'venue', world.hallVenueId));
    expect(first.renewed).toBe(false);
    expect((await feedOf(first.url)).res.status).toBe(200);
    const second = await json(await create(staff, 'venue', world.hallVenueId));
    expect(second.renewed).toBe(true);
    expect(second.url).not.toBe(first.url);
    expect((await feedOf(first.url)).res.status).toBe(404);
    expect((await feedOf(second.url)).res.status).toBe(200);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.entityId, second.id));
    expect([audit!.action, audit!.data]).toEqual([
      'feed_token.renew',
      { scope: 'venue', scopeId: world.hallVenueId, replaces: [first.id] },
    ]);
    venueUrl = second.url;
  });

  it('requests at once (a double click) all answer 201, leaving one live link, never a 500', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => create(staff, 'venue', world.otherVenueId)),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const links = await Promise.all(answers.map(async (a) => (await json(a)).url as string));
    const statuses = await Promise.all(links.map(async (url) => (await feedOf(url)).res.status));
    expect(statuses.sort()).toEqual([200, 404, 404, 404, 404, 404]);
    const live = await t.db
      .select()
      .from(feedTokens)
      .where(
        and(
          eq(feedTokens.scopeId, world.otherVenueId),
          eq(feedTokens.userId, world.staffUserId),
          isNull(feedTokens.revokedAt),
        ),
      );
    expect(live).toHaveLength(1);
  });

  it('a removed staff role answers 404; staff of another municipality may not make a link (403)', async () => {
    const role = and(
      eq(staffRoles.userId, world.staffUserId),
      eq(staffRoles.municipalityId, world.municipalityId),
    );
    const [kept] = await t.db.select().from(staffRoles).where(role);
    await t.db.delete(staffRoles).where(role);
    expect((await feedOf(venueUrl)).res.status).toBe(404);
    await t.db.insert(staffRoles).values(kept!);
    expect((await feedOf(venueUrl)).res.status).toBe(200);

    const before = await t.db.select().from(feedTokens);
    const refused = await create(otherStaff, 'venue', world.hallVenueId);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect((await create(otherStaff, 'municipality', world.municipalityId)).status).toBe(403);
    expect((await create(member, 'venue', world.hallVenueId)).status).toBe(403);
    expect(
      (
        await new TestClient(app).post('/api/feed-tokens', {
          scope: { kind: 'venue', id: world.hallVenueId },
        })
      ).status,
    ).toBe(401);
    expect((await create(staff, 'venue', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await create(staff, 'room', world.hallVenueId)).status).toBe(400);
    expect(await t.db.select().from(feedTokens)).toEqual(before);
  });

  it('a municipality link shows every venue’s bookings, in Arabic when asked', async () => {
    const res = await create(staff, 'municipality', world.municipalityId, 'ar');
    expect(res.status).toBe(201);
    const { text } = await feedOf((await json(res)).url);
    const [cal] = parseWithPython([text]);
    expect(new Set(cal!.events.map((e) => e.uid))).toEqual(
      new Set(
        [
          choir.bookingId,
          cityUseId,
          withdrawnId,
          otherVenueBookingId,
          otherAssociationBookingId,
        ].map(uidOf),
      ),
    );
    expect(cal!.events.find((e) => e.uid === uidOf(cityUseId))!.description).toBe(
      'الحالة: مقبول\nالغرض: Stadens personalmöte (flyttat)',
    );
  });

  it('the feed speaks each interface language: Russian, Ukrainian and Estonian too', async () => {
    const expected = {
      ru: 'Статус: одобрено\nЦель: Stadens personalmöte (flyttat)',
      uk: 'Статус: схвалено\nМета: Stadens personalmöte (flyttat)',
      et: 'Olek: kinnitatud\nEesmärk: Stadens personalmöte (flyttat)',
    };
    for (const [lang, description] of Object.entries(expected)) {
      const res = await create(staff, 'municipality', world.municipalityId, lang);
      expect(res.status).toBe(201);
      const { text } = await feedOf((await json(res)).url);
      const [cal] = parseWithPython([text]);
      expect(cal!.events.find((e) => e.uid === uidOf(cityUseId))!.description).toBe(description);
    }
  });

  it('a member’s association link shows only its bookings; a non-member is refused (403); a removed member gets 404', async () => {
    const res = await create(member, 'association', world.associationId);
    expect(res.status, await res.clone().text()).toBe(201);
    const { url } = await json(res);
    const { text } = await feedOf(url);
    const [cal] = parseWithPython([text]);
    expect(cal!.events.map((e) => [e.uid, e.status])).toEqual([
      [uidOf(choir.bookingId), 'CONFIRMED'],
      [uidOf(withdrawnId), 'CANCELLED'],
      [uidOf(otherVenueBookingId), 'CONFIRMED'],
    ]);
    expect(/^X-WR-CALNAME:(.*)\r$/m.exec(text)?.[1]).toBe('Föreningen – bokningar (Mötesplats)');

    expect((await create(stranger, 'association', world.associationId)).status).toBe(403);
    expect((await create(staff, 'association', world.associationId)).status).toBe(403);

    const membership = and(
      eq(associationMembers.userId, world.memberUserId),
      eq(associationMembers.associationId, world.associationId),
    );
    const [kept] = await t.db.select().from(associationMembers).where(membership);
    await t.db.delete(associationMembers).where(membership);
    expect((await feedOf(url)).res.status).toBe(404);
    await t.db.insert(associationMembers).values(kept!);
    expect((await feedOf(url)).res.status).toBe(200);
  });

  it('last use is written at most once an hour', async () => {
    const res = await create(member, 'association', world.associationId);
    const { url, id } = await json(res);
    const lastUsed = async () =>
      (await t.db.select().from(feedTokens).where(eq(feedTokens.id, id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    await feedOf(url);
    expect(await lastUsed()).toEqual(TEST_NOW);
    const later = createTestApp(t, { now: new Date(TEST_NOW.getTime() + 30 * 60_000) });
    await later.request(pathOf(url));
    expect(await lastUsed()).toEqual(TEST_NOW);
    const hourLater = new Date(TEST_NOW.getTime() + 61 * 60_000);
    await createTestApp(t, { now: hourLater }).request(pathOf(url));
    expect(await lastUsed()).toEqual(hourLater);
  });
});

describe(`a category change raises every feed version (${ENGINE})`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb('demo');
  });
  afterAll(() => t.close());

  it('a renamed category shows in its cached feed at once', async () => {
    const app = createTestApp(t);
    const name = async (path: string) =>
      /^X-WR-CALNAME:(.*)\r$/m.exec(await (await app.request(path)).text())?.[1];
    const all = '/feeds/categories/language-cafe.ics?lang=sv';
    const borga = '/feeds/categories/language-cafe.ics?municipality=borga&lang=sv';
    expect(await name(all)).toMatch(/^Språkcafé/);
    expect(await name(borga)).toMatch(/^Språkcafé – Borgå/);
    await t.db
      .update(categories)
      .set({ name: sql`${categories.name} || '{"sv": "Språkkafé"}'::jsonb` })
      .where(eq(categories.slug, 'language-cafe'));
    expect(await name(all)).toBe('Språkkafé (Mötesplats)');
    expect(await name(borga)).toMatch(/^Språkkafé – Borgå/);
  });
});
