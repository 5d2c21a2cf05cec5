import { createRoute, z } from '@hono/zod-openapi';
import {
  AttendanceInput,
  CancelEventInput,
  CancelOccurrenceInput,
  EventCreateInput,
  EventUpdateInput,
  MoveOccurrenceInput,
  UnpublishEventInput,
  PHOTO_MAX_BYTES,
} from '@motesplats/domain';
import {
  IdParams,
  imageFields,
  Lang,
  Localized,
  json,
  problems,
  problem,
  jsonBody,
} from '../shared/schemas';
import { ImageForm } from '../shared/image-form';

const Texts = z.partialRecord(z.string(), z.string()).openapi('LocalizedTexts');
const signedIn = {
  401: problem('Not signed in'),
  403: problem('Not allowed for this actor (`code` names the scope), or wrong origin'),
};

export const ManagedEvent = z
  .object({
    id: z.uuid(),
    uid: z.string(),
    status: z.enum(['draft', 'published', 'cancelled', 'unpublished']),
    statusReason: z.string().nullable(),
    municipalityId: z.uuid(),
    timeZone: z.string(),
    association: z.object({ id: z.uuid(), name: Texts }).nullable(),
    categorySlug: z.string(),
    title: Texts,
    summary: Texts,
    description: Texts,
    languages: z.array(z.string()),
    audience: z.string(),
    priceCents: z.number().int().nullable(),
    priceText: Texts,
    registrationUrl: z.string().nullable(),
    accessibilityNotes: Texts,
    image: z
      .object({ ...imageFields, alt: Texts })
      .nullable()
      .openapi({ description: 'The event’s image with its alt text in every language' }),
    venue: z.object({ id: z.uuid(), name: Texts }).nullable(),
    locationText: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    rrule: z.string().nullable(),
    repeat: z.enum(['none', 'weekly', 'biweekly', 'monthly_weekday']).nullable(),
    exceptDates: z.array(z.string()),
    sequence: z.number().int(),
    publishedAt: z.string().nullable(),
    updatedAt: z.string(),
    occurrences: z.array(
      z.object({
        id: z.uuid(),
        uid: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        originalStartsAt: z.string(),
        status: z.enum(['scheduled', 'cancelled']),
        cancelReason: z.string().nullable(),
        sequence: z.number().int(),
        booking: z
          .object({
            id: z.uuid(),
            status: z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'cancelled']),
          })
          .nullable(),
        awaitingApproval: z.boolean(),
        participants: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('ManagedEvent');

export const MyEvent = z
  .object({
    id: z.uuid(),
    title: Localized,
    status: z.enum(['draft', 'published', 'cancelled', 'unpublished']),
    statusReason: z.string().nullable(),
    association: z.object({ id: z.uuid(), name: Localized }).nullable(),
    nextStart: z.string().nullable(),
    timeZone: z.string().openapi({ description: 'The municipality’s zone: say nextStart in it' }),
    uncountedDates: z.number().int(),
  })
  .openapi('MyEvent');

export const UncountedOccurrence = z
  .object({
    id: z.uuid(),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string().openapi({ description: 'The municipality’s zone: say the times in it' }),
    event: z.object({ id: z.uuid(), title: Localized }),
    association: z.object({ id: z.uuid(), name: Localized }).nullable(),
  })
  .openapi('UncountedOccurrence');

const LangQuery = z.object({ lang: Lang.optional() });
const Tags = ['Events'];
const failures = (conflict: string) => ({
  400: problems[400],
  ...signedIn,
  404: problems[404],
  409: problem(conflict),
  422: problem(
    'A date lies outside the organizer’s bookings at the venue: `issues` (`outside_booking`, `params.date/start/end`)',
  ),
});
const writeResponses = (conflict: string) => ({
  200: json(ManagedEvent, 'The event as its organizer sees it'),
  ...failures(conflict),
});

export const createEventRoute = createRoute({
  method: 'post',
  path: '/events',
  tags: Tags,
  summary:
    'Create an event as a draft (members of a verified association; staff for the municipality’s own)',
  description:
    'At a venue every date must lie in one of the organizer’s bookings there (pending ones too: those dates stay hidden until approved), or the organizer asks for the room in the same step with `requestBooking`: one booking request holding every date, checked as POST /api/bookings checks it and written together with the event (pending until staff decide; for the municipality’s own event the city’s use, approved at once). `rrule` is an RFC 5545 RRULE (weekly, every other week, monthly by weekday or day) ending with UNTIL or COUNT, in the municipality’s zone; `exceptDates` are local dates left out.',
  request: { ...jsonBody(EventCreateInput) },
  responses: {
    201: json(ManagedEvent, 'The new draft as its organizer sees it'),
    ...failures(
      'A rival linked one of the bookings first (`code` booking_taken); with `requestBooking`, a date clashes with another holding booking (`clashes`, `free`, as POST /api/bookings answers)',
    ),
    422: problem(
      'A date lies outside the organizer’s bookings at the venue (`issues`: `outside_booking`); with `requestBooking`, a rule of the venue is broken (`issues` with `code` and `params`, as POST /api/bookings answers)',
    ),
  },
});

export const myEventsRoute = createRoute({
  method: 'get',
  path: '/events/mine',
  tags: Tags,
  summary: 'The events of the caller’s associations, and for staff of their municipalities',
  request: { query: LangQuery },
  responses: {
    200: json(z.object({ items: z.array(MyEvent) }), 'Events'),
    400: problems[400],
    401: problem('Not signed in'),
  },
});

export const manageEventRoute = createRoute({
  method: 'get',
  path: '/events/{id}/manage',
  tags: Tags,
  summary: 'An event with every text, each date’s booking and participants (organizer, staff)',
  request: { params: IdParams },
  responses: {
    200: json(ManagedEvent, 'The event'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
  },
});

export const updateEventRoute = createRoute({
  method: 'patch',
  path: '/events/{id}',
  tags: Tags,
  summary:
    'Edit an event; a new time, rule, exceptions or venue re-plans the dates, keeping the UIDs of those that remain',
  request: { params: IdParams, ...jsonBody(EventUpdateInput) },
  responses: writeResponses(
    'Cancelled (`event_cancelled`), venue of another municipality, or a booking taken',
  ),
});

const eventAction = (path: string, summary: string, body: z.ZodType | null, conflict: string) =>
  createRoute({
    method: 'post',
    path: `/events/{id}/${path}`,
    tags: Tags,
    summary,
    request: { params: IdParams, ...(body ? jsonBody(body, path === 'unpublish') : {}) },
    responses: writeResponses(conflict),
  });

export const publishEventRoute = eventAction(
  'publish',
  'Publish a draft on the calendar and in feeds (after staff unpublished it: staff only)',
  null,
  'Cancelled, or no date still to come (`nothing_to_publish`)',
);
export const cancelEventRoute = eventAction(
  'cancel',
  'Call the whole event off: every date still to come is cancelled with the reason',
  CancelEventInput,
  'Already cancelled (`event_cancelled`)',
);
export const unpublishEventRoute = eventAction(
  'unpublish',
  'Staff take a published event off the calendar and the feeds, with a reason',
  UnpublishEventInput,
  'Not published (`not_published`)',
);

const occurrenceAction = (
  method: 'post' | 'put',
  path: string,
  summary: string,
  body: z.ZodType,
  required: boolean,
  conflict: string,
) =>
  createRoute({
    method,
    path: `/occurrences/{id}/${path}`,
    tags: Tags,
    summary,
    request: { params: IdParams, ...jsonBody(body, required) },
    responses: writeResponses(conflict),
  });

export const cancelOccurrenceRoute = occurrenceAction(
  'post',
  'cancel',
  'Cancel one date (it stays in feeds as STATUS:CANCELLED, SEQUENCE raised)',
  CancelOccurrenceInput,
  false,
  'Already cancelled or begun (`occurrence_cancelled`, `occurrence_begun`)',
);
export const moveOccurrenceRoute = occurrenceAction(
  'post',
  'move',
  'Move one date to a new time: same UID, SEQUENCE raised',
  MoveOccurrenceInput,
  true,
  'Cancelled or begun, or the booking was taken',
);
export const attendanceRoute = occurrenceAction(
  'put',
  'attendance',
  'Record how many took part in a date that is over',
  AttendanceInput,
  true,
  'Not over yet (`occurrence_not_over`) or cancelled',
);

export const uncountedRoute = createRoute({
  method: 'get',
  path: '/staff/attendance',
  tags: Tags,
  summary: 'Staff: past dates in their municipalities with no participant count yet',
  request: { query: LangQuery },
  responses: {
    200: json(z.object({ items: z.array(UncountedOccurrence) }), 'Dates without a count'),
    400: problems[400],
    401: problem('Not signed in'),
  },
});

export const setEventImageRoute = createRoute({
  method: 'put',
  path: '/events/{id}/image',
  tags: Tags,
  summary: `Upload the event’s image (at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB) with alt text; replaces the previous one`,
  description:
    'Stored as WebP without metadata at 1280 and 640 px wide (never enlarged). Whoever may manage the event may set it.',
  request: {
    params: IdParams,
    body: { content: { 'multipart/form-data': { schema: ImageForm } }, required: true },
  },
  responses: {
    200: json(ManagedEvent, 'The event with its new image'),
    400: problem(
      'Not an image (`not_an_image`), an SVG with scripts (`unsafe_svg`), an empty file, or alt text missing (`alt`, `required`)',
    ),
    ...signedIn,
    404: problems[404],
    409: problem('The event is cancelled (`event_cancelled`)'),
    413: problem('The upload is larger than the limit (`file_too_large`)'),
  },
});

export const removeEventImageRoute = createRoute({
  method: 'delete',
  path: '/events/{id}/image',
  tags: Tags,
  summary: 'Remove the event’s image and its stored files',
  request: { params: IdParams },
  responses: {
    200: json(ManagedEvent, 'The event without an image'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
    409: problem('The event is cancelled (`event_cancelled`)'),
  },
});
