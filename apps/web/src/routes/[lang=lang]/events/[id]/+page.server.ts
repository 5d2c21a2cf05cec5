import { error } from '@sveltejs/kit';
import { eventJsonLd } from '#lib/jsonld.ts';
import { getEvent } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const event = await getEvent(fetch, url.origin, params.id, params.lang);
  if (!event) error(404, 'Not found');
  return {
    event,
    jsonLd: eventJsonLd(event, `${url.origin}${url.pathname}`),
  };
};
