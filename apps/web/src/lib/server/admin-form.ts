// The administrator's forms (municipalities, staff roles, categories): the guard every
// admin page starts with, reading the submitted fields into the API's input, the stored
// values that fill a form again, and the API's refusals by field.
import { error, redirect } from '@sveltejs/kit';
import { CONTENT_LANGUAGES, type ContentLanguage } from '@motesplats/domain';
import { m } from '#lib/paraglide/messages.js';
import { locales, type Locale } from '#lib/locale.ts';
import type { MunicipalityInput, Problem } from './api.ts';
import { errorsOf, type FormErrors } from './forms.ts';

const signInFirst = (lang: string, url: URL) =>
  redirect(303, `/${lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);

/** Administrators only: a visitor signs in first, anyone else is refused (403). */
export function requireAdministrator(
  locals: App.Locals,
  lang: string,
  url: URL,
): NonNullable<App.Locals['session']> {
  if (!locals.session) signInFirst(lang, url);
  if (!locals.session!.roles.administrator) error(403, m.error_forbidden());
  return locals.session!;
}

/** A read of the admin API for a page: its data, or the page error its refusal means. */
export function dataOr<T>(
  answer: { ok: true; data: T } | { ok: false; status: number },
  lang: string,
  url: URL,
): NonNullable<T> {
  if (answer.ok) return answer.data as NonNullable<T>;
  if (answer.status === 401) signInFirst(lang, url);
  if (answer.status === 403) error(403, m.error_forbidden());
  if (answer.status === 404 || answer.status === 400) error(404, m.error_text_404());
  error(502, m.error_text_other());
}

const text = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : '';
};

const isContentLanguage = (v: string): v is ContentLanguage =>
  (CONTENT_LANGUAGES as readonly string[]).includes(v);

/** The languages a name form offers: sv, fi and en (the UI's for categories), and any already written. */
export function nameLanguages(
  base: readonly string[],
  stored: Partial<Record<string, string>> = {},
) {
  return [...base, ...CONTENT_LANGUAGES.filter((l) => !base.includes(l) && stored[l])];
}

export const MUNICIPALITY_NAME_LANGUAGES = ['sv', 'fi', 'en'] as const;
export const CATEGORY_NAME_LANGUAGES: readonly Locale[] = locales;
/** How many official languages the municipality form offers, in order of precedence. */
export const LANGUAGE_SLOTS = 3;

/** `name.<lang>` fields → texts (empty ones left out), and the typed values. */
function readNames(form: FormData, values: Record<string, string>) {
  const name: Partial<Record<ContentLanguage, string>> = {};
  for (const lang of CONTENT_LANGUAGES) {
    if (!form.has(`name.${lang}`)) continue;
    values[`name.${lang}`] = text(form, `name.${lang}`);
    if (values[`name.${lang}`]!.trim()) name[lang] = values[`name.${lang}`]!;
  }
  return name;
}

/** The municipality form: names, time zone, languages in order, region (and the slug on create). */
export function readMunicipality(form: FormData): {
  values: Record<string, string>;
  input: MunicipalityInput;
} {
  const values: Record<string, string> = {};
  const name = readNames(form, values);
  const languages: ContentLanguage[] = [];
  for (let i = 1; i <= LANGUAGE_SLOTS; i++) {
    const chosen = text(form, `language.${i}`);
    values[`language.${i}`] = chosen;
    if (isContentLanguage(chosen)) languages.push(chosen);
  }
  for (const key of ['slug', 'timeZone', 'region'] as const) values[key] = text(form, key);
  return {
    values,
    input: {
      slug: values.slug!.trim(),
      name,
      timeZone: values.timeZone!,
      languages,
      region: values.region!.trim() === '' ? null : values.region!,
    },
  };
}

/** A stored municipality as form values. */
export function municipalityValues(m: {
  slug: string;
  texts: { name: Partial<Record<string, string>> };
  timeZone: string;
  languages: string[];
  region: string | null;
}): Record<string, string> {
  const values: Record<string, string> = {
    slug: m.slug,
    timeZone: m.timeZone,
    region: m.region ?? '',
  };
  for (const [lang, name] of Object.entries(m.texts.name)) values[`name.${lang}`] = name ?? '';
  m.languages.forEach((l, i) => (values[`language.${i + 1}`] = l));
  return values;
}

/** The category form: its names (and slug and pictogram). */
export function readCategory(form: FormData) {
  const values: Record<string, string> = {};
  const name = readNames(form, values);
  for (const key of ['slug', 'pictogram'] as const) values[key] = text(form, key);
  return { values, name };
}

/**
 * The API's refusal by field: a name's language keeps its own field (`name.fi`), the
 * languages refusal goes to the first language select, a 409 to the field it is about.
 */
export function adminErrorsOf(problem: Problem): FormErrors {
  const errors: FormErrors = {};
  for (const issue of problem.errors ?? []) {
    const [first = 'form', second] = issue.path.split('.');
    const field =
      first === 'name' && second
        ? `name.${second}`
        : first === 'languages'
          ? 'language.1'
          : first === '(request)'
            ? 'form'
            : first;
    errors[field] ??= {
      code: issue.code ?? 'invalid',
      ...(issue.params ? { params: issue.params } : {}),
    };
  }
  if (!problem.errors?.length) {
    const all = errorsOf(problem);
    const code = all.form?.code;
    if (code === 'slug_taken') errors.slug = all.form!;
    else if (code === 'already_granted') errors.email = all.form!;
    else errors.form = all.form!;
  }
  return errors;
}
