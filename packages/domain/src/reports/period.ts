import { z } from 'zod';
import { DomainFailure, invalid } from '../errors';
import { calendarDay, parseLocalDate, zonedInstant, assertZone } from '../time/local';
import { localDateInput } from '../time/inputs';
import type { DateTime } from 'luxon';

/**
 * The period of a report (issue 11): a calendar year, or a range of local dates (both
 * inclusive), compared with the period just before it: the previous year for a year,
 * otherwise as many days ending the day before. Every boundary is local midnight in the
 * municipality's zone, so a month is a local month whatever daylight-saving does inside it.
 */
export const REPORT_LIMITS = { minYear: 2000, maxYear: 2100, maxDays: 3 * 366 } as const;

export const reportPeriodInput = z
  .object({
    // Four decimal digits (a query string's '0x7ea' or '2e3' is no year) or a number.
    year: z
      .union([
        z.number(),
        z
          .string()
          .regex(/^\d{4}$/, 'must be a year (yyyy)')
          .transform(Number),
      ])
      .pipe(z.number().int().min(REPORT_LIMITS.minYear).max(REPORT_LIMITS.maxYear))
      .optional(),
    from: localDateInput.optional(),
    to: localDateInput.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.year !== undefined && (v.from || v.to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['year'],
        message: 'give a year or a from–to range, not both',
        params: { code: 'year_or_range' },
      });
    } else if (v.year === undefined && (!v.from || !v.to)) {
      ctx.addIssue({
        code: 'custom',
        path: [v.from ? 'to' : 'from'],
        message: 'give a year, or both from and to',
        params: { code: 'required' },
      });
    }
  });
export type ReportPeriodInput = z.infer<typeof reportPeriodInput>;

export interface LocalRange {
  /** First local date, 'yyyy-MM-dd'. */
  from: string;
  /** Last local date (inclusive). */
  to: string;
}

/** One local month of a period (clipped to the period), as instants [start, end). */
export interface PeriodBucket {
  period: 'current' | 'previous';
  /** 'yyyy-MM' */
  month: string;
  start: Date;
  end: Date;
}

export interface ReportPeriods {
  current: LocalRange;
  previous: LocalRange;
}

const day = (text: string, field: string): DateTime => {
  const d = parseLocalDate(text);
  if (!d) throw new DomainFailure(invalid(field, `'${text}' is not a real date.`, 'invalid_date'));
  const dt = calendarDay(d);
  if (dt.year < REPORT_LIMITS.minYear || dt.year > REPORT_LIMITS.maxYear) {
    throw new DomainFailure(
      invalid(
        field,
        `Years ${REPORT_LIMITS.minYear}–${REPORT_LIMITS.maxYear} only.`,
        'out_of_range',
      ),
    );
  }
  return dt;
};

const iso = (d: DateTime) => d.toISODate() as string;

/** The current and previous local ranges of a period input. */
export function reportPeriods(input: ReportPeriodInput): ReportPeriods {
  if (input.year !== undefined) {
    return {
      current: { from: `${input.year}-01-01`, to: `${input.year}-12-31` },
      previous: { from: `${input.year - 1}-01-01`, to: `${input.year - 1}-12-31` },
    };
  }
  const from = day(input.from ?? '', 'from');
  const to = day(input.to ?? '', 'to');
  if (to < from) throw new DomainFailure(invalid('to', 'to is before from.', 'range_reversed'));
  const days = to.diff(from, 'days').days + 1;
  if (days > REPORT_LIMITS.maxDays) {
    throw new DomainFailure(
      invalid('to', `At most ${REPORT_LIMITS.maxDays} days.`, 'range_too_long', {
        max: REPORT_LIMITS.maxDays,
      }),
    );
  }
  const previousTo = from.minus({ days: 1 });
  return {
    current: { from: iso(from), to: iso(to) },
    previous: { from: iso(previousTo.minus({ days: days - 1 })), to: iso(previousTo) },
  };
}

const MIDNIGHT = { hour: 0, minute: 0 };

/** A local range's months in `zone`, each clipped to the range, as instants. */
export function monthBuckets(
  range: LocalRange,
  zone: string,
  period: PeriodBucket['period'],
): PeriodBucket[] {
  assertZone(zone);
  const first = day(range.from, 'from');
  const endDay = day(range.to, 'to').plus({ days: 1 });
  const out: PeriodBucket[] = [];
  for (let m = first.startOf('month'); m < endDay; m = m.plus({ months: 1 })) {
    const lo = m < first ? first : m;
    const next = m.plus({ months: 1 });
    const hi = next > endDay ? endDay : next;
    out.push({
      period,
      month: m.toFormat('yyyy-MM'),
      start: zonedInstant(lo, MIDNIGHT, zone).toJSDate(),
      end: zonedInstant(hi, MIDNIGHT, zone).toJSDate(),
    });
  }
  return out;
}

/** Booked hours ÷ opening hours, or null where the venue was never open. Rounded to 0.001. */
export const utilisation = (bookedHours: number, openHours: number): number | null =>
  openHours > 0 ? Math.round((bookedHours / openHours) * 1000) / 1000 : null;

/** Hours from milliseconds, to one decimal. */
export const hoursOf = (ms: number): number => Math.round(ms / 360_000) / 10;
