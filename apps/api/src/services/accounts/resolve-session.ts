import { ANONYMOUS, SESSION_ABSOLUTE_DAYS, type Actor } from '@motesplats/domain';
import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';
import { loadActor, type ActorUser } from './load-actor';

const ABSOLUTE_MS = SESSION_ABSOLUTE_DAYS * 24 * 60 * 60 * 1000;

export interface ResolvedSession {
  actor: Actor;
  /** Set-Cookie values to pass on: a refreshed session, or the cookie cleared. */
  setCookies: string[];
}

/**
 * The visitor's session from their cookie. It ends when unused for SESSION_IDLE_DAYS
 * (better-auth slides expiresAt with use) or SESSION_ABSOLUTE_DAYS after sign-in, whatever
 * the use (checked here against ctx.now; such a session is deleted and its cookie cleared).
 */
export async function resolveSession({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { cookie: string };
}): Promise<ResolvedSession> {
  const headers = authHeaders(ctx, input.cookie);
  const { headers: out, response } = await ctx.auth.api.getSession({
    headers,
    returnHeaders: true,
  });
  if (!response) return { actor: ANONYMOUS, setCookies: out.getSetCookie() };
  if (ctx.now.getTime() - new Date(response.session.createdAt).getTime() > ABSOLUTE_MS) {
    const signedOut = await ctx.auth.api.signOut({ headers, returnHeaders: true });
    return { actor: ANONYMOUS, setCookies: signedOut.headers.getSetCookie() };
  }
  // better-auth has just read the user row (with our additional fields): no second read.
  const { user } = response;
  const known: ActorUser | undefined =
    typeof user.locale === 'string' && typeof user.isAdmin === 'boolean'
      ? {
          id: user.id,
          email: user.email,
          name: user.name,
          locale: user.locale as ActorUser['locale'],
          emailVerified: user.emailVerified,
          isAdmin: user.isAdmin,
        }
      : undefined;
  const actor = await loadActor(ctx, user.id, known);
  return { actor: actor ?? ANONYMOUS, setCookies: out.getSetCookie() };
}
