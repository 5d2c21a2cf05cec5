// The staff building form ⇄ the API's PATCH /api/staff/buildings/{id}: field names, the
// submitted form as JSON, and the API's refusals beside the fields they name. The API
// validates; this only reshapes (and says when only one of the two coordinates is typed).
import { FORM_LANGUAGES } from '#lib/locale.ts';
import type { StaffVenue } from '#lib/types.ts';
import type { Problem } from './server/api.ts';
import type { FormErrors } from './server/forms.ts';

type Values = Record<string, string>;

export function buildingValuesOf(building: StaffVenue['building']): Values {
  const values: Values = {
    street: building.street,
    postalCode: building.postalCode,
    city: building.city,
    lat: building.coordinates ? String(building.coordinates.lat) : '',
    lon: building.coordinates ? String(building.coordinates.lon) : '',
  };
  for (const l of FORM_LANGUAGES) values[`name.${l}`] = building.name[l] ?? '';
  return values;
}

/** A decimal as typed (a comma allowed), else the text itself for the API to refuse. */
const decimal = (s: string): number | string => {
  const t = s.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
};

export function buildingPatchOf(
  values: Values,
): { body: Record<string, unknown> } | { errors: FormErrors } {
  const name: Record<string, string> = {};
  for (const l of FORM_LANGUAGES) if (values[`name.${l}`]?.trim()) name[l] = values[`name.${l}`]!;
  const lat = values.lat?.trim() ?? '';
  const lon = values.lon?.trim() ?? '';
  if ((lat === '') !== (lon === ''))
    return { errors: { [lat === '' ? 'lat' : 'lon']: { code: 'coordinates_pair' } } };
  return {
    body: {
      name,
      street: values.street ?? '',
      postalCode: values.postalCode?.trim() ?? '',
      city: values.city ?? '',
      coordinates: lat === '' ? null : { lat: decimal(lat), lon: decimal(lon) },
    },
  };
}

export function buildingErrorsOf(problem: Problem): FormErrors {
  const errors: FormErrors = {};
  for (const issue of problem.errors ?? []) {
    const [head = 'form', sub] = issue.path.split('.');
    const field =
      head === 'name' && sub ? `name.${sub}` : head === 'coordinates' ? (sub ?? 'lat') : head;
    const code =
      field === 'postalCode' && issue.code === 'invalid_format'
        ? 'postal_code'
        : (issue.code ?? 'invalid');
    errors[field === '(request)' ? 'form' : field] ??= {
      code,
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
