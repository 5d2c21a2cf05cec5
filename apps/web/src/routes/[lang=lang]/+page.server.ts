import { DateTime } from 'luxon';
import {
  listCategories,
  listMunicipalities,
  listOccurrences,
  orPageError,
} from '#lib/server/api.ts';
import { languageParam, PAGE_SIZE, pageParam, slugParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

/** The installation's zone for "today" (all seed municipalities are in Finland). */
const HOME_ZONE = 'Europe/Helsinki';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const selected = {
    municipality: slugParam(search, 'municipality'),
    category: slugParam(search, 'category'),
    language: languageParam(search, 'language'),
  };
  const page = pageParam(search);
  const today = DateTime.now().setZone(HOME_ZONE).toISODate() ?? undefined;

  const [occurrences, categories, municipalities] = await orPageError(
    Promise.all([
      listOccurrences(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        category: selected.category || undefined,
        language: selected.language || undefined,
        from: today,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      listCategories(fetch, url.origin, lang),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  return {
    selected,
    occurrences: occurrences.items,
    page: occurrences.page,
    categories: categories.items,
    municipalities: municipalities.items,
  };
};
