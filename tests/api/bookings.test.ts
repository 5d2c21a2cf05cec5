import {
  auditLog,
  bookingClaims,
  bookingRequests,
  bookings,
  buildings,
  mailOutbox,
  spaces,
  venues,
} from '@motesplats/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffBookingQueue } from '../../apps/api/src/services/bookings/list-booking-requests';
import { createBookingWorld, serviceCtxFor } from '../fixtures/booking';
import { insertBooking } from '../fixtures/premises';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { takeMail } from '../setup/outbox';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

const DEMO = 'motesplats-demo';
const ZONE = 'Europe/Helsinki';
/** A Helsinki wall-clock time as the ISO instant with offset that the API takes. */
const at = (local: string) =>
  DateTime.fromISO(local, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
const utc = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const slot = (from: string, to: string) => ({ start: utc(from), end: utc(to) });

describe(`booking requests (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let member: TestClient;
  let staff: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;

  const ask = (extra: Record<string, unknown>, client = member) =>
    client.post('/api/bookings', {
      venueId: world.hallVenueId,
      associationId: world.associationId,
      purpose: 'Körövning',
      expectedAttendance: 20,
      acceptTerms: true,
      ...extra,
    });

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    world = await createBookingWorld(t.db, { extraAssociations: 3 });
    member = new TestClient(app);
    await member.signIn('mll@demo.example', DEMO);
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
  });
  afterAll(() => t.close());

  it('takes a single slot: 201 with the request and its pending booking, audited, staff told', async () => {
    const res = await ask({ start: at('2026-12-01T17:30'), end: at('2026-12-01T19:30') });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(res.headers.get('location')).toBe(`/api/bookings/${body.id}`);
    expect(body).toMatchObject({
      status: 'pending',
      cityUse: false,
      association: { id: world.associationId },
      space: { id: world.spaces.hall, whole: true },
      repeat: null,
      rrule: null,
      access: null,
      bookings: [
        { date: '2026-12-01', status: 'pending', ...slot('2026-12-01T17:30', '2026-12-01T19:30') },
      ],
      history: [{ action: 'request', dates: ['2026-12-01'] }],
    });
    const [entry] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'booking.request')));
    expect(entry!.actorUserId).toBe(world.memberUserId);
    const mail = await takeMail(t.db, 'staff.pargas@demo.example', /\/staff\/bookings$/);
    expect(mail.text).toContain('Körövning');
  });

  it('answers a clash with 409: the held time and the three nearest free slots of the same length', async () => {
    // Held 17:00–19:00 on 8 December; the hall is open 08:00–22:00.
    await insertBooking(t.db, {
      municipalityId: world.municipalityId,
      venueId: world.hallVenueId,
      spaceId: world.spaces.north,
      associationId: world.moreAssociations[0]!,
      startsAt: new Date(utc('2026-12-08T17:00')),
      endsAt: new Date(utc('2026-12-08T19:00')),
      status: 'approved',
      purpose: 'Möte',
    });
    const before = await t.db.select().from(bookingRequests);
    const res = await ask({ start: at('2026-12-08T17:30'), end: at('2026-12-08T19:30') });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await json(res);
    expect(body.code).toBe('clash');
    expect(body.clashes).toEqual([
      {
        date: '2026-12-08',
        ...slot('2026-12-08T17:30', '2026-12-08T19:30'),
        taken: slot('2026-12-08T17:00', '2026-12-08T19:00'),
        suggestions: body.suggestions,
      },
    ]);
    expect(body.suggestions).toEqual([
      slot('2026-12-08T15:00', '2026-12-08T17:00'),
      slot('2026-12-08T19:00', '2026-12-08T21:00'),
      slot('2026-12-09T08:00', '2026-12-09T10:00'),
    ]);
    expect(body.free).toEqual([]);
    expect(await t.db.select().from(bookingRequests)).toHaveLength(before.length);
    // The other half is free at that time; the whole hall is not.
    const south = await ask({
      spaceId: world.spaces.south,
      start: at('2026-12-08T17:30'),
      end: at('2026-12-08T19:30'),
    });
    expect(south.status).toBe(201);
  });

  it('books a weekly series, or only its free dates, saying date by date which clash', async () => {
    await insertBooking(t.db, {
      municipalityId: world.municipalityId,
      venueId: world.otherVenueId,
      spaceId: world.spaces.other,
      associationId: world.moreAssociations[1]!,
      startsAt: new Date(utc('2026-12-16T18:00')),
      endsAt: new Date(utc('2026-12-16T19:00')),
      status: 'pending',
      purpose: 'Möte',
    });
    const series = {
      venueId: world.otherVenueId,
      start: at('2026-12-02T17:30'),
      end: at('2026-12-02T19:30'),
      repeat: { weekly: { until: '2026-12-30', except: ['2026-12-23'] } },
    };
    const clash = await ask(series);
    expect(clash.status).toBe(409);
    const body = await json(clash);
    expect(body.clashes.map((c: { date: string }) => c.date)).toEqual(['2026-12-16']);
    expect(body.free.map((c: { date: string }) => c.date)).toEqual([
      '2026-12-02',
      '2026-12-09',
      '2026-12-30',
    ]);
    const free = await ask({ ...series, onlyFree: true });
    expect(free.status).toBe(201);
    const created = await json(free);
    expect(created.bookings.map((b: { date: string }) => b.date)).toEqual([
      '2026-12-02',
      '2026-12-09',
      '2026-12-30',
    ]);
    expect(created.rrule).toBe('FREQ=WEEKLY;BYDAY=WE;UNTIL=20261230');
    expect(created.repeat).toEqual({ weekly: { until: '2026-12-30', except: ['2026-12-23'] } });
    expect(created.history[0]).toMatchObject({
      action: 'request',
      dates: ['2026-12-02', '2026-12-09', '2026-12-30'],
    });
  });

  it('refuses broken rules with 422, each a code with its parameters, and stores nothing', async () => {
    const before = (await t.db.select().from(bookings)).length;
    const issues = async (extra: Record<string, unknown>) => {
      const res = await ask(extra);
      expect(res.status).toBe(422);
      return (await json(res)).issues.map((i: { code: string; params?: object }) => [
        i.code,
        i.params,
      ]);
    };
    expect(await issues({ start: at('2026-12-03T18:00'), end: at('2026-12-03T18:30') })).toEqual([
      ['too_short', { minimum: 60, actual: 30, date: '2026-12-03' }],
    ]);
    expect(await issues({ start: at('2026-12-03T21:00'), end: at('2026-12-03T23:00') })).toEqual([
      [
        'outside_opening_hours',
        { start: '2026-12-03 21:00', end: '2026-12-03 23:00', date: '2026-12-03' },
      ],
    ]);
    expect(await issues({ start: at('2026-11-25T18:00'), end: at('2026-11-25T20:00') })).toEqual([
      ['too_soon', { minimum: 48, actual: 30, date: '2026-11-25' }],
    ]);
    expect(
      await issues({
        start: at('2026-12-03T18:00'),
        end: at('2026-12-03T20:00'),
        expectedAttendance: 41,
      }),
    ).toEqual([['over_capacity', { maximum: 40, actual: 41 }]]);
    await t.db
      .update(venues)
      .set({ blackoutDates: ['2026-12-10'] })
      .where(eq(venues.id, world.hallVenueId));
    expect(
      await issues({
        start: at('2026-12-03T18:00'),
        end: at('2026-12-03T20:00'),
        repeat: { weekly: { until: '2026-12-17', except: [] } },
      }),
    ).toEqual([['blackout_date', { dates: '2026-12-10', date: '2026-12-10' }]]);
    await t.db
      .update(venues)
      .set({ blackoutDates: [], bookable: false })
      .where(eq(venues.id, world.hallVenueId));
    expect(await issues({ start: at('2026-12-03T18:00'), end: at('2026-12-03T20:00') })).toEqual([
      ['not_bookable', undefined],
    ]);
    await t.db.update(venues).set({ bookable: true }).where(eq(venues.id, world.hallVenueId));
    expect((await t.db.select().from(bookings)).length).toBe(before);
  });

  it('lets a booking run past midnight where the venue is open then', async () => {
    await t.db
      .update(venues)
      .set({ openingHours: [{ weekday: 5, opens: '18:00', closes: '02:00' }] })
      .where(eq(venues.id, world.otherVenueId));
    const res = await ask({
      venueId: world.otherVenueId,
      start: at('2026-12-04T22:00'),
      end: at('2026-12-05T01:00'),
    });
    expect(res.status).toBe(201);
    expect((await json(res)).bookings[0]).toMatchObject({
      date: '2026-12-04',
      ...slot('2026-12-04T22:00', '2026-12-05T01:00'),
    });
    const late = await ask({
      venueId: world.otherVenueId,
      start: at('2026-12-11T23:00'),
      end: at('2026-12-12T03:00'),
    });
    expect(late.status).toBe(422);
    await t.db.update(venues).set({ openingHours: [] }).where(eq(venues.id, world.otherVenueId));
  });

  it('keeps the venue’s buffer after each booking, in the clash, the suggestion and the answer', async () => {
    const w = await createBookingWorld(t.db, { bufferMinutes: 30 });
    await insertBooking(t.db, {
      municipalityId: w.municipalityId,
      venueId: w.otherVenueId,
      spaceId: w.spaces.other,
      associationId: w.associationId,
      startsAt: new Date(utc('2026-12-03T10:00')),
      endsAt: new Date(utc('2026-12-03T12:00')),
      status: 'approved',
      purpose: 'Möte',
    });
    const mine = (start: string, end: string) =>
      member.post('/api/bookings', {
        venueId: w.otherVenueId,
        associationId: w.associationId,
        purpose: 'Läxhjälp',
        expectedAttendance: 10,
        acceptTerms: true,
        start: at(start),
        end: at(end),
      });
    const inBuffer = await mine('2026-12-03T12:15', '2026-12-03T13:15');
    expect(inBuffer.status).toBe(409);
    const body = await json(inBuffer);
    expect(body.clashes[0].taken).toEqual(slot('2026-12-03T10:00', '2026-12-03T12:30'));
    // Nearest first, shown in time order: each leaves its own 30 minutes before the next claim.
    expect(body.suggestions).toEqual([
      slot('2026-12-02T21:00', '2026-12-02T22:00'),
      slot('2026-12-03T08:30', '2026-12-03T09:30'),
      slot('2026-12-03T12:30', '2026-12-03T13:30'),
    ]);
    // Ending 09:45 leaves no room for this booking's own 30 minutes before 10:00.
    expect((await mine('2026-12-03T08:00', '2026-12-03T09:45')).status).toBe(409);
    expect((await mine('2026-12-03T12:30', '2026-12-03T13:30')).status).toBe(201);
  });

  it('counts open requests, not weeks, against the venue’s limit', async () => {
    const w = await createBookingWorld(t.db);
    await t.db.update(venues).set({ maxOpenRequests: 2 }).where(eq(venues.id, w.hallVenueId));
    const mine = (start: string, end: string, repeat?: object) =>
      member.post('/api/bookings', {
        venueId: w.hallVenueId,
        associationId: w.associationId,
        purpose: 'Läxhjälp',
        expectedAttendance: 10,
        acceptTerms: true,
        start: at(start),
        end: at(end),
        ...(repeat ? { repeat } : {}),
      });
    const series = await mine('2026-12-01T10:00', '2026-12-01T12:00', {
      weekly: { until: '2027-02-23', except: [] },
    });
    expect(series.status).toBe(201);
    expect((await json(series)).bookings).toHaveLength(13);
    expect((await mine('2026-12-02T10:00', '2026-12-02T12:00')).status).toBe(201);
    const third = await mine('2026-12-03T10:00', '2026-12-03T12:00');
    expect(third.status).toBe(422);
    expect((await json(third)).issues).toEqual([
      expect.objectContaining({
        code: 'too_many_open_requests',
        params: { maximum: 2, current: 2 },
      }),
    ]);
  });

  it('answers 401, 403 and 400 before any rule: who may ask, and for which association', async () => {
    const slotBody = { start: at('2026-12-03T10:00'), end: at('2026-12-03T12:00') };
    const anonymous = new TestClient(app);
    expect((await ask(slotBody, anonymous)).status).toBe(401);
    const resident = new TestClient(app);
    await resident.signIn('resident@demo.example', DEMO);
    const stranger = await ask(slotBody, resident);
    expect(stranger.status).toBe(403);
    expect((await json(stranger)).code).toBe('member');
    const terms = await ask({ ...slotBody, acceptTerms: false });
    expect(terms.status).toBe(400);
    expect((await json(terms)).errors).toEqual([
      expect.objectContaining({ path: 'acceptTerms', code: 'terms_not_accepted' }),
    ]);
    const city = await ask({ ...slotBody, associationId: undefined, cityUse: true });
    expect(city.status).toBe(403);
    expect((await json(city)).code).toBe('staff');
    const badDate = await ask({
      ...slotBody,
      repeat: { weekly: { until: '2026-02-30', except: [] } },
    });
    expect(badDate.status).toBe(400);
    expect((await json(badDate)).errors[0]).toMatchObject({
      path: 'repeat.until',
      code: 'invalid_date',
    });
  });

  it('staff approve one date and reject another with a reason; the member sees both, and how to get in', async () => {
    await t.db.delete(mailOutbox);
    // The house stands in a town with a Finnish and a Swedish name, entered in Swedish.
    await t.db
      .update(buildings)
      .set({ city: 'Borgå' })
      .where(eq(buildings.municipalityId, world.municipalityId));
    const res = await ask({
      start: at('2027-01-05T17:30'),
      end: at('2027-01-05T19:30'),
      repeat: { weekly: { until: '2027-01-19', except: [] } },
    });
    expect(res.status).toBe(201);
    const { id } = await json(res);

    const queue = await json(await staff.get('/api/staff/bookings?lang=sv'));
    const item = queue.items.find((i: { id: string }) => i.id === id);
    expect(item.rules).toMatchObject({ capacity: 40, minDurationMinutes: 60, leadTimeHours: 48 });
    const created = queue.items.map((i: { createdAt: string }) => i.createdAt);
    expect(created).toEqual([...created].sort());

    const outsider = new TestClient(app);
    await outsider.signIn('staff.borga@demo.example', DEMO);
    const foreign = await outsider.post(`/api/bookings/${id}/decision`, { decision: 'approve' });
    expect(foreign.status).toBe(403);

    const noReason = await staff.post(`/api/bookings/${id}/decision`, {
      decision: 'reject',
      dates: ['2027-01-12'],
    });
    expect(noReason.status).toBe(400);

    const approved = await staff.post(`/api/bookings/${id}/decision`, {
      decision: 'approve',
      dates: ['2027-01-05'],
    });
    expect(approved.status).toBe(200);
    const rejected = await staff.post(`/api/bookings/${id}/decision`, {
      decision: 'reject',
      reason: 'Salen renoveras den veckan.',
      dates: ['2027-01-12'],
    });
    expect(rejected.status).toBe(200);
    const again = await staff.post(`/api/bookings/${id}/decision`, {
      decision: 'approve',
      dates: ['2027-01-12'],
    });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({
      code: 'not_pending',
      params: { date: '2027-01-12', status: 'rejected' },
    });

    const seen = await json(await member.get(`/api/bookings/${id}?lang=sv`));
    expect(
      seen.bookings.map((b: { date: string; status: string; reason: string | null }) => [
        b.date,
        b.status,
        b.reason,
      ]),
    ).toEqual([
      ['2027-01-05', 'approved', null],
      ['2027-01-12', 'rejected', 'Salen renoveras den veckan.'],
      ['2027-01-19', 'pending', null],
    ]);
    expect(seen.status).toBe('pending');
    expect(seen.access).toEqual({
      method: 'door_code',
      instructions: { text: 'Koden till dörren är 4711.', lang: 'sv', fallback: false },
    });
    expect(
      seen.history.map((h: { action: string; dates: string[] }) => [h.action, h.dates]),
    ).toEqual([
      ['request', ['2027-01-05', '2027-01-12', '2027-01-19']],
      ['approve', ['2027-01-05']],
      ['reject', ['2027-01-12']],
    ]);
    // A rejected date frees the room at once.
    const other = await ask({
      associationId: world.moreAssociations[2],
      start: at('2027-01-12T17:30'),
      end: at('2027-01-12T19:30'),
    });
    expect(other.status).toBe(201);

    // Two mails link the request: the approval (with its .ics) and the rejection.
    const mails = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'mll@demo.example'));
    expect(mails.every((m) => m.text.includes(`/fi/bookings/${id}`))).toBe(true);
    const approval = mails.find((m) => m.attachments.length > 0)!;
    const rejection = mails.find((m) => m.attachments.length === 0)!;
    expect(mails).toHaveLength(2);
    expect(approval.attachments).toHaveLength(1);
    expect(approval.attachments[0]!.contentType).toBe(
      'text/calendar; charset=utf-8; method=PUBLISH',
    );
    const ics = approval.attachments[0]!.content;
    const bookingId = seen.bookings[0].id;
    expect(ics).toContain(`UID:booking-${bookingId}@motesplats`);
    expect(ics).toMatch(/SEQUENCE:0/);
    expect(ics).toContain('DTSTART;TZID=Europe/Helsinki:20270105T173000');
    // The member reads Finnish: the town is Porvoo in the calendar entry too.
    const location = /^LOCATION:(.*)$/m.exec(ics.replace(/\r\n[ \t]/g, ''))![1]!.trim();
    expect(location).toBe('Salen\\, Huset\\, Gatan 1\\, 00100 Porvoo');
    expect(rejection.text).toContain('Salen renoveras den veckan.');
    await t.db.delete(mailOutbox).where(eq(mailOutbox.to, 'mll@demo.example'));

    // Cancelling the approved date: same UID, STATUS:CANCELLED, a raised SEQUENCE.
    const cancelled = await member.post(`/api/bookings/${id}/cancel`, { dates: ['2027-01-05'] });
    expect(cancelled.status).toBe(200);
    const cancellation = await takeMail(t.db, 'mll@demo.example', `/fi/bookings/${id}`);
    const cics = cancellation.attachments[0]!.content;
    expect(cics).toContain(`UID:booking-${bookingId}@motesplats`);
    expect(cics).toContain('STATUS:CANCELLED');
    expect(cics).toMatch(/SEQUENCE:1/);
    expect(cics).toContain('METHOD:CANCEL');
  });

  it('withdraws pending dates, frees the room, and keeps the cancellation deadline for associations', async () => {
    const res = await ask({ start: at('2026-11-27T10:00'), end: at('2026-11-27T12:00') });
    expect(res.status).toBe(201);
    const { id } = await json(res);
    const early = await member.post(`/api/bookings/${id}/cancel`, {});
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('not_approved');
    await staff.post(`/api/bookings/${id}/decision`, { decision: 'approve' });
    // 26 hours before it starts: past the default 24-hour deadline? No: 2026-11-27 10:00 is 46 h ahead.
    await t.db
      .update(venues)
      .set({ cancellationDeadlineHours: 72 })
      .where(eq(venues.id, world.hallVenueId));
    const late = await member.post(`/api/bookings/${id}/cancel`, {});
    expect(late.status).toBe(409);
    expect(await json(late)).toMatchObject({
      code: 'past_cancellation_deadline',
      params: { date: '2026-11-27', hours: 72, deadline: '2026-11-24T10:00' },
    });
    const staffNoReason = await staff.post(`/api/bookings/${id}/cancel`, {});
    expect(staffNoReason.status).toBe(400);
    const staffCancel = await staff.post(`/api/bookings/${id}/cancel`, {
      reason: 'Vattenskada i salen.',
    });
    expect(staffCancel.status).toBe(200);
    expect((await json(staffCancel)).bookings[0]).toMatchObject({
      status: 'cancelled',
      reason: 'Vattenskada i salen.',
    });
    await t.db
      .update(venues)
      .set({ cancellationDeadlineHours: 24 })
      .where(eq(venues.id, world.hallVenueId));

    const pending = await ask({ start: at('2026-12-14T10:00'), end: at('2026-12-14T12:00') });
    const pendingId = (await json(pending)).id;
    const stranger = new TestClient(app);
    await stranger.signIn('resident@demo.example', DEMO);
    expect((await stranger.post(`/api/bookings/${pendingId}/withdraw`, {})).status).toBe(403);
    expect((await stranger.get(`/api/bookings/${pendingId}`)).status).toBe(403);
    const withdrawn = await member.post(`/api/bookings/${pendingId}/withdraw`, {});
    expect(withdrawn.status).toBe(200);
    expect((await json(withdrawn)).status).toBe('withdrawn');
    const same = await ask({
      associationId: world.moreAssociations[0],
      start: at('2026-12-14T10:00'),
      end: at('2026-12-14T12:00'),
    });
    expect(same.status).toBe(201);
  });

  it('lets staff book for the city’s own use, approved at once and marked as such', async () => {
    const res = await staff.post('/api/bookings', {
      venueId: world.hallVenueId,
      cityUse: true,
      purpose: 'Stadens informationsmöte',
      expectedAttendance: 30,
      start: at('2026-12-21T09:00'),
      end: at('2026-12-21T11:00'),
    });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({ cityUse: true, association: null, status: 'approved' });
    const [row] = await t.db.select().from(bookings).where(eq(bookings.requestId, body.id));
    expect(row).toMatchObject({
      status: 'approved',
      associationId: null,
      decidedBy: world.staffUserId,
    });
    const list = await json(await member.get('/api/bookings?mine'));
    expect(list.items.some((i: { id: string }) => i.id === body.id)).toBe(false);
    expect(list.items.length).toBeGreaterThan(3);
  });

  it('loads the staff queue in a constant number of queries, whether it holds 1 request or 20', async () => {
    const w = await createBookingWorld(t.db, {
      staffEmail: 'staff.lovisa@demo.example',
      extraAssociations: 2,
    });
    const ctx = await serviceCtxFor(t.db, w.staffUserId);
    /** The queue, and how many statements it took (drizzle's logger sees every one). */
    const measured = async () => {
      const session = (t.db as unknown as { session: { logger: unknown } }).session;
      const saved = session.logger;
      let statements = 0;
      session.logger = { logQuery: () => void statements++ };
      try {
        const queue = await staffBookingQueue({ ctx, input: { lang: 'sv' } });
        return { statements, items: queue.items };
      } finally {
        session.logger = saved;
      }
    };
    const pending = (i: number) =>
      insertBooking(t.db, {
        municipalityId: w.municipalityId,
        venueId: i % 2 === 0 ? w.hallVenueId : w.otherVenueId,
        spaceId: i % 2 === 0 ? w.spaces.hall : w.spaces.other,
        associationId: i % 3 === 0 ? w.associationId : w.moreAssociations[i % 2]!,
        startsAt: new Date(utc(`2027-03-${String(2 + i).padStart(2, '0')}T17:00`)),
        endsAt: new Date(utc(`2027-03-${String(2 + i).padStart(2, '0')}T19:00`)),
        status: 'pending',
        purpose: `Möte ${i}`,
      });
    const [first] = await pending(0);
    // What staff see beside it: an approved booking of a half on the same day.
    await w.book(w.spaces.north, utc('2027-03-02T15:00'), utc('2027-03-02T16:00'), 'approved');
    const one = await measured();
    for (let i = 1; i < 20; i++) await pending(i);
    const twenty = await measured();
    const ours = (items: typeof one.items) =>
      items.filter((item) => item.venue.id === w.hallVenueId || item.venue.id === w.otherVenueId);
    expect(ours(one.items)).toHaveLength(1);
    expect(ours(twenty.items)).toHaveLength(20);
    // The requests, their five-part views, the venues, the same-day bookings.
    expect(one.statements).toBeLessThanOrEqual(8);
    expect(twenty.statements).toBe(one.statements);
    const item = twenty.items.find((i) => i.id === first!.requestId)!;
    expect(item.rules).toMatchObject({ capacity: 40, bufferMinutes: 0, maxOpenRequests: 5 });
    expect(item.sameDays).toEqual([
      {
        date: '2027-03-02',
        ...slot('2027-03-02T15:00', '2027-03-02T16:00'),
        status: 'approved',
        space: { text: 'Norra halvan', lang: 'sv', fallback: false },
        association: { text: 'Föreningen', lang: 'sv', fallback: false },
      },
    ]);
    expect(ours(twenty.items).filter((i) => i.sameDays.length > 0)).toHaveLength(1);
  });

  describe('claims follow the parts staff add and remove', () => {
    const city = (extra: Record<string, unknown>) =>
      staff.post('/api/bookings', {
        venueId: world.hallVenueId,
        cityUse: true,
        purpose: 'Stadens möte',
        expectedAttendance: 10,
        ...extra,
      });
    const addPart = (venueId: string, sv: string) =>
      staff.post(`/api/staff/venues/${venueId}/spaces`, { name: { sv } });
    const partOf = async (res: Response, sv: string): Promise<string> =>
      (await json(res)).spaces.find((s: { name: { sv: string } }) => s.name.sv === sv).id;
    const claimsOf = async (bookingId: string) =>
      (await t.db.select().from(bookingClaims).where(eq(bookingClaims.bookingId, bookingId)))
        .map((c) => c.spaceId)
        .sort();
    const bookingOf = async (res: Response) => {
      const body = await json(res);
      expect(res.status, JSON.stringify(body)).toBe(201);
      return body.bookings[0].id as string;
    };
    let stage: string;
    let whole: string;

    it('a booking of the whole hall holds a part added after it, and a part booked first holds the whole', async () => {
      const feb2 = { start: at('2027-02-02T17:00'), end: at('2027-02-02T19:00') };
      whole = await bookingOf(await city(feb2));
      const added = await addPart(world.hallVenueId, 'Scenen');
      expect(added.status).toBe(201);
      stage = await partOf(added, 'Scenen');
      expect(await claimsOf(whole)).toEqual([world.spaces.north, world.spaces.south, stage].sort());
      const [entry] = await t.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, stage), eq(auditLog.action, 'space.create')));
      // Every holding booking of the whole hall that has not ended (earlier tests made some).
      const held = await t.db
        .select()
        .from(bookings)
        .where(
          and(
            eq(bookings.spaceId, world.spaces.hall),
            inArray(bookings.status, ['pending', 'approved']),
          ),
        );
      expect(held.length).toBeGreaterThan(1);
      expect(entry!.data).toMatchObject({ venueId: world.hallVenueId, reclaimed: held.length });
      const probe = await city({ spaceId: stage, ...feb2 });
      expect(probe.status).toBe(409);
      expect(await json(probe)).toMatchObject({
        code: 'clash',
        clashes: [{ date: '2027-02-02', taken: slot('2027-02-02T17:00', '2027-02-02T19:00') }],
      });
      // The reverse order: the new part booked first, then the whole at the same time.
      const feb9 = { start: at('2027-02-09T17:00'), end: at('2027-02-09T19:00') };
      await bookingOf(await city({ spaceId: stage, ...feb9 }));
      expect((await json(await city(feb9))).code).toBe('clash');
    });

    it('a venue that had no parts: its bookings claim the first part, and removing it is refused by name', async () => {
      const [building] = await t.db
        .select({ id: venues.buildingId })
        .from(venues)
        .where(eq(venues.id, world.otherVenueId));
      const created = await staff.post('/api/staff/venues', {
        buildingId: building!.id,
        name: { sv: 'Klubbrummet' },
        capacity: 30,
      });
      const other = (await json(created)).id as string;
      const feb3 = { start: at('2027-02-03T17:00'), end: at('2027-02-03T19:00') };
      const room = await bookingOf(await city({ venueId: other, ...feb3 }));
      const later = await bookingOf(
        await city({ venueId: other, start: at('2027-02-17T09:00'), end: at('2027-02-17T10:00') }),
      );
      const corner = await partOf(await addPart(other, 'Hörnet'), 'Hörnet');
      expect(await claimsOf(room)).toEqual([corner]);
      expect(await claimsOf(later)).toEqual([corner]);
      expect((await json(await city({ venueId: other, ...feb3 }))).code).toBe('clash');
      expect((await json(await city({ venueId: other, spaceId: corner, ...feb3 }))).code).toBe(
        'clash',
      );
      // A second part: the whole claims both; neither part can go while the whole is booked.
      const window = await partOf(await addPart(other, 'Fönstret'), 'Fönstret');
      expect(await claimsOf(room)).toEqual([corner, window].sort());
      const refused = await staff.delete(`/api/staff/venues/${other}/spaces/${window}`);
      expect(refused.status).toBe(409);
      const requests = await t.db
        .select({ id: bookings.requestId })
        .from(bookings)
        .where(inArray(bookings.id, [room, later]))
        .orderBy(bookings.startsAt);
      expect(await json(refused)).toMatchObject({
        code: 'space_in_use',
        params: {
          bookings: 2,
          date: '2027-02-03,2027-02-17',
          requests: requests.map((r) => r.id).join(','),
        },
      });
      expect(await claimsOf(room)).toEqual([corner, window].sort());
    });

    it('a new buffer moves the claims of bookings still to come, or is refused where they would overlap', async () => {
      const claimEnds = async (bookingId: string) =>
        (
          await t.db
            .select({
              end: sql<string>`to_char(upper(${bookingClaims.during}) at time zone 'Europe/Helsinki', 'HH24:MI')`,
            })
            .from(bookingClaims)
            .where(eq(bookingClaims.bookingId, bookingId))
        ).map((c) => c.end);
      const setBuffer = (bufferMinutes: number) =>
        staff.patch(`/api/staff/venues/${world.hallVenueId}`, { bufferMinutes });
      // Back to back while the buffer is 0; 30 minutes after each would overlap: refused.
      const early = await bookingOf(
        await city({ start: at('2027-03-09T17:00'), end: at('2027-03-09T18:00') }),
      );
      await bookingOf(await city({ start: at('2027-03-09T18:00'), end: at('2027-03-09T19:00') }));
      const claimsBefore = await t.db.select().from(bookingClaims);
      const refused = await setBuffer(30);
      expect(refused.status).toBe(409);
      expect(await json(refused)).toMatchObject({
        code: 'claims_overlap',
        params: { bookings: 2, date: '2027-03-09' },
      });
      const [venue] = await t.db.select().from(venues).where(eq(venues.id, world.hallVenueId));
      expect(venue!.bufferMinutes).toBe(0);
      expect(await t.db.select().from(bookingClaims)).toEqual(claimsBefore);
      // With one of them gone the new buffer holds, and every booking to come keeps it.
      await staff.post(
        `/api/bookings/${(await t.db.select({ r: bookings.requestId }).from(bookings).where(eq(bookings.id, early)))[0]!.r}/cancel`,
        {
          reason: 'Flyttas',
        },
      );
      const kept = await bookingOf(
        await city({ start: at('2027-03-16T17:00'), end: at('2027-03-16T19:00') }),
      );
      expect(new Set(await claimEnds(kept))).toEqual(new Set(['19:00']));
      const changed = await setBuffer(30);
      expect(changed.status).toBe(200);
      expect(new Set(await claimEnds(kept))).toEqual(new Set(['19:30']));
      const probe = await city({
        spaceId: world.spaces.north,
        start: at('2027-03-16T19:00'),
        end: at('2027-03-16T20:00'),
      });
      expect(probe.status).toBe(409);
      expect((await json(probe)).code).toBe('clash');
      expect((await setBuffer(0)).status).toBe(200);
      expect(new Set(await claimEnds(kept))).toEqual(new Set(['19:00']));
    });

    it('refuses with 409 claims_overlap, changing nothing, where claims were left behind and a booking took the gap', async () => {
      // As before claims followed parts: a part written straight into the table, and a booking
      // of it at the time the whole hall holds (its claims do not reach the new part).
      const [gap] = await t.db
        .insert(spaces)
        .values({
          municipalityId: world.municipalityId,
          venueId: world.hallVenueId,
          parentId: world.spaces.hall,
          name: { sv: 'Läktaren' },
        })
        .returning();
      const [taken] = await insertBooking(t.db, {
        municipalityId: world.municipalityId,
        venueId: world.hallVenueId,
        spaceId: gap!.id,
        associationId: null,
        startsAt: new Date(utc('2027-02-02T18:00')),
        endsAt: new Date(utc('2027-02-02T20:00')),
        status: 'approved',
        purpose: 'Möte',
      });
      const spacesBefore = await t.db.select().from(spaces);
      const claimsBefore = await t.db.select().from(bookingClaims);
      const res = await addPart(world.hallVenueId, 'Foajén');
      expect(res.status).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await json(res)).toMatchObject({
        code: 'claims_overlap',
        params: { bookings: 2, date: '2027-02-02' },
      });
      expect(await t.db.select().from(spaces)).toHaveLength(spacesBefore.length);
      expect(await t.db.select().from(bookingClaims)).toEqual(claimsBefore);
      // Once the booking in the gap is cancelled, the next edit repairs the whole hall's claims.
      await t.db.update(bookings).set({ status: 'cancelled' }).where(eq(bookings.id, taken!.id));
      const foyer = await partOf(await addPart(world.hallVenueId, 'Foajén'), 'Foajén');
      expect(await claimsOf(whole)).toEqual(
        [world.spaces.north, world.spaces.south, stage, gap!.id, foyer].sort(),
      );
    });
  });
});

describe(`a weekly series across the end of daylight-saving time (${ENGINE})`, () => {
  it('keeps 17:30 Helsinki time on both sides of 25 October', async () => {
    const t = await openTestDb('demo');
    try {
      const app = createTestApp(t, { now: new Date('2026-09-01T09:00:00Z') });
      const world = await createBookingWorld(t.db);
      const member = new TestClient(app);
      await member.signIn('mll@demo.example', DEMO);
      const res = await member.post('/api/bookings', {
        venueId: world.hallVenueId,
        associationId: world.associationId,
        purpose: 'Svenska för nybörjare',
        expectedAttendance: 12,
        acceptTerms: true,
        start: '2026-10-06T17:30:00+03:00',
        end: '2026-10-06T19:30:00+03:00',
        repeat: { weekly: { until: '2026-11-03', except: ['2026-10-27'] } },
      });
      expect(res.status).toBe(201);
      const body = await json(res);
      expect(body.bookings.map((b: { date: string; start: string }) => [b.date, b.start])).toEqual([
        ['2026-10-06', '2026-10-06T14:30:00.000Z'],
        ['2026-10-13', '2026-10-13T14:30:00.000Z'],
        ['2026-10-20', '2026-10-20T14:30:00.000Z'],
        ['2026-11-03', '2026-11-03T15:30:00.000Z'],
      ]);
    } finally {
      await t.close();
    }
  });
});
