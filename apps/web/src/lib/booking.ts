// Booking requests in the reader's words: the form's fields, statuses and history entries,
// and the dates of a weekly series. Pure: no I/O, no clock; shared by server and browser.
import { m } from '#lib/paraglide/messages.js';
import type { FieldError } from '#lib/server/forms.ts';
import type { BookingStatus } from '#lib/types.ts';

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

/** A request's or a date's status in the reader's language. */
export const statusLabel: Record<BookingStatus | 'closed', () => string> = {
  pending: m.booking_status_pending,
  approved: m.booking_status_approved,
  rejected: m.booking_status_rejected,
  withdrawn: m.booking_status_withdrawn,
  cancelled: m.booking_status_cancelled,
  closed: m.booking_status_closed,
};

/** What happened to a request (its audit actions without the `booking.` prefix). */
const historyLabels: Record<string, () => string> = {
  request: m.booking_history_request,
  approve: m.booking_history_approve,
  reject: m.booking_history_reject,
  withdraw: m.booking_history_withdraw,
  cancel: m.booking_history_cancel,
  city_use: m.booking_history_city_use,
};
export const historyLabel = (action: string): string => historyLabels[action]?.() ?? action;
