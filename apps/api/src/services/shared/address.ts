import type { Localizer } from './localize';

/** A building's address on one line, as feeds and lists show it, the town in the reader's language. */
export const addressLine = (
  b: { street: string; postalCode: string; city: string },
  t: Pick<Localizer, 'place'>,
): string => `${b.street}, ${b.postalCode} ${t.place(b.city)}`;

/** A building's coordinates, when both are known. */
export const coordinatesOf = (b: {
  lat: number | null;
  lon: number | null;
}): { lat: number; lon: number } | null =>
  b.lat !== null && b.lon !== null ? { lat: b.lat, lon: b.lon } : null;
