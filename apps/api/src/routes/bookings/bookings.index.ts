import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { linkOrigin } from '../../config';
import { respond, respondWith } from '../../http/respond';
import { cancelBookingRequest } from '../../services/bookings/cancel-booking-request';
import { createBookingRequest } from '../../services/bookings/create-booking-request';
import { decideBookingRequest } from '../../services/bookings/decide-booking-request';
import { loadBookingRequest } from '../../services/bookings/booking-view';
import {
  listMyBookingRequests,
  staffBookingQueue,
} from '../../services/bookings/list-booking-requests';
import { withdrawBookingRequest } from '../../services/bookings/withdraw-booking-request';
import { rawBody } from '../shared/raw-body';
import { createRouter } from '../shared/router';
import {
  BookingRequest,
  QueueItem,
  cancelBookingRoute,
  createBookingRoute,
  decideBookingRoute,
  getBookingRoute,
  listBookingsRoute,
  staffBookingQueueRoute,
  withdrawBookingRoute,
} from './bookings.routes';

export const bookingsRouter = createRouter()
  .openapi(createBookingRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const view = await createBookingRequest({
      ctx: c.var.ctx,
      input: {
        body: await rawBody(c),
        origin: linkOrigin(c.var.deps.config),
        lang: c.req.valid('query').lang,
      },
    });
    c.header('location', `/api/bookings/${view.id}`);
    return respondWith(c, BookingRequest, view, 201);
  })
  .openapi(listBookingsRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(
      c,
      z.object({ items: z.array(BookingRequest) }),
      await listMyBookingRequests({ ctx: c.var.ctx, input: c.req.valid('query') }),
    );
  })
  .openapi(staffBookingQueueRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(
      c,
      z.object({ items: z.array(QueueItem) }),
      await staffBookingQueue({ ctx: c.var.ctx, input: c.req.valid('query') }),
    );
  })
  .openapi(getBookingRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(
      c,
      BookingRequest,
      await loadBookingRequest(c.var.ctx, c.req.valid('param').id, c.req.valid('query').lang),
    );
  })
  .openapi(withdrawBookingRoute, async (c) =>
    respond(
      c,
      BookingRequest,
      await withdrawBookingRequest({ ctx: c.var.ctx, input: await changeInput(c) }),
    ),
  )
  .openapi(cancelBookingRoute, async (c) =>
    respond(
      c,
      BookingRequest,
      await cancelBookingRequest({ ctx: c.var.ctx, input: await changeInput(c) }),
    ),
  )
  .openapi(decideBookingRoute, async (c) =>
    respond(
      c,
      BookingRequest,
      await decideBookingRequest({ ctx: c.var.ctx, input: await changeInput(c) }),
    ),
  );

async function changeInput(c: Context) {
  c.header('cache-control', 'private, no-store');
  return {
    id: c.req.param('id') as string,
    body: await rawBody(c),
    origin: linkOrigin(c.var.deps.config),
    lang: c.req.query('lang'),
  };
}
