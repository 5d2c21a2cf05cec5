import type * as s from '../schema/index';
import { localIsoDate } from './clock';
import type { PlacedVenue } from './directory';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];
type BookingRow = Row<typeof s.bookings>;

/**
 * The request behind a seeded series: its first booking's slot, the rule ended at its last
 * date, and the dates of the rule it left out (blackouts, taken slots) as exceptions.
 * Undefined when no date of the series could be placed.
 */
export function requestOf(
  requestId: string,
  bookings: readonly BookingRow[],
  skippedDates: readonly string[],
  o: { rrule: string | null; publicEvent: boolean; requestedAt: Date; decidedAt: Date | null },
): Row<typeof s.bookingRequests> | undefined {
  const own = bookings.filter((b) => b.requestId === requestId);
  const first = own[0];
  const last = own[own.length - 1];
  if (!first || !last) return undefined;
  const until = localIsoDate(last.startsAt as Date).replaceAll('-', '');
  const series = own.length > 1 && o.rrule !== null;
  const firstDate = localIsoDate(first.startsAt as Date);
  const lastDate = localIsoDate(last.startsAt as Date);
  return {
    id: requestId,
    municipalityId: first.municipalityId,
    venueId: first.venueId,
    spaceId: first.spaceId,
    associationId: first.associationId,
    requestedBy: first.requestedBy,
    startsAt: first.startsAt,
    endsAt: first.endsAt,
    rrule: series ? `${o.rrule};UNTIL=${until}` : null,
    exceptDates: series ? skippedDates.filter((d) => d > firstDate && d < lastDate) : [],
    purpose: first.purpose,
    expectedAttendance: first.expectedAttendance,
    publicEvent: o.publicEvent,
    termsAcceptedAt: o.requestedAt,
    createdAt: o.requestedAt,
    updatedAt: o.decidedAt ?? o.requestedAt,
  };
}

/** One audit row per approved request (the whole series decided at once). */
export function approval(
  venue: PlacedVenue,
  actorUserId: string,
  requestId: string,
  bookings: readonly BookingRow[],
  at: Date,
): Row<typeof s.auditLog> {
  // The dates staff decided; those still pending wait in the staff queue.
  const series = bookings.filter((b) => b.requestId === requestId && b.status !== 'pending');
  return {
    municipalityId: venue.municipalityId,
    actorUserId,
    action: 'booking.approve',
    entity: 'booking_request',
    entityId: requestId,
    data: { bookings: series.length, venueId: venue.id },
    at,
  };
}
