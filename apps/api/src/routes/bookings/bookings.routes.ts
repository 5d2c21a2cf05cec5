import { createRoute, z } from '@hono/zod-openapi';
import {
  CancelInput,
  CreateBookingInput,
  DecisionInput,
  WithdrawInput,
} from '../../services/bookings/booking-input';
import { IdParams, Lang, Localized, json, problems, problem, jsonBody } from '../shared/schemas';

const Slot = z.object({ start: z.string(), end: z.string() });
const Status = z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'cancelled']);

export const BookingRequest = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'approved', 'rejected', 'withdrawn', 'cancelled', 'closed']),
    cityUse: z.boolean(),
    venue: z.object({ id: z.uuid(), name: Localized }),
    space: z.object({ id: z.uuid(), name: Localized, whole: z.boolean() }),
    association: z.object({ id: z.uuid(), name: Localized }).nullable(),
    timeZone: z.string(),
    start: z.string(),
    end: z.string(),
    repeat: z
      .object({ weekly: z.object({ until: z.string(), except: z.array(z.string()) }) })
      .nullable(),
    rrule: z.string().nullable(),
    purpose: z.string(),
    expectedAttendance: z.number().int().nullable(),
    publicEvent: z.boolean(),
    termsAcceptedAt: z.string().nullable(),
    createdAt: z.string(),
    bookings: z.array(
      Slot.extend({
        id: z.uuid(),
        date: z.string(),
        status: Status,
        decidedAt: z.string().nullable(),
        reason: z.string().nullable(),
        cancellableUntil: z.string(),
        cancellable: z.boolean(),
      }),
    ),
    access: z
      .object({
        method: z.enum(['key', 'door_code', 'staff_opens']),
        instructions: Localized.nullable(),
      })
      .nullable()
      .openapi({ description: 'How to get in: only once a date is approved' }),
    history: z.array(
      z.object({
        at: z.string(),
        action: z.string(),
        dates: z.array(z.string()),
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('BookingRequest');

export const QueueItem = BookingRequest.extend({
  rules: z.object({
    capacity: z.number().int(),
    minDurationMinutes: z.number().int(),
    maxDurationMinutes: z.number().int(),
    leadTimeHours: z.number().int(),
    horizonDays: z.number().int(),
    bufferMinutes: z.number().int(),
    cancellationDeadlineHours: z.number().int(),
    maxOpenRequests: z.number().int(),
  }),
  sameDays: z.array(
    Slot.extend({
      date: z.string(),
      status: Status,
      space: Localized,
      association: Localized.nullable(),
    }),
  ),
}).openapi('BookingQueueItem');

const signedIn = {
  401: problem('Not signed in'),
  403: problem('Not allowed for this actor (`code` names the scope), or wrong origin'),
};
const LangQuery = z.object({ lang: Lang.optional() });

export const createBookingRoute = createRoute({
  method: 'post',
  path: '/bookings',
  tags: ['Bookings'],
  summary: 'Ask for a room: one slot or a weekly series (staff: book for the city’s own use)',
  description:
    'Instants are ISO 8601 with offset. A series repeats the first slot every week at the same local time until `repeat.weekly.until`, except the listed dates. 409 lists, date by date, the clashing dates (with the held time and up to three nearest free slots of the same length) and the free ones; with `onlyFree` a series books only its free dates. 422 lists every broken rule as `issues`, each `{ code, params }`.',
  request: { query: LangQuery, ...jsonBody(CreateBookingInput) },
  responses: {
    201: json(BookingRequest, 'The request and its bookings'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
    409: problem('Clash: `clashes`, `suggestions`, `free`'),
    422: problem('A rule of the venue is broken: `issues`'),
  },
});

export const listBookingsRoute = createRoute({
  method: 'get',
  path: '/bookings',
  tags: ['Bookings'],
  summary: 'The requests of the caller’s associations (and the caller’s own), newest first',
  request: {
    query: LangQuery.extend({
      mine: z.string().optional().openapi({ description: 'Present for the member’s own list' }),
    }),
  },
  responses: {
    200: json(z.object({ items: z.array(BookingRequest) }), 'Requests'),
    400: problems[400],
    401: problem('Not signed in'),
  },
});

export const getBookingRoute = createRoute({
  method: 'get',
  path: '/bookings/{id}',
  tags: ['Bookings'],
  summary: 'A request with its dates, decisions and history',
  request: { params: IdParams, query: LangQuery },
  responses: {
    200: json(BookingRequest, 'The request'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
  },
});

const change = (path: string, summary: string, body: z.ZodType, conflict: string) =>
  createRoute({
    method: 'post',
    path: `/bookings/{id}/${path}`,
    tags: ['Bookings'],
    summary,
    request: { params: IdParams, query: LangQuery, ...jsonBody(body, false) },
    responses: {
      200: json(BookingRequest, 'The request after the change'),
      400: problems[400],
      ...signedIn,
      404: problems[404],
      409: problem(conflict),
    },
  });

export const withdrawBookingRoute = change(
  'withdraw',
  'Withdraw pending dates (members of the association); all of them without `dates`',
  WithdrawInput,
  'A named date is not pending (`code` not_pending, `params.date`)',
);
export const cancelBookingRoute = change(
  'cancel',
  'Cancel approved dates: the association up to the venue’s deadline, staff any time with a reason',
  CancelInput,
  'Not approved, already begun, or past the cancellation deadline (`code`, `params`)',
);
export const decideBookingRoute = change(
  'decision',
  'Approve, or reject with a reason, some or all pending dates (staff of the municipality)',
  DecisionInput,
  'A named date is not pending (`code` not_pending, `params.date`)',
);

export const staffBookingQueueRoute = createRoute({
  method: 'get',
  path: '/staff/bookings',
  tags: ['Bookings'],
  summary:
    'Pending requests in the caller’s municipalities, oldest first, with the rules and the venue’s other bookings those days',
  request: { query: LangQuery },
  responses: {
    200: json(z.object({ items: z.array(QueueItem) }), 'The queue'),
    400: problems[400],
    401: problem('Not signed in'),
  },
});
