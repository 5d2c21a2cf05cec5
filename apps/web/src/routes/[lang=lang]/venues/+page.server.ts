import { error } from '@sveltejs/kit';
import {
  listMunicipalities,
  listVenues,
  mustExist,
  orPageError,
  pageOffset,
} from '#lib/server/api.ts';
import { errorsOf } from '#lib/server/forms.ts';
import {
  accessibilityParam,
  equipmentParam,
  freeAtParam,
  freeAtQuery,
  PAGE_SIZE,
  pageParam,
  positiveIntParam,
  slugParam,
} from '#lib/server/query.ts';
import { m } from '#lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const minCapacity = positiveIntParam(search, 'minCapacity', 10_000);
  const freeAt = freeAtParam(search);
  const selected = {
    municipality: slugParam(search, 'municipality'),
    minCapacity: minCapacity ? String(minCapacity) : '',
    accessibility: accessibilityParam(search),
    equipment: equipmentParam(search),
    freeAt,
  };
  const page = pageParam(search);
  const offset = pageOffset(page, PAGE_SIZE);

  const [answer, municipalities] = await orPageError(
    Promise.all([
      listVenues(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        minCapacity,
        accessibility: selected.accessibility,
        equipment: selected.equipment,
        ...freeAtQuery(freeAt),
        limit: PAGE_SIZE,
        offset,
      }),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  if (!answer.ok) {
    // Only the free-time fields come as typed: the API's refusal goes beside them.
    if (answer.status !== 400) error(502, m.error_text_other());
    return {
      selected,
      errors: errorsOf(answer.problem),
      venues: [],
      page: null,
      freeAt: null,
      municipalities: municipalities.items,
    };
  }
  const venues = answer.data!;
  mustExist(page, venues.items);
  return {
    selected,
    errors: {},
    venues: venues.items,
    page: venues.page,
    freeAt: venues.freeAt ?? null,
    municipalities: municipalities.items,
  };
};
