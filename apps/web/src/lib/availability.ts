// Free and taken time of a venue's spaces, laid out per local day in the venue's zone, for a
// week and a month. Pure: `now` is passed in.
import { DateTime } from 'luxon';
import type { Interval, VenueBusy } from '#lib/types.ts';

export interface Week {
  /** yyyy-MM-dd of the Monday. */
  monday: string;
  sunday: string;
  previous: string;
  next: string;
  current: string;
  weekNumber: number;
}

export interface Month {
  /** yyyy-MM. */
  month: string;
  /** yyyy-MM-dd of its first and last day. */
  first: string;
  last: string;
  previous: string;
  next: string;
  current: string;
}

const iso = (d: DateTime) => d.toISODate() ?? '';
const yearMonth = (d: DateTime) => d.toFormat('yyyy-MM');

/**
 * The ISO week (Monday..Sunday) that contains `week` (yyyy-MM-dd), or `now`'s week in
 * `timeZone` when `week` is missing or not a date.
 */
export function resolveWeek(week: string | null, timeZone: string, now: Date): Week {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const asked =
    week && /^\d{4}-\d{2}-\d{2}$/.test(week) ? DateTime.fromISO(week, { zone: timeZone }) : null;
  const day = asked?.isValid ? asked : today;
  const monday = day.startOf('week');
  return {
    monday: iso(monday),
    sunday: iso(monday.plus({ days: 6 })),
    previous: iso(monday.minus({ weeks: 1 })),
    next: iso(monday.plus({ weeks: 1 })),
    current: iso(today.startOf('week')),
    weekNumber: monday.weekNumber,
  };
}

/**
 * The calendar month `month` (yyyy-MM); when missing or not a month, the month of `fallback`
 * (a yyyy-MM-dd, e.g. the week shown), else `now`'s month in `timeZone`.
 */
export function resolveMonth(
  month: string | null,
  timeZone: string,
  now: Date,
  fallback?: string,
): Month {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  const asked =
    month && /^\d{4}-\d{2}$/.test(month)
      ? DateTime.fromISO(`${month}-01`, { zone: timeZone })
      : null;
  const near = fallback ? DateTime.fromISO(fallback, { zone: timeZone }) : null;
  const day = asked?.isValid ? asked : near?.isValid ? near : today;
  const first = day.startOf('month');
  return {
    month: yearMonth(first),
    first: iso(first),
    last: iso(first.endOf('month')),
    previous: yearMonth(first.minus({ months: 1 })),
    next: yearMonth(first.plus({ months: 1 })),
    current: yearMonth(today),
  };
}

export interface SpaceDay {
  id: string;
  busy: Interval[];
  free: Interval[];
}

export interface DayRow {
  /** yyyy-MM-dd, local. */
  date: string;
  open: Interval[];
  /** The venue's spaces in the API's order: the whole first, then its parts. */
  spaces: SpaceDay[];
}

type Span = { start: number; end: number };

/** Sorted, merged copies of the intervals. */
function merge(intervals: Interval[]): Span[] {
  const sorted = intervals
    .map((i) => ({ start: Date.parse(i.start), end: Date.parse(i.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

const clip = (spans: Span[], from: number, to: number): Interval[] =>
  spans
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start)
    .map((i) => ({ start: new Date(i.start).toISOString(), end: new Date(i.end).toISOString() }));

/**
 * One row per local day from `first` to `last` (yyyy-MM-dd, both included): the opening
 * hours, and per space its taken and free time on that day (a stretch across midnight shows
 * on both days).
 */
export function dayRows(first: string, last: string, busy: VenueBusy): DayRow[] {
  const open = merge(busy.open);
  const spaces = busy.spaces.map((s) => ({ id: s.id, busy: merge(s.busy), free: merge(s.free) }));
  const end = DateTime.fromISO(last, { zone: busy.timeZone });
  const rows: DayRow[] = [];
  for (
    let day = DateTime.fromISO(first, { zone: busy.timeZone });
    day <= end;
    day = day.plus({ days: 1 })
  ) {
    const from = day.toMillis();
    const to = day.plus({ days: 1 }).toMillis();
    rows.push({
      date: iso(day),
      open: clip(open, from, to),
      spaces: spaces.map((s) => ({
        id: s.id,
        busy: clip(s.busy, from, to),
        free: clip(s.free, from, to),
      })),
    });
  }
  return rows;
}
