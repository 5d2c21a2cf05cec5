// Reading filter values from a query string: anything unexpected is ignored, never an error.
import { CONTENT_LANGUAGES } from '#lib/locale.ts';
import { ACCESSIBILITY_FEATURES, EQUIPMENT } from '#lib/types.ts';

const slug = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const slugParam = (search: URLSearchParams, name: string): string => {
  const value = search.get(name)?.trim().toLowerCase() ?? '';
  return slug.test(value) ? value : '';
};

export const languageParam = (search: URLSearchParams, name: string): string => {
  const value = search.get(name) ?? '';
  return (CONTENT_LANGUAGES as readonly string[]).includes(value) ? value : '';
};

export const positiveIntParam = (search: URLSearchParams, name: string, max: number) => {
  const value = Number.parseInt(search.get(name) ?? '', 10);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : undefined;
};

/** `?accessibility=lift&accessibility=step_free` or `?accessibility=lift,step_free`. */
export const accessibilityParam = (search: URLSearchParams): string[] => {
  const values = search.getAll('accessibility').flatMap((v) => v.split(','));
  return ACCESSIBILITY_FEATURES.filter((f) => values.includes(f));
};

/** `?equipment=projector&equipment=wifi` or `?equipment=projector,wifi`. */
export const equipmentParam = (search: URLSearchParams): string[] => {
  const values = search.getAll('equipment').flatMap((v) => v.split(','));
  return EQUIPMENT.filter((e) => values.includes(e));
};

/** The "free at" fields of the venue filters, as typed (the API judges them). */
export interface FreeAtFields {
  repeat: 'once' | 'weekly';
  date: string;
  weekday: string;
  from: string;
  until: string;
  start: string;
  end: string;
}

const field = (search: URLSearchParams, name: string) =>
  (search.get(name) ?? '').trim().slice(0, 40);

export const freeAtParam = (search: URLSearchParams): FreeAtFields => ({
  repeat: search.get('repeat') === 'weekly' ? 'weekly' : 'once',
  date: field(search, 'date'),
  weekday: field(search, 'weekday'),
  from: field(search, 'from'),
  until: field(search, 'until'),
  start: field(search, 'start'),
  end: field(search, 'end'),
});

/**
 * What the API is asked for: a date, or a weekday over a period, as the chosen repeat says
 * (the other group's fields are ignored); nothing when the chosen fields are all empty.
 */
export const freeAtQuery = (f: FreeAtFields) => {
  const q =
    f.repeat === 'weekly'
      ? { weekday: f.weekday, from: f.from, until: f.until, start: f.start, end: f.end }
      : { date: f.date, start: f.start, end: f.end };
  return Object.fromEntries(Object.entries(q).filter(([, v]) => v !== ''));
};

export const PAGE_SIZE = 20;

export const pageParam = (search: URLSearchParams) => positiveIntParam(search, 'page', 10_000) ?? 1;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id (UUID) in the query, lower-cased, or '' for anything else. */
export const uuidParam = (search: URLSearchParams, name: string): string => {
  const value = search.get(name)?.trim() ?? '';
  return UUID.test(value) ? value.toLowerCase() : '';
};

/** One of `values`, or '' for anything else. */
export const oneOfParam = <T extends string>(
  search: URLSearchParams,
  name: string,
  values: readonly T[],
): T | '' => {
  const value = search.get(name) ?? '';
  return (values as readonly string[]).includes(value) ? (value as T) : '';
};

/** The fewest characters a text search takes (the API's `q`: 2–100). */
export const SEARCH_MIN = 2;
export const SEARCH_MAX = 100;

/**
 * `q` as typed (trimmed, at most SEARCH_MAX characters), and whether it can be searched for:
 * a single character is kept in the field with an error beside it, and not searched.
 */
export const searchParam = (search: URLSearchParams, name = 'q') => {
  const typed = [...(search.get(name) ?? '').trim()].slice(0, SEARCH_MAX).join('');
  const tooShort = typed !== '' && [...typed].length < SEARCH_MIN;
  return { typed, usable: tooShort ? '' : typed, tooShort };
};
