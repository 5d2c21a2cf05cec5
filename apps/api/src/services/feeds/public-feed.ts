import {
  associations,
  buildings,
  categories,
  eventOccurrences,
  events,
  municipalities,
  venues,
} from '@motesplats/db';
import {
  DEFAULT_ZONE,
  DomainFailure,
  buildVenueFeed,
  feedWord,
  notFound,
} from '@motesplats/domain';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { eventFilters, type EventFilterInput } from '../occurrences/list-occurrences';
import { addressLine, coordinatesOf } from '../shared/address';
import { localizer, type Localizer } from '../shared/localize';
import { findVenue } from '../venues/find-venue';
import { builtFeed, cachedFeed, type BuiltFeed } from './feed-cache';
import { feedEventOf, feedOccurrences } from './feed-event';
import type { FeedVersion } from './feed-version';

/** What a public feed shows: one venue's, association's, category's or municipality's events, one event, or any calendar filter. */
export type FeedScope =
  | { kind: 'venue'; id: string }
  | { kind: 'event'; id: string }
  | { kind: 'association'; id: string }
  | { kind: 'category'; slug: string; municipality?: string | undefined }
  | { kind: 'municipality'; slug: string }
  | { kind: 'calendar'; municipality?: string | undefined; filters: EventFilterInput };

interface ResolvedScope {
  municipalityId: string | null;
  zone: string;
  name: string;
  path: string;
  where: SQL[];
  /** After the build: a feed that must not exist with these rows (404). */
  emptyIsGone?: boolean;
}

/** The path a scope's feed is served at, with its query (the language added by the caller). */
export function feedPath(scope: FeedScope): string {
  switch (scope.kind) {
    case 'venue':
      return `/feeds/venues/${scope.id}.ics`;
    case 'event':
      return `/feeds/events/${scope.id}.ics`;
    case 'association':
      return `/feeds/associations/${scope.id}.ics`;
    case 'municipality':
      return `/feeds/municipalities/${scope.slug}.ics`;
    case 'category':
      return `/feeds/categories/${scope.slug}.ics${scope.municipality ? `?municipality=${scope.municipality}` : ''}`;
    case 'calendar': {
      const query = new URLSearchParams();
      if (scope.municipality) query.set('municipality', scope.municipality);
      for (const [k, v] of Object.entries(scope.filters).sort(([a], [b]) => (a < b ? -1 : 1)))
        if (v !== undefined) query.set(k, String(v));
      const text = query.toString();
      return `/feeds/calendar.ics${text ? `?${text}` : ''}`;
    }
  }
}

async function municipalityBySlug(ctx: ServiceCtx, slug: string) {
  const [m] = await ctx.db.select().from(municipalities).where(eq(municipalities.slug, slug));
  if (!m) throw new DomainFailure(notFound('municipality', slug));
  return m;
}

/** Who and what a scope is, in the requested language, or 404. */
async function resolveScope(
  ctx: ServiceCtx,
  scope: FeedScope,
  lang: string,
): Promise<ResolvedScope> {
  const path = feedPath(scope);
  switch (scope.kind) {
    case 'venue': {
      const { venue, municipality } = await findVenue(ctx.db, scope.id);
      const t = localizer(lang, municipality.languages);
      return {
        municipalityId: municipality.id,
        zone: municipality.timeZone,
        name: `${t.must(venue.name).text} – ${feedWord(lang)} (Mötesplats)`,
        path,
        where: [eq(events.venueId, venue.id)],
      };
    }
    case 'event': {
      const [found] = await ctx.db
        .select({ event: events, municipality: municipalities })
        .from(events)
        .innerJoin(municipalities, eq(municipalities.id, events.municipalityId))
        .where(eq(events.id, scope.id));
      // A draft never was public; an unpublished event's dates are called off for a month
      // (feedOccurrences), after which its feed is gone.
      if (!found || found.event.status === 'draft')
        throw new DomainFailure(notFound('event', scope.id));
      const t = localizer(lang, found.municipality.languages);
      return {
        municipalityId: found.municipality.id,
        zone: found.municipality.timeZone,
        name: `${t.must(found.event.title).text} (Mötesplats)`,
        path,
        where: [eq(eventOccurrences.eventId, scope.id)],
        emptyIsGone: found.event.status === 'unpublished',
      };
    }
    case 'association': {
      const [found] = await ctx.db
        .select({ association: associations, municipality: municipalities })
        .from(associations)
        .innerJoin(municipalities, eq(municipalities.id, associations.municipalityId))
        .where(eq(associations.id, scope.id));
      if (!found || found.association.verification !== 'verified')
        throw new DomainFailure(notFound('association', scope.id));
      const t = localizer(lang, found.municipality.languages);
      return {
        municipalityId: found.municipality.id,
        zone: found.municipality.timeZone,
        name: `${t.must(found.association.name).text} – ${feedWord(lang)} (Mötesplats)`,
        path,
        where: [eq(events.associationId, scope.id)],
      };
    }
    case 'municipality': {
      const m = await municipalityBySlug(ctx, scope.slug);
      const t = localizer(lang, m.languages);
      return {
        municipalityId: m.id,
        zone: m.timeZone,
        name: `${t.must(m.name).text} – ${feedWord(lang)} (Mötesplats)`,
        path,
        where: [eq(eventOccurrences.municipalityId, m.id)],
      };
    }
    case 'category': {
      const [category] = await ctx.db
        .select()
        .from(categories)
        .where(eq(categories.slug, scope.slug));
      if (!category) throw new DomainFailure(notFound('category', scope.slug));
      const m = scope.municipality ? await municipalityBySlug(ctx, scope.municipality) : null;
      const t = localizer(lang, m?.languages ?? []);
      return {
        municipalityId: m?.id ?? null,
        zone: m?.timeZone ?? DEFAULT_ZONE,
        name: `${t.must(category.name).text}${m ? ` – ${t.must(m.name).text}` : ''} (Mötesplats)`,
        path,
        where: [
          eq(events.categorySlug, category.slug),
          ...(m ? [eq(eventOccurrences.municipalityId, m.id)] : []),
        ],
      };
    }
    case 'calendar': {
      const m = scope.municipality ? await municipalityBySlug(ctx, scope.municipality) : null;
      const t = localizer(lang, m?.languages ?? []);
      return {
        municipalityId: m?.id ?? null,
        zone: m?.timeZone ?? DEFAULT_ZONE,
        name: `${m ? t.must(m.name).text : 'Mötesplats'} – ${feedWord(lang)}`,
        path,
        where: eventFilters(scope.filters, m?.id),
      };
    }
  }
}

/**
 * The public iCalendar feed of a scope: the published events' dates (cancelled ones for a
 * month), in the requested language. Built feeds are kept as bytes under the scope's feed
 * version and the day (the month-long windows move once a day), so a poll of an unchanged
 * feed costs one index lookup and no build, and a conditional poll is answered from that.
 * Deterministic: the same data on the same day gives the same bytes and ETag, in any process.
 */
export async function publicFeed({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { scope: FeedScope; lang: string; origin: string };
}): Promise<BuiltFeed> {
  return cachedFeed(ctx, `${input.origin}|${input.lang}|${feedPath(input.scope)}`, async () => {
    const scope = await resolveScope(ctx, input.scope, input.lang);
    return {
      municipalityId: scope.municipalityId,
      build: (version, day) => buildFeed(ctx, input, scope, version, day),
    };
  });
}

async function buildFeed(
  ctx: ServiceCtx,
  input: { scope: FeedScope; lang: string; origin: string },
  scope: ResolvedScope,
  version: FeedVersion,
  day: number,
): Promise<BuiltFeed> {
  const asOf = new Date(day);
  const rows = await ctx.db
    .select({
      occurrence: eventOccurrences,
      event: events,
      category: { name: categories.name, pictogram: categories.pictogram },
      venue: venues,
      building: buildings,
      languages: municipalities.languages,
    })
    .from(eventOccurrences)
    .innerJoin(events, eq(events.id, eventOccurrences.eventId))
    .innerJoin(categories, eq(categories.slug, events.categorySlug))
    .innerJoin(municipalities, eq(municipalities.id, eventOccurrences.municipalityId))
    .leftJoin(venues, eq(venues.id, events.venueId))
    .leftJoin(buildings, eq(buildings.id, venues.buildingId))
    .where(and(...scope.where, feedOccurrences(ctx.db, asOf)))
    .orderBy(asc(eventOccurrences.startsAt), asc(eventOccurrences.uid));
  if (scope.emptyIsGone && rows.length === 0)
    throw new DomainFailure(notFound('feed', feedPath(input.scope)));

  const localizers = new Map<string, Localizer>();
  const tOf = (languages: string[]) => {
    const k = languages.join(',');
    let t = localizers.get(k);
    if (!t) localizers.set(k, (t = localizer(input.lang, languages)));
    return t;
  };
  const text = buildVenueFeed({
    calendarName: scope.name,
    url: `${input.origin}${withLang(scope.path, input.lang)}`,
    zone: scope.zone,
    events: rows.map((row) => {
      const t = tOf(row.languages);
      const location =
        row.venue && row.building
          ? `${t.must(row.venue.name).text}, ${t.must(row.building.name).text}, ${addressLine(row.building, t)}`
          : (row.event.locationText ?? '');
      return feedEventOf(row, {
        t,
        location,
        geo: row.building ? coordinatesOf(row.building) : null,
        eventUrl: `${input.origin}/${input.lang}/events/${row.event.id}`,
      });
    }),
  });
  return builtFeed(text, {
    lastModified: new Date(Math.max(version.changedAt.getTime(), day)),
    municipalityId: scope.municipalityId,
    version: version.version,
    day,
  });
}

const withLang = (path: string, lang: string) =>
  `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
