import {
  associations,
  buildings,
  categories,
  eventOccurrences,
  events,
  media,
  municipalities,
  venues,
} from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine, coordinatesOf } from '../shared/address';
import { categoryRef, priceOf } from '../shared/event-view';
import { localizer } from '../shared/localize';
import { publicImage } from './event-image';
import { publicOccurrence } from './managed-event';

/** How long a cancelled or past occurrence still shows on the event page. */
const RECENT_MS = 7 * 86_400_000;

/**
 * A published (or called-off) event with its recent and upcoming public occurrences, place
 * and organizer. Dates whose booking waits for approval are not shown.
 */
export async function getEvent({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  const [row] = await ctx.db
    .select({
      event: events,
      category: categories,
      municipality: municipalities,
      organizer: associations,
      venue: venues,
      building: buildings,
      image: { id: media.id, width: media.width, height: media.height, alt: media.alt },
    })
    .from(events)
    .innerJoin(categories, eq(categories.slug, events.categorySlug))
    .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
    .leftJoin(associations, eq(associations.id, events.associationId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(buildings, eq(buildings.id, venues.buildingId))
    .leftJoin(media, eq(media.id, events.imageId))
    .where(and(eq(events.id, input.id), inArray(events.status, ['published', 'cancelled'])));
  if (!row) throw new DomainFailure(notFound('event', input.id));
  const { event, category, municipality, organizer, venue, building, image } = row;

  const occurrences = await ctx.db
    .select({ o: eventOccurrences })
    .from(eventOccurrences)
    .where(
      and(
        eq(eventOccurrences.eventId, event.id),
        gt(eventOccurrences.endsAt, new Date(ctx.now.getTime() - RECENT_MS)),
        publicOccurrence(ctx.db),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt))
    .limit(100);

  const t = localizer(input.lang, municipality.languages);
  return {
    id: event.id,
    status: event.status as 'published' | 'cancelled',
    statusReason: event.status === 'cancelled' ? event.statusReason : null,
    title: t.must(event.title),
    summary: t(event.summary),
    description: t(event.description),
    category: categoryRef(t, category),
    languages: event.languages,
    audience: event.audience,
    price: priceOf(t, event),
    registration: { required: event.registrationRequired, url: event.registrationUrl },
    // The municipality organizes its own events (staff); an association links to its page.
    organizer: organizer
      ? {
          id: organizer.id,
          name: t.must(organizer.name),
          description: t(organizer.description),
          website: organizer.website,
        }
      : { id: null, name: t.must(municipality.name), description: null, website: null },
    accessibilityNotes: t(event.accessibilityNotes),
    image: publicImage(t, image ?? undefined),
    venue:
      venue && building
        ? {
            id: venue.id,
            name: t.must(venue.name),
            address: addressLine(building, t),
            coordinates: coordinatesOf(building),
          }
        : null,
    locationText: event.locationText,
    municipality: {
      slug: municipality.slug,
      name: t.must(municipality.name),
      timeZone: municipality.timeZone,
      languages: municipality.languages,
    },
    occurrences: occurrences.map(({ o }) => ({
      id: o.id,
      uid: o.uid,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      status: o.status,
      cancelReason: o.status === 'cancelled' ? o.cancelReason : null,
    })),
  };
}
