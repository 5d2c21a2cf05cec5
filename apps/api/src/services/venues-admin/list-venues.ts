import { buildings, municipalities, venuePhotos, venues } from '@motesplats/db';
import { asc, inArray, sql } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { requireStaff } from './access';

/** The premises of the staff member's municipalities: buildings and venues, bookable or not. */
export async function listStaffVenues({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string };
}) {
  const actor = requireStaff(ctx);
  const ids = actor.staff.map((s) => s.municipalityId);
  const [towns, houses, rooms, photos] = await Promise.all([
    ctx.db
      .select()
      .from(municipalities)
      .where(inArray(municipalities.id, ids))
      .orderBy(asc(municipalities.slug)),
    ctx.db.select().from(buildings).where(inArray(buildings.municipalityId, ids)),
    ctx.db
      .select()
      .from(venues)
      .where(inArray(venues.municipalityId, ids))
      .orderBy(sql`${venues.name}->>'sv'`, asc(venues.id)),
    ctx.db
      .select({ venueId: venuePhotos.venueId, count: sql<number>`count(*)::int` })
      .from(venuePhotos)
      .where(inArray(venuePhotos.municipalityId, ids))
      .groupBy(venuePhotos.venueId),
  ]);
  return {
    municipalities: towns.map((m) => {
      const t = localizer(input.lang, m.languages);
      return {
        id: m.id,
        slug: m.slug,
        name: t.must(m.name),
        languages: m.languages,
        buildings: houses
          .filter((b) => b.municipalityId === m.id)
          .map((b) => ({ id: b.id, name: t.must(b.name), street: b.street, city: b.city }))
          .sort((a, b) => a.name.text.localeCompare(b.name.text)),
        venues: rooms
          .filter((v) => v.municipalityId === m.id)
          .map((v) => ({
            id: v.id,
            name: t.must(v.name),
            building: t.must(houses.find((b) => b.id === v.buildingId)?.name),
            capacity: v.capacity,
            bookable: v.bookable,
            photos: photos.find((p) => p.venueId === v.id)?.count ?? 0,
          })),
      };
    }),
  };
}
