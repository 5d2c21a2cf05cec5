import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http/env';
import { problemResponse, requestTimedOut } from '../http/problem';

/** The reason a request's deadline signal carries: its transaction rolls back on it. */
export class RequestTimedOut extends Error {
  constructor(ms: number) {
    super(`The request ran past its deadline of ${ms} ms and was answered 503`);
    this.name = 'RequestTimedOut';
  }
}

/**
 * Every request answers within `ms`. A database that stops answering without closing its
 * connections (a frozen server, a network that drops packets silently) would otherwise
 * hold each request until the client gives up: past the deadline the request answers 503
 * problem+json with Retry-After, and its deadline signal is aborted, so that its
 * transaction, should the database come back, rolls back instead of committing
 * (services/context.ts `inTransaction`). Only a COMMIT already sent can still land.
 * 0 turns it off.
 */
export const deadline = (ms: number) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (ms <= 0) return next();
    const controller = new AbortController();
    c.set('deadline', controller.signal);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), ms);
    });
    const running = next().then(() => 'done' as const);
    // Finishing after its answer was given, the rest of the request has no one to tell.
    running.catch(() => {});
    try {
      if ((await Promise.race([running, late])) === 'late') {
        controller.abort(new RequestTimedOut(ms));
        return problemResponse(c, requestTimedOut(ms));
      }
    } finally {
      clearTimeout(timer);
    }
  });
