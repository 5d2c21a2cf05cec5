import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import {
  deleteCategory,
  listAdminCategories,
  updateCategory,
  type CategoryPatch,
} from '#lib/server/api.ts';
import {
  CATEGORY_NAME_LANGUAGES,
  adminErrorsOf,
  dataOr,
  nameLanguages,
  readCategory,
  requireAdministrator,
} from '#lib/server/admin-form.ts';
import { attempt } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

/** One category: its names in every language, its pictogram; removed only when no event uses it. */
export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  requireAdministrator(locals, params.lang, url);
  const answer = await listAdminCategories(fetch, url.origin, params.lang);
  const category = dataOr(answer, params.lang, url).items.find((c) => c.slug === params.slug);
  if (!category) error(404, m.error_text_404());
  const stored: Record<string, string> = { pictogram: category.pictogram };
  for (const [l, name] of Object.entries(category.texts.name)) stored[`name.${l}`] = name ?? '';
  return {
    category,
    stored,
    nameLanguages: nameLanguages(CATEGORY_NAME_LANGUAGES, category.texts.name),
  };
};

export const actions: Actions = {
  save: async ({ request, fetch, url, params }) => {
    const { values, name } = readCategory(await request.formData());
    const answer = await attempt(
      updateCategory(fetch, url.origin, params.slug, params.lang, {
        name,
        pictogram: values.pictogram as CategoryPatch['pictogram'],
      }),
    );
    if (!answer.ok)
      return fail(answer.status, {
        action: 'save',
        values,
        errors: adminErrorsOf(answer.problem),
      });
    return { action: 'save', saved: true };
  },
  delete: async ({ fetch, url, params }) => {
    const answer = await attempt(deleteCategory(fetch, url.origin, params.slug));
    if (!answer.ok)
      return fail(answer.status, { action: 'delete', errors: adminErrorsOf(answer.problem) });
    redirect(303, `/${params.lang}/admin/categories?deleted=${encodeURIComponent(params.slug)}`);
  },
};
