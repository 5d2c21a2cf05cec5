import { DateTime } from 'luxon';
import { calendarDay, localDayInterval, parseLocalDate, type LocalDate } from './local';

/**
 * The zone of the installation when nothing narrower is known (no municipality in the
 * request): every municipality served today is in Finland. The one place this literal lives.
 */
export const DEFAULT_ZONE = 'Europe/Helsinki';

/**
 * Dates a query may name. Far wider than any calendar in use, far narrower than what
 * PostgreSQL or a JS Date accepts, so no bound outside it ever reaches a query.
 */
export const QUERY_RANGE = { first: '2000-01-01', last: '2099-12-31' } as const;
const FIRST_INSTANT = Date.UTC(2000, 0, 1);
const END_INSTANT = Date.UTC(2100, 0, 1);

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A query bound: a local date (read in a zone later) or an instant with its offset. */
export type QueryBound = { kind: 'date'; date: LocalDate } | { kind: 'instant'; instant: Date };

export const OUT_OF_RANGE = `must lie between ${QUERY_RANGE.first} and ${QUERY_RANGE.last}`;

/**
 * Parses a bound written as 'yyyy-MM-dd' (a real calendar date: no 2026-02-30) or, when
 * `instants` is set, an ISO 8601 instant with offset (a real date and time: no T24:00).
 * Returns the bound, or the reason it is refused.
 */
export function parseQueryBound(
  text: string,
  instants: boolean,
): { ok: true; bound: QueryBound } | { ok: false; message: string } {
  if (DATE.test(text)) {
    const date = parseLocalDate(text);
    if (!date) return { ok: false, message: 'is not a date of the calendar' };
    if (text < QUERY_RANGE.first || text > QUERY_RANGE.last) {
      return { ok: false, message: OUT_OF_RANGE };
    }
    return { ok: true, bound: { kind: 'date', date } };
  }
  if (!instants) return { ok: false, message: 'must be a date (yyyy-MM-dd)' };
  if (!INSTANT.test(text)) {
    return {
      ok: false,
      message: 'must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset',
    };
  }
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!parsed.isValid) return { ok: false, message: 'is not a date and time of the calendar' };
  const ms = parsed.toMillis();
  if (ms < FIRST_INSTANT || ms >= END_INSTANT) return { ok: false, message: OUT_OF_RANGE };
  return { ok: true, bound: { kind: 'instant', instant: new Date(ms) } };
}

/** The instant a bound stands for: a date's start in `zone` (`from`) or its end (`to`). */
export function boundInstant(bound: QueryBound, zone: string, side: 'from' | 'to'): Date {
  if (bound.kind === 'instant') return bound.instant;
  const day = localDayInterval(calendarDay(bound.date), zone);
  return side === 'from' ? day.start : day.end;
}
