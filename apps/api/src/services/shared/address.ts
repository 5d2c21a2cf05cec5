/** A building's address on one line, as feeds and lists show it. */
export const addressLine = (b: { street: string; postalCode: string; city: string }): string =>
  `${b.street}, ${b.postalCode} ${b.city}`;
