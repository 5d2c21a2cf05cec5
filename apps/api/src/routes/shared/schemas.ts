import { z } from '@hono/zod-openapi';
import { UI_LOCALES } from '@motesplats/domain';

/** Shared request and response schemas of the public API (the OpenAPI document is built from them). */

export const Lang = z
  .enum(UI_LOCALES)
  .default('sv')
  .openapi({ description: 'Language of the texts in the answer', example: 'sv' });

export const Uuid = (name: string) =>
  z.uuid({ message: `${name} must be a UUID` }).openapi({ param: { name, in: 'path' } });

export const IdParams = z.object({ id: Uuid('id') });

export const DateOrInstant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be a date (yyyy-MM-dd) or an ISO 8601 instant with offset',
  );
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (yyyy-MM-dd)');

export const Paging = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
};

export const Localized = z
  .object({
    text: z.string(),
    lang: z.string().openapi({ description: 'Language actually shown' }),
    fallback: z.boolean().openapi({ description: 'True when not the requested language' }),
  })
  .openapi('Localized');

export const Instant = z.string().openapi({ format: 'date-time' });
export const IntervalJson = z.object({ start: Instant, end: Instant }).openapi('Interval');

export const PageMeta = z.object({
  limit: z.number().int(),
  offset: z.number().int(),
  total: z.number().int(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z
      .string()
      .optional()
      .openapi({ description: 'Stable reason, e.g. `invalid_credentials`' }),
    errors: z
      .array(
        z.object({
          path: z.string(),
          code: z.string().optional(),
          params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
          message: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Problem');

export const problemContent = { 'application/problem+json': { schema: Problem } };
export const problems = {
  400: { description: 'A parameter is invalid; `errors` names it', content: problemContent },
  404: { description: 'No such resource', content: problemContent },
} as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const CategoryRef = z.object({ slug: z.string(), name: Localized, pictogram: z.string() });
export const Price = z.object({ free: z.boolean(), text: Localized.nullable() });
