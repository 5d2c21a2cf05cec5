import { redirect } from '@sveltejs/kit';
import { signIn } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused, safeNext } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, params, url }) => {
  const next = safeNext(url.searchParams.get('next'), `/${params.lang}/account`);
  if (locals.session) redirect(303, next);
  return { next };
};

export const actions: Actions = {
  default: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['email', 'next'] as const);
    const { password } = fieldsOf(form, ['password'] as const);
    const answer = await attempt(signIn(fetch, url.origin, { email: values.email, password }));
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    redirect(303, safeNext(values.next, `/${params.lang}/account`));
  },
};
