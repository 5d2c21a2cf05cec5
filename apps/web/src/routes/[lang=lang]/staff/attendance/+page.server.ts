import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { listUncountedOccurrences, orPageError } from '#lib/server/api.ts';
import { signInFirst } from '#lib/server/event-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session) signInFirst(params.lang, url);
  if (locals.session!.roles.staff.length === 0) error(404, m.error_text_404());
  const { items } = await orPageError(listUncountedOccurrences(fetch, url.origin, params.lang));
  return { items };
};
