/**
 * IANA time zone names. A municipality's zone is where every local rule of it is computed
 * (DESIGN.md invariant 2), so only a real Area/Location name (or UTC) is taken: no offsets
 * such as "+02:00" (no DST) and no POSIX-style names such as "EST5EDT".
 */
const SHAPE = /^(?:UTC|[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+)$/;

/** The zone's name as the runtime's time zone database spells it, or null if it is no IANA zone. */
export function canonicalTimeZone(name: string): string | null {
  if (!SHAPE.test(name)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  // Intl resolves some names to another zone (links): keep the name given, spelled as the database spells it.
  return resolved.toLowerCase() === name.toLowerCase() ? resolved : name;
}

export const isIanaTimeZone = (name: string): boolean => canonicalTimeZone(name) !== null;
