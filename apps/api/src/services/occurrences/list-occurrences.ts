import {
  buildings,
  categories,
  eventOccurrences,
  events,
  media,
  municipalities,
  venues,
} from '@motesplats/db';
import { DEFAULT_ZONE, OCCURRENCE_SPAN_BOUND_MS, searchNeedle } from '@motesplats/domain';
import {
  and,
  arrayContains,
  asc,
  count,
  eq,
  gt,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { categoryRef, priceOf } from '../shared/event-view';
import { localizer, type Localized } from '../shared/localize';
import { pageOf, type Page, type PageQuery } from '../shared/paging';
import { boundToInstant, assertOrdered } from '../shared/time-range';
import { addressLine } from '../shared/address';
import { containsPattern } from '../shared/search';
import { publicOccurrence } from '../events/managed-event';
import { publicImage } from '../events/event-image';

export interface ListOccurrencesInput extends PageQuery {
  lang: string;
  municipality?: string | undefined;
  category?: string | undefined;
  language?: string | undefined;
  venue?: string | undefined;
  /** Only events organized by this association. */
  association?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Words in any language's title, summary or description (2–100 characters; the route checks). */
  q?: string | undefined;
  /** One of AUDIENCES. */
  audience?: string | undefined;
  /** true: only free of charge; false: only with a price. */
  free?: boolean | undefined;
}

export interface OccurrenceSummary {
  id: string;
  uid: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  timeZone: string;
  event: {
    id: string;
    title: Localized;
    summary: Localized | null;
    category: { slug: string; name: Localized; pictogram: string };
    languages: string[];
    audience: string;
    price: { free: boolean; text: Localized | null };
    image: ReturnType<typeof publicImage>;
  };
  venue: { id: string; name: Localized; address: string } | null;
  municipality: { slug: string; name: Localized };
}

/** What the calendar's filters ask of an event (the municipality already resolved to its id). */
export type EventFilterInput = Pick<
  ListOccurrencesInput,
  'category' | 'language' | 'venue' | 'association' | 'audience' | 'free' | 'q'
>;

/** The conditions of the calendar's filters, over event_occurrences joined with events. */
export function eventFilters(input: EventFilterInput, municipalityId?: string): SQL[] {
  const where: SQL[] = [];
  if (municipalityId) where.push(eq(eventOccurrences.municipalityId, municipalityId));
  if (input.category) where.push(eq(events.categorySlug, input.category));
  if (input.language) where.push(arrayContains(events.languages, [input.language]));
  if (input.venue) where.push(eq(events.venueId, input.venue));
  if (input.association) where.push(eq(events.associationId, input.association));
  if (input.audience) where.push(eq(events.audience, input.audience));
  if (input.free === true) where.push(isNull(events.priceCents));
  if (input.free === false) where.push(isNotNull(events.priceCents));
  if (input.q !== undefined) {
    // search_text is lower-cased NFKC of every language; so is the needle (domain).
    where.push(ilike(events.searchText, containsPattern(searchNeedle(input.q))));
  }
  return where;
}

/** Upcoming public occurrences (of published events), soonest first. */
export async function listOccurrences({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: ListOccurrencesInput;
}): Promise<Page<OccurrenceSummary>> {
  const found = await findOccurrences(ctx, input, { ...input, withTotal: true });
  return pageOf(found.items, input, found.total ?? 0);
}

/**
 * The public occurrences the filters select, soonest first: `limit` of them from `offset`,
 * and how many there are in all when `withTotal` (a second query over the same rows).
 */
export async function findOccurrences(
  ctx: ServiceCtx,
  input: Omit<ListOccurrencesInput, 'limit' | 'offset'>,
  paging: {
    limit: number;
    offset: number;
    withTotal: boolean;
    maxDays?: number;
    /** At most this many of each local day (in `zone`), and each day's count in `days`. */
    perDay?: number;
  },
): Promise<{
  items: OccurrenceSummary[];
  total: number | null;
  days?: { date: string; count: number }[];
}> {
  const municipality = input.municipality
    ? (
        await ctx.db
          .select({ id: municipalities.id, timeZone: municipalities.timeZone })
          .from(municipalities)
          .where(eq(municipalities.slug, input.municipality))
      )[0]
    : undefined;
  const zone = municipality?.timeZone ?? DEFAULT_ZONE;
  const from = input.from ? boundToInstant(input.from, zone, 'from') : ctx.now;
  const to = input.to ? boundToInstant(input.to, zone, 'to') : undefined;
  if (to) assertOrdered(from, to, paging.maxDays);
  if (input.municipality && !municipality) return { items: [], total: 0 };

  const where: SQL[] = [
    eq(events.status, 'published'),
    gt(eventOccurrences.endsAt, from),
    // Implied by the one above (no occurrence is longer; a CHECK holds it), and what lets
    // the start index bound the scan from below too, not from the first event ever.
    gt(eventOccurrences.startsAt, new Date(from.getTime() - OCCURRENCE_SPAN_BOUND_MS)),
  ];
  if (to) where.push(lt(eventOccurrences.startsAt, to));
  where.push(...eventFilters(input, municipality?.id));
  where.push(publicOccurrence(ctx.db));
  const condition = and(...where);

  // The page of occurrences first (narrow rows), then their events, described once each:
  // a weekly café fills a month with one event, whose texts need not travel once per date.
  const [page, totals] = await Promise.all([
    paging.perDay !== undefined
      ? firstOfEachDay(ctx, condition, zone, paging.perDay)
      : ctx.db
          .select(NARROW)
          .from(eventOccurrences)
          .innerJoin(events, eq(events.id, eventOccurrences.eventId))
          .where(condition)
          .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
          .limit(paging.limit)
          .offset(paging.offset),
    paging.withTotal
      ? ctx.db
          .select({ total: count() })
          .from(eventOccurrences)
          .innerJoin(events, eq(events.id, eventOccurrences.eventId))
          .where(condition)
      : null,
  ]);
  const eventIds = [...new Set(page.map((o) => o.eventId))];
  const described = eventIds.length
    ? await ctx.db
        // Only the columns the answer shows: descriptions and search texts stay in the database.
        .select({
          event: {
            id: events.id,
            title: events.title,
            summary: events.summary,
            languages: events.languages,
            audience: events.audience,
            priceCents: events.priceCents,
            priceText: events.priceText,
          },
          // The image's size and alt texts (never its bytes).
          image: { id: media.id, width: media.width, height: media.height, alt: media.alt },
          category: categories,
          municipality: {
            slug: municipalities.slug,
            name: municipalities.name,
            languages: municipalities.languages,
            timeZone: municipalities.timeZone,
          },
          venue: { id: venues.id, name: venues.name },
          building: {
            street: buildings.street,
            postalCode: buildings.postalCode,
            city: buildings.city,
          },
        })
        .from(events)
        .innerJoin(categories, eq(categories.slug, events.categorySlug))
        .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
        .leftJoin(venues, eq(venues.id, events.venueId))
        .leftJoin(buildings, eq(buildings.id, venues.buildingId))
        .leftJoin(media, eq(media.id, events.imageId))
        .where(inArray(events.id, eventIds))
    : [];
  const views = new Map(
    described.map(({ event, category, municipality, venue, building, image }) => {
      const t = localizer(input.lang, municipality.languages);
      return [
        event.id,
        {
          timeZone: municipality.timeZone,
          event: {
            id: event.id,
            title: t.must(event.title),
            summary: t(event.summary),
            category: categoryRef(t, category),
            languages: event.languages,
            audience: event.audience,
            price: priceOf(t, event),
            image: publicImage(t, image ?? undefined),
          },
          venue:
            venue && building
              ? { id: venue.id, name: t.must(venue.name), address: addressLine(building, t) }
              : null,
          municipality: { slug: municipality.slug, name: t.must(municipality.name) },
        },
      ] as const;
    }),
  );

  const items = page.map((occurrence) => {
    const view = views.get(occurrence.eventId)!;
    return {
      id: occurrence.id,
      uid: occurrence.uid,
      startsAt: occurrence.startsAt.toISOString(),
      endsAt: occurrence.endsAt.toISOString(),
      status: occurrence.status,
      timeZone: view.timeZone,
      event: view.event,
      venue: view.venue,
      municipality: view.municipality,
    };
  });
  const total = totals ? Number(totals[0]?.total ?? 0) : null;
  if (paging.perDay === undefined) return { items, total };
  const days = new Map<string, number>();
  for (const o of page as { day: string; dayCount: number }[]) days.set(o.day, o.dayCount);
  return { items, total, days: [...days].map(([date, count]) => ({ date, count })) };
}

/** An occurrence's own columns: what a page of them reads before describing their events. */
const NARROW = {
  id: eventOccurrences.id,
  uid: eventOccurrences.uid,
  startsAt: eventOccurrences.startsAt,
  endsAt: eventOccurrences.endsAt,
  status: eventOccurrences.status,
  eventId: eventOccurrences.eventId,
};

/**
 * The first `perDay` occurrences of each local day (in the zone the period's days are), with
 * each one's day and that day's count, soonest first: a month view shows a few a day and
 * links the rest, so the others need not be described, sent or rendered.
 */
function firstOfEachDay(ctx: ServiceCtx, condition: SQL | undefined, zone: string, perDay: number) {
  const day = sql`to_char(${eventOccurrences.startsAt} at time zone ${zone}, 'YYYY-MM-DD')`;
  const ranked = ctx.db
    .select({
      ...NARROW,
      day: sql<string>`${day}`.as('day'),
      rank: sql<number>`row_number() over (partition by ${day} order by ${eventOccurrences.startsAt}, ${eventOccurrences.id})`.as(
        'rank',
      ),
      dayCount: sql<number>`(count(*) over (partition by ${day}))::int`.as('day_count'),
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .where(condition)
    .as('ranked');
  return ctx.db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, perDay))
    .orderBy(asc(ranked.startsAt), asc(ranked.id));
}
