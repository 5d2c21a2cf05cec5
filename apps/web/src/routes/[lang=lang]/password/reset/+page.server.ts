import { resetPassword } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
  default: async ({ request, fetch, url }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['token'] as const);
    const { password } = fieldsOf(form, ['password'] as const);
    const answer = await attempt(
      resetPassword(fetch, url.origin, { token: values.token, password }),
    );
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    return { done: true };
  },
};
