import { z } from 'zod';
import { DomainFailure, invalid } from '../errors';
import type { Interval } from '../errors';
import { clipIntervals, mergeIntervals, subtractIntervals } from './intervals';
import {
  assertZone,
  calendarDay,
  localDateOf,
  localDayInterval,
  parseLocalDate,
  parseWallTime,
  zonedInstant,
} from './local';

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One opening span of a weekday, in the venue's wall-clock time. */
export interface DailyOpening {
  /** ISO weekday, Monday = 1. */
  weekday: IsoWeekday;
  /** 'HH:mm'. */
  opens: string;
  /** 'HH:mm' or '24:00'; earlier than `opens` means past midnight into the next day. */
  closes: string;
}

/** A venue's weekly hours; a weekday may have several spans (e.g. 09:00–12:00, 13:00–16:00). */
export type WeeklyHours = DailyOpening[];

export const weeklyHoursSchema = z.array(
  z.object({
    weekday: z.literal([1, 2, 3, 4, 5, 6, 7]),
    opens: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected HH:mm'),
    closes: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Expected HH:mm or 24:00'),
  }),
);

const parseSpan = (o: DailyOpening, index: number) => {
  const opens = parseWallTime(o.opens);
  const closes = parseWallTime(o.closes, true);
  if (!opens || !closes || !Number.isInteger(o.weekday) || o.weekday < 1 || o.weekday > 7) {
    throw new DomainFailure(
      invalid(`openingHours.${index}`, `Bad opening hours: ${o.weekday} ${o.opens}–${o.closes}.`),
    );
  }
  const openMin = opens.hour * 60 + opens.minute;
  const closeMin = closes.hour * 60 + closes.minute;
  return {
    weekday: o.weekday,
    opens,
    closes,
    overnight: closeMin < openMin,
    empty: closeMin === openMin,
  };
};

/**
 * The instants inside `range` when the venue is open, computed in wall-clock time in `zone`
 * (09:00–21:00 stays 09:00–21:00 local on both sides of a DST change, so such a day is
 * 11 or 13 hours long in absolute time only if the change falls inside it). A `closes` earlier
 * than `opens` runs past midnight; `opens === closes` is ignored (use 00:00–24:00 for a whole
 * day). A blackout date ('yyyy-MM-dd', local) closes the venue for that whole local day,
 * also cutting a span that runs into it from the evening before. Result: sorted, merged.
 */
export function openingIntervals(
  hours: WeeklyHours,
  zone: string,
  range: Interval,
  blackoutDates: readonly string[] = [],
): Interval[] {
  assertZone(zone);
  if (!(range.start.getTime() < range.end.getTime())) return [];
  const spans = hours.map(parseSpan).filter((s) => !s.empty);

  const first = localDateOf(range.start, zone).minus({ days: 1 });
  const last = localDateOf(range.end, zone);
  const open: Interval[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    for (const s of spans) {
      if (s.weekday !== day.weekday) continue;
      const start = zonedInstant(day, s.opens, zone);
      const end = zonedInstant(s.overnight ? day.plus({ days: 1 }) : day, s.closes, zone);
      open.push({ start: start.toJSDate(), end: end.toJSDate() });
    }
  }

  const closed = blackoutDates.map((text, index) => {
    const date = parseLocalDate(text);
    if (!date) {
      throw new DomainFailure(
        invalid(`blackoutDates.${index}`, `'${text}' is not a yyyy-MM-dd date.`),
      );
    }
    return localDayInterval(calendarDay(date), zone);
  });

  return clipIntervals(subtractIntervals(mergeIntervals(open), closed), range);
}
