import { forgotPassword } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused } from '#lib/server/forms.ts';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ request, fetch, url }) => {
    const values = fieldsOf(await request.formData(), ['email'] as const);
    const answer = await attempt(forgotPassword(fetch, url.origin, { email: values.email }));
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    return { sent: values.email.trim() };
  },
};
