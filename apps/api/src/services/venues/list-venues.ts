import { buildings, municipalities, spaces, venuePhotos, venues } from '@motesplats/db';
import {
  DomainFailure,
  freeSpacesFor,
  parseFreeAt,
  slotDates,
  slotIntervals,
  type FreeAtParams,
  type FreeAtSlot,
  type Interval,
  type LocalizedText,
} from '@motesplats/domain';
import { and, arrayContains, asc, count, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { pageOf, type PageQuery } from '../shared/paging';
import { venueCalendars } from './venue-calendar';
import { spacesView, venueSummary } from './venue-view';

export interface ListVenuesInput extends PageQuery, FreeAtParams {
  lang: string;
  municipality?: string | undefined;
  minCapacity?: number | undefined;
  /** Every listed feature is required. */
  accessibility?: string[] | undefined;
  /** Every listed piece of equipment is required. */
  equipment?: string[] | undefined;
}

type Row = {
  venue: typeof venues.$inferSelect;
  building: typeof buildings.$inferSelect;
  municipality: typeof municipalities.$inferSelect;
};

const ORDER = [asc(municipalities.slug), sql`${venues.name}->>'sv'`, asc(venues.id)];

/**
 * The catalogue: venues by municipality, capacity, accessibility and equipment, and
 * optionally those free at a slot (packages/domain availability/free-at.ts). The slot is
 * read in each venue's municipality's zone; a venue is free when one of its spaces is free
 * on every date of the slot, and the answer names those spaces.
 */
export async function listVenues({ ctx, input }: { ctx: ServiceCtx; input: ListVenuesInput }) {
  const parsed = parseFreeAt(input);
  if (!parsed.ok) throw new DomainFailure(parsed.error);
  const slot = parsed.value;

  const where: SQL[] = [];
  if (input.municipality) where.push(eq(municipalities.slug, input.municipality));
  if (input.minCapacity !== undefined) where.push(gte(venues.capacity, input.minCapacity));
  if (input.accessibility?.length)
    where.push(arrayContains(venues.accessibility, input.accessibility));
  if (input.equipment?.length) where.push(arrayContains(venues.equipment, input.equipment));
  if (slot) where.push(eq(venues.bookable, true));
  const condition = where.length ? and(...where) : undefined;

  const select = () =>
    ctx.db
      .select({ venue: venues, building: buildings, municipality: municipalities })
      .from(venues)
      .innerJoin(buildings, eq(buildings.id, venues.buildingId))
      .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
      .where(condition)
      .orderBy(...ORDER);

  let rows: Row[];
  let total: number;
  let free = new Map<string, string[]>();
  let names = new Map<string, { name: LocalizedText; parentId: string | null }>();
  if (slot) {
    // Free time is range algebra in code: every candidate is judged, then the page is cut.
    const candidates = await select();
    ({ free, names } = await freeSpacesOf(ctx, candidates, slot));
    const matching = candidates.filter((r) => free.has(r.venue.id));
    total = matching.length;
    rows = matching.slice(input.offset, input.offset + input.limit);
  } else {
    const [page, totals] = await Promise.all([
      select().limit(input.limit).offset(input.offset),
      ctx.db
        .select({ total: count() })
        .from(venues)
        .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
        .where(condition),
    ]);
    rows = page;
    total = Number(totals[0]?.total ?? 0);
  }

  const ids = rows.map((r) => r.venue.id);
  const [photos, spaceRows] = ids.length
    ? await Promise.all([
        ctx.db
          .select()
          .from(venuePhotos)
          .where(inArray(venuePhotos.venueId, ids))
          .orderBy(asc(venuePhotos.position)),
        ctx.db
          .select({
            id: spaces.id,
            venueId: spaces.venueId,
            name: spaces.name,
            parentId: spaces.parentId,
          })
          .from(spaces)
          .where(inArray(spaces.venueId, ids)),
      ])
    : [[], []];
  const items = rows.map((r) => {
    const t = localizer(input.lang, r.municipality.languages);
    const summary = {
      ...venueSummary(t, {
        ...r,
        photo: photos.find((p) => p.venueId === r.venue.id) ?? null,
      }),
      spaces: spacesView(
        t,
        spaceRows.filter((s) => s.venueId === r.venue.id),
      ),
    };
    if (!slot) return summary;
    const freeSpaces = (free.get(r.venue.id) ?? []).map((id) => ({
      id,
      name: t.must(names.get(id)?.name),
      parentId: names.get(id)?.parentId ?? null,
    }));
    return { ...summary, freeSpaces };
  });
  return {
    ...pageOf(items, input, total),
    ...(slot ? { freeAt: { ...slot, dates: slotDates(slot) } } : {}),
  };
}

/**
 * The venues free at the slot, each with its free spaces (whole first, then parts), and the
 * names of every candidate's spaces.
 */
async function freeSpacesOf(ctx: ServiceCtx, candidates: Row[], slot: FreeAtSlot) {
  const slotsByZone = new Map<string, Interval[]>();
  for (const { municipality } of candidates) {
    if (!slotsByZone.has(municipality.timeZone))
      slotsByZone.set(municipality.timeZone, slotIntervals(slot, municipality.timeZone));
  }
  const calendars = await venueCalendars(
    ctx,
    candidates.map((r) => ({ venue: r.venue, zone: r.municipality.timeZone })),
    [...slotsByZone.values()].flat(),
  );
  const free = new Map<string, string[]>();
  const names = new Map<string, { name: LocalizedText; parentId: string | null }>();
  for (const { venue, municipality } of candidates) {
    const loaded = calendars.get(venue.id);
    if (!loaded) continue;
    const spaces = freeSpacesFor(loaded.calendar, slotsByZone.get(municipality.timeZone) ?? []);
    if (spaces.length === 0) continue;
    free.set(venue.id, spaces);
    for (const s of loaded.spaces) names.set(s.id, { name: s.name, parentId: s.parentId });
  }
  return { free, names };
}
