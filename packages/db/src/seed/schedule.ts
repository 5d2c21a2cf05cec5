import { randomUUID } from 'node:crypto';
import { eventSearchText, occurrencesBetween } from '@motesplats/domain';
import type { DateTime } from 'luxon';
import type * as s from '../schema/index';
import { BOOKING_TEMPLATES } from './bookings';
import type { BookingTemplate } from './bookings';
import type { Interval, SeedWindow } from './clock';
import { ZONE, at, daysBefore, isoDate, localDays, localIsoDate, minutesBefore } from './clock';
import type { Directory, PlacedVenue } from './directory';
import type { EventSeed } from './events';
import { BORGA_EVENTS } from './events-borga';
import { REGION_EVENTS } from './events-region';
import { PAST_BOOKINGS } from './bookings-history';
import { placeEventHistory, placePastBooking } from './history';
import type { PlannedImage } from './event-images';
import { SpacePlanner } from './planner';
import { approval, requestOf } from './requests';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface ScheduleRows {
  events: Row<typeof s.events>[];
  eventOccurrences: Row<typeof s.eventOccurrences>[];
  bookingRequests: Row<typeof s.bookingRequests>[];
  bookings: Row<typeof s.bookings>[];
  attendance: Row<typeof s.attendance>[];
  auditLog: Row<typeof s.auditLog>[];
  /** The events' images, made into media rows by seedDemo (which reads the files). */
  images: PlannedImage[];
  /** Occurrences or bookings left out because their slot was taken (expected 0 for events). */
  skippedOccurrences: number;
  skippedBookings: number;
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}.`);
  return value;
};

const spaceOf = (venue: PlacedVenue, key: string | undefined): string =>
  key === undefined ? venue.rootSpaceId : need(venue.spaceIds.get(key), key);

/** An event's occurrences: its rule expanded over the window (domain recurrence), or its one day. */
function eventSlots(event: EventSeed, window: SeedWindow): Interval[] {
  if ('day' in event.schedule) {
    const day = event.schedule.day(window);
    return [{ start: at(day, event.starts).toJSDate(), end: at(day, event.ends).toJSDate() }];
  }
  const anyDay = window.start;
  const durationMinutes = at(anyDay, event.ends).diff(at(anyDay, event.starts), 'minutes').minutes;
  const slots = occurrencesBetween(event.schedule.rrule, {
    start: { date: isoDate(window.start), time: event.starts },
    durationMinutes,
    zone: ZONE,
    window: { start: window.start.toJSDate(), end: window.end.toJSDate() },
  });
  if (!slots.ok) throw new Error(`Seed event ${event.key} has a bad rule: ${event.schedule.rrule}`);
  return slots.value;
}

/**
 * Events with their occurrences and the approved bookings that hold them (their history
 * first: the past dates before the window), then the other weekly bookings wherever they
 * still fit, then the history's one-off requests. Everything is placed through one planner, so no
 * two holding bookings overlap (buffers and divisible halls included).
 */
export function buildSchedule(window: SeedWindow, dir: Directory): ScheduleRows {
  const { now } = window;
  const buffers = new Map([...dir.venue.values()].map((v) => [v.id, v.seed.bufferMinutes]));
  const planner = new SpacePlanner(dir.spaces, buffers);
  const rows: ScheduleRows = {
    events: [],
    eventOccurrences: [],
    bookingRequests: [],
    bookings: [],
    attendance: [],
    auditLog: [],
    images: [],
    skippedOccurrences: 0,
    skippedBookings: 0,
  };
  const requested = daysBefore(now, 45);
  const decided = daysBefore(now, 44);

  // Single-day events first (the bazaar takes the whole hall), then the series.
  const events = [...BORGA_EVENTS, ...REGION_EVENTS].sort(
    (a, b) => Number('rrule' in a.schedule) - Number('rrule' in b.schedule),
  );
  for (const event of events) {
    const venue = need(dir.venue.get(event.venue), event.venue);
    const association = need(dir.association.get(event.association), event.association);
    const staff = need(
      [...dir.municipality.values()].find((m) => m.id === venue.municipalityId),
      'municipality',
    );
    const spaceId = spaceOf(venue, event.space);
    const eventId = randomUUID();
    const requestId = randomUUID();
    const skippedDates: string[] = [];
    const title = event.title.sv ?? event.title.fi ?? Object.values(event.title)[0] ?? event.key;
    let cancelled = event.cancelAfterDays === undefined;
    let placed = 0;
    let anchor: Interval | null = null;
    const history = placeEventHistory(
      { event, eventId, title, venue, spaceId, association, staffUserId: staff.staffUserId },
      window,
      planner,
      rows,
    );

    for (const { start, end } of eventSlots(event, window)) {
      anchor ??= { start, end };
      const held: Interval = { start: minutesBefore(start, event.setupMinutes), end };
      if (venue.blackouts.has(localIsoDate(start))) {
        skippedDates.push(localIsoDate(start));
        continue;
      }
      if (!planner.place(venue.id, spaceId, held)) {
        skippedDates.push(localIsoDate(start));
        rows.skippedOccurrences++;
        continue;
      }
      const cancelNow =
        !cancelled && start.getTime() >= now.getTime() + (event.cancelAfterDays ?? 0) * 86_400_000;
      if (cancelNow) cancelled = true;
      const cancelledAt = cancelNow ? minutesBefore(now, 26 * 60) : null;
      const pending =
        !cancelNow &&
        event.pendingAfterDays !== undefined &&
        start.getTime() >= now.getTime() + event.pendingAfterDays * 86_400_000;
      const bookingId = randomUUID();
      rows.bookings.push({
        id: bookingId,
        municipalityId: venue.municipalityId,
        venueId: venue.id,
        spaceId,
        associationId: association.id,
        requestedBy: association.memberUserId,
        requestId,
        startsAt: held.start,
        endsAt: held.end,
        status: cancelNow ? 'cancelled' : pending ? 'pending' : 'approved',
        purpose: `${title} (${event.category})`,
        expectedAttendance: event.expectedAttendance,
        decidedBy: pending ? null : staff.staffUserId,
        decidedAt: pending ? null : decided,
        createdAt: requested,
        updatedAt: cancelledAt ?? decided,
      });
      const occurrenceId = randomUUID();
      rows.eventOccurrences.push({
        id: occurrenceId,
        municipalityId: venue.municipalityId,
        eventId,
        bookingId,
        startsAt: start,
        endsAt: end,
        originalStartsAt: start,
        status: cancelNow ? 'cancelled' : 'scheduled',
        uid: `occurrence-${occurrenceId}@motesplats`,
        sequence: cancelNow ? 1 : 0,
        cancelledAt,
        createdAt: decided,
        updatedAt: cancelledAt ?? decided,
      });
      // Organisers record participants for most past occurrences (not every one: real life).
      if (!cancelNow && end.getTime() <= now.getTime() && placed % 5 !== 4) {
        const spread = 0.6 + ((placed * 37) % 50) / 100;
        rows.attendance.push({
          occurrenceId,
          municipalityId: venue.municipalityId,
          participants: Math.max(3, Math.round(event.expectedAttendance * spread)),
          recordedBy: association.memberUserId,
          recordedAt: new Date(Math.min(end.getTime() + 20 * 3_600_000, now.getTime())),
        });
      }
      placed++;
    }

    const { schedule, ...fields } = event;
    const request = requestOf(requestId, rows.bookings, skippedDates, {
      rrule: 'rrule' in schedule ? schedule.rrule : null,
      publicEvent: true,
      requestedAt: requested,
      decidedAt: decided,
    });
    if (request) rows.bookingRequests.push(request);
    const imageId = fields.image ? randomUUID() : null;
    if (fields.image)
      rows.images.push({
        mainId: imageId!,
        municipalityId: venue.municipalityId,
        file: fields.image.file,
        alt: fields.image.alt,
        createdBy: association.memberUserId,
        createdAt: history?.requested ?? requested,
      });
    rows.events.push({
      id: eventId,
      municipalityId: venue.municipalityId,
      associationId: association.id,
      categorySlug: event.category,
      venueId: venue.id,
      title: fields.title,
      summary: fields.summary,
      description: fields.description,
      audience: fields.audience,
      languages: fields.languages,
      priceCents: fields.priceCents,
      priceText: fields.priceText,
      registrationRequired: fields.registrationUrl !== undefined,
      registrationUrl: fields.registrationUrl ?? null,
      imageId,
      rrule: 'rrule' in schedule ? schedule.rrule : null,
      startsAt: anchor?.start ?? window.start.toJSDate(),
      endsAt: anchor?.end ?? window.start.plus({ hours: 2 }).toJSDate(),
      searchText: eventSearchText([fields.title, fields.summary, fields.description]),
      status: event.status ?? 'published',
      uid: `event-${eventId}@motesplats`,
      sequence: 0,
      createdBy: association.memberUserId,
      publishedAt: event.status === 'draft' ? null : (history?.decided ?? decided),
      createdAt: history?.requested ?? requested,
      updatedAt: decided,
    });
    if (request)
      rows.auditLog.push(approval(venue, staff.staffUserId, requestId, rows.bookings, decided));
  }

  const days = localDays(window.start, window.end).map((day, i) => ({
    day,
    iso: isoDate(day),
    week: Math.floor(i / 7),
  }));
  for (const t of BOOKING_TEMPLATES) placeTemplate(t, days, window, dir, planner, rows);
  for (const p of PAST_BOOKINGS) {
    const venue = need(dir.venue.get(p.venue), p.venue);
    const association = need(dir.association.get(p.association), p.association);
    const staff = need(
      [...dir.municipality.values()].find((m) => m.id === venue.municipalityId),
      'municipality',
    );
    const spaceId = spaceOf(venue, p.space);
    placePastBooking(
      p,
      { venue, spaceId, association, staffUserId: staff.staffUserId },
      window,
      planner,
      rows,
    );
  }
  return rows;
}

function placeTemplate(
  t: BookingTemplate,
  days: readonly { day: DateTime; iso: string; week: number }[],
  window: SeedWindow,
  dir: Directory,
  planner: SpacePlanner,
  rows: ScheduleRows,
): void {
  const { now } = window;
  const venue = need(dir.venue.get(t.venue), t.venue);
  const association = need(dir.association.get(t.association), t.association);
  const staff = need(
    [...dir.municipality.values()].find((m) => m.id === venue.municipalityId),
    'municipality',
  );
  const spaceId = spaceOf(venue, t.space);
  const requestId = randomUUID();
  const skippedDates: string[] = [];
  const requested = t.pending ? daysBefore(now, 2) : daysBefore(now, 40);
  const decided = t.pending ? null : daysBefore(now, 38);
  const firstPending = window.today.plus({ weeks: t.pending?.fromWeek ?? 0 });

  for (const { day, iso, week } of days) {
    if (day.weekday !== t.weekday) continue;
    if (week % (t.every ?? 1) !== (t.offset ?? 0)) continue;
    if (t.pending && day < firstPending) continue;
    const slot = { start: at(day, t.starts).toJSDate(), end: at(day, t.ends).toJSDate() };
    if (venue.blackouts.has(iso)) {
      skippedDates.push(iso);
      continue;
    }
    if (!planner.place(venue.id, spaceId, slot)) {
      skippedDates.push(iso);
      rows.skippedBookings++;
      continue;
    }
    rows.bookings.push({
      id: randomUUID(),
      municipalityId: venue.municipalityId,
      venueId: venue.id,
      spaceId,
      associationId: association.id,
      requestedBy: association.memberUserId,
      requestId,
      startsAt: slot.start,
      endsAt: slot.end,
      status: t.pending ? 'pending' : 'approved',
      purpose: t.purpose,
      expectedAttendance: t.expectedAttendance,
      decidedBy: t.pending ? null : staff.staffUserId,
      decidedAt: decided,
      createdAt: requested,
      updatedAt: decided ?? requested,
    });
  }
  const weekday = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'][t.weekday - 1];
  const every = t.every && t.every > 1 ? `;INTERVAL=${t.every}` : '';
  const request = requestOf(requestId, rows.bookings, skippedDates, {
    rrule: `FREQ=WEEKLY${every};BYDAY=${weekday}`,
    publicEvent: false,
    requestedAt: requested,
    decidedAt: decided,
  });
  if (request) rows.bookingRequests.push(request);
  if (decided && request)
    rows.auditLog.push(approval(venue, staff.staffUserId, requestId, rows.bookings, decided));
}
