import { createRoute, z } from '@hono/zod-openapi';
import { ACCESSIBILITY } from '@motesplats/domain';
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

export const VenueQuery = z.object({
  lang: Lang,
  municipality: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a municipality slug')
    .optional(),
  minCapacity: DecimalInt(1, 100_000).optional(),
  accessibility: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(
      z.array(
        z.enum(ACCESSIBILITY, { message: `each must be one of ${ACCESSIBILITY.join(', ')}` }),
      ),
    )
    .optional()
    .openapi({
      type: 'string',
      description: `Comma-separated, all required: ${ACCESSIBILITY.join(', ')}`,
    }),
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

export const VenuePage = z.object({ items: z.array(VenueSummary), page: PageMeta });

export const VenueDetail = VenueSummary.extend({
  description: Localized.nullable(),
  equipment: z.array(z.string()),
  openingHours: z.array(
    z.object({ weekday: z.number().int().min(1).max(7), opens: z.string(), closes: z.string() }),
  ),
  timeZone: z.string(),
  access: z.enum(['key', 'door_code', 'staff_opens']),
  termsOfUse: Localized.nullable(),
  coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  spaces: z.array(z.object({ id: z.uuid(), name: Localized, parentId: z.uuid().nullable() })),
  photos: z.array(z.object({ url: z.string(), alt: Localized })),
  feed: z.object({ path: z.string() }),
}).openapi('Venue');

export const VenueBusy = z
  .object({
    venueId: z.uuid(),
    timeZone: z.string(),
    from: z.string(),
    to: z.string(),
    open: z.array(IntervalJson),
    busy: z.array(IntervalJson),
  })
  .openapi('VenueBusy');

export const listVenuesRoute = createRoute({
  method: 'get',
  path: '/venues',
  tags: ['Venues'],
  summary: 'Venues, filtered by municipality, capacity and accessibility',
  request: { query: VenueQuery },
  responses: { 200: json(VenuePage, 'A page of venues'), 400: problems[400] },
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
    query: z.object({ from: LocalDate, to: LocalDate }),
  },
  responses: {
    200: json(VenueBusy, 'Open and busy intervals'),
    400: problems[400],
    404: problems[404],
  },
});
