import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../locales';
import { localizedInput } from '../premises/venue-input';
import { ASSOCIATION_DESCRIPTION_MAX, ASSOCIATION_NAME_MAX } from './limits';
export * from './limits';
import { isValidBusinessId, normalizeBusinessId } from './business-id';

/** Texts in content languages (venue-input's rules); at least one language must be given. */
export const requiredLocalizedInput = (max: number, multiline = false) =>
  localizedInput(max, multiline).refine((texts) => Object.keys(texts).length > 0, {
    message: 'give the text in at least one language',
    params: { code: 'no_language' },
  });

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** What an association tells about itself; staff read the contacts, the public never. */
export const AssociationProfile = z.object({
  name: requiredLocalizedInput(ASSOCIATION_NAME_MAX),
  description: localizedInput(ASSOCIATION_DESCRIPTION_MAX, true).default({}),
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
