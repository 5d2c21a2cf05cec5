import { bookings, eventOccurrences, events } from '@motesplats/db';
import { buildVenueFeed, type FeedEvent } from '@motesplats/domain';
import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine, coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { publicOccurrence } from '../events/managed-event';
import { findVenue } from '../venues/find-venue';

/** A cancelled occurrence stays in the feed this long after its cancellation (invariant 5). */
const CANCELLED_KEPT_MS = 30 * 86_400_000;
/** Past occurrences stay this long, so a subscriber's recent history is kept. */
const PAST_KEPT_MS = 30 * 86_400_000;

const FEED_NAMES: Record<string, string> = {
  sv: 'evenemang',
  fi: 'tapahtumat',
  en: 'events',
  ar: 'الفعاليات',
};

/**
 * The venue's published event occurrences as iCalendar. Byte-stable while nothing changes:
 * stamps come from the rows, never from the clock.
 */
export async function venueFeed({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; origin: string };
}): Promise<string> {
  const { venue, building, municipality } = await findVenue(ctx.db, input.id);
  const t = localizer(input.lang, municipality.languages);
  const since = new Date(ctx.now.getTime() - PAST_KEPT_MS);
  const cancelledSince = new Date(ctx.now.getTime() - CANCELLED_KEPT_MS);
  const rows = await ctx.db
    .select({ occurrence: eventOccurrences, event: events })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .leftJoin(bookings, eq(bookings.id, eventOccurrences.bookingId))
    .where(
      and(
        eq(events.venueId, venue.id),
        publicOccurrence(),
        // A cancelled event stays, its dates CANCELLED, so subscribers see them go.
        inArray(events.status, ['published', 'cancelled']),
        gt(eventOccurrences.endsAt, since),
        or(
          eq(eventOccurrences.status, 'scheduled'),
          isNull(eventOccurrences.cancelledAt),
          gt(eventOccurrences.cancelledAt, cancelledSince),
        ),
      ),
    )
    .orderBy(asc(eventOccurrences.startsAt));

  const venueName = t.must(venue.name).text;
  const location = `${venueName}, ${t.must(building.name).text}, ${addressLine(building)}`;
  const geo = coordinatesOf(building);
  const feedEvents: FeedEvent[] = rows.map(({ occurrence, event }) => {
    const stamp = occurrence.updatedAt > event.updatedAt ? occurrence.updatedAt : event.updatedAt;
    const summary = t(event.summary);
    return {
      uid: occurrence.uid,
      // The database raises an occurrence's SEQUENCE whenever its event changes (0006).
      sequence: occurrence.sequence,
      start: occurrence.startsAt,
      end: occurrence.endsAt,
      stamp,
      summary: t.must(event.title).text,
      ...(summary ? { description: summary.text } : {}),
      location,
      url: `${input.origin}/${input.lang}/events/${event.id}`,
      status:
        occurrence.status === 'cancelled' || event.status === 'cancelled'
          ? 'cancelled'
          : 'confirmed',
      categories: [event.categorySlug],
      ...(geo ? { geo } : {}),
    };
  });
  return buildVenueFeed({
    calendarName: `${venueName} – ${FEED_NAMES[input.lang] ?? FEED_NAMES.en} (Mötesplats)`,
    url: `${input.origin}/feeds/venues/${venue.id}.ics?lang=${input.lang}`,
    zone: municipality.timeZone,
    events: feedEvents,
  });
}
