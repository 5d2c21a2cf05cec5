// Reading filter values from a query string: anything unexpected is ignored, never an error.
import { CONTENT_LANGUAGES } from '#lib/locale.ts';
import { ACCESSIBILITY_FEATURES } from '#lib/types.ts';

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

export const PAGE_SIZE = 20;

export const pageParam = (search: URLSearchParams) => positiveIntParam(search, 'page', 10_000) ?? 1;
