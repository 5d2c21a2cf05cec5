import {
  associations,
  attendance,
  bookingRequests,
  bookings,
  eventOccurrences,
  events,
  municipalities,
  venues,
} from '@motesplats/db';
import { ANONYMOUS } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymiseExpired } from '../../apps/api/src/services/privacy/anonymise';
import { createBookingWorld, serviceCtxFor } from '../fixtures/booking';
import { insertBooking } from '../fixtures/premises';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const ZONE = 'Europe/Helsinki';
/** A Helsinki wall-clock time as an instant. */
const local = (text: string) => DateTime.fromISO(text, { zone: ZONE }).toJSDate();
const hours = (h: number) => h * 3_600_000;

/**
 * Issue 11's figures for a seeded municipality, counted by hand below. The hall (halves
 * north and south) and the small room open 08:00–22:00 every day; the small room exists
 * from 1 July 2026 only, and the hall is closed on 24 December 2026.
 */
describe(`staff reports: the yearly indicators (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let staff: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  let slug: string;

  type Status = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
  const book = async (
    space: 'hall' | 'north' | 'south' | 'other',
    start: string,
    end: string,
    o: { status?: Status; requested: string; waitHours?: number; city?: boolean },
  ) => {
    const [b] = await insertBooking(t.db, {
      municipalityId: world.municipalityId,
      venueId: space === 'other' ? world.otherVenueId : world.hallVenueId,
      spaceId: world.spaces[space],
      associationId: o.city ? null : world.associationId,
      startsAt: local(start),
      endsAt: local(end),
      status: o.status ?? 'approved',
      purpose: 'Möte om föreningens år',
      decidedAt:
        o.waitHours === undefined
          ? null
          : new Date(new Date(o.requested).getTime() + hours(o.waitHours)),
    });
    await t.db
      .update(bookingRequests)
      .set({ createdAt: new Date(o.requested) })
      .where(eq(bookingRequests.id, b!.requestId));
    return b!;
  };

  const event = async (
    associationId: string,
    o: { category: string; languages: string[]; status?: 'published' | 'draft' | 'unpublished' },
    dates: { start: string; end: string; cancelled?: boolean; participants?: number }[],
  ) => {
    const [e] = await t.db
      .insert(events)
      .values({
        municipalityId: world.municipalityId,
        associationId,
        categorySlug: o.category,
        venueId: world.hallVenueId,
        title: { sv: `Evenemang ${o.category}` },
        languages: o.languages,
        status: o.status ?? 'published',
        uid: `event-${randomUUID()}@motesplats`,
        startsAt: local(dates[0]!.start),
        endsAt: local(dates[0]!.end),
      })
      .returning();
    for (const d of dates) {
      const [occ] = await t.db
        .insert(eventOccurrences)
        .values({
          municipalityId: world.municipalityId,
          eventId: e!.id,
          startsAt: local(d.start),
          endsAt: local(d.end),
          originalStartsAt: local(d.start),
          status: d.cancelled ? 'cancelled' : 'scheduled',
          uid: `occurrence-${randomUUID()}@motesplats`,
        })
        .returning();
      if (d.participants !== undefined)
        await t.db.insert(attendance).values({
          occurrenceId: occ!.id,
          municipalityId: world.municipalityId,
          participants: d.participants,
        });
    }
  };

  const report = async (query: string, client = staff) => {
    const res = await client.get(`/api/reports/indicators?${query}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Json;
  };

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    world = await createBookingWorld(t.db, { extraAssociations: 1 });
    const [m] = await t.db
      .update(municipalities)
      .set({ region: 'Testregionen' })
      .where(eq(municipalities.id, world.municipalityId))
      .returning();
    slug = m!.slug;
    await t.db
      .update(venues)
      .set({ createdAt: new Date('2024-06-01T00:00:00Z'), blackoutDates: ['2026-12-24'] })
      .where(eq(venues.id, world.hallVenueId));
    await t.db
      .update(venues)
      .set({ createdAt: local('2026-07-01T00:00') })
      .where(eq(venues.id, world.otherVenueId));
    await t.db
      .update(associations)
      .set({ verifiedAt: new Date('2025-05-05T10:00:00Z') })
      .where(eq(associations.id, world.associationId));
    await t.db
      .update(associations)
      .set({ verifiedAt: new Date('2026-02-01T10:00:00Z') })
      .where(eq(associations.id, world.moreAssociations[0]!));

    // 2026, association use, approved:
    // two halves at once: 18–21 and 19–22 is 4 hours of the hall, not 6.
    await book('north', '2026-03-10T18:00', '2026-03-10T21:00', {
      requested: '2026-03-01T10:00Z',
      waitHours: 24,
    });
    await book('south', '2026-03-10T19:00', '2026-03-10T22:00', {
      requested: '2026-03-01T10:00Z',
      waitHours: 12,
    });
    // The night the clocks go forward: 01:00–05:00 local is 3 hours.
    await book('hall', '2026-03-29T01:00', '2026-03-29T05:00', {
      requested: '2026-03-20T10:00Z',
      waitHours: 6,
    });
    // Across midnight and a month end: 4 hours in April, 2 in May.
    await book('hall', '2026-04-30T20:00', '2026-05-01T02:00', {
      requested: '2026-04-01T00:00Z',
      waitHours: 48,
    });
    await book('other', '2026-08-04T18:00', '2026-08-04T20:00', {
      requested: '2026-07-15T10:00Z',
      waitHours: 36,
    });
    // Not booked time: pending, rejected, withdrawn, and approved then cancelled.
    await book('hall', '2026-06-10T18:00', '2026-06-10T20:00', {
      status: 'pending',
      requested: '2026-05-01T10:00Z',
    });
    await book('hall', '2026-06-11T18:00', '2026-06-11T20:00', {
      status: 'rejected',
      requested: '2026-05-02T10:00Z',
      waitHours: 10,
    });
    await book('hall', '2026-06-12T18:00', '2026-06-12T20:00', {
      status: 'withdrawn',
      requested: '2026-05-03T10:00Z',
    });
    await book('hall', '2026-06-13T18:00', '2026-06-13T20:00', {
      status: 'cancelled',
      requested: '2026-05-04T10:00Z',
      waitHours: 2,
    });
    // The city's own use: apart.
    await book('hall', '2026-06-02T08:00', '2026-06-02T10:00', {
      requested: '2026-05-20T10:00Z',
      waitHours: 1,
      city: true,
    });
    // 2025: one evening, and one across the new year (2 hours each side).
    await book('hall', '2025-11-05T18:00', '2025-11-05T20:00', {
      requested: '2025-10-01T10:00Z',
      waitHours: 30,
    });
    await book('hall', '2025-12-31T22:00', '2026-01-01T02:00', {
      requested: '2025-12-20T10:00Z',
      waitHours: 4,
    });

    // Events: a language café in Finnish and Arabic (one date counted, one over without a
    // count, one still to come, one cancelled); a family café of the second association in
    // Swedish, also held in 2025; a draft and an unpublished event that do not count.
    await event(world.associationId, { category: 'language-cafe', languages: ['fi', 'ar'] }, [
      { start: '2026-03-10T18:00', end: '2026-03-10T21:00', participants: 12 },
      { start: '2026-04-07T18:00', end: '2026-04-07T20:00', cancelled: true },
      { start: '2026-11-10T18:00', end: '2026-11-10T20:00' },
      { start: '2026-12-08T18:00', end: '2026-12-08T20:00' },
    ]);
    await event(world.moreAssociations[0]!, { category: 'family-cafe', languages: ['sv'] }, [
      { start: '2025-06-03T10:00', end: '2025-06-03T12:00', participants: 5 },
      { start: '2026-06-02T10:00', end: '2026-06-02T12:00', participants: 8 },
    ]);
    await event(world.associationId, { category: 'culture', languages: ['sv'], status: 'draft' }, [
      { start: '2026-05-05T18:00', end: '2026-05-05T20:00' },
    ]);
    await event(
      world.associationId,
      { category: 'culture', languages: ['en'], status: 'unpublished' },
      [{ start: '2026-05-06T18:00', end: '2026-05-06T20:00', participants: 40 }],
    );

    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
  });
  afterAll(async () => t?.close());

  it('counts bookings, booked and opening hours, split at midnight, month ends and a DST change', async () => {
    const r = await report(`municipality=${slug}&year=2026&lang=sv`);
    expect(r.period).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
      previous: { from: '2025-01-01', to: '2025-12-31' },
    });
    // 5 approved bookings start in 2026; 15 hours in the hall (2 of them from the new-year
    // booking that started in 2025), 2 in the small room.
    expect(r.summary.bookings).toEqual({ value: 5, previous: 2 });
    expect(r.summary.bookedHours).toEqual({ value: 17, previous: 4 });
    expect(r.summary.cityBookings).toEqual({ value: 1, previous: 0 });
    expect(r.summary.cityHours).toEqual({ value: 2, previous: 0 });
    expect(r.summary.venuesAvailable).toEqual({ value: 2, previous: 1 });
    // The hall: 365 days × 14 h less 24 December; the small room from 1 July: 184 days.
    expect(r.summary.openHours).toEqual({ value: 364 * 14 + 184 * 14, previous: 365 * 14 });

    const hall = r.venues.find((v: Json) => v.id === world.hallVenueId);
    expect(hall.bookings).toEqual({ value: 4, previous: 2 });
    expect(hall.bookedHours).toEqual({ value: 15, previous: 4 });
    expect(hall.utilisation).toEqual({ value: 0.003, previous: 0.001 });
    const month = (m: string) => hall.months.find((x: Json) => x.month === m);
    expect(month('2026-01')).toMatchObject({ bookedHours: 2, openHours: 31 * 14 });
    expect(month('2026-03')).toMatchObject({
      bookedHours: 7,
      openHours: 31 * 14,
      utilisation: 0.016,
    });
    expect(month('2026-04')).toMatchObject({ bookedHours: 4, openHours: 30 * 14 });
    expect(month('2026-05')).toMatchObject({ bookedHours: 2 });
    expect(month('2026-06')).toMatchObject({ bookedHours: 0, utilisation: 0 });
    expect(month('2026-12')).toMatchObject({ openHours: 30 * 14 });
    const small = r.venues.find((v: Json) => v.id === world.otherVenueId);
    expect(small.months.find((x: Json) => x.month === '2026-06').openHours).toBe(0);
    expect(small.months.find((x: Json) => x.month === '2026-06').utilisation).toBeNull();
    expect(small.months.find((x: Json) => x.month === '2026-08')).toMatchObject({
      bookedHours: 2,
      openHours: 31 * 14,
    });
    expect(r.months.find((m: Json) => m.month === '2026-03')).toMatchObject({
      bookings: 3,
      bookedHours: 7,
      occurrences: 1,
      participants: 12,
      previous: { month: '2025-03', bookings: 0 },
    });
  });

  it('counts requests by outcome and the median time to a decision', async () => {
    const r = await report(`municipality=${slug}&year=2026`);
    // Approved: five, and the one approved then cancelled. The city's request is apart.
    expect(r.summary.requestsApproved).toEqual({ value: 6, previous: 2 });
    expect(r.summary.requestsRejected).toEqual({ value: 1, previous: 0 });
    expect(r.summary.requestsWithdrawn).toEqual({ value: 1, previous: 0 });
    expect(r.summary.requestsPending).toEqual({ value: 1, previous: 0 });
    // Waits 2, 6, 10, 12, 24, 36, 48 hours; in 2025, 4 and 30.
    expect(r.summary.medianHoursToDecision).toEqual({ value: 12, previous: 17 });
  });

  it('counts events, dates and participants per category and language, and dates lacking a count', async () => {
    const r = await report(`municipality=${slug}&year=2026&lang=fi`);
    expect(r.summary.events).toEqual({ value: 2, previous: 1 });
    expect(r.summary.occurrences).toEqual({ value: 4, previous: 1 });
    expect(r.summary.participants).toEqual({ value: 20, previous: 5 });
    // Over by 24 November: 10 March, 2 June, 10 November; 10 November has no count.
    expect(r.summary.occurrencesOver).toEqual({ value: 3, previous: 1 });
    expect(r.summary.occurrencesUncounted).toEqual({ value: 1, previous: 0 });
    expect(r.summary.shareUncounted).toEqual({ value: 0.333, previous: 0 });
    expect(r.summary.activeAssociations).toEqual({ value: 2, previous: 2 });
    expect(r.summary.newlyVerifiedAssociations).toEqual({ value: 1, previous: 1 });
    const cafe = r.categories.find((c: Json) => c.slug === 'language-cafe');
    expect(cafe).toMatchObject({
      name: { text: 'Kielikahvila', lang: 'fi' },
      events: { value: 1, previous: 0 },
      occurrences: { value: 3, previous: 0 },
      participants: { value: 12, previous: 0 },
    });
    expect(r.categories.find((c: Json) => c.slug === 'family-cafe')).toMatchObject({
      occurrences: { value: 1, previous: 1 },
      participants: { value: 8, previous: 5 },
    });
    expect(r.categories.map((c: Json) => c.slug).sort()).toEqual(['family-cafe', 'language-cafe']);
    expect(r.languages).toEqual([
      {
        code: 'ar',
        events: { value: 1, previous: 0 },
        occurrences: { value: 3, previous: 0 },
        participants: { value: 12, previous: 0 },
      },
      {
        code: 'fi',
        events: { value: 1, previous: 0 },
        occurrences: { value: 3, previous: 0 },
        participants: { value: 12, previous: 0 },
      },
      {
        code: 'sv',
        events: { value: 1, previous: 1 },
        occurrences: { value: 1, previous: 1 },
        participants: { value: 8, previous: 5 },
      },
    ]);
  });

  it('takes a date range and compares it with as many days before it', async () => {
    const r = await report(`municipality=${slug}&from=2026-03-01&to=2026-04-30`);
    expect(r.period.previous).toEqual({ from: '2025-12-30', to: '2026-02-28' });
    // March 7 h, April 4 h (the 2 hours after midnight fall in May); before: 31 Dec–Feb.
    expect(r.summary.bookedHours).toEqual({ value: 11, previous: 4 });
    expect(r.summary.bookings).toEqual({ value: 4, previous: 1 });
    expect(r.months.map((m: Json) => m.month)).toEqual(['2026-03', '2026-04']);
  });

  it('gives the same figures after personal data is anonymised', async () => {
    const before = await report(`municipality=${slug}&year=2026`);
    const ctx = await serviceCtxFor(t.db, world.staffUserId, new Date('2027-12-01T00:00:00Z'));
    const done = await anonymiseExpired({
      ctx: { ...ctx, actor: ANONYMOUS },
      input: { retentionMonths: 1 },
    });
    expect(done.bookingsAnonymised).toBeGreaterThan(10);
    const [row] = await t.db
      .select()
      .from(bookings)
      .where(eq(bookings.venueId, world.otherVenueId));
    expect(row).toMatchObject({ purpose: '', requestedBy: null, decidedBy: null });
    // The retention run also ended the sessions that had expired by then.
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
    expect(await report(`municipality=${slug}&year=2026`)).toEqual(before);
  });

  it('answers CSV, and the Excel variant', async () => {
    const res = await staff.get(
      `/api/reports/indicators?municipality=${slug}&year=2026&table=summary`,
      {
        headers: { accept: 'text/csv' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('figure,value,previous');
    expect(text).toContain('\r\nbookedHours,17,4\r\n');
    expect(text).toContain('\r\nmedianHoursToDecision,12,17\r\n');

    const excel = await staff.get(
      `/api/reports/indicators.csv?municipality=${slug}&year=2026&table=utilisation&excel=1`,
    );
    expect(excel.headers.get('content-disposition')).toMatch(/^attachment; filename="indicators-/);
    const bytes = new Uint8Array(await excel.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(rows[0]).toBe(
      'venue;municipality;month;bookedHours;openHours;utilisation;utilisation_previous',
    );
    expect(rows).toContain(`Salen;${slug};2026-03;7;434;0,016;0`);
  });

  it('lets staff see their own municipality only, administrators any scope', async () => {
    const anonymous = new TestClient(app);
    expect(
      (await anonymous.get(`/api/reports/indicators?municipality=${slug}&year=2026`)).status,
    ).toBe(401);
    const borga = new TestClient(app);
    await borga.signIn('staff.borga@demo.example', DEMO);
    const refused = await borga.get(`/api/reports/indicators?municipality=${slug}&year=2026`);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await borga.get('/api/reports/indicators?year=2026')).status).toBe(403);
    expect((await borga.get('/api/reports/indicators?region=Testregionen&year=2026')).status).toBe(
      403,
    );
    expect((await borga.get('/api/reports/indicators?municipality=borga&year=2026')).status).toBe(
      200,
    );

    const admin = new TestClient(app);
    await admin.signIn('admin@demo.example', DEMO);
    const region = await report('region=Testregionen&year=2026', admin);
    expect(region.scope).toMatchObject({ kind: 'region', region: 'Testregionen' });
    expect(region.scope.municipalities.map((m: Json) => m.slug)).toEqual([slug]);
    expect(region.summary.bookedHours).toEqual({ value: 17, previous: 4 });
    const all = await report('year=2026', admin);
    expect(all.scope.kind).toBe('installation');
    expect(all.scope.municipalities.length).toBeGreaterThan(4);
    expect(all.summary.bookings.value).toBeGreaterThanOrEqual(5);
    expect((await admin.get('/api/reports/indicators?region=Nowhere&year=2026')).status).toBe(404);
    expect((await admin.get('/api/reports/indicators?municipality=nowhere&year=2026')).status).toBe(
      404,
    );
  });

  it('refuses bad periods with problem+json naming the parameter', async () => {
    const cases: [string, string][] = [
      [`municipality=${slug}`, 'from'],
      [`municipality=${slug}&year=0x7ea`, 'year'],
      [`municipality=${slug}&year=1999`, 'year'],
      [`municipality=${slug}&from=2026-02-30&to=2026-03-01`, 'from'],
      [`municipality=${slug}&from=2026-03-02&to=2026-03-01`, 'to'],
      [`municipality=${slug}&year=2026&from=2026-01-01`, 'year'],
      [`municipality=${slug}&year=2026&table=secrets`, 'table'],
    ];
    for (const [query, path] of cases) {
      const res = await staff.get(`/api/reports/indicators?${query}`);
      expect(res.status, query).toBe(400);
      const problem = await json(res);
      expect(
        problem.errors.map((e: Json) => e.path),
        query,
      ).toContain(path);
    }
  });
});
