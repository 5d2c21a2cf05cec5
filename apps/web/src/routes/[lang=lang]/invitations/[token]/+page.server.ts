import { redirect } from '@sveltejs/kit';
import { acceptInvitation } from '#lib/server/api.ts';
import { attempt, refused } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

// Opening the link changes nothing (mail scanners and previews open links too): joining
// is a POST from this page, signed in with the invited address.
export const load: PageServerLoad = ({ locals, url }) => ({
  email: locals.session?.user.email ?? null,
  here: url.pathname,
});

export const actions: Actions = {
  accept: async ({ fetch, url, params, locals }) => {
    if (!locals.session)
      redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
    const answer = await attempt(acceptInvitation(fetch, url.origin, params.token));
    if (!answer.ok) {
      // Unknown, used, expired or for another address: one answer that tells nothing more.
      if (answer.status === 404 || answer.status === 400)
        return { errors: { form: { code: 'invitation_invalid' } } };
      return refused(answer.status, answer.problem, {});
    }
    const { associationId, role } = answer.data!;
    redirect(
      303,
      role === 'admin'
        ? `/${params.lang}/associations/${associationId}/manage`
        : `/${params.lang}/account?joined=${associationId}`,
    );
  },
};
