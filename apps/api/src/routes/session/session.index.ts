import type { Context } from 'hono';
import { changeEmail, changePassword } from '../../services/accounts/change-credentials';
import { requestPasswordReset, resetPassword } from '../../services/accounts/password-reset';
import { sessionView } from '../../services/accounts/session-view';
import { signIn } from '../../services/accounts/sign-in';
import { signOut } from '../../services/accounts/sign-out';
import { signUp } from '../../services/accounts/sign-up';
import { requireUser } from '../../services/context';
import { respond, respondWith } from '../../http/respond';
import type { AppEnv } from '../../http/env';
import { createRouter } from '../shared/router';
import {
  Accepted,
  SessionView,
  changeEmailRoute,
  changePasswordRoute,
  forgotPasswordRoute,
  getSessionRoute,
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
  .openapi(verifyEmailRoute, async (c) => (await c.var.ctx.auth.handler(c.req.raw)) as never);
