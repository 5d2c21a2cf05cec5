// The staff venue form ⇄ the API (shared by the page and its actions; types only from the server): what the fields are called, how a submitted form becomes
// the API's JSON, and how the API's refusals land beside the fields they name. The API
// validates; this file only reshapes (a number typed as "abc" goes through as text and
// comes back as the API's `invalid_type`).
import { FORM_LANGUAGES } from '#lib/locale.ts';
import type { StaffVenue } from '#lib/types.ts';
import type { Problem } from './server/api.ts';
import type { FormErrors } from './server/forms.ts';

export const TEXT_FIELDS = ['name', 'description', 'termsOfUse', 'accessInstructions'] as const;
export const RULE_FIELDS = [
  'minDurationMinutes',
  'maxDurationMinutes',
  'horizonDays',
  'leadTimeHours',
  'bufferMinutes',
  'maxOpenRequests',
  'cancellationDeadlineHours',
] as const;
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Values = Record<string, string>;

/** How many opening spans each weekday offers on the form: what is stored, at least two. */
export function slotsOf(values: Values, weekday: number): number {
  let n = 2;
  while (`hours.${weekday}.${n}.opens` in values) n++;
  return n;
}

/** The form's values for a stored venue. */
export function valuesOf(venue: StaffVenue): Values {
  const values: Values = {};
  for (const field of TEXT_FIELDS)
    for (const lang of FORM_LANGUAGES) values[`${field}.${lang}`] = venue[field][lang] ?? '';
  values.capacity = String(venue.capacity);
  values.accessMethod = venue.accessMethod;
  values.accessibility = venue.accessibility.join(',');
  values.equipment = venue.equipment.join(',');
  for (const field of RULE_FIELDS) values[field] = String(venue[field]);
  values.blackoutDates = venue.blackoutDates.join('\n');
  for (const weekday of WEEKDAYS) {
    const spans = venue.openingHours.filter((h) => h.weekday === weekday);
    spans.forEach((s, slot) => {
      values[`hours.${weekday}.${slot}.opens`] = s.opens;
      values[`hours.${weekday}.${slot}.closes`] = s.closes;
    });
  }
  return values;
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};
/** An integer as typed, else the text itself (the API answers `invalid_type` for it). */
const number = (s: string): number | string => (/^\s*-?\d+\s*$/.test(s) ? Number(s) : s);

/**
 * The submitted form as the API's PATCH body, with the values to show again if it is
 * refused, and which form field each opening span came from (to place its errors).
 * Languages the form does not show (a Russian text entered elsewhere) are kept as stored.
 */
export function patchOf(form: FormData, stored: StaffVenue) {
  const values: Values = {};
  const body: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const texts: Record<string, string> = {};
    for (const [lang, t] of Object.entries(stored[field]))
      if (!(FORM_LANGUAGES as readonly string[]).includes(lang) && t) texts[lang] = t;
    for (const lang of FORM_LANGUAGES) {
      const name = `${field}.${lang}`;
      values[name] = text(form, name);
      if (values[name].trim()) texts[lang] = values[name];
    }
    body[field] = texts;
  }
  values.capacity = text(form, 'capacity');
  body.capacity = number(values.capacity);
  values.accessMethod = text(form, 'accessMethod');
  body.accessMethod = values.accessMethod;
  for (const field of ['accessibility', 'equipment'] as const) {
    const chosen = form.getAll(field).filter((v): v is string => typeof v === 'string');
    values[field] = chosen.join(',');
    body[field] = chosen;
  }
  for (const field of RULE_FIELDS) {
    values[field] = text(form, field);
    body[field] = number(values[field]);
  }
  values.blackoutDates = text(form, 'blackoutDates');
  body.blackoutDates = values.blackoutDates
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);

  const hours: { weekday: number; opens: string; closes: string }[] = [];
  const spanField: string[] = [];
  for (const weekday of WEEKDAYS) {
    for (let slot = 0; slot < 8; slot++) {
      const key = `hours.${weekday}.${slot}`;
      if (!form.has(`${key}.opens`) && slot >= 2) break;
      const opens = text(form, `${key}.opens`).trim();
      const closes = text(form, `${key}.closes`).trim();
      values[`${key}.opens`] = opens;
      values[`${key}.closes`] = closes;
      if (!opens && !closes) continue;
      hours.push({ weekday, opens, closes });
      spanField.push(key);
    }
  }
  body.openingHours = hours;
  return { body, values, spanField };
}

/** The API's refusal → errors under the form's own field names. */
export function venueErrorsOf(problem: Problem, spanField: readonly string[] = []): FormErrors {
  const errors: FormErrors = {};
  for (const issue of problem.errors ?? []) {
    const parts = issue.path.split('.');
    let field = parts[0] ?? 'form';
    if ((TEXT_FIELDS as readonly string[]).includes(field) && parts[1])
      field = `${field}.${parts[1]}`;
    else if (field === 'openingHours' && parts[1] !== undefined)
      field = spanField[Number(parts[1])] ?? 'openingHours';
    else if (field === '(request)') field = 'form';
    const code =
      field.startsWith('hours.') && issue.code === 'invalid_format' ? 'time_format' : issue.code;
    errors[field] ??= {
      code: code ?? 'invalid',
      ...(issue.params ? { params: issue.params } : {}),
    };
  }
  if (!problem.errors?.length)
    errors.form = {
      code: problem.code ?? `status_${problem.status}`,
      ...(problem.params ? { params: problem.params } : {}),
    };
  return errors;
}
