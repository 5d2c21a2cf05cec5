// The forms of an event's manage page (/{lang}/events/{id}/manage): moving one date (a
// local date and times in the event's zone → ISO instants with offset), the number of
// participants, a reason; and the API's refusals as errors by field.
import { DateTime } from 'luxon';
import type { Problem } from './api.ts';
import { localInstant } from './booking-form.ts';
import type { FieldError, FormErrors } from './forms.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) as string;

/** A date's new time from the move form, or what is wrong with it, field by field. */
export function moveInput(
  values: { date: string; start: string; end: string },
  zone: string,
): { ok: true; json: { start: string; end: string } } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  if (!values.date.trim()) errors.date = { code: 'required' };
  else if (!DATE.test(values.date) || !DateTime.fromISO(values.date).isValid)
    errors.date = { code: 'invalid_date' };
  for (const key of ['start', 'end'] as const) {
    if (!values[key].trim()) errors[key] = { code: 'required' };
    else if (!TIME.test(values[key])) errors[key] = { code: 'time_format' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const start = localInstant(values.date, values.start, zone);
  const end = localInstant(values.date, values.end, zone);
  if (start === 'gap') errors.start = { code: 'time_in_gap' };
  if (end === 'gap') errors.end = { code: 'time_in_gap' };
  if (typeof start === 'object' && typeof end === 'object' && end <= start)
    errors.end = { code: 'end_before_start' };
  if (Object.keys(errors).length > 0 || typeof start !== 'object' || typeof end !== 'object')
    return { ok: false, errors };
  return { ok: true, json: { start: iso(start), end: iso(end) } };
}

/** How many took part, as typed: a whole number from 0. */
export function participantsInput(
  text: string,
  maximum: number,
): { ok: true; participants: number } | { ok: false; error: FieldError } {
  const t = text.trim();
  if (t === '') return { ok: false, error: { code: 'required' } };
  if (!/^\d+$/.test(t))
    return { ok: false, error: { code: 'invalid_type', params: { expected: 'int' } } };
  const n = Number(t);
  if (n > maximum)
    return { ok: false, error: { code: 'too_big', params: { origin: 'number', maximum } } };
  return { ok: true, participants: n };
}

/**
 * A refusal of a manage action by field: a time outside the bookings beside the date (with
 * the venue, for a link to book it), a refused time beside its field, a reason beside the
 * reason, anything else (a conflict, 403, 503) for the whole form.
 */
export function manageErrors(problem: Problem, venueId: string | null = null): FormErrors {
  const errors: FormErrors = {};
  for (const issue of problem.issues ?? problem.errors ?? []) {
    const [first = ''] = issue.path.split('.');
    const field =
      first === 'occurrences'
        ? 'date'
        : ['start', 'end', 'reason', 'participants'].includes(first)
          ? first
          : 'form';
    const params = {
      ...issue.params,
      ...(issue.code === 'outside_booking' && venueId ? { venue: venueId } : {}),
    };
    errors[field] ??= {
      code: issue.code ?? 'invalid',
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  }
  if (Object.keys(errors).length === 0)
    errors.form = {
      code: problem.code ?? `status_${problem.status}`,
      ...(problem.params ? { params: problem.params } : {}),
    };
  return errors;
}
