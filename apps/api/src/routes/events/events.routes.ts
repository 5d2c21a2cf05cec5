import { createRoute, z } from '@hono/zod-openapi';
import {
  CategoryRef,
  EventImage,
  IdParams,
  Instant,
  Lang,
  Localized,
  Price,
  json,
  problems,
} from '../shared/schemas';

export const EventDetail = z
  .object({
    id: z.uuid(),
    status: z.enum(['published', 'cancelled']),
    statusReason: z.string().nullable().openapi({ description: 'Why it was called off' }),
    title: Localized,
    summary: Localized.nullable(),
    description: Localized.nullable(),
    category: CategoryRef,
    languages: z.array(z.string()),
    audience: z.string(),
    price: Price,
    registration: z.object({ required: z.boolean(), url: z.string().nullable() }),
    organizer: z.object({
      id: z
        .uuid()
        .nullable()
        .openapi({ description: 'The association; null when the municipality organizes it' }),
      name: Localized,
      description: Localized.nullable(),
      website: z.string().nullable(),
    }),
    venue: z
      .object({
        id: z.uuid(),
        name: Localized,
        address: z.string(),
        coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
      })
      .nullable(),
    locationText: z.string().nullable(),
    municipality: z.object({
      slug: z.string(),
      name: Localized,
      timeZone: z.string(),
      languages: z.array(z.string()),
    }),
    occurrences: z.array(
      z.object({
        id: z.uuid(),
        uid: z.string(),
        startsAt: Instant,
        endsAt: Instant,
        status: z.enum(['scheduled', 'cancelled']),
        cancelReason: z.string().nullable(),
      }),
    ),
    accessibilityNotes: Localized.nullable(),
    image: EventImage.nullable(),
  })
  .openapi('Event');

export const getEventRoute = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags: ['Events'],
  summary: 'A published event with its occurrences',
  request: { params: IdParams, query: z.object({ lang: Lang }) },
  responses: { 200: json(EventDetail, 'The event'), 400: problems[400], 404: problems[404] },
});
