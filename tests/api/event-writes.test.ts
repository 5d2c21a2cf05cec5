import {
  auditLog,
  bookingRequests,
  eventOccurrences,
  events,
  mailOutbox,
  media,
} from '@motesplats/db';
import { and, count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingWorld } from '../fixtures/booking';
import { cameraJpeg } from '../fixtures/images';
import { TestClient } from '../setup/client';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { takeMail } from '../setup/outbox';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';
import { parseWithPython } from '../../packages/domain/src/ical/python-icalendar.test-helper';

const DEMO = 'motesplats-demo';
const ZONE = 'Europe/Helsinki';
const at = (local: string) =>
  DateTime.fromISO(local, { zone: ZONE }).toISO({ suppressMilliseconds: true })!;
const utc = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const localOf = (iso: string) =>
  DateTime.fromISO(iso, { zone: ZONE }).toFormat("yyyy-MM-dd'T'HH:mm");

interface Occ {
  id: string;
  uid: string;
  startsAt: string;
  endsAt: string;
  originalStartsAt: string;
  status: string;
  cancelReason: string | null;
  sequence: number;
  awaitingApproval: boolean;
  booking: { id: string; status: string } | null;
  participants: number | null;
}

/**
 * Issue 8, publishing: a weekly language café at a booked venue, one date cancelled, another
 * moved, the rule edited (remaining dates keep their UIDs), refusals at unbooked times.
 */
describe(`publishing events (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let member: TestClient;
  let staff: TestClient;
  let outsider: TestClient;
  let world: Awaited<ReturnType<typeof createBookingWorld>>;
  let eventId: string;

  const café = (extra: Record<string, unknown> = {}) => ({
    associationId: world.associationId,
    categorySlug: 'language-cafe',
    title: { fi: 'Kielikahvila tiistaisin', ar: 'مقهى اللغة أيام الثلاثاء' },
    summary: { fi: 'Puhutaan suomea kahvin äärellä.' },
    languages: ['fi', 'ar'],
    audience: 'everyone',
    venueId: world.hallVenueId,
    start: at('2026-12-08T18:00'),
    end: at('2026-12-08T20:00'),
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270126',
    ...extra,
  });
  const manage = async (id = eventId) => {
    const res = await member.get(`/api/events/${id}/manage`);
    expect(res.status).toBe(200);
    return (await json(res)) as { status: string; occurrences: Occ[]; sequence: number };
  };
  const byDate = (list: Occ[]) =>
    Object.fromEntries(list.map((o) => [localOf(o.originalStartsAt).slice(0, 10), o]));

  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    world = await createBookingWorld(t.db, { extraAssociations: 1 });
    member = new TestClient(app);
    await member.signIn('mll@demo.example', DEMO);
    staff = new TestClient(app);
    await staff.signIn('staff.pargas@demo.example', DEMO);
    outsider = new TestClient(app);
    await outsider.signIn('staff.borga@demo.example', DEMO);
    // The association books the hall every Tuesday 17:30–20:30 and staff approve the series.
    const booked = await member.post('/api/bookings', {
      venueId: world.hallVenueId,
      associationId: world.associationId,
      purpose: 'Kielikahvila',
      expectedAttendance: 25,
      acceptTerms: true,
      publicEvent: true,
      start: at('2026-12-08T17:30'),
      end: at('2026-12-08T20:30'),
      repeat: { weekly: { until: '2027-01-26', except: [] } },
    });
    expect(booked.status).toBe(201);
    const request = await json(booked);
    const decided = await staff.post(`/api/bookings/${request.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status).toBe(200);
  });
  afterAll(() => t.close());

  it('creates a weekly café as a draft: every Tuesday 18:00 local, each date in its approved booking', async () => {
    const res = await member.post('/api/events', café());
    expect(res.status).toBe(201);
    const body = await json(res);
    eventId = body.id;
    expect(res.headers.get('location')).toBe(`/api/events/${eventId}/manage`);
    expect(body).toMatchObject({
      status: 'draft',
      repeat: 'weekly',
      languages: ['fi', 'ar'],
      timeZone: ZONE,
      association: { id: world.associationId },
    });
    const dates = (body.occurrences as Occ[]).map((o) => localOf(o.startsAt));
    expect(dates).toEqual([
      '2026-12-08T18:00',
      '2026-12-15T18:00',
      '2026-12-22T18:00',
      '2026-12-29T18:00',
      '2027-01-05T18:00',
      '2027-01-12T18:00',
      '2027-01-19T18:00',
      '2027-01-26T18:00',
    ]);
    expect((body.occurrences as Occ[]).every((o) => o.booking?.status === 'approved')).toBe(true);
    expect(new Set((body.occurrences as Occ[]).map((o) => o.booking!.id)).size).toBe(8);
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, eventId), eq(auditLog.action, 'event.create')));
    expect(audited!.actorUserId).toBe(world.memberUserId);
    // The organizer's list names the zone its next date is said in.
    const mine = await json(await member.get('/api/events/mine?lang=fi'));
    expect(mine.items.find((e: { id: string }) => e.id === eventId)).toMatchObject({
      nextStart: utc('2026-12-08T18:00'),
      timeZone: ZONE,
      uncountedDates: 0,
    });
  });

  it('keeps a draft off the calendar until it is published', async () => {
    const anonymous = new TestClient(app);
    expect((await anonymous.get(`/api/events/${eventId}?lang=fi`)).status).toBe(404);
    const published = await member.post(`/api/events/${eventId}/publish`);
    expect(published.status).toBe(200);
    expect((await json(published)).status).toBe('published');
    const page = await anonymous.get(`/api/events/${eventId}?lang=fi`);
    expect(page.status).toBe(200);
    expect((await json(page)).occurrences).toHaveLength(8);
  });

  it('an image with alt text: uploaded and resized, on the event page and in the list; refusals change nothing; removed', async () => {
    const form = (file: Blob, alt: unknown = { fi: 'Kahvikupit pöydällä', ar: 'أكواب قهوة' }) => {
      const body = new FormData();
      body.set('file', file, 'photo.jpg');
      body.set('alt', JSON.stringify(alt));
      return body;
    };
    const jpeg = new Blob([(await cameraJpeg(2000, 1000)) as Uint8Array<ArrayBuffer>], {
      type: 'image/jpeg',
    });
    const put = (c: TestClient, body: FormData) =>
      c.request(`/api/events/${eventId}/image`, { method: 'PUT', body });
    const imageRows = () => t.db.select({ id: media.id }).from(media);
    const before = (await imageRows()).length;

    // Alt text in no language, a file that is no image, a stranger: refused, nothing stored.
    const noAlt = await put(member, form(jpeg, { fi: '  ' }));
    expect(noAlt.status).toBe(400);
    expect(noAlt.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(noAlt)).errors[0]).toMatchObject({ path: 'alt', code: 'required' });
    const text = await put(member, form(new Blob(['hello'], { type: 'image/png' })));
    expect(text.status).toBe(400);
    expect(text.headers.get('content-type')).toContain('application/problem+json');
    expect((await json(text)).errors[0]).toMatchObject({ path: 'file', code: 'not_an_image' });
    expect((await put(outsider, form(jpeg))).status).toBe(403);
    expect((await outsider.delete(`/api/events/${eventId}/image`)).status).toBe(403);
    expect(await imageRows()).toHaveLength(before);

    const res = await put(member, form(jpeg));
    expect(res.status, await res.clone().text()).toBe(200);
    const managed = await json(res);
    expect(managed.image).toEqual({
      url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}\.webp$/),
      alt: { fi: 'Kahvikupit pöydällä', ar: 'أكواب قهوة' },
      width: 1280,
      height: 640,
      sources: [
        { url: expect.stringMatching(/^\/media\/[0-9a-f-]{36}\.webp$/), width: 640 },
        { url: managed.image.url, width: 1280 },
      ],
    });
    expect(await imageRows()).toHaveLength(before + 2); // 1280 and 640 wide
    // Every source is a stored file of the width it is listed with (a srcset's promise).
    for (const source of managed.image.sources as { url: string; width: number }[]) {
      const file = await new TestClient(app).get(source.url);
      expect(file.status).toBe(200);
      const { width } = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect(width).toBe(source.width);
    }
    const anonymous = new TestClient(app);
    const page = await json(await anonymous.get(`/api/events/${eventId}?lang=ar`));
    expect(page.image).toEqual({
      url: managed.image.url,
      alt: { text: 'أكواب قهوة', lang: 'ar', fallback: false },
      width: 1280,
      height: 640,
      sources: managed.image.sources,
    });
    // No Swedish alt text: the municipality's languages come next, as for every text.
    const sv = await json(await anonymous.get(`/api/events/${eventId}?lang=sv`));
    expect(sv.image.alt).toEqual({ text: 'Kahvikupit pöydällä', lang: 'fi', fallback: true });
    const list = await json(
      await anonymous.get(`/api/occurrences?association=${world.associationId}&lang=fi`),
    );
    expect(list.items[0].event.image).toMatchObject({
      url: managed.image.url,
      sources: managed.image.sources,
      alt: { text: 'Kahvikupit pöydällä', lang: 'fi' },
    });
    const served = await anonymous.get(managed.image.url);
    expect(served.headers.get('content-type')).toBe('image/webp');
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, eventId), eq(auditLog.action, 'event.image_set')));
    expect(audited!.actorUserId).toBe(world.memberUserId);

    const removed = await member.delete(`/api/events/${eventId}/image`);
    expect(removed.status).toBe(200);
    expect((await json(removed)).image).toBeNull();
    expect(await imageRows()).toHaveLength(before);
    expect((await anonymous.get(managed.image.url)).status).toBe(404);
    expect((await json(await anonymous.get(`/api/events/${eventId}?lang=fi`))).image).toBeNull();
    const [gone] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, eventId), eq(auditLog.action, 'event.image_remove')));
    expect(gone).toBeDefined();
  });

  it('refuses a date outside every booking of the association, naming it, and writes nothing', async () => {
    const before = await t.db.select({ id: events.id }).from(events);
    const res = await member.post(
      '/api/events',
      café({ rrule: null, start: at('2026-12-10T18:00'), end: at('2026-12-10T20:00') }),
    );
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await json(res);
    expect(problem.issues).toEqual([
      expect.objectContaining({
        path: 'occurrences.0',
        code: 'outside_booking',
        params: { date: '2026-12-10', start: '18:00', end: '20:00' },
      }),
    ]);
    // Running past the booking's end (20:30) is outside too.
    const late = await member.post(
      '/api/events',
      café({ rrule: null, start: at('2026-12-08T19:00'), end: at('2026-12-08T21:00') }),
    );
    expect(late.status).toBe(422);
    expect(await t.db.select({ id: events.id }).from(events)).toHaveLength(before.length);
  });

  it('refuses a second event in bookings the first one already uses', async () => {
    const res = await member.post('/api/events', café({ rrule: null }));
    expect(res.status).toBe(422);
    expect((await json(res)).issues[0].code).toBe('outside_booking');
  });

  it('cancels one date: struck with its reason, SEQUENCE raised, the others untouched', async () => {
    const before = byDate((await manage()).occurrences);
    const target = before['2026-12-15']!;
    const res = await member.post(`/api/occurrences/${target.id}/cancel`, {
      reason: 'Ledaren är sjuk',
    });
    expect(res.status).toBe(200);
    const after = byDate(((await json(res)) as { occurrences: Occ[] }).occurrences);
    expect(after['2026-12-15']).toMatchObject({
      uid: target.uid,
      status: 'cancelled',
      cancelReason: 'Ledaren är sjuk',
      sequence: target.sequence + 1,
    });
    for (const date of ['2026-12-08', '2026-12-22', '2027-01-05'])
      expect(after[date]!.sequence).toBe(before[date]!.sequence);
    const page = await json(await new TestClient(app).get(`/api/events/${eventId}?lang=fi`));
    expect(
      (page.occurrences as { uid: string; status: string }[]).find((o) => o.uid === target.uid)!
        .status,
    ).toBe('cancelled');
    const again = await member.post(`/api/occurrences/${target.id}/cancel`, {});
    expect(again.status).toBe(409);
    expect((await json(again)).code).toBe('occurrence_cancelled');
  });

  it('moves another date within its booking: same UID and original start, SEQUENCE raised', async () => {
    const before = byDate((await manage()).occurrences)['2026-12-22']!;
    const res = await member.post(`/api/occurrences/${before.id}/move`, {
      start: at('2026-12-22T18:30'),
      end: at('2026-12-22T20:30'),
    });
    expect(res.status).toBe(200);
    const moved = byDate(((await json(res)) as { occurrences: Occ[] }).occurrences)['2026-12-22']!;
    expect(moved).toMatchObject({
      id: before.id,
      uid: before.uid,
      originalStartsAt: before.originalStartsAt,
      startsAt: utc('2026-12-22T18:30'),
      endsAt: utc('2026-12-22T20:30'),
      sequence: before.sequence + 1,
    });
    const outside = await member.post(`/api/occurrences/${before.id}/move`, {
      start: at('2026-12-22T19:00'),
      end: at('2026-12-22T21:00'),
    });
    expect(outside.status).toBe(422);
    expect((await json(outside)).issues[0]).toMatchObject({
      code: 'outside_booking',
      params: { date: '2026-12-22', start: '19:00', end: '21:00' },
    });
    const [row] = await t.db
      .select()
      .from(eventOccurrences)
      .where(eq(eventOccurrences.id, before.id));
    expect(row!.startsAt.toISOString()).toBe(utc('2026-12-22T18:30'));
  });

  it('editing the rule keeps the UIDs of the dates that remain; dropped dates are cancelled, not lost', async () => {
    const before = byDate((await manage()).occurrences);
    const res = await member.patch(`/api/events/${eventId}`, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270112',
      exceptDates: ['2026-12-29'],
      start: at('2026-12-08T18:15'),
      end: at('2026-12-08T20:00'),
    });
    expect(res.status).toBe(200);
    const after = byDate(((await json(res)) as { occurrences: Occ[] }).occurrences);
    for (const date of ['2026-12-08', '2026-12-15', '2026-12-22', '2027-01-05', '2027-01-12'])
      expect(after[date]!.uid, date).toBe(before[date]!.uid);
    // The new time of day applies to the dates not moved by hand; the moved one keeps its time.
    expect(localOf(after['2027-01-05']!.startsAt)).toBe('2027-01-05T18:15');
    expect(after['2027-01-05']!.sequence).toBe(before['2027-01-05']!.sequence + 1);
    expect(localOf(after['2026-12-22']!.startsAt)).toBe('2026-12-22T18:30');
    expect(after['2026-12-15']!.status).toBe('cancelled');
    for (const date of ['2026-12-29', '2027-01-19', '2027-01-26']) {
      expect(after[date], date).toMatchObject({ uid: before[date]!.uid, status: 'cancelled' });
      expect(after[date]!.sequence).toBeGreaterThan(before[date]!.sequence);
    }
    expect(Object.keys(after)).toHaveLength(8);
  });

  it('the event’s .ics carries every public date with its UID, SEQUENCE and status (read by python-icalendar)', async () => {
    const managed = await manage();
    const res = await new TestClient(app).get(`/feeds/events/${eventId}.ics?lang=fi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const [calendar] = parseWithPython([await res.text()]);
    const read = Object.fromEntries(calendar!.events.map((e) => [e.uid, e]));
    expect(Object.keys(read).sort()).toEqual(managed.occurrences.map((o) => o.uid).sort());
    for (const o of managed.occurrences) {
      expect(read[o.uid], o.uid).toMatchObject({
        sequence: o.sequence,
        status: o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
        summary: 'Kielikahvila tiistaisin',
      });
      expect(read[o.uid]!.dtstart).toMatchObject({
        tzid: ZONE,
        utc: o.startsAt.replace('.000Z', 'Z'),
      });
    }
    // The moved date, at its new local time.
    const moved = managed.occurrences.find((o) => localOf(o.startsAt) === '2026-12-22T18:30')!;
    expect(read[moved.uid]!.dtstart!.local).toBe('2026-12-22T18:30:00');
    expect(
      (await new TestClient(app).get(`/feeds/events/${world.hallVenueId}.ics?lang=fi`)).status,
    ).toBe(404);
  });

  it('refuses an edit whose new dates fall outside the bookings, and changes nothing', async () => {
    const before = await manage();
    const res = await member.patch(`/api/events/${eventId}`, {
      rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270216',
    });
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.issues.map((i: { params: { date: string } }) => i.params.date)).toEqual([
      '2027-02-02',
      '2027-02-09',
      '2027-02-16',
    ]);
    expect(await manage()).toEqual(before);
  });

  it('records participants only after a date is over', async () => {
    const first = byDate((await manage()).occurrences)['2026-12-08']!;
    const early = await member.put(`/api/occurrences/${first.id}/attendance`, { participants: 14 });
    expect(early.status).toBe(409);
    expect((await json(early)).code).toBe('occurrence_not_over');
    const bad = await member.put(`/api/occurrences/${first.id}/attendance`, { participants: -1 });
    expect(bad.status).toBe(400);
  });

  it('lets only the organizer and the municipality’s staff change it', async () => {
    const anonymous = new TestClient(app);
    expect((await anonymous.patch(`/api/events/${eventId}`, { audience: 'youth' })).status).toBe(
      401,
    );
    expect((await outsider.patch(`/api/events/${eventId}`, { audience: 'youth' })).status).toBe(
      403,
    );
    expect((await outsider.get(`/api/events/${eventId}/manage`)).status).toBe(403);
    const bystander = new TestClient(app);
    await bystander.signIn('staff.pargas@demo.example', DEMO);
    const ok = await bystander.patch(`/api/events/${eventId}`, { audience: 'families' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).audience).toBe('families');
  });

  it('staff unpublish with a reason (audited); the organizer cannot publish it back', async () => {
    const seen = Object.fromEntries((await manage()).occurrences.map((o) => [o.uid, o.sequence]));
    const noReason = await staff.post(`/api/events/${eventId}/unpublish`, {});
    expect(noReason.status).toBe(400);
    const byMember = await member.post(`/api/events/${eventId}/unpublish`, { reason: 'x' });
    expect(byMember.status).toBe(403);
    const res = await staff.post(`/api/events/${eventId}/unpublish`, {
      reason: 'Evenemanget marknadsför ett politiskt parti.',
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      status: 'unpublished',
      statusReason: 'Evenemanget marknadsför ett politiskt parti.',
    });
    expect((await new TestClient(app).get(`/api/events/${eventId}?lang=fi`)).status).toBe(404);
    // Subscribers see its dates called off (same UID, SEQUENCE raised), not silently gone.
    const after = await manage();
    const upcoming = after.occurrences.filter(
      (o) => o.status === 'scheduled' && Date.parse(o.startsAt) > Date.parse('2026-11-24'),
    );
    expect(upcoming.length).toBeGreaterThan(2);
    for (const url of [
      `/feeds/venues/${world.hallVenueId}.ics?lang=fi`,
      `/feeds/events/${eventId}.ics?lang=fi`,
    ]) {
      const feed = await new TestClient(app).get(url);
      expect(feed.status).toBe(200);
      const [calendar] = parseWithPython([await feed.text()]);
      for (const o of upcoming) {
        expect(o.sequence).toBeGreaterThan(seen[o.uid]!);
        const entry = calendar!.events.find((e) => e.uid === o.uid);
        expect(entry, `${url} keeps ${o.uid}`).toMatchObject({
          status: 'CANCELLED',
          sequence: o.sequence,
        });
      }
    }
    expect((await member.post(`/api/events/${eventId}/publish`)).status).toBe(403);
    const [audited] = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, eventId), eq(auditLog.action, 'event.unpublish')));
    expect(audited!.data).toMatchObject({ reason: 'Evenemanget marknadsför ett politiskt parti.' });
    // The organizer reads why, in their language, with a link to the event.
    const mail = await takeMail(t.db, 'mll@demo.example', new RegExp(`/events/${eventId}/manage$`));
    expect(mail.text).toContain('Evenemanget marknadsför ett politiskt parti.');
    expect((await staff.post(`/api/events/${eventId}/publish`)).status).toBe(200);
  });

  it('a date whose booking waits for approval is the organizer’s alone until staff approve', async () => {
    const asked = await member.post('/api/bookings', {
      venueId: world.hallVenueId,
      associationId: world.associationId,
      purpose: 'Familjecafé',
      expectedAttendance: 15,
      acceptTerms: true,
      start: at('2026-12-17T09:30'),
      end: at('2026-12-17T12:00'),
    });
    expect(asked.status).toBe(201);
    const request = await json(asked);
    const created = await member.post(
      '/api/events',
      café({
        title: { sv: 'Familjecafé på torsdag' },
        categorySlug: 'family-cafe',
        rrule: null,
        start: at('2026-12-17T10:00'),
        end: at('2026-12-17T12:00'),
      }),
    );
    expect(created.status).toBe(201);
    const event = await json(created);
    expect(event.occurrences).toMatchObject([
      { awaitingApproval: true, booking: { id: request.bookings[0].id, status: 'pending' } },
    ]);
    expect((await member.post(`/api/events/${event.id}/publish`)).status).toBe(200);
    const anonymous = new TestClient(app);
    const hidden = await json(await anonymous.get(`/api/events/${event.id}?lang=sv`));
    expect(hidden.occurrences).toEqual([]);
    const feed = () =>
      anonymous.get(`/feeds/venues/${world.hallVenueId}.ics?lang=sv`).then((r) => r.text());
    expect(await feed()).not.toContain(event.occurrences[0].uid);

    expect(
      (await staff.post(`/api/bookings/${request.id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    const shown = await json(await anonymous.get(`/api/events/${event.id}?lang=sv`));
    expect(shown.occurrences.map((o: { uid: string }) => o.uid)).toEqual([
      event.occurrences[0].uid,
    ]);
    expect(await feed()).toContain(event.occurrences[0].uid);
    expect((await manage(event.id)).occurrences[0]!.awaitingApproval).toBe(false);
  });

  it('an event elsewhere needs no booking; the whole event can be called off', async () => {
    const res = await member.post(
      '/api/events',
      café({
        venueId: null,
        locationText: 'Strandparken, vid scenen',
        rrule: null,
        start: at('2026-12-12T12:00'),
        end: at('2026-12-12T14:00'),
        title: { sv: 'Vinterpromenad' },
        categorySlug: 'other',
        priceCents: 500,
      }),
    );
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
    const body = await json(res);
    expect(body.occurrences[0].booking).toBeNull();
    const cancelled = await member.post(`/api/events/${body.id}/cancel`, { reason: 'Storm' });
    expect(cancelled.status).toBe(200);
    expect(await json(cancelled)).toMatchObject({
      status: 'cancelled',
      statusReason: 'Storm',
      occurrences: [{ status: 'cancelled', cancelReason: 'Storm' }],
    });
    const edit = await member.patch(`/api/events/${body.id}`, { audience: 'youth' });
    expect(edit.status).toBe(409);
    expect((await json(edit)).code).toBe('event_cancelled');
  });

  it('answers bad input with 400 problem+json naming the fields', async () => {
    const res = await member.post('/api/events', {
      ...café(),
      title: {},
      languages: [],
      registrationUrl: 'javascript:alert(1)',
      locationText: 'Också här',
    });
    expect(res.status).toBe(400);
    const problem = await json(res);
    const paths = (problem.errors as { path: string }[]).map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['title', 'languages', 'registrationUrl', 'locationText']),
    );
    const endless = await member.post('/api/events', café({ rrule: 'FREQ=WEEKLY;BYDAY=TU' }));
    expect(endless.status).toBe(400);
    expect((await json(endless)).errors[0]).toMatchObject({
      path: 'rrule',
      code: 'rule_needs_end',
    });
  });
  describe('asking for the room in the same step', () => {
    const thursdays = (extra: Record<string, unknown> = {}) =>
      café({
        title: { fi: 'Kielikahvila torstaisin', ar: 'مقهى اللغة أيام الخميس' },
        start: at('2027-01-07T17:00'),
        end: at('2027-01-07T19:00'),
        rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270128',
        exceptDates: ['2027-01-14'],
        requestBooking: { expectedAttendance: 20, acceptTerms: true },
        ...extra,
      });
    const counts = async () => ({
      events: (await t.db.select({ n: count() }).from(events))[0]!.n,
      requests: (await t.db.select({ n: count() }).from(bookingRequests))[0]!.n,
    });

    it('writes the event and one pending request holding exactly its dates; the staff hear of it', async () => {
      const staffMailBefore = (
        await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'staff.pargas@demo.example'))
      ).length;
      const res = await member.post('/api/events', thursdays());
      expect(res.status).toBe(201);
      const event = await json(res);
      const occurrences = event.occurrences as Occ[];
      expect(occurrences.map((o) => localOf(o.startsAt))).toEqual([
        '2027-01-07T17:00',
        '2027-01-21T17:00',
        '2027-01-28T17:00',
      ]);
      expect(occurrences.every((o) => o.awaitingApproval && o.booking?.status === 'pending')).toBe(
        true,
      );
      const [request] = await t.db
        .select()
        .from(bookingRequests)
        .where(eq(bookingRequests.purpose, 'Kielikahvila torstaisin'));
      expect(request).toMatchObject({
        associationId: world.associationId,
        venueId: world.hallVenueId,
        publicEvent: true,
        expectedAttendance: 20,
        rrule: 'FREQ=WEEKLY;BYDAY=TH;UNTIL=20270128',
        exceptDates: ['2027-01-14'],
      });
      const view = await json(await member.get(`/api/bookings/${request!.id}`));
      const bookingIds = (view.bookings as { id: string; status: string }[]).map((b) => b.id);
      expect(bookingIds.sort()).toEqual(occurrences.map((o) => o.booking!.id).sort());
      const staffMail = await t.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.to, 'staff.pargas@demo.example'));
      expect(staffMail.length).toBe(staffMailBefore + 1);

      // Published, its dates stay the organizer's until staff approve the request.
      expect((await member.post(`/api/events/${event.id}/publish`)).status).toBe(200);
      const anonymous = new TestClient(app);
      expect(
        (await json(await anonymous.get(`/api/events/${event.id}?lang=fi`))).occurrences,
      ).toEqual([]);
      const approved = await staff.post(`/api/bookings/${request!.id}/decision`, {
        decision: 'approve',
        dates: ['2027-01-21'],
      });
      expect(approved.status).toBe(200);
      const shown = await json(await anonymous.get(`/api/events/${event.id}?lang=fi`));
      expect(shown.occurrences.map((o: Occ) => localOf(o.startsAt))).toEqual(['2027-01-21T17:00']);
    });

    it('a clash answers 409 with the clashing dates and writes neither event nor request', async () => {
      const before = await counts();
      const res = await member.post(
        '/api/events',
        thursdays({
          title: { fi: 'Toinen torstai' },
          start: at('2027-01-21T18:00'),
          end: at('2027-01-21T20:00'),
          rrule: 'FREQ=WEEKLY;BYDAY=TH;COUNT=3',
          exceptDates: [],
        }),
      );
      expect(res.status).toBe(409);
      const problem = await json(res);
      expect(problem.clashes.map((c: { date: string }) => c.date)).toEqual([
        '2027-01-21',
        '2027-01-28',
      ]);
      expect(problem.free.map((f: { date: string }) => f.date)).toEqual(['2027-02-04']);
      expect(await counts()).toEqual(before);
    });

    it('a broken rule answers 422 with its code and parameters and writes nothing', async () => {
      const before = await counts();
      const res = await member.post(
        '/api/events',
        thursdays({
          start: at('2027-02-11T17:00'),
          end: at('2027-02-11T19:00'),
          rrule: null,
          exceptDates: [],
          requestBooking: { expectedAttendance: 41, acceptTerms: true },
        }),
      );
      expect(res.status).toBe(422);
      const problem = await json(res);
      expect(
        problem.issues.map((i: { code: string; params?: object }) => [i.code, i.params]),
      ).toEqual([['over_capacity', { maximum: 40, actual: 41 }]]);
      const unaccepted = await member.post(
        '/api/events',
        thursdays({ requestBooking: { expectedAttendance: 10, acceptTerms: false } }),
      );
      expect(unaccepted.status).toBe(400);
      expect((await json(unaccepted)).errors[0]).toMatchObject({
        path: 'requestBooking.acceptTerms',
        code: 'terms_not_accepted',
      });
      const nowhere = await member.post(
        '/api/events',
        thursdays({ venueId: null, locationText: 'Torget' }),
      );
      expect(nowhere.status).toBe(400);
      expect((await json(nowhere)).errors[0]).toMatchObject({
        path: 'requestBooking',
        code: 'request_needs_venue',
      });
      expect(await counts()).toEqual(before);
    });
  });
});
