import { fail, redirect } from '@sveltejs/kit';
import { getOidcProvider, signIn, startOidcSignIn } from '#lib/server/api.ts';
import { attempt, fieldsOf, refused, safeNext } from '#lib/server/forms.ts';
import { logError } from '#lib/server/log.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  const next = safeNext(url.searchParams.get('next'), `/${params.lang}/account`);
  if (locals.session) redirect(303, next);
  const oidc = await getOidcProvider(fetch, url.origin).catch((e) => {
    logError('The identity provider could not be read', e);
    return null;
  });
  // The provider's way back after a refusal or a failure: /{lang}/sign-in?error=…
  return { next, oidc, oidcFailed: oidc !== null && url.searchParams.has('error') };
};

export const actions: Actions = {
  password: async ({ request, fetch, url, params }) => {
    const form = await request.formData();
    const values = fieldsOf(form, ['email', 'next'] as const);
    const { password } = fieldsOf(form, ['password'] as const);
    const answer = await attempt(signIn(fetch, url.origin, { email: values.email, password }));
    if (!answer.ok) return refused(answer.status, answer.problem, values);
    redirect(303, safeNext(values.next, `/${params.lang}/account`));
  },
  // Staff: off to the municipality's identity provider, which sends the browser back to
  // /api/auth/callback/oidc and from there to the account page, signed in.
  oidc: async ({ request, fetch, url, params }) => {
    const { next } = fieldsOf(await request.formData(), ['next'] as const);
    const answer = await attempt(
      startOidcSignIn(fetch, url.origin, {
        locale: params.lang,
        returnTo: safeNext(next, `/${params.lang}/account`),
      }),
    );
    if (!answer.ok || !answer.data) return fail(answer.status, { oidcFailed: true });
    // The API built this URL from the provider's discovery document. Not a 303: the pages'
    // CSP allows forms to lead only to this site (form-action 'self'), and browsers apply
    // that to a form's redirects too. The page moves on by <meta http-equiv="refresh">,
    // with a link as well.
    return { oidcUrl: answer.data.url };
  },
};
