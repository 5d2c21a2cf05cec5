import { listMunicipalities, listVenues, orPageError } from '#lib/server/api.ts';
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

  const [venues, municipalities] = await orPageError(
    Promise.all([
      listVenues(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        minCapacity,
        accessibility: selected.accessibility,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  return {
    selected,
    venues: venues.items,
    page: venues.page,
    municipalities: municipalities.items,
  };
};
