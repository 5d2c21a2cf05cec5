import { z } from '@hono/zod-openapi';
import { PAGING, parseQueryBound, QUERY_RANGE, UI_LOCALES } from '@motesplats/domain';

/** Shared request and response schemas of the public API (the OpenAPI document is built from them). */

export const Lang = z
  .enum(UI_LOCALES)
  .default('sv')
  .openapi({ description: 'Language of the texts in the answer', example: 'sv' });

export const Uuid = (name: string) =>
  z.uuid({ message: `${name} must be a UUID` }).openapi({ param: { name, in: 'path' } });

export const IdParams = z.object({ id: Uuid('id') });

/**
 * A query bound: a real calendar date (yyyy-MM-dd, read in the municipality's zone by the
 * service) or, with `instants`, an ISO 8601 instant with offset; within QUERY_RANGE.
 */
const queryBound = (instants: boolean) =>
  z.string().superRefine((text, ctx) => {
    const parsed = parseQueryBound(text, instants);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
  });

export const DateOrInstant = queryBound(true).openapi({
  description: `A local date (yyyy-MM-dd) or an ISO 8601 instant with offset, ${QUERY_RANGE.first}…${QUERY_RANGE.last}`,
  example: '2026-12-01',
});
export const LocalDate = queryBound(false).openapi({
  format: 'date',
  description: `A local date (yyyy-MM-dd), ${QUERY_RANGE.first}…${QUERY_RANGE.last}`,
  example: '2026-12-01',
});

/**
 * A whole number written in decimal digits only: `z.coerce.number()` would also take
 * `0x10`, `1e2`, ` 16` and `16.0`.
 */
export const DecimalInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, 'must be a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .openapi({ type: 'integer', minimum: min, maximum: max });

export const Paging = {
  limit: DecimalInt(1, PAGING.maxLimit).default(20).openapi({ default: 20 }),
  offset: DecimalInt(0, PAGING.maxOffset).default(0).openapi({ default: 0 }),
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
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean()]))
      .optional()
      .openapi({ description: 'Values the reason is said with, e.g. `{"events": 3}`' }),
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

/** A documented problem+json answer. */
export const problem = (description: string) => ({ description, content: problemContent });

/** A JSON request body for a route (required unless said otherwise). */
export const jsonBody = <T extends z.ZodType>(schema: T, required = true) => ({
  body: { content: { 'application/json': { schema } }, required },
});

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const CategoryRef = z.object({ slug: z.string(), name: Localized, pictogram: z.string() });
export const Price = z.object({ free: z.boolean(), text: Localized.nullable() });
/** Every stored rendition of an image (WebP), narrowest first: what a srcset lists. */
export const ImageSources = z
  .array(z.object({ url: z.string(), width: z.number().int() }))
  .openapi('ImageSources', {
    description: 'Every stored rendition of the image, narrowest first, with its width in pixels.',
  });
/** What every view of an event's image has besides its alt text. */
export const imageFields = {
  url: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  sources: ImageSources,
};
/** An event's image: the WebP rendition, its size, alt text in the reader's language. */
export const EventImage = z.object({ ...imageFields, alt: Localized }).openapi('EventImage');
