import { getEvent } from '../../services/events/get-event';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import { EventDetail, getEventRoute } from './events.routes';

export const eventsRouter = createRouter().openapi(getEventRoute, async (c) => {
  const { id } = c.req.valid('param');
  const { lang } = c.req.valid('query');
  return respond(c, EventDetail, await getEvent({ ctx: c.var.ctx, input: { id, lang } }));
});
