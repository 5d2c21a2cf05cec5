import { parseSetCookie, type SerializeOptions as CookieSerializeOptions } from 'cookie';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleFetch, HandleServerError } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { textDirection } from '#lib/locale.ts';
import { preferredLocale } from '#lib/server/accept-language.ts';
import { getSession } from '#lib/server/api.ts';
import { logError, notePage, oneLine } from '#lib/server/log.ts';

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
  // A raw path such as `//x/..` is a valid request but no URL Paraglide can rebuild: the
  // probe only decides the locale, so it gets the path with repeated slashes collapsed.
  const probeUrl = new URL(event.url);
  probeUrl.pathname = probeUrl.pathname.replace(/\/{2,}/g, '/');
  const probe = new Request(probeUrl, { headers });
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

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * SvelteKit's own cross-site form check (turned off in vite.config.ts so that it can answer
 * with the site's page, not plain text): a form-like request that changes something must
 * come from this origin.
 */
function isCrossSiteForm({ request, url }: Parameters<Handle>[0]['event']): boolean {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  return (
    MUTATING.has(request.method) &&
    (!type || FORM_TYPES.includes(type)) &&
    request.headers.get('origin') !== url.origin
  );
}

const wantsJson = (event: Parameters<Handle>[0]['event']) =>
  event.request.headers.get('accept') === 'application/json';

/**
 * Refusals SvelteKit answers in plain text (403 for a cross-site form, 405 for a method a
 * page does not take) get the site's error page: rendered in-process from the
 * `[lang]/refused/[status]` route and sent with the refused request's status.
 */
const refusals: Handle = async ({ event, resolve }) => {
  if (isCrossSiteForm(event)) {
    if (wantsJson(event)) {
      return Response.json(
        { message: 'Cross-site form submissions are forbidden' },
        { status: 403 },
      );
    }
    return refusedPage(event, 403);
  }
  const response = await resolve(event);
  const type = response.headers.get('content-type');
  if (response.status === 405 && (!type || type.startsWith('text/plain')) && !wantsJson(event)) {
    return refusedPage(event, 405, response.headers.get('allow'));
  }
  return response;
};

async function refusedPage(
  event: Parameters<Handle>[0]['event'],
  status: 403 | 405,
  allow?: string | null,
): Promise<Response> {
  const page = await event.fetch(`/${event.locals.locale}/refused/${status}`, {
    headers: { accept: 'text/html' },
  });
  const headers = new Headers(page.headers);
  headers.set('cache-control', 'no-store');
  headers.delete('etag');
  if (allow) headers.set('allow', allow);
  return new Response(page.body, { status, headers });
}

/**
 * Security headers of every page (the Content-Security-Policy comes from SvelteKit's `csp`
 * option in vite.config.ts, with a nonce per page); HSTS only when served over https.
 * Static assets never pass these hooks: the one-process listener gives them the same set.
 */
const securityHeaders: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  const set = (name: string, value: string) => {
    if (!response.headers.has(name)) response.headers.set(name, value);
  };
  try {
    set('x-content-type-options', 'nosniff');
    set('x-frame-options', 'DENY');
    set('referrer-policy', 'strict-origin-when-cross-origin');
    set('cross-origin-opener-policy', 'same-origin');
    set('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (event.url.protocol === 'https:') {
      set('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
  } catch {
    // Immutable headers (a response passed through from fetch): leave them as they are.
  }
  return response;
};

/**
 * An unexpected error while answering a page is logged as one line (method, path, what
 * failed), never a stack; the reader sees the site's error page. Errors raised with
 * `error()` (a 404, a refused filter) are answers, not failures, and are not logged.
 */
export const handleError: HandleServerError = ({ kind, error, event }) => {
  if (kind !== 'unknown') return;
  const what = oneLine(error);
  // In the request's own log line (the server's listener writes it), else on the console.
  if (!notePage(event.request, { error: what }))
    console.error(`[page] ${event.request.method} ${event.url.pathname.slice(0, 200)} 500 ${what}`);
};

/** The route's id (`/[lang=lang]/venues/[id]`) for the request's log line, never the raw path. */
const routeNote: Handle = ({ event, resolve }) => {
  notePage(event.request, { route: event.route.id });
  return resolve(event);
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
      logError('The session could not be read', e);
      return null;
    });
  }
  const response = await resolve(event);
  if (event.locals.session) response.headers.set('cache-control', 'private, no-store');
  return response;
};

export const handle: Handle = sequence(
  routeNote,
  securityHeaders,
  rootRedirect,
  locale,
  refusals,
  session,
);

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
  // The page's request id: the API's lines for the calls a page makes carry it too.
  const requestId = event.request.headers.get('x-request-id');
  if (requestId) headers.set('x-request-id', requestId);
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
