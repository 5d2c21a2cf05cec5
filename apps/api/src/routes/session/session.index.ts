import type { Context } from 'hono';
import { changeEmail, changePassword } from '../../services/accounts/change-credentials';
import { requestPasswordReset, resetPassword } from '../../services/accounts/password-reset';
import { completeOidcSignIn, startOidcSignIn } from '../../services/accounts/oidc-sign-in';
import { sessionView } from '../../services/accounts/session-view';
import { signIn } from '../../services/accounts/sign-in';
import { signOut } from '../../services/accounts/sign-out';
import { signUp } from '../../services/accounts/sign-up';
import { requireUser } from '../../services/context';
import { problemFromDomain, problemResponse } from '../../http/problem';
import { errorFields } from '../../logger';
import { respond, respondWith } from '../../http/respond';
import type { AppEnv } from '../../http/env';
import { createRouter } from '../shared/router';
import {
  Accepted,
  OidcAuthorization,
  OidcProvider,
  SessionView,
  changeEmailRoute,
  changePasswordRoute,
  forgotPasswordRoute,
  getSessionRoute,
  oidcCallbackRoute,
  oidcProviderRoute,
  oidcStartRoute,
  resetPasswordRoute,
  signInRoute,
  signOutEverywhereRoute,
  signOutRoute,
  signUpRoute,
  verifyEmailRoute,
} from './session.routes';

const cookieOf = (c: Context<AppEnv>) => c.req.header('cookie') ?? null;
const passCookies = (c: Context<AppEnv>, setCookies: readonly string[]) => {
  for (const value of setCookies) c.header('set-cookie', value, { append: true });
};

const noOidc = (c: Context<AppEnv>) =>
  problemResponse(c, problemFromDomain({ kind: 'not_found', entity: 'oidc_provider', id: 'oidc' }));

/** Sign-in, session and account routes: thin, every decision is in services/accounts. */
export const sessionRouter = createRouter()
  .openapi(signInRoute, async (c) => {
    const { actor, setCookies } = await signIn({ ctx: c.var.ctx, input: c.req.valid('json') });
    passCookies(c, setCookies);
    c.header('cache-control', 'no-store');
    return respond(c, SessionView, await sessionView(c.var.ctx, actor));
  })
  .openapi(getSessionRoute, async (c) => {
    const actor = requireUser(c.var.ctx);
    c.header('cache-control', 'no-store');
    return respond(c, SessionView, await sessionView(c.var.ctx, actor));
  })
  .openapi(signOutRoute, async (c) => {
    const { setCookies } = await signOut({ ctx: c.var.ctx, input: { cookie: cookieOf(c) } });
    passCookies(c, setCookies);
    return c.body(null, 204);
  })
  .openapi(signOutEverywhereRoute, async (c) => {
    requireUser(c.var.ctx);
    const { setCookies } = await signOut({
      ctx: c.var.ctx,
      input: { cookie: cookieOf(c), everywhere: true },
    });
    passCookies(c, setCookies);
    return c.body(null, 204);
  })
  .openapi(signUpRoute, async (c) =>
    respondWith(c, Accepted, await signUp({ ctx: c.var.ctx, input: c.req.valid('json') }), 202),
  )
  .openapi(forgotPasswordRoute, async (c) =>
    respondWith(
      c,
      Accepted,
      await requestPasswordReset({ ctx: c.var.ctx, input: c.req.valid('json') }),
      202,
    ),
  )
  .openapi(resetPasswordRoute, async (c) => {
    await resetPassword({ ctx: c.var.ctx, input: c.req.valid('json') });
    return c.body(null, 204);
  })
  .openapi(changePasswordRoute, async (c) => {
    const { setCookies } = await changePassword({
      ctx: c.var.ctx,
      input: { cookie: cookieOf(c), body: c.req.valid('json') },
    });
    passCookies(c, setCookies);
    return c.body(null, 204);
  })
  .openapi(changeEmailRoute, async (c) =>
    respondWith(
      c,
      Accepted,
      await changeEmail({
        ctx: c.var.ctx,
        input: { cookie: cookieOf(c), body: c.req.valid('json') },
      }),
      202,
    ),
  )
  // The mailed link: better-auth's own handler verifies, signs in and redirects.
  .openapi(verifyEmailRoute, async (c) => (await c.var.ctx.auth.handler(c.req.raw)) as never)
  // Staff sign-in through the municipality's identity provider (docs/decisions/010-staff-oidc.md).
  .openapi(oidcProviderRoute, (c) => {
    const oidc = c.var.deps.config.oidc;
    if (!oidc) return noOidc(c) as never;
    return respond(c, OidcProvider, { name: oidc.name });
  })
  .openapi(oidcStartRoute, async (c) => {
    if (!c.var.deps.config.oidc) return noOidc(c) as never;
    const { url, setCookies } = await startOidcSignIn({
      ctx: c.var.ctx,
      input: c.req.valid('json'),
    });
    passCookies(c, setCookies);
    c.header('cache-control', 'no-store');
    return respond(c, OidcAuthorization, { url });
  })
  .openapi(oidcCallbackRoute, async (c) => {
    const oidc = c.var.deps.config.oidc;
    if (!oidc) return noOidc(c) as never;
    const outcome = await completeOidcSignIn({
      ctx: c.var.ctx,
      input: { request: c.req.raw, oidc },
    });
    if (outcome.syncFailure !== undefined)
      c.var.deps.logger?.error(
        { reqId: c.var.requestId, ...errorFields(outcome.syncFailure) },
        'OIDC sign-in: the staff roles could not be synced',
      );
    passCookies(c, outcome.setCookies);
    c.header('cache-control', 'no-store');
    if (outcome.location) c.header('location', outcome.location);
    return c.body(null, outcome.status as 302);
  });
