import type { buildings, municipalities, venuePhotos, venues } from '@motesplats/db';
import type { LocalizedText } from '@motesplats/domain';
import type { Localizer } from '../shared/localize';

type VenueRow = typeof venues.$inferSelect;
type BuildingRow = typeof buildings.$inferSelect;
type MunicipalityRow = typeof municipalities.$inferSelect;
type PhotoRow = typeof venuePhotos.$inferSelect;

/** The public facts of a venue shared by the list and the venue page. */
export function venueSummary(
  t: Localizer,
  v: {
    venue: VenueRow;
    building: BuildingRow;
    municipality: MunicipalityRow;
    photo: PhotoRow | null;
  },
) {
  return {
    id: v.venue.id,
    name: t.must(v.venue.name),
    building: { name: t.must(v.building.name) },
    address: {
      street: v.building.street,
      postalCode: v.building.postalCode,
      city: t.place(v.building.city),
    },
    municipality: { slug: v.municipality.slug, name: t.must(v.municipality.name) },
    capacity: v.venue.capacity,
    accessibility: v.venue.accessibility,
    bookable: v.venue.bookable,
    photo: v.photo ? { url: v.photo.url, alt: t.must(v.photo.alt) } : null,
  };
}

/** A venue's spaces as answers show them: the whole first, then its parts by name. */
export function spacesView(
  t: Localizer,
  rows: readonly { id: string; name: LocalizedText; parentId: string | null }[],
) {
  return rows
    .map((s) => ({ id: s.id, name: t.must(s.name), parentId: s.parentId }))
    .sort(
      (a, b) =>
        Number(a.parentId !== null) - Number(b.parentId !== null) ||
        a.name.text.localeCompare(b.name.text),
    );
}
