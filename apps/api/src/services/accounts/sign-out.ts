import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';

/** Ends this session (or, with `everywhere`, every session of the user) and clears the cookie. */
export async function signOut({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { cookie: string | null; everywhere?: boolean };
}) {
  const headers = authHeaders(ctx, input.cookie);
  if (input.everywhere && ctx.actor.kind === 'user') {
    await ctx.auth.api.revokeOtherSessions({ headers });
  }
  const { headers: out } = await ctx.auth.api
    .signOut({ headers, returnHeaders: true })
    .catch(() => ({ headers: new Headers() }));
  return { setCookies: out.getSetCookie() };
}
