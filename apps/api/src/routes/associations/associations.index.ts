import { linkOrigin } from '../../config';
import { respond, respondWith } from '../../http/respond';
import { decideAssociation } from '../../services/associations/decide-association';
import {
  getAssociationDetails,
  getPublicAssociation,
} from '../../services/associations/get-association';
import { listAssociations } from '../../services/associations/list-associations';
import {
  acceptInvitation,
  inviteMember,
  listMembers,
  removeMember,
} from '../../services/associations/members';
import { registerAssociation } from '../../services/associations/register-association';
import { listAssociationsForStaff } from '../../services/associations/staff-queue';
import { updateAssociation } from '../../services/associations/update-association';
import { removeLogo } from '../../services/associations/remove-logo';
import { setLogo } from '../../services/associations/set-logo';
import { createRouter } from '../shared/router';
import { imageUploadLimit } from '../shared/upload-limit';
import {
  AssociationPage,
  AssociationPrivate,
  AssociationPublic,
  AssociationState,
  Invitation,
  Members,
  acceptInvitationRoute,
  decideAssociationRoute,
  getAssociationDetailsRoute,
  getAssociationRoute,
  inviteRoute,
  listAssociationsRoute,
  listMembersRoute,
  registerAssociationRoute,
  removeLogoRoute,
  removeMemberRoute,
  setLogoRoute,
  staffAssociationsRoute,
  updateAssociationRoute,
} from './associations.routes';
import { z } from '@hono/zod-openapi';

const router = createRouter();
// A logo over the limit is refused before its body is read.
router.put('/associations/:id/logo', imageUploadLimit());

export const associationsRouter = router
  .openapi(listAssociationsRoute, async (c) =>
    respond(
      c,
      AssociationPage,
      await listAssociations({ ctx: c.var.ctx, input: c.req.valid('query') }),
    ),
  )
  .openapi(staffAssociationsRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(
      c,
      z.object({ items: z.array(AssociationPrivate) }),
      await listAssociationsForStaff({ ctx: c.var.ctx, input: c.req.valid('query') }),
    );
  })
  .openapi(getAssociationRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, AssociationPublic, await getPublicAssociation({ ctx: c.var.ctx, input }));
  })
  .openapi(getAssociationDetailsRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    c.header('cache-control', 'private, no-store');
    return respond(c, AssociationPrivate, await getAssociationDetails({ ctx: c.var.ctx, input }));
  })
  .openapi(registerAssociationRoute, async (c) =>
    respondWith(
      c,
      AssociationState,
      await registerAssociation({ ctx: c.var.ctx, input: c.req.valid('json') }),
      201,
    ),
  )
  .openapi(updateAssociationRoute, async (c) =>
    respond(
      c,
      AssociationState,
      await updateAssociation({
        ctx: c.var.ctx,
        input: { id: c.req.valid('param').id, body: c.req.valid('json') },
      }),
    ),
  )
  .openapi(decideAssociationRoute, async (c) =>
    respond(
      c,
      AssociationState,
      await decideAssociation({
        ctx: c.var.ctx,
        input: {
          id: c.req.valid('param').id,
          body: c.req.valid('json'),
          origin: linkOrigin(c.var.deps.config),
        },
      }),
    ),
  )
  .openapi(listMembersRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(c, Members, await listMembers({ ctx: c.var.ctx, input: c.req.valid('param') }));
  })
  .openapi(inviteRoute, async (c) =>
    respondWith(
      c,
      Invitation,
      await inviteMember({
        ctx: c.var.ctx,
        input: {
          id: c.req.valid('param').id,
          body: c.req.valid('json'),
          origin: linkOrigin(c.var.deps.config),
        },
      }),
      201,
    ),
  )
  .openapi(removeMemberRoute, async (c) => {
    await removeMember({ ctx: c.var.ctx, input: c.req.valid('param') });
    return c.body(null, 204);
  })
  .openapi(acceptInvitationRoute, async (c) =>
    respond(
      c,
      z.object({ associationId: z.uuid(), role: z.enum(['admin', 'member']) }),
      await acceptInvitation({ ctx: c.var.ctx, input: c.req.valid('json') }),
    ),
  )
  .openapi(setLogoRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('form') };
    return respond(c, AssociationPrivate, await setLogo({ ctx: c.var.ctx, input }));
  })
  .openapi(removeLogoRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, AssociationPrivate, await removeLogo({ ctx: c.var.ctx, input }));
  });
