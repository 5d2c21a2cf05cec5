import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { locales, type Locale } from '#lib/locale.ts';
import { getStaffVenue, updateStaffBuilding, type BuildingPatch } from '#lib/server/api.ts';
import { attempt, fieldsOf, type FormErrors } from '#lib/server/forms.ts';
import { buildingErrorsOf, buildingPatchOf, buildingValuesOf } from '#lib/building-form.ts';
import type { Actions, PageServerLoad } from './$types';

/**
 * The building a venue is in, edited from that venue (staff reach buildings through their
 * venues): names in every page language, street, postal code, city, coordinates.
 */
async function venueOf(fetch: typeof globalThis.fetch, url: URL, id: string, lang: Locale) {
  const answer = await getStaffVenue(fetch, url.origin, id, lang).catch(() => null);
  if (!answer) error(404, m.error_text_404());
  if (!answer.ok) {
    if (answer.status === 401)
      redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
    if (answer.status === 403) error(403, m.error_forbidden());
    error(404, m.error_text_404());
  }
  return answer.data!;
}

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const venue = await venueOf(fetch, url, params.id, params.lang);
  return { venue, stored: buildingValuesOf(venue.building) };
};

export const actions: Actions = {
  default: async ({ request, fetch, url, params }) => {
    const venue = await venueOf(fetch, url, params.id, params.lang);
    const names = locales.map((l) => `name.${l}`);
    const values = fieldsOf(await request.formData(), [
      'street',
      'postalCode',
      'city',
      'lat',
      'lon',
      ...names,
    ]);
    const patch = buildingPatchOf(values);
    if ('errors' in patch) return fail(400, { values, errors: patch.errors as FormErrors });
    const answer = await attempt(
      updateStaffBuilding(fetch, url.origin, venue.building.id, patch.body as BuildingPatch),
    );
    if (!answer.ok)
      return fail(answer.status, { values, errors: buildingErrorsOf(answer.problem) });
    return { saved: true };
  },
};
