import { spaces, venuePhotos } from '@motesplats/db';
import { localDateOf } from '@motesplats/domain';
import { asc, eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { findVenue } from './find-venue';
import { spacesView, venueSummary } from './venue-view';

/** A venue's public facts. Access instructions (door codes) and bookers are never included. */
export async function getVenue({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  const row = await findVenue(ctx.db, input.id);
  const [photos, spaceRows] = await Promise.all([
    ctx.db
      .select()
      .from(venuePhotos)
      .where(eq(venuePhotos.venueId, row.venue.id))
      .orderBy(asc(venuePhotos.position), asc(venuePhotos.id)),
    ctx.db.select().from(spaces).where(eq(spaces.venueId, row.venue.id)),
  ]);
  const t = localizer(input.lang, row.municipality.languages);
  const { venue, building, municipality } = row;
  return {
    ...venueSummary(t, { venue, building, municipality, photo: photos[0] ?? null }),
    description: t(venue.description),
    equipment: venue.equipment,
    openingHours: venue.openingHours,
    timeZone: municipality.timeZone,
    access: venue.accessMethod,
    rules: {
      minDurationMinutes: venue.minDurationMinutes,
      maxDurationMinutes: venue.maxDurationMinutes,
      horizonDays: venue.horizonDays,
      leadTimeHours: venue.leadTimeHours,
      bufferMinutes: venue.bufferMinutes,
      cancellationDeadlineHours: venue.cancellationDeadlineHours,
      maxOpenRequests: venue.maxOpenRequests,
    },
    // Closed days still ahead (local dates in the municipality's zone), in order.
    blackoutDates: [...venue.blackoutDates]
      .filter((d) => d >= today(ctx.now, municipality.timeZone))
      .sort(),
    termsOfUse: t(venue.termsOfUse),
    coordinates: coordinatesOf(building),
    spaces: spacesView(t, spaceRows),
    photos: photos.map((p) => ({ url: p.url, alt: t.must(p.alt) })),
    feed: { path: `/feeds/venues/${venue.id}.ics` },
  };
}

const today = (now: Date, zone: string) => localDateOf(now, zone).toISODate() as string;
