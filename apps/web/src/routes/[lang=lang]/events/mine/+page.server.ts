import { listMyEvents, orPageError } from '#lib/server/api.ts';
import { signInFirst } from '#lib/server/event-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session) signInFirst(params.lang, url);
  const { items } = await orPageError(listMyEvents(fetch, url.origin, params.lang));
  return {
    items,
    // Only those who may organize are offered a new event.
    mayCreate:
      locals.session!.roles.staff.length > 0 ||
      locals.session!.roles.associations.some((a) => a.association.verification === 'verified'),
  };
};
