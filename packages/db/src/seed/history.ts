import { randomUUID } from 'node:crypto';
import { occurrencesBetween } from '@motesplats/domain';
import { DateTime } from 'luxon';
import type { Interval, SeedWindow } from './clock';
import { ZONE, at, isoDate, localIsoDate, minutesBefore, onBreak, seedWindow } from './clock';
import type { PlacedVenue } from './directory';
import type { EventSeed } from './events';
import type { PastBooking } from './bookings-history';
import type { SpacePlanner } from './planner';
import { approval, requestOf } from './requests';
import type { ScheduleRows } from './schedule';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A small deterministic generator (mulberry32 seeded by a hash of the text), so the history
 * varies like real life and still depends on nothing but `now`.
 */
export function randomOf(seed: string): () => number {
  let h = 1_779_033_703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3_432_918_353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * An event's past dates before the seeded window: its rule from `historyMonths` back (not
 * before the history's start), outside the associations' breaks; a one-day event's edition
 * a year earlier. Every date is over before the window starts.
 */
export function historySlots(event: EventSeed, window: SeedWindow): Interval[] {
  const months = event.historyMonths;
  if (months === undefined || event.status === 'draft') return [];
  const before = (slot: Interval) =>
    slot.start >= window.historyStart.toJSDate() && slot.end <= window.start.toJSDate();
  if ('day' in event.schedule) {
    if (months < 12) return [];
    const lastYear = seedWindow(DateTime.fromJSDate(window.now).minus({ years: 1 }).toJSDate());
    const day = event.schedule.day(lastYear);
    const slot = { start: at(day, event.starts).toJSDate(), end: at(day, event.ends).toJSDate() };
    return before(slot) ? [slot] : [];
  }
  const from = DateTime.max(window.historyStart, window.start.minus({ months }));
  const durationMinutes = at(from, event.ends).diff(at(from, event.starts), 'minutes').minutes;
  const slots = occurrencesBetween(event.schedule.rrule, {
    start: { date: isoDate(from), time: event.starts },
    durationMinutes,
    zone: ZONE,
    window: { start: from.toJSDate(), end: window.start.toJSDate() },
    max: 1000,
  });
  if (!slots.ok) throw new Error(`Seed event ${event.key} has a bad rule: ${event.schedule.rrule}`);
  return slots.value.filter(
    (slot) => before(slot) && !onBreak(DateTime.fromJSDate(slot.start, { zone: ZONE })),
  );
}

/** Terms of a series: runs of dates with no gap longer than three weeks (a break ends one). */
function terms(slots: readonly Interval[]): Interval[][] {
  const out: Interval[][] = [];
  let last: Interval | undefined;
  for (const slot of slots) {
    if (!last || slot.start.getTime() - last.start.getTime() > 21 * DAY) out.push([]);
    out[out.length - 1]!.push(slot);
    last = slot;
  }
  return out;
}

export interface EventHistory {
  event: EventSeed;
  eventId: string;
  title: string;
  venue: PlacedVenue;
  spaceId: string;
  association: { id: string; memberUserId: string };
  staffUserId: string;
}

/**
 * Places an event's past dates: per term one request, applied for three to five weeks before
 * its first date and approved some days later as a whole; approved bookings through the
 * planner; participants recorded on most dates, growing over the history. Returns when the
 * earliest request was made and decided (the event existed from then), or null.
 */
export function placeEventHistory(
  h: EventHistory,
  window: SeedWindow,
  planner: SpacePlanner,
  rows: ScheduleRows,
): { requested: Date; decided: Date } | null {
  const { event, venue, association } = h;
  const random = randomOf(`${event.key}@${isoDate(window.today)}`);
  const span = window.now.getTime() - window.historyStart.toMillis();
  let earliest: { requested: Date; decided: Date } | null = null;

  for (const term of terms(historySlots(event, window))) {
    const requestId = randomUUID();
    const skippedDates: string[] = [];
    const first = term[0]!;
    const requested = new Date(first.start.getTime() - (21 + Math.round(random() * 14)) * DAY);
    const decided = new Date(requested.getTime() + Math.round((1 + random() * 8) * 24) * HOUR);
    earliest ??= { requested, decided };
    for (const { start, end } of term) {
      const held: Interval = { start: minutesBefore(start, event.setupMinutes), end };
      const iso = localIsoDate(start);
      if (venue.blackouts.has(iso)) {
        skippedDates.push(iso);
        continue;
      }
      if (!planner.place(venue.id, h.spaceId, held)) {
        skippedDates.push(iso);
        rows.skippedOccurrences++;
        continue;
      }
      const bookingId = randomUUID();
      rows.bookings.push({
        id: bookingId,
        municipalityId: venue.municipalityId,
        venueId: venue.id,
        spaceId: h.spaceId,
        associationId: association.id,
        requestedBy: association.memberUserId,
        requestId,
        startsAt: held.start,
        endsAt: held.end,
        status: 'approved',
        purpose: `${h.title} (${event.category})`,
        expectedAttendance: event.expectedAttendance,
        decidedBy: h.staffUserId,
        decidedAt: decided,
        createdAt: requested,
        updatedAt: decided,
      });
      const occurrenceId = randomUUID();
      rows.eventOccurrences.push({
        id: occurrenceId,
        municipalityId: venue.municipalityId,
        eventId: h.eventId,
        bookingId,
        startsAt: start,
        endsAt: end,
        originalStartsAt: start,
        status: 'scheduled',
        uid: `occurrence-${occurrenceId}@motesplats`,
        sequence: 0,
        cancelledAt: null,
        createdAt: decided,
        updatedAt: decided,
      });
      // About one date in eight has no count: the organiser forgot.
      if (random() < 0.12) continue;
      // Word spreads: a date late in the history draws about twice the people of an early one.
      const growth = 0.45 + (0.45 * (start.getTime() - window.historyStart.toMillis())) / span;
      const participants = event.expectedAttendance * growth * (0.75 + random() * 0.45);
      rows.attendance.push({
        occurrenceId,
        municipalityId: venue.municipalityId,
        participants: Math.max(3, Math.round(participants)),
        recordedBy: association.memberUserId,
        recordedAt: new Date(end.getTime() + Math.round((2 + random() * 46) * HOUR)),
      });
    }
    const request = requestOf(requestId, rows.bookings, skippedDates, {
      rrule: 'rrule' in event.schedule ? event.schedule.rrule : null,
      publicEvent: true,
      requestedAt: requested,
      decidedAt: decided,
    });
    if (!request) continue;
    rows.bookingRequests.push(request);
    rows.auditLog.push(approval(venue, h.staffUserId, requestId, rows.bookings, decided));
  }
  return earliest;
}

/**
 * A one-off request of the history: approved (placed through the planner), rejected with
 * a reason, or withdrawn by the association before staff decided.
 */
export function placePastBooking(
  p: PastBooking,
  h: Omit<EventHistory, 'event' | 'eventId' | 'title'>,
  window: SeedWindow,
  planner: SpacePlanner,
  rows: ScheduleRows,
): void {
  const { venue, association } = h;
  const day = window.today
    .minus({ weeks: p.weeksAgo })
    .startOf('week')
    .plus({ days: p.weekday - 1 });
  const slot = { start: at(day, p.starts).toJSDate(), end: at(day, p.ends).toJSDate() };
  if (slot.end > window.start.toJSDate() || slot.start < window.historyStart.toJSDate())
    throw new Error(`Seed booking "${p.purpose}" lies outside the history.`);
  if (venue.blackouts.has(isoDate(day))) return;
  if (p.outcome === 'approved' && !planner.place(venue.id, h.spaceId, slot)) {
    rows.skippedBookings++;
    return;
  }
  const random = randomOf(`${p.purpose}@${isoDate(window.today)}`);
  const requestId = randomUUID();
  const requested = new Date(slot.start.getTime() - (14 + Math.round(random() * 30)) * DAY);
  const decided = new Date(requested.getTime() + Math.round((0.5 + random() * 9) * 24) * HOUR);
  const withdrawn = p.outcome === 'withdrawn';
  const withdrawnAt = new Date(requested.getTime() + 3 * DAY);
  rows.bookings.push({
    id: randomUUID(),
    municipalityId: venue.municipalityId,
    venueId: venue.id,
    spaceId: h.spaceId,
    associationId: association.id,
    requestedBy: association.memberUserId,
    requestId,
    startsAt: slot.start,
    endsAt: slot.end,
    status: p.outcome,
    purpose: p.purpose,
    expectedAttendance: p.expectedAttendance,
    decidedBy: withdrawn ? null : h.staffUserId,
    decidedAt: withdrawn ? null : decided,
    decisionNote: p.reason ?? null,
    createdAt: requested,
    updatedAt: withdrawn ? withdrawnAt : decided,
  });
  const request = requestOf(requestId, rows.bookings, [], {
    rrule: null,
    publicEvent: p.publicEvent ?? false,
    requestedAt: requested,
    decidedAt: withdrawn ? withdrawnAt : decided,
  });
  if (!request) return;
  rows.bookingRequests.push(request);
  const dates = [localIsoDate(slot.start)];
  rows.auditLog.push(
    p.outcome === 'approved'
      ? approval(venue, h.staffUserId, requestId, rows.bookings, decided)
      : {
          municipalityId: venue.municipalityId,
          actorUserId: withdrawn ? association.memberUserId : h.staffUserId,
          action: withdrawn ? 'booking.withdraw' : 'booking.reject',
          entity: 'booking_request',
          entityId: requestId,
          data: p.reason ? { dates, reason: p.reason } : { dates },
          at: withdrawn ? withdrawnAt : decided,
        },
  );
}
