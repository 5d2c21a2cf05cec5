import { DomainFailure, type DomainError, type Interval, type Issue } from '@motesplats/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { redactPath } from './redact';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Issue[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://motesplats.fi/problems/';

/** The one place where a domain error becomes an HTTP answer. */
export function problemFromDomain(error: DomainError): Problem {
  switch (error.kind) {
    case 'not_found':
      return {
        type: `${TYPE_BASE}not-found`,
        title: 'Not found',
        status: 404,
        detail: `No ${error.entity} with id "${error.id}".`,
      };
    case 'invalid':
      return {
        type: `${TYPE_BASE}invalid-request`,
        title: 'Invalid request',
        status: 400,
        detail: error.issues.map((i) => `${i.path}: ${i.message}`).join('; '),
        errors: error.issues,
      };
    case 'clash': {
      const slot = (s: Interval) => ({ start: s.start.toISOString(), end: s.end.toISOString() });
      return {
        type: `${TYPE_BASE}booking-clash`,
        title: 'The time is already booked',
        status: 409,
        detail: `Another booking holds the room on ${error.clashes.map((c) => c.date).join(', ')}.`,
        code: 'clash',
        clashes: error.clashes.map((c) => ({
          date: c.date,
          ...slot(c),
          taken: slot(c.taken),
          suggestions: c.suggestions.map(slot),
        })),
        /** The nearest free slots for the first clashing date. */
        suggestions: (error.clashes[0]?.suggestions ?? []).map(slot),
        free: error.free.map((d) => ({ date: d.date, ...slot(d) })),
      };
    }
    case 'rule_violation':
      return {
        type: `${TYPE_BASE}booking-rule`,
        title: 'The booking breaks a rule of the venue',
        status: 422,
        detail: error.violations.map((i) => i.message).join('; '),
        code: 'rule_violation',
        issues: error.violations,
        errors: error.violations,
      };
    case 'forbidden':
      return {
        type: `${TYPE_BASE}forbidden`,
        title: 'Forbidden',
        status: 403,
        detail: 'You may not do this.',
        code: error.reason,
      };
    case 'unauthenticated':
      return {
        type: `${TYPE_BASE}unauthenticated`,
        title: 'Sign-in required',
        status: 401,
        detail: 'Sign in first.',
        code: error.code ?? 'unauthenticated',
      };
    case 'throttled':
      return {
        type: `${TYPE_BASE}throttled`,
        title: 'Too many attempts',
        status: 429,
        detail: `Try again in ${error.retryAfterSeconds} seconds.`,
        code: 'throttled',
        retryAfterSeconds: error.retryAfterSeconds,
      };
    case 'conflict':
      return {
        type: `${TYPE_BASE}conflict`,
        title: 'Conflict',
        status: 409,
        detail: error.message,
        code: error.code,
        ...(error.params ? { params: error.params } : {}),
      };
  }
}

/** A public answer that failed its own schema (see respond.ts): a bug, never a 200. */
export class ResponseSchemaError extends Error {
  constructor(override readonly cause: z.ZodError) {
    super('A response did not match its schema');
    this.name = 'ResponseSchemaError';
  }
}

/** zod issue → our Issue: its code and the parameters a page needs to say it in any language. */
const issueOf = (i: z.core.$ZodIssue, topLevelOnly: boolean): Issue => {
  const params: Record<string, string | number | boolean> = {};
  for (const key of ['minimum', 'maximum', 'format', 'origin', 'expected'] as const) {
    const value = (i as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params[key] = value;
    else if (typeof value === 'bigint') params[key] = Number(value);
  }
  // A refinement names its own reason (`params.code`, e.g. `overlapping_span`) and parameters.
  let code: string = i.code;
  if (i.code === 'custom' && i.params) {
    for (const [key, value] of Object.entries(i.params)) {
      if (key === 'code' && typeof value === 'string') code = value;
      else if (['string', 'number', 'boolean'].includes(typeof value))
        params[key] = value as string | number | boolean;
    }
  }
  return {
    path: i.path.length ? (topLevelOnly ? String(i.path[0]) : i.path.join('.')) : '(request)',
    code,
    ...(Object.keys(params).length ? { params } : {}),
    message: i.message,
  };
};

/** A path that exists, asked with a method it does not answer (sent with an Allow header). */
export const methodNotAllowed = (method: string, allow: readonly string[]): Problem => ({
  type: `${TYPE_BASE}method-not-allowed`,
  title: 'Method not allowed',
  status: 405,
  detail: `${method} is not allowed here; allowed: ${allow.join(', ')}.`,
});

/** A request body over the limit. */
export const payloadTooLarge = (maxBytes: number): Problem => ({
  type: `${TYPE_BASE}payload-too-large`,
  title: 'Payload too large',
  status: 413,
  detail: `The request body may be at most ${maxBytes} bytes.`,
});

/** Seconds a client is asked to wait (Retry-After) while the database is away. */
export const UNAVAILABLE_RETRY_SECONDS = 5;

/** The database cannot be reached, or did not answer in time: try again soon. */
export const databaseUnavailable = (): Problem => ({
  type: `${TYPE_BASE}unavailable`,
  title: 'Service unavailable',
  status: 503,
  detail: 'The database cannot be reached just now. Try again in a moment.',
  code: 'database_unavailable',
  retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
});

/** The request ran past REQUEST_TIMEOUT_MS (a database that stopped answering): try again soon. */
export const requestTimedOut = (ms: number): Problem => ({
  type: `${TYPE_BASE}unavailable`,
  title: 'Service unavailable',
  status: 503,
  detail: `The request did not finish within ${ms / 1000} s, and what it would have saved was not. Try again in a moment.`,
  code: 'request_timeout',
  retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS,
});

/**
 * Errors that say the database is away rather than that the request or the code is wrong:
 * the socket's (refused, reset, unreachable, name lookup), postgres.js's own
 * (CONNECT_TIMEOUT when opening a connection took too long, CONNECTION_* when one closed
 * under a query), and PostgreSQL's SQLSTATEs for a lost connection (class 08), a server
 * shutting down or starting (57P01–57P03), no free connection (53300) and a statement
 * cancelled by statement_timeout (57014).
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '57014',
]);

/** Whether `err`, or an error it wraps (drizzle's "Failed query", AggregateError), is one of those. */
export function isUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  const walk = (e: unknown): boolean => {
    if (!e || typeof e !== 'object' || seen.has(e) || seen.size > 10) return false;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)))
      return true;
    if (e instanceof AggregateError && e.errors.some(walk)) return true;
    return walk((e as { cause?: unknown }).cause);
  };
  return walk(err);
}

/** Any thrown value → problem. Unknown errors become a bare 500 that leaks nothing. */
export function toProblem(err: unknown): Problem {
  if (err instanceof DomainFailure) return problemFromDomain(err.error);
  if (isUnavailable(err)) return databaseUnavailable();
  if (err instanceof ResponseSchemaError) {
    // A response that failed its own schema: never answer 200 with details.
    return { type: `${TYPE_BASE}internal`, title: 'Internal server error', status: 500 };
  }
  // Input parsed inside a service: the caller sent something the use case refuses.
  if (err instanceof z.ZodError) return invalidRequest(err.issues);
  if (err instanceof HTTPException) {
    return {
      type: `${TYPE_BASE}http-${err.status}`,
      title: err.message || 'Request failed',
      status: err.status,
    };
  }
  return { type: `${TYPE_BASE}internal`, title: 'Internal server error', status: 500 };
}

export function problemResponse(c: Context, problem: Problem): Response {
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json; charset=utf-8',
  };
  if (typeof problem.retryAfterSeconds === 'number')
    headers['retry-after'] = String(problem.retryAfterSeconds);
  return c.body(
    JSON.stringify({ ...problem, instance: redactPath(c.req.path) }),
    problem.status as ContentfulStatusCode,
    headers,
  );
}

/** zod issues of request validation → 400 naming each parameter. */
export function invalidRequest(issues: z.core.$ZodIssue[], topLevelOnly = false): Problem {
  return problemFromDomain({
    kind: 'invalid',
    issues: issues.map((i) => issueOf(i, topLevelOnly)),
  });
}
