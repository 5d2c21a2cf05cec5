import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppEnv } from '../http/env';
import { redactPath } from '../http/redact';
import { REQUEST_ID_HEADER, requestIdOf } from '../http/request-id';
import { errorFields, type Logger } from '../logger';

/**
 * Names the request (X-Request-Id, echoed in the answer) and writes one log line when it is
 * answered: id, method, the route's pattern (never the raw path of a matched route, which
 * may hold a token; an unmatched private feed path is cut, http/redact.ts), status and duration; for a 5xx also what failed, as one line
 * (errorFields). Requests the pages make in-process (SvelteKit's loads, through
 * hooks.server.ts) log at debug: the page's own line is the one at info.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const id = requestIdOf(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', id);
    c.header(REQUEST_ID_HEADER, id);
    await next();
    const status = c.res.status;
    const route = routeOf(c);
    const env = c.env as { incoming?: unknown; clientAddress?: unknown } | undefined;
    const inProcess = env !== undefined && env.incoming === undefined && 'clientAddress' in env;
    const line = {
      reqId: id,
      method: c.req.method,
      route: route ?? null,
      ...(route === undefined ? { path: redactPath(c.req.path).slice(0, 200) } : {}),
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      ...(inProcess ? { inProcess: true } : {}),
      ...(status >= 500 && c.error ? errorFields(c.error) : {}),
    };
    if (status >= 500 && status !== 503) logger.error(line, 'request failed');
    else if (status === 503) logger.warn(line, 'request refused: unavailable');
    else if (inProcess) logger.debug(line, 'request');
    else logger.info(line, 'request');
  };
}

/** The pattern of the route that answered (`/api/venues/:id`); undefined when none did. */
function routeOf(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | undefined {
  const routes = matchedRoutes(c);
  const answered = routes[c.req.routeIndex];
  // Middleware (app.use) is registered for every method; a route that answered is not.
  if (!answered || answered.method === 'ALL') return undefined;
  return answered.path;
}
