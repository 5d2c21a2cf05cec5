import { DEFAULT_ZONE } from '@motesplats/domain';
import { DateTime } from 'luxon';
import {
  listCategories,
  listMunicipalities,
  listOccurrences,
  mustExist,
  orPageError,
  pageOffset,
} from '#lib/server/api.ts';
import { languageParam, PAGE_SIZE, pageParam, slugParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const selected = {
    municipality: slugParam(search, 'municipality'),
    category: slugParam(search, 'category'),
    language: languageParam(search, 'language'),
  };
  const page = pageParam(search);
  const offset = pageOffset(page, PAGE_SIZE);
  const today = DateTime.now().setZone(DEFAULT_ZONE).toISODate() ?? undefined;

  const [occurrences, categories, municipalities] = await orPageError(
    Promise.all([
      listOccurrences(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        category: selected.category || undefined,
        language: selected.language || undefined,
        from: today,
        limit: PAGE_SIZE,
        offset,
      }),
      listCategories(fetch, url.origin, lang),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  mustExist(page, occurrences.items);
  return {
    selected,
    occurrences: occurrences.items,
    page: occurrences.page,
    categories: categories.items,
    municipalities: municipalities.items,
  };
};
