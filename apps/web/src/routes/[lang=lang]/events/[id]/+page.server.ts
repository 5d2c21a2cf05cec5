import { eventJsonLd } from '#lib/jsonld.ts';
import { getEvent, orPageError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const event = await orPageError(getEvent(fetch, url.origin, params.id, params.lang));
  return {
    event,
    jsonLd: eventJsonLd(event, `${url.origin}${url.pathname}`),
  };
};
