/**
 * A LIKE/ILIKE pattern that finds `needle` anywhere: `%`, `_` and `\` are wildcards (or the
 * escape) in LIKE, so a search for "50%" or "a_b" means those characters. PostgreSQL's
 * default escape character is the backslash.
 */
export const containsPattern = (needle: string): string =>
  `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
