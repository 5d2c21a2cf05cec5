import { fail } from '@sveltejs/kit';
import { createCategory, listAdminCategories, type CategoryInput } from '#lib/server/api.ts';
import {
  CATEGORY_NAME_LANGUAGES,
  adminErrorsOf,
  dataOr,
  readCategory,
  requireAdministrator,
} from '#lib/server/admin-form.ts';
import { attempt } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** The installation's event categories, and a form for a new one. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  requireAdministrator(locals, params.lang, url);
  const answer = await listAdminCategories(fetch, url.origin, params.lang);
  return {
    categories: dataOr(answer, params.lang, url).items,
    nameLanguages: [...CATEGORY_NAME_LANGUAGES],
  };
};

export const actions: Actions = {
  create: async ({ request, fetch, url, params }) => {
    const { values, name } = readCategory(await request.formData());
    const answer = await attempt(
      createCategory(fetch, url.origin, params.lang, {
        slug: values.slug!.trim(),
        name,
        pictogram: values.pictogram as CategoryInput['pictogram'],
      }),
    );
    if (!answer.ok) return fail(answer.status, { values, errors: adminErrorsOf(answer.problem) });
    return { created: answer.data!.name };
  },
};
