import { createMiddleware } from 'hono/factory';
import type { Config } from '../config';
import type { AppEnv } from '../http/env';
import { problemFromDomain, problemResponse } from '../http/problem';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard: a state-changing request is refused (403, code
 * `origin`) unless its Origin is the app's own (PUBLIC_ORIGIN, else the request's own
 * origin). SvelteKit applies the same rule to form posts (its csrf.checkOrigin), and the
 * web app's calls to the API carry the page's origin, so the two agree.
 */
export const sameOrigin = (config: Config) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const expected = config.publicOrigin ?? new URL(c.req.url).origin;
    if (c.req.header('origin') !== expected) {
      return problemResponse(c, problemFromDomain({ kind: 'forbidden', reason: 'origin' }));
    }
    return next();
  });
