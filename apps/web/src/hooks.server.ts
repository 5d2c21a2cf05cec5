import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleFetch } from '@sveltejs/kit/hooks';
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

export const handle: Handle = sequence(rootRedirect, locale);

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
