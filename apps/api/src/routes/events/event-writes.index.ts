import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { linkOrigin } from '../../config';
import { respond, respondWith } from '../../http/respond';
import { cancelEvent } from '../../services/events/cancel-event';
import { createEvent } from '../../services/events/create-event';
import { loadManagedEvent } from '../../services/events/event-view';
import { listMyEvents, listUncountedOccurrences } from '../../services/events/list-my-events';
import {
  cancelOccurrence,
  moveOccurrence,
  recordAttendance,
} from '../../services/events/occurrence-changes';
import { publishEvent } from '../../services/events/publish-event';
import { removeEventImage } from '../../services/events/remove-event-image';
import { setEventImage } from '../../services/events/set-event-image';
import { unpublishEvent } from '../../services/events/unpublish-event';
import { updateEvent } from '../../services/events/update-event';
import { rawBody } from '../shared/raw-body';
import { createRouter } from '../shared/router';
import { imageUploadLimit } from '../shared/upload-limit';
import {
  ManagedEvent,
  MyEvent,
  UncountedOccurrence,
  attendanceRoute,
  cancelEventRoute,
  cancelOccurrenceRoute,
  createEventRoute,
  manageEventRoute,
  moveOccurrenceRoute,
  myEventsRoute,
  publishEventRoute,
  removeEventImageRoute,
  setEventImageRoute,
  uncountedRoute,
  unpublishEventRoute,
  updateEventRoute,
} from './event-writes.routes';

/** The event or occurrence id of the path, and the raw body. */
const change = async (c: Context) => ({ id: c.req.param('id') as string, body: await rawBody(c) });

const router = createRouter();
// An image over the limit is refused before its body is read.
router.put('/events/:id/image', imageUploadLimit());

/** Writing events and their dates (organizers, staff); mounted before the public reads. */
export const eventWritesRouter = router
  .openapi(createEventRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const view = await createEvent({
      ctx: c.var.ctx,
      input: { body: await rawBody(c), origin: linkOrigin(c.var.deps.config) },
    });
    c.header('location', `/api/events/${view.id}/manage`);
    return respondWith(c, ManagedEvent, view, 201);
  })
  .openapi(myEventsRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const { lang } = c.req.valid('query');
    return respond(
      c,
      z.object({ items: z.array(MyEvent) }),
      await listMyEvents({ ctx: c.var.ctx, input: { lang: lang ?? 'sv' } }),
    );
  })
  .openapi(uncountedRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const { lang } = c.req.valid('query');
    return respond(
      c,
      z.object({ items: z.array(UncountedOccurrence) }),
      await listUncountedOccurrences({ ctx: c.var.ctx, input: { lang: lang ?? 'sv' } }),
    );
  })
  .openapi(manageEventRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(c, ManagedEvent, await loadManagedEvent(c.var.ctx, c.req.valid('param').id));
  })
  .openapi(updateEventRoute, async (c) =>
    respond(c, ManagedEvent, await updateEvent({ ctx: c.var.ctx, input: await change(c) })),
  )
  .openapi(publishEventRoute, async (c) =>
    respond(
      c,
      ManagedEvent,
      await publishEvent({ ctx: c.var.ctx, input: { id: c.req.valid('param').id } }),
    ),
  )
  .openapi(cancelEventRoute, async (c) =>
    respond(c, ManagedEvent, await cancelEvent({ ctx: c.var.ctx, input: await change(c) })),
  )
  .openapi(unpublishEventRoute, async (c) =>
    respond(
      c,
      ManagedEvent,
      await unpublishEvent({
        ctx: c.var.ctx,
        input: { ...(await change(c)), origin: linkOrigin(c.var.deps.config) },
      }),
    ),
  )
  .openapi(cancelOccurrenceRoute, async (c) =>
    respond(c, ManagedEvent, await cancelOccurrence({ ctx: c.var.ctx, input: await change(c) })),
  )
  .openapi(moveOccurrenceRoute, async (c) =>
    respond(c, ManagedEvent, await moveOccurrence({ ctx: c.var.ctx, input: await change(c) })),
  )
  .openapi(attendanceRoute, async (c) =>
    respond(c, ManagedEvent, await recordAttendance({ ctx: c.var.ctx, input: await change(c) })),
  )
  .openapi(setEventImageRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const input = { ...c.req.valid('param'), body: c.req.valid('form') };
    return respond(c, ManagedEvent, await setEventImage({ ctx: c.var.ctx, input }));
  })
  .openapi(removeEventImageRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(
      c,
      ManagedEvent,
      await removeEventImage({ ctx: c.var.ctx, input: c.req.valid('param') }),
    );
  });
