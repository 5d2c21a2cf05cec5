import { redirect } from '@sveltejs/kit';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  getAssociationDetails,
  signOut,
  signOutEverywhere,
} from '#lib/server/api.ts';
import { attempt, fieldsOf, refused } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad } from './$types';

const signInFirst = (lang: string, path: string) =>
  redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(path)}`);

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session) signInFirst(params.lang, url.pathname);
  const session = locals.session!;
  // A rejection's reason is on the association's own record (members read it).
  const reasons: Record<string, string> = {};
  await Promise.all(
    session.roles.associations
      .filter((a) => a.association.verification === 'rejected')
      .map(async ({ association }) => {
        const details = await getAssociationDetails(
          fetch,
          url.origin,
          association.id,
          params.lang,
        ).catch(() => null);
        if (details?.rejectionReason) reasons[association.id] = details.rejectionReason;
      }),
  );
  const registered = session.roles.associations.find(
    (a) => a.association.id === url.searchParams.get('registered'),
  );
  const joined = session.roles.associations.find(
    (a) => a.association.id === url.searchParams.get('joined'),
  );
  return {
    session,
    reasons,
    registered: registered?.association.name ?? null,
    joined: joined?.association.name ?? null,
    verified: url.searchParams.get('verified') === '1',
    emailChanged: url.searchParams.get('emailChanged') === '1',
    linkInvalid: url.searchParams.has('error'),
  };
};

export const actions: Actions = {
  signOut: async ({ fetch, url, params }) => {
    await attempt(signOut(fetch, url.origin));
    redirect(303, `/${params.lang}?signedOut=1`);
  },
  signOutEverywhere: async ({ fetch, url, params }) => {
    const answer = await attempt(signOutEverywhere(fetch, url.origin));
    if (!answer.ok && answer.status !== 401)
      return refused(answer.status, answer.problem, { action: 'signOutEverywhere' });
    redirect(303, `/${params.lang}?signedOut=1`);
  },
  changePassword: async ({ request, fetch, url }) => {
    const fields = fieldsOf(await request.formData(), ['currentPassword', 'newPassword'] as const);
    const answer = await attempt(changePassword(fetch, url.origin, fields));
    if (!answer.ok) return refused(answer.status, answer.problem, { action: 'changePassword' });
    return { passwordChanged: true };
  },
  changeEmail: async ({ request, fetch, url }) => {
    const values = fieldsOf(await request.formData(), ['newEmail'] as const);
    const answer = await attempt(changeEmail(fetch, url.origin, values));
    if (!answer.ok)
      return refused(answer.status, answer.problem, { ...values, action: 'changeEmail' });
    return { emailSent: values.newEmail.trim() };
  },
  deleteAccount: async ({ request, fetch, url, params }) => {
    const { password } = fieldsOf(await request.formData(), ['password'] as const);
    const answer = await attempt(deleteAccount(fetch, url.origin, { password }));
    if (!answer.ok) return refused(answer.status, answer.problem, { action: 'deleteAccount' });
    redirect(303, `/${params.lang}?accountDeleted=1`);
  },
};
