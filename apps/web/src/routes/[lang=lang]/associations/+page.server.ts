import type { ContentLanguage } from '@motesplats/domain';
import { listAssociations, listMunicipalities, orPageError } from '#lib/server/api.ts';
import { languageParam, PAGE_SIZE, pageParam, slugParam } from '#lib/server/query.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const selected = {
    municipality: slugParam(search, 'municipality'),
    language: languageParam(search, 'language') as ContentLanguage | '',
    q: (search.get('q') ?? '').trim().slice(0, 100),
  };
  const page = pageParam(search);

  const [associations, municipalities] = await orPageError(
    Promise.all([
      listAssociations(fetch, url.origin, {
        lang,
        municipality: selected.municipality || undefined,
        language: selected.language || undefined,
        q: selected.q || undefined,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      listMunicipalities(fetch, url.origin, lang),
    ]),
  );

  return {
    selected,
    associations: associations.items,
    page: associations.page,
    municipalities: municipalities.items,
  };
};
