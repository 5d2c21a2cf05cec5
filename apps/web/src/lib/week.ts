// A week of free/busy time, laid out per local day in the venue's zone. Pure: `now` is passed in.
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
  const iso = (d: DateTime) => d.toISODate() ?? '';
  return {
    monday: iso(monday),
    sunday: iso(monday.plus({ days: 6 })),
    previous: iso(monday.minus({ weeks: 1 })),
    next: iso(monday.plus({ weeks: 1 })),
    current: iso(today.startOf('week')),
    weekNumber: monday.weekNumber,
  };
}

export interface DayRow {
  /** yyyy-MM-dd, local. */
  date: string;
  open: Interval[];
  busy: Interval[];
  free: Interval[];
}

const ms = (iso: string) => Date.parse(iso);

/** Sorted, merged copies of the intervals. */
function merge(intervals: Interval[]): { start: number; end: number }[] {
  const sorted = intervals
    .map((i) => ({ start: ms(i.start), end: ms(i.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

function clip(intervals: { start: number; end: number }[], from: number, to: number) {
  return intervals
    .map((i) => ({ start: Math.max(i.start, from), end: Math.min(i.end, to) }))
    .filter((i) => i.end > i.start);
}

/** open − busy, both merged and sorted. */
function subtract(open: { start: number; end: number }[], busy: { start: number; end: number }[]) {
  const out: { start: number; end: number }[] = [];
  for (const o of open) {
    let cursor = o.start;
    for (const b of busy) {
      if (b.end <= cursor || b.start >= o.end) continue;
      if (b.start > cursor) out.push({ start: cursor, end: b.start });
      cursor = Math.max(cursor, b.end);
    }
    if (cursor < o.end) out.push({ start: cursor, end: o.end });
  }
  return out;
}

const toIso = (i: { start: number; end: number }): Interval => ({
  start: new Date(i.start).toISOString(),
  end: new Date(i.end).toISOString(),
});

/** Seven rows, Monday first: what is open, booked and free on each local day. */
export function weekRows(week: Week, busy: VenueBusy): DayRow[] {
  const open = merge(busy.open);
  const booked = merge(busy.busy);
  const monday = DateTime.fromISO(week.monday, { zone: busy.timeZone });
  return Array.from({ length: 7 }, (_, n) => {
    const dayStart = monday.plus({ days: n });
    const from = dayStart.toMillis();
    const to = dayStart.plus({ days: 1 }).toMillis();
    const dayOpen = clip(open, from, to);
    const dayBusy = clip(booked, from, to);
    return {
      date: dayStart.toISODate() ?? '',
      open: dayOpen.map(toIso),
      busy: dayBusy.map(toIso),
      free: subtract(dayOpen, dayBusy).map(toIso),
    };
  });
}
