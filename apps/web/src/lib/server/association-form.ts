// The association profile form (register and edit): its flat field names, reading a
// submitted form into the API's input, and the values that fill it again.
//
// Texts are `name.<lang>` and `description.<lang>`; the form always offers sv, fi and en
// and the municipality's languages, plus one "another language" row (`extraLanguage`,
// `name.extra`, `description.extra`). Once that row was used (or "add a language" was
// pressed) its language becomes a row of its own: more languages on demand, without JavaScript.
import { CONTENT_LANGUAGES, type ContentLanguage } from '@motesplats/domain';
import type { AssociationProfileInput, Problem } from './api.ts';
import { errorsOf, type FormErrors } from './forms.ts';

const isContentLanguage = (v: string): v is ContentLanguage =>
  (CONTENT_LANGUAGES as readonly string[]).includes(v);

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

const optional = (v: string) => (v.trim() === '' ? undefined : v);

export interface ProfileForm {
  /** What was typed, by field name, to fill the form again. */
  values: Record<string, string>;
  input: AssociationProfileInput;
}

/** Reads the profile fields; `addLanguage` keeps the chosen extra language even when empty. */
export function readProfile(form: FormData, addLanguage = false): ProfileForm {
  const values: Record<string, string> = {};
  const name: AssociationProfileInput['name'] = {};
  const description: AssociationProfileInput['description'] = {};
  for (const lang of CONTENT_LANGUAGES) {
    if (!form.has(`name.${lang}`) && !form.has(`description.${lang}`)) continue;
    values[`name.${lang}`] = text(form, `name.${lang}`);
    values[`description.${lang}`] = text(form, `description.${lang}`);
  }
  const extra = text(form, 'extraLanguage');
  const extraName = text(form, 'name.extra');
  const extraDescription = text(form, 'description.extra');
  if (isContentLanguage(extra) && (addLanguage || extraName.trim() || extraDescription.trim())) {
    // The extra row fills its language's own row (adding to an empty one, never overwriting).
    values[`name.${extra}`] = values[`name.${extra}`]?.trim()
      ? values[`name.${extra}`]!
      : extraName;
    values[`description.${extra}`] = values[`description.${extra}`]?.trim()
      ? values[`description.${extra}`]!
      : extraDescription;
  } else {
    values['extraLanguage'] = extra;
    values['name.extra'] = extraName;
    values['description.extra'] = extraDescription;
  }
  for (const lang of CONTENT_LANGUAGES) {
    if (values[`name.${lang}`] !== undefined) name[lang] = values[`name.${lang}`]!;
    if (values[`description.${lang}`] !== undefined)
      description[lang] = values[`description.${lang}`]!;
  }
  const languages = form
    .getAll('languages')
    .filter((v): v is ContentLanguage => typeof v === 'string' && isContentLanguage(v));
  values['languages'] = languages.join(',');
  for (const key of ['businessId', 'website', 'contactEmail', 'contactPhone'] as const)
    values[key] = text(form, key);
  return {
    values,
    input: {
      name,
      description,
      languages,
      businessId: optional(values['businessId']!),
      website: optional(values['website']!),
      contactEmail: values['contactEmail']!,
      contactPhone: optional(values['contactPhone']!),
    },
  };
}

/** The saved profile as form values (the edit form starts from these). */
export function profileValues(details: {
  texts: { name: Partial<Record<string, string>>; description: Partial<Record<string, string>> };
  languages: string[];
  businessId: string | null;
  website: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const lang of CONTENT_LANGUAGES) {
    const n = details.texts.name[lang];
    const d = details.texts.description[lang];
    if (n === undefined && d === undefined) continue;
    values[`name.${lang}`] = n ?? '';
    values[`description.${lang}`] = d ?? '';
  }
  values['languages'] = details.languages.join(',');
  values['businessId'] = details.businessId ?? '';
  values['website'] = details.website ?? '';
  values['contactEmail'] = details.contactEmail ?? '';
  values['contactPhone'] = details.contactPhone ?? '';
  return values;
}

/** The API's refusal by field; a phone number of the wrong shape is said as such. */
export function profileErrors(problem: Problem): FormErrors {
  const errors = errorsOf(problem);
  if (errors.contactPhone?.code === 'invalid_format') errors.contactPhone = { code: 'phone' };
  return errors;
}
