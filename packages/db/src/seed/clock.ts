import { DateTime, IANAZone } from 'luxon';

/** Every seed municipality lives in this zone; local rules are computed in it. */
export const ZONE = 'Europe/Helsinki';
/** The zone as a luxon object, so hot paths skip re-validating the name. */
const zone = IANAZone.create(ZONE);

export interface Interval {
  start: Date;
  end: Date;
}

/**
 * The seeded period: local days from about 4 weeks before `now` to about 12 weeks after,
 * and before it the history: about 15 months of past dates, all of them over by `start`.
 */
export interface SeedWindow {
  now: Date;
  /** Local midnight of the day `now` falls on. */
  today: DateTime;
  /** First local day (inclusive). */
  start: DateTime;
  /** Local midnight after the last day (exclusive). */
  end: DateTime;
  /** First local day of the history (inclusive); the history ends where `start` begins. */
  historyStart: DateTime;
}

/** How far back the demo's history reaches: enough for this year and the previous one. */
export const HISTORY_MONTHS = 15;

export function seedWindow(now: Date): SeedWindow {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return {
    now,
    today,
    start: today.minus({ weeks: 4 }),
    end: today.plus({ weeks: 12 }),
    historyStart: today.minus({ months: HISTORY_MONTHS }),
  };
}

/**
 * The associations' breaks, when their weekly activities pause: the weeks around Christmas
 * and New Year (18 December – 8 January) and the summer (15 June – 10 August).
 */
export function onBreak(day: DateTime): boolean {
  const { month, day: d } = day;
  return (
    (month === 12 && d >= 18) ||
    (month === 1 && d <= 8) ||
    (month === 6 && d >= 15) ||
    month === 7 ||
    (month === 8 && d <= 10)
  );
}

/** Local midnights from `from` (inclusive) to `to` (exclusive); DST-safe calendar steps. */
export function localDays(from: DateTime, to: DateTime): DateTime[] {
  const days: DateTime[] = [];
  for (let d = from.startOf('day'); d < to; d = d.plus({ days: 1 })) days.push(d);
  return days;
}

/** The instant of a wall-clock 'HH:mm' on a local day. */
export function at(day: DateTime, hhmm: string): DateTime {
  const [hour, minute] = hhmm.split(':').map(Number);
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: hour ?? 0, minute: minute ?? 0 },
    { zone },
  );
}

export const isoDate = (d: DateTime): string => d.toISODate() ?? '';
export const localIsoDate = (d: Date): string => isoDate(DateTime.fromJSDate(d, { zone }));
export const minutesBefore = (d: Date, minutes: number): Date =>
  new Date(d.getTime() - minutes * 60_000);
export const daysBefore = (d: Date, days: number): Date =>
  new Date(d.getTime() - days * 86_400_000);

/** The nth (1-based) given ISO weekday of a month, as a local midnight. */
export function nthWeekdayOfMonth(
  year: number,
  month: number,
  weekday: number,
  n: number,
): DateTime {
  const first = DateTime.fromObject({ year, month, day: 1 }, { zone });
  const offset = (weekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + (n - 1) * 7 });
}

/** Holidays when every seed venue is closed: Christmas, New Year's Day and Epiphany. */
export function holidayBlackouts(window: SeedWindow): string[] {
  const years = new Set([window.historyStart.year, window.start.year, window.end.year]);
  const dates: string[] = [];
  for (const y of [...years].sort()) {
    dates.push(`${y}-01-01`, `${y}-01-06`, `${y}-12-24`, `${y}-12-25`, `${y}-12-26`);
  }
  return dates.sort();
}
