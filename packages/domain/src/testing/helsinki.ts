/* Shared by the colocated tests only; not exported from the package. */
import { DateTime } from 'luxon';
import type { Interval } from '../errors';

/** Test helpers: instants written as Helsinki wall-clock times, and back. */
export const HEL = 'Europe/Helsinki';

export const hel = (local: string): Date => {
  const d = DateTime.fromISO(local, { zone: HEL });
  if (!d.isValid) throw new Error(`bad test time ${local}`);
  return d.toJSDate();
};

export const helRange = (from: string, to: string): Interval => ({
  start: hel(from),
  end: hel(to),
});

/** 'yyyy-MM-ddTHH:mm±HH:mm' in Helsinki: shows both the wall clock and the offset. */
export const local = (d: Date): string =>
  DateTime.fromJSDate(d, { zone: HEL }).toFormat("yyyy-MM-dd'T'HH:mmZZ");

export const localPairs = (list: Interval[]): string[] =>
  list.map((i) => `${local(i.start)} ${local(i.end)}`);
