import { associations, attendance, venues } from '@motesplats/db';
import { repeatKindOf } from '@motesplats/domain';
import { eq, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { imagesOf, managedImage } from './event-image';
import { findManagedEvent, occurrencesWithBookings } from './managed-event';

/**
 * An event as its organizer and the municipality's staff see it: every field in every
 * language (to edit), each occurrence with the booking holding it ("awaiting approval" while
 * that is pending), and the participants recorded.
 */
export async function loadManagedEvent(ctx: ServiceCtx, id: string) {
  const { event, zone } = await findManagedEvent(ctx, id);
  const [rows, association, venue, images] = await Promise.all([
    occurrencesWithBookings(ctx.db, event.id),
    event.associationId
      ? ctx.db
          .select({ id: associations.id, name: associations.name })
          .from(associations)
          .where(eq(associations.id, event.associationId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    event.venueId
      ? ctx.db
          .select({ id: venues.id, name: venues.name })
          .from(venues)
          .where(eq(venues.id, event.venueId))
          .then((r) => r[0] ?? null)
      : Promise.resolve(null),
    imagesOf(ctx.db, [event.imageId]),
  ]);
  const counts =
    rows.length === 0
      ? []
      : await ctx.db
          .select({ id: attendance.occurrenceId, participants: attendance.participants })
          .from(attendance)
          .where(
            inArray(
              attendance.occurrenceId,
              rows.map((r) => r.occurrence.id),
            ),
          );
  const participants = new Map(counts.map((c) => [c.id, c.participants]));
  return {
    id: event.id,
    uid: event.uid,
    status: event.status,
    statusReason: event.statusReason,
    municipalityId: event.municipalityId,
    timeZone: zone,
    association,
    categorySlug: event.categorySlug,
    title: event.title,
    summary: event.summary,
    description: event.description,
    languages: event.languages,
    audience: event.audience,
    priceCents: event.priceCents,
    priceText: event.priceText,
    registrationUrl: event.registrationUrl,
    accessibilityNotes: event.accessibilityNotes,
    image: managedImage(event.imageId ? images.get(event.imageId) : undefined),
    venue,
    locationText: event.locationText,
    start: event.startsAt.toISOString(),
    end: event.endsAt.toISOString(),
    rrule: event.rrule,
    repeat: repeatKindOf(event.rrule, event.startsAt, zone),
    exceptDates: event.exceptDates,
    sequence: event.sequence,
    publishedAt: event.publishedAt?.toISOString() ?? null,
    updatedAt: event.updatedAt.toISOString(),
    occurrences: rows.map(({ occurrence: o, bookingStatus }) => ({
      id: o.id,
      uid: o.uid,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      originalStartsAt: o.originalStartsAt.toISOString(),
      status: o.status,
      cancelReason: o.cancelReason,
      sequence: o.sequence,
      booking: o.bookingId ? { id: o.bookingId, status: bookingStatus! } : null,
      awaitingApproval: o.status === 'scheduled' && bookingStatus === 'pending',
      participants: participants.get(o.id) ?? null,
    })),
  };
}
export type ManagedEvent = Awaited<ReturnType<typeof loadManagedEvent>>;
