/** JSON with object keys sorted: jsonb hands keys back in its own order, not the order written. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** The fields whose values differ, with before and after (secrets only named). */
export function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
  secret: readonly string[] = [],
) {
  const changed: string[] = [];
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    if (stable(before[key]) === stable(value)) continue;
    changed.push(key);
    if (secret.includes(key)) continue;
    was[key] = before[key];
    now[key] = value;
  }
  return { changed, before: was, after: now };
}
