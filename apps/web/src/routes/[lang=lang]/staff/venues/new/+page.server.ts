import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { FORM_LANGUAGES } from '#lib/locale.ts';
import { createStaffVenue, listStaffVenues, type NewVenue } from '#lib/server/api.ts';
import { attempt, fieldsOf } from '#lib/server/forms.ts';
import { venueErrorsOf } from '#lib/venue-form.ts';
import type { Actions, PageServerLoad } from './$types';

/** A new venue in one of the staff member's buildings: name, capacity; the rest on its edit page. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const answer = await listStaffVenues(fetch, url.origin, params.lang);
  if (!answer.ok) error(answer.status === 403 ? 403 : 502, m.error_forbidden());
  return { premises: answer.data! };
};

export const actions: Actions = {
  default: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const names = FORM_LANGUAGES.map((l) => `name.${l}`);
    const values = fieldsOf(form, ['buildingId', 'capacity', ...names]);
    const name: Record<string, string> = {};
    for (const l of FORM_LANGUAGES) if (values[`name.${l}`]?.trim()) name[l] = values[`name.${l}`]!;
    const capacity = /^\s*\d+\s*$/.test(values.capacity ?? '')
      ? Number(values.capacity)
      : values.capacity;
    const answer = await attempt(
      createStaffVenue(fetch, url.origin, {
        buildingId: values.buildingId ?? '',
        name,
        capacity,
      } as NewVenue),
    );
    if (!answer.ok) return fail(answer.status, { values, errors: venueErrorsOf(answer.problem) });
    redirect(303, `/${params.lang}/staff/venues/${(answer.data as { id: string }).id}?created=1`);
  },
};
