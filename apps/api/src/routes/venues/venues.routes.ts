import { createRoute, z } from '@hono/zod-openapi';
import {
  ACCESSIBILITY,
  EQUIPMENT,
  MAX_WEEKLY_SPAN_WEEKS,
  slotDateProblem,
  slotTimeProblem,
  weekdayProblem,
} from '@motesplats/domain';
import {
  DecimalInt,
  IdParams,
  IntervalJson,
  Lang,
  LocalDate,
  Localized,
  PageMeta,
  Paging,
  json,
  problems,
} from '../shared/schemas';

/** A comma-separated list of a vocabulary's words, all required. */
const allOf = (words: readonly [string, ...string[]], what: string) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(words, { message: `each must be one of ${words.join(', ')}` })))
    .optional()
    .openapi({
      type: 'string',
      description: `${what}: comma-separated, all required: ${words.join(', ')}`,
    });

/** A parameter checked by a domain rule that names its reason (`code`) and parameters. */
const checkedBy = (
  check: (text: string) => { code?: string; message: string; params?: object } | null,
) =>
  z.string().superRefine((text, ctx) => {
    const problem = check(text);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        message: problem.message,
        params: { code: problem.code, ...problem.params },
      });
  });

const slotDate = (description: string) =>
  checkedBy(slotDateProblem)
    .optional()
    .openapi({ format: 'date', description, example: '2026-12-15' });

/**
 * "Free at": a date with a local time range, or a weekday over a period (packages/domain
 * availability/free-at.ts). Read in each venue's municipality's zone.
 */
const FreeAtQuery = {
  date: slotDate('Free at: one local date (with `start` and `end`), yyyy-MM-dd'),
  weekday: checkedBy(weekdayProblem).optional().openapi({
    type: 'string',
    description:
      'Free at: an ISO weekday, 1 = Monday … 7 = Sunday, every week from `from` to `until` (with `start` and `end`)',
    example: '2',
  }),
  from: slotDate('Free at a weekday: the first local date of the period'),
  until: slotDate(
    `Free at a weekday: the last local date of the period, at most ${MAX_WEEKLY_SPAN_WEEKS} weeks after \`from\``,
  ),
  start: checkedBy((t) => slotTimeProblem(t, false))
    .optional()
    .openapi({ description: 'Free at: local start time, HH:mm', example: '17:30' }),
  end: checkedBy((t) => slotTimeProblem(t, true))
    .optional()
    .openapi({
      description:
        'Free at: local end time, HH:mm or 24:00; one at or before `start` runs past midnight',
      example: '19:30',
    }),
};

export const VenueQuery = z.object({
  lang: Lang,
  municipality: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a municipality slug')
    .optional(),
  minCapacity: DecimalInt(1, 100_000).optional(),
  accessibility: allOf(ACCESSIBILITY, 'Accessibility features'),
  equipment: allOf(EQUIPMENT, 'Equipment'),
  ...FreeAtQuery,
  ...Paging,
});

export const VenueSummary = z
  .object({
    id: z.uuid(),
    name: Localized,
    building: z.object({ name: Localized }),
    address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    municipality: z.object({ slug: z.string(), name: Localized }),
    capacity: z.number().int(),
    accessibility: z.array(z.string()),
    bookable: z.boolean(),
    photo: z.object({ url: z.string(), alt: Localized }).nullable(),
  })
  .openapi('VenueSummary');

const Spaces = z
  .array(z.object({ id: z.uuid(), name: Localized, parentId: z.uuid().nullable() }))
  .openapi({ description: 'The whole venue (no parent) first, then its bookable parts by name' });

export const VenueListItem = VenueSummary.extend({
  spaces: Spaces,
  freeSpaces: z
    .array(z.object({ id: z.uuid(), name: Localized, parentId: z.uuid().nullable() }))
    .optional()
    .openapi({
      description:
        'With a "free at" filter: the spaces free on every date of the slot (the whole first, then its parts)',
    }),
}).openapi('VenueListItem');

export const VenuePage = z.object({
  items: z.array(VenueListItem),
  page: PageMeta,
  freeAt: z
    .object({
      kind: z.enum(['once', 'weekly']),
      date: z.string().optional(),
      weekday: z.number().int().min(1).max(7).optional(),
      from: z.string().optional(),
      until: z.string().optional(),
      start: z.string(),
      end: z.string(),
      dates: z.array(z.string()).openapi({ description: 'Every local date the slot falls on' }),
    })
    .optional()
    .openapi({ description: 'The slot the venues are free at, as read' }),
});

export const BookingRules = z
  .object({
    minDurationMinutes: z.number().int(),
    maxDurationMinutes: z.number().int(),
    horizonDays: z.number().int().openapi({ description: 'How many days ahead one may book' }),
    leadTimeHours: z
      .number()
      .int()
      .openapi({ description: 'How long before its start a booking must be requested' }),
    bufferMinutes: z.number().int().openapi({
      description: 'Kept free after every booking; a booking claims [start, end + buffer)',
    }),
    cancellationDeadlineHours: z.number().int(),
    maxOpenRequests: z
      .number()
      .int()
      .openapi({ description: 'Pending requests one association may have at the venue at a time' }),
  })
  .openapi('BookingRules');

export const VenueDetail = VenueSummary.extend({
  description: Localized.nullable(),
  equipment: z.array(z.string()),
  openingHours: z.array(
    z.object({ weekday: z.number().int().min(1).max(7), opens: z.string(), closes: z.string() }),
  ),
  timeZone: z.string(),
  access: z.enum(['key', 'door_code', 'staff_opens']),
  rules: BookingRules,
  blackoutDates: z
    .array(z.string())
    .openapi({ description: 'Closed days still ahead, local dates (yyyy-MM-dd)' }),
  termsOfUse: Localized.nullable(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  spaces: Spaces,
  photos: z.array(z.object({ url: z.string(), alt: Localized })),
  feed: z.object({ path: z.string() }),
}).openapi('Venue');

export const VenueBusy = z
  .object({
    venueId: z.uuid(),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    bookable: z.boolean(),
    bufferMinutes: z.number().int(),
    open: z.array(IntervalJson),
    busy: z.array(IntervalJson).openapi({
      description: 'Taken time of the venue as a whole: every space merged, buffers included',
    }),
    spaces: z
      .array(
        z.object({
          id: z.uuid(),
          parentId: z.uuid().nullable(),
          name: Localized,
          busy: z.array(IntervalJson).openapi({
            description:
              'Taken: holding bookings of this space, of the whole it is part of, or of its parts, buffers included',
          }),
          free: z.array(IntervalJson).openapi({
            description:
              'Where a new booking of this space may lie (open, not taken, room for its own buffer), from now on; empty when the venue is not bookable',
          }),
        }),
      )
      .openapi({ description: 'Per space: the whole first, then its parts' }),
  })
  .openapi('VenueBusy');

export const listVenuesRoute = createRoute({
  method: 'get',
  path: '/venues',
  tags: ['Venues'],
  summary:
    'Venues, filtered by municipality, capacity, accessibility, equipment and free time (a date and time range, or a weekday over a period)',
  request: { query: VenueQuery },
  responses: {
    200: json(VenuePage, 'A page of venues'),
    400: {
      ...problems[400],
      description:
        'A parameter is invalid; `errors` names it with a `code`: e.g. `invalid_date`, `time_format`, `required`, `date_or_weekday`, `empty_slot`, `until_before_from`, `range_too_long` (`params.maximum` weeks), `no_matching_date`',
    },
  },
});

export const getVenueRoute = createRoute({
  method: 'get',
  path: '/venues/{id}',
  tags: ['Venues'],
  summary: 'A venue and its public facts',
  request: { params: IdParams, query: z.object({ lang: Lang }) },
  responses: { 200: json(VenueDetail, 'The venue'), 400: problems[400], 404: problems[404] },
});

export const getVenueBusyRoute = createRoute({
  method: 'get',
  path: '/venues/{id}/busy',
  tags: ['Venues'],
  summary: 'When the venue is open and when it is held: free/busy only, never who booked',
  request: {
    params: IdParams,
    query: z.object({ from: LocalDate, to: LocalDate, lang: Lang }),
  },
  responses: {
    200: json(VenueBusy, 'Open and busy intervals'),
    400: problems[400],
    404: problems[404],
  },
});
