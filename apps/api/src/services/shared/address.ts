/** A building's address on one line, as feeds and lists show it. */
export const addressLine = (b: { street: string; postalCode: string; city: string }): string =>
  `${b.street}, ${b.postalCode} ${b.city}`;

/** A building's coordinates, when both are known. */
export const coordinatesOf = (b: {
  lat: number | null;
  lon: number | null;
}): { lat: number; lon: number } | null =>
  b.lat !== null && b.lon !== null ? { lat: b.lat, lon: b.lon } : null;
