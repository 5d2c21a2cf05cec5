import { redirect } from '@sveltejs/kit';
import { isLocale } from '#lib/locale.ts';
import { signUp } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params }) => {
  if (locals.session) redirect(303, `/${params.lang}/account`);
};

export const actions: Actions = {
  default: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['name', 'email', 'locale'] as const);
    const { password } = fieldsOf(form, ['password'] as const);
    const locale = isLocale(values.locale) ? values.locale : params.lang;
    const answer = await attempt(
      signUp(fetch, url.origin, { name: values.name, email: values.email, password, locale }),
    );
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    return { sent: values.email.trim() };
  },
};
