import { error, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { decideAssociation, listStaffAssociations, orPageError } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  if (locals.session.roles.staff.length === 0) error(404, m.error_text_404());
  const { items } = await orPageError(
    listStaffAssociations(fetch, url.origin, { lang: params.lang }),
  );
  return {
    pending: items.filter((a) => a.verification === 'pending'),
    // Latest decision first.
    decided: items
      .filter((a) => a.verification === 'verified' || a.verification === 'rejected')
      .reverse(),
  };
};

export const actions: Actions = {
  verify: async ({ request, fetch, url }) => {
    const values = fieldsOf(await request.formData(), ['id'] as const);
    const answer = await attempt(
      decideAssociation(fetch, url.origin, values.id, { decision: 'verify' }),
    );
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    return { decided: 'verified' as const, id: values.id };
  },
  reject: async ({ request, fetch, url }) => {
    const values = fieldsOf(await request.formData(), ['id', 'reason'] as const);
    const answer = await attempt(
      decideAssociation(fetch, url.origin, values.id, {
        decision: 'reject',
        reason: values.reason,
      }),
    );
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    return { decided: 'rejected' as const, id: values.id };
  },
};
