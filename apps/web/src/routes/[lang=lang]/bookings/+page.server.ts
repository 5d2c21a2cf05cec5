import { redirect } from '@sveltejs/kit';
import { listMyBookings, orPageError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const { items } = await orPageError(listMyBookings(fetch, url.origin, params.lang));
  return { items };
};
