import { DomainFailure, type DomainError, type Issue } from '@motesplats/domain';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';

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
    case 'clash':
      return {
        type: `${TYPE_BASE}booking-clash`,
        title: 'The time is already booked',
        status: 409,
        detail: 'Another booking holds this space at that time.',
        clash: { start: error.clash.start.toISOString(), end: error.clash.end.toISOString() },
        freeSlots: error.freeSlots.map((s) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
        })),
      };
    case 'rule_violation':
      return {
        type: `${TYPE_BASE}booking-rule`,
        title: 'The booking breaks a rule of the venue',
        status: 422,
        detail: error.violations.map((i) => i.message).join('; '),
        errors: error.violations,
      };
    case 'forbidden':
      return {
        type: `${TYPE_BASE}forbidden`,
        title: 'Forbidden',
        status: 403,
        detail: error.reason,
      };
  }
}

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

/** Any thrown value → problem. Unknown errors become a bare 500 that leaks nothing. */
export function toProblem(err: unknown): Problem {
  if (err instanceof DomainFailure) return problemFromDomain(err.error);
  if (err instanceof z.ZodError) {
    // A response that failed its own schema: never answer 200 with details.
    return { type: `${TYPE_BASE}internal`, title: 'Internal server error', status: 500 };
  }
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
  return c.body(
    JSON.stringify({ ...problem, instance: c.req.path }),
    problem.status as ContentfulStatusCode,
    {
      'content-type': 'application/problem+json; charset=utf-8',
    },
  );
}

/** zod issues of request validation → 400 naming each parameter. */
export function invalidRequest(issues: z.core.$ZodIssue[], topLevelOnly = false): Problem {
  return problemFromDomain({
    kind: 'invalid',
    issues: issues.map((i) => ({
      path: i.path.length ? (topLevelOnly ? String(i.path[0]) : i.path.join('.')) : '(request)',
      message: i.message,
    })),
  });
}
