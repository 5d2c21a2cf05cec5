import { buildings, municipalities, spaces, venuePhotos, type Db } from '@motesplats/db';
import { asc, eq } from 'drizzle-orm';
import { inTransaction, type ServiceCtx } from '../context';
import { coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { ownVenue } from './access';

/**
 * A venue as its staff edit it: every language of every text, the access instructions (never
 * public), the booking rules, blackout dates, spaces and photos.
 */
export async function getStaffVenue({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  return inTransaction(ctx, (tx) => staffVenueView(tx, input.id, input.lang));
}

/** The staff view of a venue, read in the caller's transaction (after a change, too). */
export async function staffVenueView(ctx: ServiceCtx, id: string, lang: string) {
  const venue = await ownVenue(ctx, id);
  const db: Db = ctx.db;
  const [[building], [municipality], spaceRows, photos] = await Promise.all([
    db.select().from(buildings).where(eq(buildings.id, venue.buildingId)),
    db.select().from(municipalities).where(eq(municipalities.id, venue.municipalityId)),
    db.select().from(spaces).where(eq(spaces.venueId, venue.id)),
    db
      .select()
      .from(venuePhotos)
      .where(eq(venuePhotos.venueId, venue.id))
      .orderBy(asc(venuePhotos.position), asc(venuePhotos.id)),
  ]);
  const t = localizer(lang, municipality!.languages);
  return {
    id: venue.id,
    municipality: {
      id: municipality!.id,
      slug: municipality!.slug,
      name: t.must(municipality!.name),
      languages: municipality!.languages,
      timeZone: municipality!.timeZone,
    },
    building: {
      id: building!.id,
      name: building!.name,
      street: building!.street,
      postalCode: building!.postalCode,
      city: building!.city,
      coordinates: coordinatesOf(building!),
    },
    name: venue.name,
    description: venue.description,
    capacity: venue.capacity,
    accessibility: venue.accessibility,
    equipment: venue.equipment,
    openingHours: venue.openingHours,
    minDurationMinutes: venue.minDurationMinutes,
    maxDurationMinutes: venue.maxDurationMinutes,
    horizonDays: venue.horizonDays,
    leadTimeHours: venue.leadTimeHours,
    bufferMinutes: venue.bufferMinutes,
    maxOpenRequests: venue.maxOpenRequests,
    cancellationDeadlineHours: venue.cancellationDeadlineHours,
    blackoutDates: venue.blackoutDates,
    termsOfUse: venue.termsOfUse,
    accessMethod: venue.accessMethod,
    accessInstructions: venue.accessInstructions,
    bookable: venue.bookable,
    spaces: spaceRows
      .map((s) => ({ id: s.id, parentId: s.parentId, name: s.name, capacity: s.capacity }))
      .sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null)),
    photos: photos.map((p) => ({ id: p.id, url: p.url, alt: p.alt, position: p.position })),
    updatedAt: venue.updatedAt.toISOString(),
  };
}
