import type { Interval } from '../errors';
import { clipIntervals, mergeIntervals, subtractIntervals } from '../time/intervals';

const MINUTE = 60_000;

/**
 * The time held by existing bookings inside `range`, merged. Each booking claims
 * [start, end + buffer): the same rule as the database's exclusion constraint, so a buffer
 * for cleaning or turnover follows every booking.
 */
export function busyIntervals(
  bookings: readonly { start: Date; end: Date }[],
  range: Interval,
  bufferMinutes: number,
): Interval[] {
  const buffer = Math.max(0, bufferMinutes) * MINUTE;
  const claims = bookings.map((b) => ({
    start: b.start,
    end: new Date(b.end.getTime() + buffer),
  }));
  return clipIntervals(mergeIntervals(claims), range);
}

/**
 * Open time minus busy time: where a new booking may lie. A new booking claims its own
 * trailing buffer too, so with `bufferMinutes` > 0 each busy interval is widened at its start
 * by the buffer: a booking ending inside the result leaves room for its buffer before the
 * next claim. (The buffer may run past closing time; only claims are checked against it.)
 * With the default 0 this is plain `open − busy`.
 */
export function freeIntervals(
  open: readonly Interval[],
  busy: readonly Interval[],
  bufferMinutes = 0,
): Interval[] {
  const lead = Math.max(0, bufferMinutes) * MINUTE;
  const widened = busy.map((b) => ({ start: new Date(b.start.getTime() - lead), end: b.end }));
  return subtractIntervals(open, widened);
}

/**
 * Free slots of the wanted length nearest to the wanted start, for a "this time is taken,
 * how about…" answer. Each free interval long enough offers one slot: the position inside it
 * closest to the wanted start. The `limit` nearest are returned in chronological order.
 */
export function nearbyFreeSlots(
  free: readonly Interval[],
  wanted: Interval,
  limit = 3,
): Interval[] {
  const length = wanted.end.getTime() - wanted.start.getTime();
  if (!(length > 0) || limit <= 0) return [];
  const want = wanted.start.getTime();
  const candidates = mergeIntervals(free)
    .filter((f) => f.end.getTime() - f.start.getTime() >= length)
    .map((f) => {
      const latest = f.end.getTime() - length;
      const start = Math.min(Math.max(want, f.start.getTime()), latest);
      return { start, distance: Math.abs(start - want) };
    });
  return candidates
    .sort((a, b) => a.distance - b.distance || a.start - b.start)
    .slice(0, limit)
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: new Date(c.start), end: new Date(c.start + length) }));
}
