// The booking request form's fields and the dates of a weekly series. Pure: no I/O, no
// clock, no messages; shared by the server (lib/server/booking-form.ts) and the browser.
import type { FieldError } from '#lib/server/forms.ts';

/** The fields of the booking request form, by their names in the form. */
export const BOOKING_FIELDS = [
  'use',
  'association',
  'space',
  'date',
  'start',
  'end',
  'endsNextDay',
  'repeat',
  'until',
  'except',
  'purpose',
  'attendance',
  'publicEvent',
  'terms',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** Errors by field; a field may have several (a series breaks rules on several dates). */
export type BookingErrors = Partial<Record<BookingField | 'form', FieldError[]>>;

/** The element an error summary links to for each field. */
export const bookingFieldId = (field: BookingField | 'form', firstSpace?: string): string => {
  switch (field) {
    case 'space':
      return firstSpace ? `field-space-${firstSpace}` : 'field-date';
    case 'except':
      return 'field-except';
    case 'form':
      return 'booking-form';
    default:
      return `field-${field}`;
  }
};

/** The most dates one request may hold (packages/domain MAX_REQUEST_DATES). */
export const MAX_SERIES_DATES = 80;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The local dates of a weekly series from `first` to `until` inclusive (calendar arithmetic
 * on dates, no zone involved); empty when either is no date or `until` comes first. At most
 * one more than MAX_SERIES_DATES, so a caller can tell "too many".
 */
export function weeklyDates(first: string, until: string): string[] {
  if (!DATE.test(first) || !DATE.test(until) || until < first) return [];
  const [y, mo, d] = first.split('-').map(Number) as [number, number, number];
  const dates: string[] = [];
  for (let i = 0; i <= MAX_SERIES_DATES; i++) {
    const date = new Date(Date.UTC(y, mo - 1, d + 7 * i)).toISOString().slice(0, 10);
    if (date > until) break;
    dates.push(date);
  }
  return dates;
}

/**
 * How a stored series repeats, read off its RRULE: the API's `repeat` describes the weekly
 * rule a member asks for, but older series (migrated or seeded) may repeat every n weeks
 * or monthly.
 */
export function seriesRhythm(
  rrule: string | null,
): { kind: 'weekly'; interval: number } | { kind: 'monthly' } | null {
  if (!rrule) return null;
  const parts = new Map(rrule.split(';').map((p) => p.split('=', 2) as [string, string]));
  const interval = Number(parts.get('INTERVAL') ?? '1') || 1;
  if (parts.get('FREQ') === 'WEEKLY') return { kind: 'weekly', interval };
  if (parts.get('FREQ') === 'MONTHLY' && interval === 1) return { kind: 'monthly' };
  return null;
}
