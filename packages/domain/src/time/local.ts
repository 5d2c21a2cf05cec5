import { DateTime, IANAZone } from 'luxon';
import { DomainFailure, invalid } from '../errors';

/** Local (wall-clock) date and time helpers. Every zone is explicit; the process zone is never used. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

export interface WallTime {
  hour: number;
  minute: number;
}

export function assertZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw new DomainFailure(invalid('zone', `'${zone}' is not an IANA time zone.`));
  }
}

/** Parses 'yyyy-MM-dd' into a calendar date, or null when it is not a real date. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const d = DateTime.fromObject(
    { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) },
    { zone: 'utc' },
  );
  return d.isValid ? { year: d.year, month: d.month, day: d.day } : null;
}

/** Parses 'HH:mm' (00:00–23:59); with `allow24`, '24:00' (end of day) as well. */
export function parseWallTime(text: string, allow24 = false): WallTime | null {
  if (allow24 && text === '24:00') return { hour: 24, minute: 0 };
  const m = TIME.exec(text);
  return m ? { hour: Number(m[1]), minute: Number(m[2]) } : null;
}

/** A calendar date as a UTC-midnight DateTime: safe for day arithmetic and weekday lookups. */
export const calendarDay = (d: LocalDate): DateTime =>
  DateTime.fromObject({ year: d.year, month: d.month, day: d.day }, { zone: 'utc' });

/**
 * The instant of a wall-clock time on a date in `zone`. Times in a spring-forward gap are
 * shifted forward by the gap (03:30 on 2026-03-29 in Helsinki becomes 04:30 EEST);
 * ambiguous fall-back times take the later (standard-time) instant: 03:30 on 2026-10-25 in
 * Helsinki is 03:30+02:00. Hour 24 means midnight at the start of the next day.
 *
 * Decided here, not by luxon: luxon starts from the zone's offset at the current moment, so
 * its answer for an ambiguous time changes with the season the code runs in (+03:00 when run
 * in summer, +02:00 in winter).
 */
export function zonedInstant(day: DateTime, time: WallTime, zone: string): DateTime {
  const d = time.hour === 24 ? day.plus({ days: 1 }) : day;
  const wall = Date.UTC(d.year, d.month - 1, d.day, time.hour === 24 ? 0 : time.hour, time.minute);
  const tz = IANAZone.create(zone);
  // The offsets in force a day before and a day after: at most one change lies between.
  const before = tz.offset(wall - 86_400_000);
  const after = tz.offset(wall + 86_400_000);
  // The same offset on both sides: no change between, so the wall time is that offset's.
  if (before === after) return DateTime.fromMillis(wall - before * 60_000, { zone });
  const fits = (offset: number) => tz.offset(wall - offset * 60_000) === offset;
  let ms: number;
  if (fits(after))
    ms = wall - after * 60_000; // the later instant when both fit
  else if (fits(before)) ms = wall - before * 60_000;
  else ms = wall - before * 60_000; // in the gap: the old offset, so the clock reads later
  return DateTime.fromMillis(ms, { zone });
}

/** The calendar date of an instant as seen in `zone`. */
export function localDateOf(instant: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  return DateTime.fromObject(
    { year: local.year, month: local.month, day: local.day },
    { zone: 'utc' },
  );
}

/** The whole local day [00:00, next 00:00) of a calendar date in `zone`, as instants. */
export function localDayInterval(day: DateTime, zone: string): { start: Date; end: Date } {
  return {
    start: zonedInstant(day, { hour: 0, minute: 0 }, zone).toJSDate(),
    end: zonedInstant(day, { hour: 24, minute: 0 }, zone).toJSDate(),
  };
}
