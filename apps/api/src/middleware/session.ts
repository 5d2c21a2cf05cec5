import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps';
import type { Auth } from '../auth/auth';
import type { AppEnv } from '../http/env';
import { CLIENT_HEADER } from '../http/node-listener';
import { resolveSession } from '../services/accounts/resolve-session';
import { anonymousCtx, type ClientInfo } from '../services/context';

/** What the one-process server passes as the second argument of app.fetch (index.ts). */
export interface FetchEnv {
  /** In-process calls from the web app: the visitor's address as SvelteKit saw it. */
  clientAddress?: string;
  /**
   * @hono/node-server's request: the address the listener decided (CLIENT_HEADER, which it
   * always overwrites; behind a trusted proxy, from X-Forwarded-For), else the socket's.
   */
  incoming?: {
    headers?: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  };
}

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?motesplats\.session_token=/;

/**
 * The client as our own server saw it; headers a client sends do not count here (the one
 * the listener sets replaces whatever came in).
 */
export function clientOf(env: unknown, userAgent: string | undefined): ClientInfo {
  const e = (env ?? {}) as FetchEnv;
  const decided = e.incoming?.headers?.[CLIENT_HEADER];
  const address =
    e.clientAddress ??
    (typeof decided === 'string' ? decided : undefined) ??
    e.incoming?.socket?.remoteAddress ??
    'unknown';
  return { address, userAgent: userAgent?.slice(0, 512) ?? null };
}

/**
 * Builds each request's service context: the database, the instant, the client, and the
 * actor from the session cookie (anonymous without one). A refreshed or cleared session
 * cookie is passed on in the answer.
 */
export const sessionContext = (deps: Deps, auth: Auth) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const base = anonymousCtx({
      db: deps.db,
      now: deps.clock.now(),
      client: clientOf(c.env, c.req.header('user-agent')),
      auth,
      mailer: deps.mailer,
      deadline: c.get('deadline'),
    });
    const cookie = c.req.header('cookie');
    if (!cookie || !SESSION_COOKIE.test(cookie)) {
      c.set('ctx', base);
      return next();
    }
    const { actor, setCookies } = await resolveSession({ ctx: base, input: { cookie } });
    c.set('ctx', { ...base, actor });
    await next();
    for (const value of setCookies) c.header('set-cookie', value, { append: true });
  });
