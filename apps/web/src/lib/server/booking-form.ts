// The booking request form (/{lang}/venues/{id}/book): its flat fields, local date and time
// read in the municipality's zone and turned into the ISO instants with offset the API takes,
// and the API's refusals (400 `errors`, 422 `issues`, 409 `clashes`) turned into errors by
// field, several per field, dates named, so the page shows each beside its field.
import { zonedInstant } from '@motesplats/domain';
import { DateTime } from 'luxon';
import type { Clash, Issue, NewBookingRequest, Problem, Slot } from './api.ts';
import type { FieldError } from './forms.ts';
import { BOOKING_FIELDS, type BookingErrors, type BookingField } from '#lib/booking.ts';

export type BookingValues = Record<BookingField, string>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The submitted form as typed (checkboxes as '1' or '', the skipped dates comma-joined). */
export function readBookingForm(form: FormData): BookingValues {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v : '';
  };
  const values = Object.fromEntries(BOOKING_FIELDS.map((n) => [n, text(n)])) as BookingValues;
  values.except = form
    .getAll('except')
    .filter((v): v is string => typeof v === 'string' && DATE.test(v))
    .join(',');
  for (const box of ['endsNextDay', 'publicEvent', 'terms'] as const)
    values[box] = values[box] ? '1' : '';
  values.repeat = values.repeat === 'weekly' ? 'weekly' : '';
  return values;
}

/** An empty form, with what a link may suggest (`?date=…&start=…&end=…&space=…`). */
export function initialBookingValues(query: URLSearchParams, defaults: Partial<BookingValues>) {
  const values = Object.fromEntries(BOOKING_FIELDS.map((n) => [n, ''])) as BookingValues;
  Object.assign(values, defaults);
  const date = query.get('date') ?? '';
  if (DATE.test(date)) values.date = date;
  for (const key of ['start', 'end'] as const) {
    const time = query.get(key) ?? '';
    if (TIME.test(time)) values[key] = time;
  }
  const space = query.get('space');
  if (space) values.space = space;
  return values;
}

const add = (errors: BookingErrors, field: BookingField | 'form', error: FieldError) => {
  (errors[field] ??= []).push(error);
};

/** A wall-clock date and time in the zone, or why not (a time the clock skips is refused). */
export function localInstant(
  date: string,
  time: string,
  zone: string,
): DateTime | 'invalid' | 'gap' {
  // The date and time alone first; then the instant by the domain's rule, so a fall-back
  // time is the later one whatever the season the server runs in.
  const day = DateTime.fromISO(date, { zone: 'utc' });
  const clock = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
  if (!day.isValid || !clock.isValid || !/^\d{2}:\d{2}$/.test(time)) return 'invalid';
  const at = zonedInstant(day, { hour: clock.hour, minute: clock.minute }, zone);
  if (at.toFormat('yyyy-MM-dd HH:mm') !== `${date} ${time}`) return 'gap';
  return at;
}

/** Expected attendance as typed: a whole number of at least one, or why not. */
export function attendanceOf(text: string): number | FieldError {
  const n = Number(text.trim());
  if (!Number.isInteger(n)) return { code: 'invalid_type', params: { expected: 'int' } };
  if (n < 1) return { code: 'too_small', params: { origin: 'number', minimum: 1 } };
  return n;
}

export interface BookingTarget {
  venueId: string;
  zone: string;
  cityUse: boolean;
}

/**
 * The API's input from what was typed, or the errors the page can name without asking the
 * API (a missing date, an end before the start, terms not accepted): all of them at once.
 */
export function bookingInput(
  values: BookingValues,
  target: BookingTarget,
  onlyFree: boolean,
): { ok: true; json: NewBookingRequest } | { ok: false; errors: BookingErrors } {
  const errors: BookingErrors = {};
  const required = (field: BookingField) => {
    if (values[field].trim() === '') add(errors, field, { code: 'required' });
    return values[field].trim() !== '';
  };
  if (!target.cityUse) required('association');
  let start: DateTime | null = null;
  let end: DateTime | null = null;
  const dateOk = required('date');
  if (dateOk && (!DATE.test(values.date) || !DateTime.fromISO(values.date).isValid))
    add(errors, 'date', { code: 'invalid_date' });
  const startOk = required('start') && TIME.test(values.start);
  if (values.start && !TIME.test(values.start)) add(errors, 'start', { code: 'time_format' });
  const endOk = required('end') && TIME.test(values.end);
  if (values.end && !TIME.test(values.end)) add(errors, 'end', { code: 'time_format' });
  if (!errors.date && dateOk && startOk && endOk) {
    const from = localInstant(values.date, values.start, target.zone);
    const endDate = values.endsNextDay
      ? (DateTime.fromISO(values.date).plus({ days: 1 }).toISODate() as string)
      : values.date;
    const to = localInstant(endDate, values.end, target.zone);
    if (from === 'gap') add(errors, 'start', { code: 'time_in_gap' });
    if (to === 'gap') add(errors, 'end', { code: 'time_in_gap' });
    if (typeof from === 'object' && typeof to === 'object') {
      if (to <= from) add(errors, 'end', { code: 'end_before_start' });
      else [start, end] = [from, to];
    }
  }
  if (values.repeat === 'weekly' && required('until')) {
    if (!DATE.test(values.until) || !DateTime.fromISO(values.until).isValid)
      add(errors, 'until', { code: 'invalid_date' });
    else if (dateOk && !errors.date && values.until < values.date)
      add(errors, 'until', { code: 'until_before_start', params: { start: values.date } });
  }
  required('purpose');
  let attendance = 0;
  if (required('attendance')) {
    const read = attendanceOf(values.attendance);
    if (typeof read === 'number') attendance = read;
    else add(errors, 'attendance', read);
  }
  if (!target.cityUse && values.terms !== '1') add(errors, 'terms', { code: 'terms_not_accepted' });
  if (Object.keys(errors).length > 0 || !start || !end) return { ok: false, errors };

  const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) as string;
  const json: NewBookingRequest = {
    venueId: target.venueId,
    ...(values.space ? { spaceId: values.space } : {}),
    ...(target.cityUse ? { cityUse: true } : { associationId: values.association }),
    start: iso(start),
    end: iso(end),
    purpose: values.purpose,
    expectedAttendance: attendance,
    publicEvent: values.publicEvent === '1',
    acceptTerms: !target.cityUse && values.terms === '1',
    ...(values.repeat === 'weekly'
      ? {
          repeat: {
            weekly: { until: values.until, except: values.except.split(',').filter(Boolean) },
          },
        }
      : {}),
    ...(onlyFree ? { onlyFree: true } : {}),
  };
  return { ok: true, json };
}

/** Where an API path belongs on the page. */
function fieldOf(issue: Issue, values: BookingValues): BookingField | 'form' {
  const path = issue.path;
  const laterDate =
    values.repeat === 'weekly' &&
    typeof issue.params?.date === 'string' &&
    issue.params.date !== values.date;
  if (path.startsWith('repeat.except')) return 'except';
  if (path.startsWith('repeat')) return 'until';
  switch (path) {
    case 'associationId':
      return 'association';
    case 'spaceId':
      return 'space';
    case 'start':
      return 'start';
    case 'end':
    case 'endsAt':
      return 'end';
    case 'startsAt':
      if (issue.code === 'outside_opening_hours') return 'start';
      // A later date of a series: closed that day → skip it; past the horizon → end sooner.
      if (laterDate && issue.code === 'blackout_date') return 'except';
      if (laterDate && issue.code === 'too_far_ahead') return 'until';
      return 'date';
    case 'purpose':
      return 'purpose';
    case 'expectedAttendance':
      return 'attendance';
    case 'acceptTerms':
      return 'terms';
    case 'publicEvent':
      return 'publicEvent';
    default:
      return 'form';
  }
}

const PER_DATE = ['start', 'end'];

/**
 * Issues by field, the same rule broken on several dates said once with all its dates
 * (`params.date` becomes a comma-separated list, in order).
 */
export function bookingErrors(issues: readonly Issue[], values: BookingValues): BookingErrors {
  const errors: BookingErrors = {};
  const seen = new Map<string, FieldError>();
  for (const issue of issues) {
    const field = fieldOf(issue, values);
    const { date, ...rest } = issue.params ?? {};
    // Per-date details that the sentence does not show (the local times of each date, how
    // many hours ahead each is) must not keep the same rule apart.
    const shown = Object.entries(rest).filter(
      ([k]) => !PER_DATE.includes(k) && !(issue.code === 'too_soon' && k === 'actual'),
    );
    const key = `${field}|${issue.code}|${JSON.stringify(shown)}`;
    const earlier = seen.get(key);
    if (earlier && typeof date === 'string') {
      const dates = String(earlier.params?.date ?? '').split(',');
      if (!dates.includes(date))
        earlier.params = { ...earlier.params, date: [...dates, date].join(',') };
      continue;
    }
    if (earlier) continue;
    const error: FieldError = {
      code: issue.code ?? 'invalid',
      ...(issue.params ? { params: { ...issue.params } } : {}),
    };
    seen.set(key, error);
    add(errors, field, error);
  }
  return errors;
}

/** A refusal of the whole request (403, 404, 503…) as the form's own error. */
export function problemErrors(problem: Problem, values: BookingValues): BookingErrors {
  const issues = problem.issues ?? problem.errors ?? [];
  if (issues.length > 0) return bookingErrors(issues, values);
  return {
    form: [
      {
        code: problem.code ?? `status_${problem.status}`,
        ...(problem.params ? { params: problem.params } : {}),
      },
    ],
  };
}

/** A clash as the page shows it: the dates taken, free slots near them, the free dates. */
export interface ClashReport {
  clashes: Clash[];
  free: (Slot & { date: string })[];
}

export const clashReport = (problem: Problem): ClashReport => ({
  clashes: problem.clashes ?? [],
  free: problem.free ?? [],
});

/**
 * The form with a suggested free slot in place of the asked one. A single slot takes the
 * suggestion's date and times; a series keeps its first date and takes only the times (the
 * page offers a series only suggestions on the clashing date itself).
 */
export function refill(values: BookingValues, slot: string, zone: string): BookingValues | null {
  const [startText, endText] = slot.split('|');
  if (!startText || !endText) return null;
  const start = DateTime.fromISO(startText, { zone });
  const end = DateTime.fromISO(endText, { zone });
  if (!start.isValid || !end.isValid || end <= start) return null;
  const next = { ...values };
  if (values.repeat !== 'weekly' || !values.date) next.date = start.toISODate() as string;
  next.start = start.toFormat('HH:mm');
  next.end = end.toFormat('HH:mm');
  next.endsNextDay = end.toISODate() !== start.toISODate() ? '1' : '';
  return next;
}
