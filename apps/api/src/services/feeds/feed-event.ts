import { categories, eventOccurrences, events, type Db } from '@motesplats/db';
import { categoryText, type FeedEvent } from '@motesplats/domain';
import { and, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import { publicOccurrence } from '../events/managed-event';
import type { Localizer } from '../shared/localize';

/** A cancelled occurrence stays in a feed this long after its cancellation (invariant 5). */
const CANCELLED_KEPT_MS = 30 * 86_400_000;
/** Past occurrences stay this long, so a subscriber's recent history is kept. */
const PAST_KEPT_MS = 30 * 86_400_000;

/**
 * Which occurrences a feed carries (the query joins events): public ones of published events,
 * and of called-off events (their dates CANCELLED, so subscribers see them go), from a month
 * back; cancelled ones for a month after the cancellation. An event staff unpublished is
 * called off for its subscribers the same way, for a month after its last change.
 */
export const feedOccurrences = (db: Db, now: Date) =>
  and(
    publicOccurrence(db),
    or(
      inArray(events.status, ['published', 'cancelled']),
      and(
        eq(events.status, 'unpublished'),
        gt(events.updatedAt, new Date(now.getTime() - CANCELLED_KEPT_MS)),
      ),
    ),
    gt(eventOccurrences.endsAt, new Date(now.getTime() - PAST_KEPT_MS)),
    or(
      isNull(eventOccurrences.cancelledAt),
      gt(eventOccurrences.cancelledAt, new Date(now.getTime() - CANCELLED_KEPT_MS)),
    ),
  );

/** Whether a feed shows an event's dates as called off: cancelled by its organizer, or unpublished. */
export const calledOff = (status: (typeof events.$inferSelect)['status']) =>
  status === 'cancelled' || status === 'unpublished';

/**
 * One occurrence as a feed entry: its own UID and SEQUENCE (the database raises it whenever
 * the occurrence or its event changes, migration 0006), stamps from the rows, never the clock.
 * CATEGORIES names the category in the feed's language, led by its pictogram (issue 10).
 */
export function feedEventOf(
  {
    occurrence,
    event,
    category,
  }: {
    occurrence: typeof eventOccurrences.$inferSelect;
    event: typeof events.$inferSelect;
    category: Pick<typeof categories.$inferSelect, 'name' | 'pictogram'>;
  },
  place: {
    t: Localizer;
    location: string;
    geo: { lat: number; lon: number } | null;
    eventUrl: string;
  },
): FeedEvent {
  const { t, location, geo } = place;
  const stamp = occurrence.updatedAt > event.updatedAt ? occurrence.updatedAt : event.updatedAt;
  const summary = t(event.summary);
  return {
    uid: occurrence.uid,
    sequence: occurrence.sequence,
    start: occurrence.startsAt,
    end: occurrence.endsAt,
    stamp,
    summary: t.must(event.title).text,
    ...(summary ? { description: summary.text } : {}),
    location,
    url: place.eventUrl,
    status:
      occurrence.status === 'cancelled' || calledOff(event.status) ? 'cancelled' : 'confirmed',
    categories: [categoryText(category.pictogram, t.must(category.name).text)],
    ...(geo ? { geo } : {}),
  };
}
