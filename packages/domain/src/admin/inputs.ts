/**
 * What an administrator may write about a municipality, a staff role or a category, as zod
 * schemas the API parses with inside its use cases (issue 6 §1).
 */
import { z } from 'zod';
import { EMAIL_MAX_LENGTH } from '../access/accounts';
import { CONTENT_LANGUAGES } from '../locales';
import { localizedInput, plainText, requiredLocalized } from '../premises/venue-input';
import { ADMIN_LIMITS, PICTOGRAMS, STAFF_ROLE_KINDS } from './limits';
import { canonicalTimeZone } from './time-zone';

const slug = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s), {
      message: 'lower-case letters a–z, digits and single hyphens',
      params: { code: 'slug_format' },
    });

export const timeZoneInput = z
  .string()
  .trim()
  .max(64)
  .transform((name, ctx) => {
    const zone = canonicalTimeZone(name);
    if (zone) return zone;
    ctx.addIssue({
      code: 'custom',
      message: 'must be an IANA time zone such as Europe/Helsinki',
      params: { code: 'time_zone' },
    });
    return z.NEVER;
  });

/** Official languages in order of precedence (content falls back to them): at least one, no repeats. */
export const municipalityLanguagesInput = z
  .array(z.enum(CONTENT_LANGUAGES))
  .min(1, { message: 'give at least one language' })
  .max(CONTENT_LANGUAGES.length)
  .refine((l) => new Set(l).size === l.length, {
    message: 'a language is given twice',
    params: { code: 'duplicate_language' },
  });

/** A municipality's name: Swedish and Finnish both (every Finnish municipality has both), others optional. */
export const municipalityNameInput = localizedInput(
  ADMIN_LIMITS.municipalityNameLength,
).superRefine((name, ctx) => {
  for (const lang of ['sv', 'fi'] as const)
    if (!name[lang])
      ctx.addIssue({
        code: 'custom',
        path: [lang],
        message: `the name in ${lang} is required`,
        params: { code: 'required' },
      });
});

const region = plainText(ADMIN_LIMITS.regionLength).transform((r) => (r === '' ? null : r));

export const municipalityCreateInput = z.strictObject({
  slug: slug(ADMIN_LIMITS.slugLength),
  name: municipalityNameInput,
  timeZone: timeZoneInput.default('Europe/Helsinki'),
  languages: municipalityLanguagesInput,
  region: region.nullable().default(null),
});
export type MunicipalityCreateInput = z.output<typeof municipalityCreateInput>;

/** The slug stays: it is in addresses and feed links. */
export const municipalityUpdateInput = z
  .strictObject({
    name: municipalityNameInput,
    timeZone: timeZoneInput,
    languages: municipalityLanguagesInput,
    region: region.nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });

export const staffRoleGrantInput = z.strictObject({
  email: z.email().max(EMAIL_MAX_LENGTH),
  role: z.enum(STAFF_ROLE_KINDS),
});

export const categoryCreateInput = z.strictObject({
  slug: slug(ADMIN_LIMITS.categorySlugLength),
  name: requiredLocalized(ADMIN_LIMITS.categoryNameLength),
  pictogram: z.enum(PICTOGRAMS).default('other'),
  position: z.int().min(0).max(ADMIN_LIMITS.categoryPosition).optional(),
});

/** A rename (any languages), another pictogram or place; the slug stays (events and feeds name it). */
export const categoryUpdateInput = z
  .strictObject({
    name: requiredLocalized(ADMIN_LIMITS.categoryNameLength),
    pictogram: z.enum(PICTOGRAMS),
    position: z.int().min(0).max(ADMIN_LIMITS.categoryPosition),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
