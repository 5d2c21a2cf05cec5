import { fail, redirect } from '@sveltejs/kit';
import { listMunicipalities, orPageError, registerAssociation } from '#lib/server/api.ts';
import { profileErrors, readProfile } from '#lib/server/association-form.ts';
import { attempt, type FormErrors } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const municipalities = await orPageError(listMunicipalities(fetch, url.origin, params.lang));
  return {
    municipalities: municipalities.items,
    municipality: url.searchParams.get('municipality') ?? '',
  };
};

const read = async (request: Request, addLanguage: boolean) => {
  const form = await request.formData();
  const profile = readProfile(form, addLanguage);
  const municipality = String(form.get('municipality') ?? '');
  return { ...profile, municipality, values: { ...profile.values, municipality } };
};

export const actions: Actions = {
  register: async ({ request, fetch, url, params }) => {
    const { input, values, municipality } = await read(request, false);
    const answer = await attempt(
      registerAssociation(fetch, url.origin, { ...input, municipality }),
    );
    if (!answer.ok) {
      const errors = profileErrors(answer.problem);
      if (errors.municipality) errors.municipality = { code: 'unknown_municipality' };
      return fail(answer.status, { values, errors });
    }
    redirect(303, `/${params.lang}/account?registered=${answer.data!.id}`);
  },
  /** More fields for one more language: nothing is sent, what was typed stays. */
  addLanguage: async ({ request }) => {
    const { values } = await read(request, true);
    return { values, errors: {} as FormErrors };
  },
};
