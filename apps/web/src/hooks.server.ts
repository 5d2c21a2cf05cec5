import { parseSetCookie, type SerializeOptions as CookieSerializeOptions } from 'cookie';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleFetch } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { textDirection } from '#lib/locale.ts';
import { preferredLocale } from '#lib/server/accept-language.ts';
import { getSession } from '#lib/server/api.ts';

/** `/` → `/{locale}`, the locale chosen from Accept-Language (sv when nothing fits). */
const rootRedirect: Handle = ({ event, resolve }) => {
  if (event.url.pathname !== '/') return resolve(event);
  const locale = preferredLocale(event.request.headers.get('accept-language'));
  return new Response(null, {
    status: 302,
    headers: {
      location: `/${locale}${event.url.search}`,
      vary: 'Accept-Language',
      'cache-control': 'no-store',
    },
  });
};

/**
 * Paraglide decides the request's locale (URL prefix first, then cookie, Accept-Language,
 * sv) and keeps it in AsyncLocalStorage so `m.*()` and `getLocale()` answer per request.
 *
 * Our routes carry the locale themselves (src/routes/[lang=lang]/), so Paraglide must
 * neither redirect nor de-localize: it gets a header-only copy of the request without
 * `Sec-Fetch-Dest` (its redirects apply to document requests only), and we resolve the
 * original event (SvelteKit 3's `event.request` is read-only anyway).
 */
const locale: Handle = ({ event, resolve }) => {
  const headers = new Headers(event.request.headers);
  headers.delete('sec-fetch-dest');
  const probe = new Request(event.request.url, { headers });
  return paraglideMiddleware(probe, async ({ locale }) => {
    event.locals.locale = locale;
    const response = await resolve(event, {
      transformPageChunk: ({ html }) =>
        html.replace('%paraglide.lang%', locale).replace('%motesplats.dir%', textDirection(locale)),
    });
    if (response.headers.get('content-type')?.startsWith('text/html')) {
      response.headers.set('content-language', locale);
    }
    return response;
  });
};

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?motesplats\.session_token=/;

/**
 * The visitor's session, read once per request from the API (through handleFetch, so the
 * same cookie works for pages and for the API directly). Pages shown to a signed-in
 * visitor carry their name: never cached by a shared cache.
 */
const session: Handle = async ({ event, resolve }) => {
  event.locals.session = null;
  if (SESSION_COOKIE.test(event.request.headers.get('cookie') ?? '')) {
    event.locals.session = await getSession(event.fetch, event.url.origin).catch((e) => {
      console.error('The session could not be read', e);
      return null;
    });
  }
  const response = await resolve(event);
  if (event.locals.session) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handle: Handle = sequence(rootRedirect, locale, session);

type ApiFetch = (request: Request, clientAddress?: string) => Promise<Response>;

const isApiPath = (pathname: string) =>
  pathname.startsWith('/api/') || pathname.startsWith('/feeds/') || pathname.startsWith('/media/');

/**
 * Loads and actions fetch `/api/*` on their own origin. The one-process server registers
 * the Hono app's fetch under Symbol.for('motesplats.api.fetch'): then those requests never
 * leave the process. Without it (web served alone) they go to MOTESPLATS_API_ORIGIN, else
 * over the network to this same origin.
 *
 * SvelteKit adds the visitor's cookies and applies Set-Cookie only for requests to its own
 * routes, and /api is not one of them, so this hook does both: the API sees the visitor's
 * session, its Set-Cookie (sign-in, sign-out, a refreshed session) reaches the browser, and
 * a state-changing call carries the page's origin, which SvelteKit has already checked for
 * the form post that caused it.
 */
export const handleFetch: HandleFetch = async ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin !== event.url.origin || !isApiPath(url.pathname)) return fetch(request);

  const headers = new Headers(request.headers);
  const cookie = event.request.headers.get('cookie');
  if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
  if (!['GET', 'HEAD'].includes(request.method)) headers.set('origin', event.url.origin);
  const accept = event.request.headers.get('accept-language');
  if (accept && !headers.has('accept-language')) headers.set('accept-language', accept);
  const forwarded = new Request(request, { headers });

  const apiFetch = (globalThis as Record<symbol, unknown>)[Symbol.for('motesplats.api.fetch')] as
    ApiFetch | undefined;
  let response: Response;
  if (apiFetch) {
    response = await apiFetch(forwarded, event.getClientAddress());
  } else {
    const apiOrigin = process.env.MOTESPLATS_API_ORIGIN;
    response = await globalThis.fetch(
      apiOrigin ? new Request(new URL(url.pathname + url.search, apiOrigin), forwarded) : forwarded,
      { redirect: 'manual' },
    );
  }
  for (const line of response.headers.getSetCookie()) {
    const { name, value, ...options } = parseSetCookie(line, { decode: (v) => v });
    event.cookies.set(name, value ?? '', {
      ...(options as CookieSerializeOptions),
      path: options.path ?? '/',
      encode: (v) => v,
    });
  }
  return response;
};
