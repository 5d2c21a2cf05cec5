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

/** Hours of the day a week's hour grid spans (local wall clock, 0..24). */
export interface HourScale {
  from: number;
  to: number;
}

/** Local minutes since the day's midnight; an end at the next midnight is 1440. */
function minutesOf(iso: string, date: string, timeZone: string): number {
  const t = DateTime.fromISO(iso, { zone: timeZone });
  return t.toISODate() === date ? t.hour * 60 + t.minute : 24 * 60;
}

/**
 * The whole hours a week's grid shows: from the earliest opening or booked hour to the last,
 * so every day of it lines up; 8 to 22 when the week holds no time at all (by arrangement
 * and nothing booked).
 */
export function hourScale(rows: DayRow[], timeZone: string): HourScale {
  let from = Infinity;
  let to = -Infinity;
  for (const row of rows)
    for (const i of [...row.open, ...row.spaces.flatMap((s) => [...s.busy, ...s.free])]) {
      from = Math.min(from, minutesOf(i.start, row.date, timeZone));
      to = Math.max(to, minutesOf(i.end, row.date, timeZone));
    }
  if (!(to > from)) return { from: 8, to: 22 };
  return { from: Math.floor(from / 60), to: Math.ceil(to / 60) };
}

/** A stretch of an hour grid's line: where it starts and how wide it is, in % of the scale. */
export interface Stretch {
  /** open: open hours that are neither free nor taken (past, a buffer, beyond the horizon). */
  kind: 'open' | 'busy' | 'free';
  start: number;
  size: number;
}

/**
 * One day's open, taken and free time of a space on the grid's scale, in % of its width:
 * the line a sighted reader scans across the week. Open hours come first (drawn beneath),
 * then free and taken time in order; what lies outside them all is closed.
 */
export function stretchesOf(
  cell: SpaceDay,
  open: Interval[],
  date: string,
  timeZone: string,
  scale: HourScale,
): Stretch[] {
  const from = scale.from * 60;
  const width = (scale.to - scale.from) * 60;
  const place = (kind: Stretch['kind'], i: Interval): Stretch => {
    const start = Math.max(minutesOf(i.start, date, timeZone), from);
    const end = Math.min(minutesOf(i.end, date, timeZone), from + width);
    const pct = (m: number) => Math.round(((m - from) / width) * 10_000);
    return { kind, start: pct(start) / 100, size: Math.max(pct(end) - pct(start), 0) / 100 };
  };
  const byStart = (a: Stretch, b: Stretch) => a.start - b.start;
  return [
    ...open.map((i) => place('open', i)).sort(byStart),
    ...[...cell.free.map((i) => place('free', i)), ...cell.busy.map((i) => place('busy', i))].sort(
      byStart,
    ),
  ].filter((s) => s.size > 0);
}

/** The scale's labelled hours: every second one on a long day, each one on a short one. */
export function hourTicks(scale: HourScale): number[] {
  const step = scale.to - scale.from > 8 ? 2 : 1;
  const ticks: number[] = [];
  for (let h = Math.ceil(scale.from / step) * step; h <= scale.to; h += step) ticks.push(h);
  return ticks;
}
