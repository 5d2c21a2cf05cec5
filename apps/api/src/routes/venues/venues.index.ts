import { getVenue } from '../../services/venues/get-venue';
import { getVenueBusy } from '../../services/venues/get-venue-busy';
import { listVenues } from '../../services/venues/list-venues';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import {
  VenueBusy,
  VenueDetail,
  VenuePage,
  getVenueBusyRoute,
  getVenueRoute,
  listVenuesRoute,
} from './venues.routes';

export const venuesRouter = createRouter()
  .openapi(listVenuesRoute, async (c) =>
    respond(c, VenuePage, await listVenues({ ctx: c.var.ctx, input: c.req.valid('query') })),
  )
  .openapi(getVenueRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, VenueDetail, await getVenue({ ctx: c.var.ctx, input }));
  })
  .openapi(getVenueBusyRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, VenueBusy, await getVenueBusy({ ctx: c.var.ctx, input }));
  });
