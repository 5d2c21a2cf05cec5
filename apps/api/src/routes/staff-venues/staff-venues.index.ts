import { respond, respondWith } from '../../http/respond';
import { createBuilding } from '../../services/venues-admin/create-building';
import { createVenue } from '../../services/venues-admin/create-venue';
import { getStaffVenue } from '../../services/venues-admin/get-venue';
import { listStaffVenues } from '../../services/venues-admin/list-venues';
import { addPhoto, removePhoto, updatePhoto } from '../../services/venues-admin/photos';
import { setBookable } from '../../services/venues-admin/set-bookable';
import { removeSpace } from '../../services/venues-admin/remove-space';
import { addSpace, updateSpace } from '../../services/venues-admin/spaces';
import { updateBuilding } from '../../services/venues-admin/update-building';
import { updateVenue } from '../../services/venues-admin/update-venue';
import { createRouter } from '../shared/router';
import { imageUploadLimit } from '../shared/upload-limit';
import {
  Changed,
  Created,
  PhotoAdded,
  StaffPremises,
  StaffVenue,
  addPhotoRoute,
  addSpaceRoute,
  createBuildingRoute,
  createVenueRoute,
  getStaffVenueRoute,
  listStaffVenuesRoute,
  removePhotoRoute,
  removeSpaceRoute,
  setBookableRoute,
  updateBuildingRoute,
  updatePhotoRoute,
  updateSpaceRoute,
  updateVenueRoute,
} from './staff-venues.routes';

/** Staff answers are about one person's work: never cached by anyone else. */
const privateAnswer = { 'cache-control': 'private, no-store' };

export const staffVenuesRouter = createRouter();
staffVenuesRouter.use('/staff/*', async (c, next) => {
  await next();
  for (const [k, v] of Object.entries(privateAnswer)) c.header(k, v);
});
// A multipart body over the limit is refused before it is read (the form's other fields are small).
staffVenuesRouter.post('/staff/venues/:id/photos', imageUploadLimit());

export const staffVenuesRoutes = staffVenuesRouter
  .openapi(listStaffVenuesRoute, async (c) =>
    respond(
      c,
      StaffPremises,
      await listStaffVenues({ ctx: c.var.ctx, input: c.req.valid('query') }),
    ),
  )
  .openapi(getStaffVenueRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, StaffVenue, await getStaffVenue({ ctx: c.var.ctx, input }));
  })
  .openapi(createBuildingRoute, async (c) =>
    respondWith(
      c,
      Created,
      await createBuilding({ ctx: c.var.ctx, input: c.req.valid('json') }),
      201,
    ),
  )
  .openapi(updateBuildingRoute, async (c) => {
    const { id } = c.req.valid('param');
    const answer = await updateBuilding({
      ctx: c.var.ctx,
      input: { id, body: c.req.valid('json') },
    });
    return respond(c, Changed, answer);
  })
  .openapi(createVenueRoute, async (c) =>
    respondWith(c, Created, await createVenue({ ctx: c.var.ctx, input: c.req.valid('json') }), 201),
  )
  .openapi(updateVenueRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, StaffVenue, await updateVenue({ ctx: c.var.ctx, input }));
  })
  .openapi(setBookableRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, StaffVenue, await setBookable({ ctx: c.var.ctx, input }));
  })
  .openapi(addSpaceRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respondWith(c, StaffVenue, await addSpace({ ctx: c.var.ctx, input }), 201);
  })
  .openapi(updateSpaceRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, StaffVenue, await updateSpace({ ctx: c.var.ctx, input }));
  })
  .openapi(removeSpaceRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, StaffVenue, await removeSpace({ ctx: c.var.ctx, input }));
  })
  .openapi(addPhotoRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('form') };
    return respondWith(c, PhotoAdded, await addPhoto({ ctx: c.var.ctx, input }), 201);
  })
  .openapi(updatePhotoRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, StaffVenue, await updatePhoto({ ctx: c.var.ctx, input }));
  })
  .openapi(removePhotoRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, StaffVenue, await removePhoto({ ctx: c.var.ctx, input }));
  });
