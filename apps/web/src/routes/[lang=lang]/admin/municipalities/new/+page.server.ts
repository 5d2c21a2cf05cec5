import { fail, redirect } from '@sveltejs/kit';
import { createMunicipality } from '#lib/server/api.ts';
import {
  MUNICIPALITY_NAME_LANGUAGES,
  adminErrorsOf,
  readMunicipality,
  requireAdministrator,
} from '#lib/server/admin-form.ts';
import { attempt } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
  requireAdministrator(locals, params.lang, url);
  return { nameLanguages: [...MUNICIPALITY_NAME_LANGUAGES] };
};

export const actions: Actions = {
  default: async ({ request, fetch, url, params }) => {
    const { values, input } = readMunicipality(await request.formData());
    const answer = await attempt(createMunicipality(fetch, url.origin, input));
    if (!answer.ok) return fail(answer.status, { values, errors: adminErrorsOf(answer.problem) });
    redirect(
      303,
      `/${params.lang}/admin/municipalities/${(answer.data as { id: string }).id}?created=1`,
    );
  },
};
