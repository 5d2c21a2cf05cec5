import { buildings, municipalities, venuePhotos, venues } from '@motesplats/db';
import { and, arrayContains, asc, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { pageOf, type PageQuery } from '../shared/paging';
import { venueSummary } from './venue-view';

export interface ListVenuesInput extends PageQuery {
  lang: string;
  municipality?: string | undefined;
  minCapacity?: number | undefined;
  /** Every listed feature is required. */
  accessibility?: string[] | undefined;
}

export async function listVenues({ ctx, input }: { ctx: ServiceCtx; input: ListVenuesInput }) {
  const where: SQL[] = [];
  if (input.municipality) where.push(eq(municipalities.slug, input.municipality));
  if (input.minCapacity !== undefined) where.push(gte(venues.capacity, input.minCapacity));
  if (input.accessibility?.length)
    where.push(arrayContains(venues.accessibility, input.accessibility));
  const condition = where.length ? and(...where) : undefined;

  const [rows, totals] = await Promise.all([
    ctx.db
      .select({ venue: venues, building: buildings, municipality: municipalities })
      .from(venues)
      .innerJoin(buildings, eq(buildings.id, venues.buildingId))
      .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
      .where(condition)
      .orderBy(asc(municipalities.slug), sql`${venues.name}->>'sv'`, asc(venues.id))
      .limit(input.limit)
      .offset(input.offset),
    ctx.db
      .select({ total: count() })
      .from(venues)
      .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
      .where(condition),
  ]);
  const photos = rows.length
    ? await ctx.db
        .select()
        .from(venuePhotos)
        .where(
          inArray(
            venuePhotos.venueId,
            rows.map((r) => r.venue.id),
          ),
        )
        .orderBy(asc(venuePhotos.position))
    : [];
  const items = rows.map((r) =>
    venueSummary(localizer(input.lang, r.municipality.languages), {
      ...r,
      photo: photos.find((p) => p.venueId === r.venue.id) ?? null,
    }),
  );
  return pageOf(items, input, Number(totals[0]?.total ?? 0));
}
