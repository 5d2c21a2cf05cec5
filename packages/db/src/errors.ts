/** SQLSTATE of an exclusion constraint violation: a holding booking overlaps another. */
export const EXCLUSION_VIOLATION = '23P01';
export const UNIQUE_VIOLATION = '23505';
export const FOREIGN_KEY_VIOLATION = '23503';

/** The SQLSTATE of a driver error, whichever engine (and wrapper) raised it. */
export function sqlState(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isOverlapViolation = (error: unknown): boolean =>
  sqlState(error) === EXCLUSION_VIOLATION;

/** SQLSTATE 40P01: PostgreSQL broke a lock cycle by aborting this transaction; retry it. */
export const DEADLOCK_DETECTED = '40P01';
export const isDeadlock = (error: unknown): boolean => sqlState(error) === DEADLOCK_DETECTED;
