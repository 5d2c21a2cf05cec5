import { createRoute, z } from '@hono/zod-openapi';
import { AUDIENCES, PERIOD_LIMITS } from '@motesplats/domain';
import {
  CategoryRef,
  EventImage,
  DateOrInstant,
  DecimalInt,
  Instant,
  Lang,
  Localized,
  PageMeta,
  Paging,
  Price,
  json,
  problems,
} from '../shared/schemas';

export const OccurrenceFilters = z.object({
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
  q: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(100, 'must be at most 100 characters')
    .optional()
    .openapi({
      description:
        'Text in any language of the title, summary or description; case and Unicode form do not matter, `%` and `_` are plain characters',
      example: 'språkcafé',
    }),
  audience: z
    .enum(AUDIENCES, { message: `must be one of ${AUDIENCES.join(', ')}` })
    .optional()
    .openapi({ description: 'Who the event is for' }),
  free: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .transform((v) => v === 'true')
    .optional()
    .openapi({ description: '`true`: free of charge only; `false`: with a price only' }),
});

export const OccurrenceQuery = OccurrenceFilters.extend(Paging);

export const PeriodQuery = OccurrenceFilters.extend({
  from: DateOrInstant.openapi({ description: 'First local date (or instant) of the period' }),
  to: DateOrInstant.openapi({
    description: `Last local date (or instant); at most ${PERIOD_LIMITS.maxDays} days after \`from\``,
  }),
  perDay: DecimalInt(1, PERIOD_LIMITS.maxPerDay).optional().openapi({
    description:
      "At most this many occurrences of each local day (the municipality's zone, else the installation's), soonest first; `days` then counts each day's",
  }),
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
      image: EventImage.nullable(),
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
  description:
    'Occurrences of published events whose room booking (if any) is approved: a pending booking hides its occurrence until staff approve it.',
  request: { query: OccurrenceQuery },
  responses: { 200: json(OccurrencePage, 'A page of occurrences'), 400: problems[400] },
});

export const OccurrencePeriod = z.object({
  items: z.array(OccurrenceSummary),
  total: z.int().openapi({
    description: `How many occurrences fall in the period; past ${PERIOD_LIMITS.maxOccurrences}, \`items\` holds the first (without \`perDay\`)`,
  }),
  days: z
    .array(z.object({ date: z.string(), count: z.int() }))
    .optional()
    .openapi({
      description:
        'With `perDay`: each local day that has occurrences, and how many it has (`items` holds at most `perDay` of them)',
    }),
});

export const listPeriodOccurrencesRoute = createRoute({
  method: 'get',
  path: '/occurrences/period',
  tags: ['Events'],
  summary: 'The public occurrences of one period (a month or a week view) in one answer',
  description: `As GET /api/occurrences, for a period of at most ${PERIOD_LIMITS.maxDays} days: up to ${PERIOD_LIMITS.maxOccurrences} occurrences, soonest first, and how many there are.`,
  request: { query: PeriodQuery },
  responses: { 200: json(OccurrencePeriod, 'The period'), 400: problems[400] },
});
