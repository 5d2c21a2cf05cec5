/**
 * The one error model. Services return these (or throw DomainFailure for the
 * unexpected-but-typed cases such as "not found" deep in a call chain); the API maps
 * them to RFC 9457 problem+json in one place (apps/api/src/http/problem.ts).
 */
export interface Interval {
  start: Date;
  end: Date;
}

export interface Issue {
  /** Name of the offending parameter or field, e.g. `from` or `expectedAttendance`. */
  path: string;
  /**
   * Stable machine-readable reason, e.g. `too_short`: what each language renders, with
   * `params`. The message is an English fallback for API consumers, never shown on a page.
   */
  code?: string;
  /** Values the rendered text needs, e.g. `{ minimum: 8 }`. */
  params?: Record<string, string | number | boolean>;
  message: string;
}

/** A date of a booking request that runs into time another booking holds. */
export interface ClashingDate extends Interval {
  /** Its local date in the venue's zone. */
  date: string;
  /** The held time it runs into (never who holds it). */
  taken: Interval;
  /** Up to three nearest free slots of the same length at that venue. */
  suggestions: Interval[];
}

export type DomainError =
  | { kind: 'not_found'; entity: string; id: string }
  | { kind: 'invalid'; issues: Issue[] }
  /** Some asked-for dates are held by others; `free` are the dates that could be booked. */
  | { kind: 'clash'; clashes: ClashingDate[]; free: (Interval & { date: string })[] }
  | { kind: 'rule_violation'; violations: Issue[] }
  | { kind: 'forbidden'; reason: string }
  /** No session, or it expired: sign in first. */
  | { kind: 'unauthenticated'; code?: string }
  /** Too many attempts from this client or for this account. */
  | { kind: 'throttled'; retryAfterSeconds: number }
  /** The request is valid but clashes with the state of things (e.g. already a member). */
  | {
      kind: 'conflict';
      code: string;
      message: string;
      params?: Record<string, string | number | boolean>;
    };

export type Result<T, E extends DomainError = DomainError> =
  { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E extends DomainError>(error: E): Result<never, E> => ({ ok: false, error });

/** Thrown when a typed domain error must cross a boundary that cannot return a Result. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(`${error.kind}`);
    this.name = 'DomainFailure';
  }
}

export const notFound = (entity: string, id: string): DomainError => ({
  kind: 'not_found',
  entity,
  id,
});
export const invalid = (
  path: string,
  message: string,
  code = 'invalid',
  params?: Issue['params'],
): DomainError => ({
  kind: 'invalid',
  issues: [{ path, message, code, ...(params ? { params } : {}) }],
});
export const forbidden = (reason: string): DomainError => ({ kind: 'forbidden', reason });
export const unauthenticated = (code?: string): DomainError => ({
  kind: 'unauthenticated',
  ...(code ? { code } : {}),
});
