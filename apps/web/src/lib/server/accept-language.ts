import { baseLocale, type Locale } from '#lib/paraglide/runtime.js';
import { isLocale } from '#lib/locale.ts';

/**
 * The best UI locale for an Accept-Language header ("fi-FI,fi;q=0.9,sv;q=0.8" → fi):
 * ranges by descending q, the first whose primary subtag is one of ours wins; else sv.
 */
export function preferredLocale(header: string | null): Locale {
  if (!header) return baseLocale;
  const ranges = header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params
        .map((p) => p.trim())
        .find((p) => p.startsWith('q='))
        ?.slice(2);
      const weight = q === undefined ? 1 : Number(q);
      return { lang: range.trim().toLowerCase().split('-')[0] ?? '', weight, index };
    })
    .filter((r) => r.lang && Number.isFinite(r.weight) && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { lang } of ranges) {
    if (isLocale(lang)) return lang;
  }
  return baseLocale;
}
