import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../locales';
import { isValidBusinessId, normalizeBusinessId } from './business-id';

/** Printable text: no control characters (they end up in mail, feeds and pages). */
export const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/[\p{Cc}\p{Cs}]/u.test(s.replace(/[\n\t]/g, '')), {
      message: 'must not contain control characters',
      params: { code: 'control_characters' },
    });

/** Texts in content languages; at least one language must be given. */
export const localizedInput = (max: number) =>
  z
    .partialRecord(z.enum(CONTENT_LANGUAGES), plainText(max))
    .transform((texts) =>
      Object.fromEntries(Object.entries(texts).filter(([, v]) => v && v.length > 0)),
    )
    .refine((texts) => Object.keys(texts).length > 0, {
      message: 'give the text in at least one language',
      params: { code: 'no_language' },
    });

export const optionalLocalizedInput = (max: number) =>
  z
    .partialRecord(z.enum(CONTENT_LANGUAGES), plainText(max))
    .transform((texts) =>
      Object.fromEntries(Object.entries(texts).filter(([, v]) => v && v.length > 0)),
    );

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const ASSOCIATION_NAME_MAX = 160;
export const ASSOCIATION_DESCRIPTION_MAX = 4000;

/** What an association tells about itself; staff read the contacts, the public never. */
export const AssociationProfile = z.object({
  name: localizedInput(ASSOCIATION_NAME_MAX),
  description: optionalLocalizedInput(ASSOCIATION_DESCRIPTION_MAX).default({}),
  languages: z.array(z.enum(CONTENT_LANGUAGES)).max(CONTENT_LANGUAGES.length).default([]),
  businessId: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(20)
      .transform(normalizeBusinessId)
      .refine(isValidBusinessId, {
        message: 'must be a Finnish business ID (1234567-8) with a right check digit',
        params: { code: 'business_id' },
      })
      .optional(),
  ),
  website: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, message: 'must be an http(s) address' })
      .max(300)
      .optional(),
  ),
  contactEmail: z.email().max(254),
  contactPhone: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .max(40)
      .regex(/^\+?[0-9 ()-]{5,}$/, { message: 'must be a phone number' })
      .optional(),
  ),
});
export type AssociationProfile = z.output<typeof AssociationProfile>;
