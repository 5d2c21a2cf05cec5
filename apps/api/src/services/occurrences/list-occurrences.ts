import {
  buildings,
  categories,
  eventOccurrences,
  events,
  media,
  municipalities,
  venues,
} from '@motesplats/db';
import { DEFAULT_ZONE, searchNeedle } from '@motesplats/domain';
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
    image: { url: string; alt: Localized; width: number; height: number } | null;
  };
  venue: { id: string; name: Localized; address: string } | null;
  municipality: { slug: string; name: Localized };
}

/** Upcoming public occurrences (of published events), soonest first. */
export async function listOccurrences({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: ListOccurrencesInput;
}): Promise<Page<OccurrenceSummary>> {
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
  if (to) assertOrdered(from, to);
  if (input.municipality && !municipality) return pageOf([], input, 0);

  const where: SQL[] = [eq(events.status, 'published'), gt(eventOccurrences.endsAt, from)];
  if (to) where.push(lt(eventOccurrences.startsAt, to));
  if (municipality) where.push(eq(eventOccurrences.municipalityId, municipality.id));
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
  where.push(publicOccurrence(ctx.db));
  const condition = and(...where);

  // The page of occurrences first (narrow rows), then their events, described once each:
  // a weekly café fills a month with one event, whose texts need not travel once per date.
  const [page, totals] = await Promise.all([
    ctx.db
      .select({
        id: eventOccurrences.id,
        uid: eventOccurrences.uid,
        startsAt: eventOccurrences.startsAt,
        endsAt: eventOccurrences.endsAt,
        status: eventOccurrences.status,
        eventId: eventOccurrences.eventId,
      })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(condition)
      .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.id))
      .limit(input.limit)
      .offset(input.offset),
    ctx.db
      .select({ total: count() })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .where(condition),
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
              ? { id: venue.id, name: t.must(venue.name), address: addressLine(building) }
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
  return pageOf(items, input, Number(totals[0]?.total ?? 0));
}
