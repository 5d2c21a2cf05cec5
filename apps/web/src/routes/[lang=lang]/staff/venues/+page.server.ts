import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { listStaffVenues } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The venues of the staff member's municipalities. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const answer = await listStaffVenues(fetch, url.origin, params.lang);
  if (!answer.ok) {
    if (answer.status === 401)
      redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
    error(answer.status === 403 ? 403 : 502, m.error_forbidden());
  }
  return { premises: answer.data! };
};
