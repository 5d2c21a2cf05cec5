import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleFetch, HandleServerError } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '#lib/paraglide/server.js';
import { textDirection } from '#lib/locale.ts';
import { preferredLocale } from '#lib/server/accept-language.ts';

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

export const handle: Handle = sequence(securityHeaders, rootRedirect, locale, refusals);

/**
 * An unexpected error while answering a page is logged as one line (method, path, what
 * failed), never a stack; the reader sees the site's error page. Errors raised with
 * `error()` (a 404, a refused filter) are answers, not failures, and are not logged.
 */
export const handleError: HandleServerError = ({ kind, error, event }) => {
  if (kind !== 'unknown') return;
  const what =
    error instanceof Error
      ? `${error.name}: ${(error.message.split('\n', 1)[0] ?? '').slice(0, 200)}`
      : String(error).slice(0, 200);
  console.error(`[page] ${event.request.method} ${event.url.pathname.slice(0, 200)} 500 ${what}`);
};

type ApiFetch = (request: Request) => Promise<Response>;

const isApiPath = (pathname: string) =>
  pathname.startsWith('/api/') || pathname.startsWith('/feeds/');

/**
 * Loads fetch `/api/*` on their own origin. The one-process server registers the Hono
 * app's fetch under Symbol.for('motesplats.api.fetch'): then those requests never leave
 * the process. Without it (web served alone) they go to MOTESPLATS_API_ORIGIN, else over
 * the network to this same origin.
 */
export const handleFetch: HandleFetch = ({ event, request, fetch }) => {
  const url = new URL(request.url);
  if (url.origin !== event.url.origin || !isApiPath(url.pathname)) return fetch(request);

  const apiFetch = (globalThis as Record<symbol, unknown>)[Symbol.for('motesplats.api.fetch')] as
    ApiFetch | undefined;
  if (apiFetch) return apiFetch(request);

  const apiOrigin = process.env.MOTESPLATS_API_ORIGIN;
  if (apiOrigin) {
    return globalThis.fetch(new Request(new URL(url.pathname + url.search, apiOrigin), request));
  }
  return globalThis.fetch(request);
};
