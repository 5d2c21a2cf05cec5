import {
  listMunicipalities,
  listVenues,
  mustExist,
  orPageError,
  pageOffset,
} from '#lib/server/api.ts';
import {
  accessibilityParam,
  PAGE_SIZE,
  pageParam,
  positiveIntParam,
  slugParam,
} from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const minCapacity = positiveIntParam(search, 'minCapacity', 10_000);
  const selected = {
    municipality: slugParam(search, 'municipality'),
    minCapacity: minCapacity ? String(minCapacity) : '',
    accessibility: accessibilityParam(search),
  };
  const page = pageParam(search);
  const offset = pageOffset(page, PAGE_SIZE);

  const [venues, municipalities] = await orPageError(
    Promise.all([
      listVenues(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        minCapacity,
        accessibility: selected.accessibility,
        limit: PAGE_SIZE,
        offset,
      }),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  mustExist(page, venues.items);
  return {
    selected,
    venues: venues.items,
    page: venues.page,
    municipalities: municipalities.items,
  };
};
