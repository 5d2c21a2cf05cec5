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
  message: string;
  /** Stable machine-readable reason, e.g. `too_short`; the message is for people. */
  code?: string;
}

export type DomainError =
  | { kind: 'not_found'; entity: string; id: string }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'clash'; clash: Interval; freeSlots: Interval[] }
  | { kind: 'rule_violation'; violations: Issue[] }
  | { kind: 'forbidden'; reason: string };

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
export const invalid = (path: string, message: string): DomainError => ({
  kind: 'invalid',
  issues: [{ path, message }],
});
