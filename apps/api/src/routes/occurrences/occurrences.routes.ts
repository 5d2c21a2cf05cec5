import { createRoute, z } from '@hono/zod-openapi';
import {
  CategoryRef,
  DateOrInstant,
  Instant,
  Lang,
  Localized,
  PageMeta,
  Paging,
  Price,
  json,
  problems,
} from '../shared/schemas';

export const OccurrenceQuery = z.object({
  lang: Lang,
  municipality: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a municipality slug')
    .optional(),
  category: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a category slug')
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code')
    .optional(),
  venue: z.uuid({ message: 'venue must be a UUID' }).optional(),
  association: z
    .uuid({ message: 'association must be a UUID' })
    .optional()
    .openapi({ description: 'Only events organized by this association' }),
  from: DateOrInstant.optional().openapi({ description: 'Local date or instant; default now' }),
  to: DateOrInstant.optional(),
  ...Paging,
});

export const OccurrenceSummary = z
  .object({
    id: z.uuid(),
    uid: z.string(),
    startsAt: Instant,
    endsAt: Instant,
    status: z.enum(['scheduled', 'cancelled']),
    timeZone: z.string(),
    event: z.object({
      id: z.uuid(),
      title: Localized,
      summary: Localized.nullable(),
      category: CategoryRef,
      languages: z.array(z.string()),
      audience: z.string(),
      price: Price,
    }),
    venue: z.object({ id: z.uuid(), name: Localized, address: z.string() }).nullable(),
    municipality: z.object({ slug: z.string(), name: Localized }),
  })
  .openapi('OccurrenceSummary');

export const OccurrencePage = z.object({ items: z.array(OccurrenceSummary), page: PageMeta });

export const listOccurrencesRoute = createRoute({
  method: 'get',
  path: '/occurrences',
  tags: ['Events'],
  summary: 'Upcoming public event occurrences, soonest first',
  request: { query: OccurrenceQuery },
  responses: { 200: json(OccurrencePage, 'A page of occurrences'), 400: problems[400] },
});
