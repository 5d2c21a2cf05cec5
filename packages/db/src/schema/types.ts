import { customType } from 'drizzle-orm/pg-core';

/**
 * PostgreSQL tstzrange, kept as its text form (e.g. `["2026-11-24 10:00:00+00","2026-11-24 12:00:00+00")`).
 * drizzle-kit has no range type; the exclusion constraint over it lives in a custom migration.
 */
export const tstzrange = customType<{ data: string; driverData: string }>({
  dataType() {
    return 'tstzrange';
  },
});

/** PostgreSQL bytea: Uint8Array in and out (postgres.js answers a Buffer, PGlite a Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType() {
    return 'bytea';
  },
  fromDriver(value) {
    return value instanceof Uint8Array ? new Uint8Array(value) : new Uint8Array(value as never);
  },
});
