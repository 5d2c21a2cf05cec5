import { createRoute, z } from '@hono/zod-openapi';
import { DeleteAccountInput } from '../../services/privacy/delete-account';
import { PageMeta, Paging, json, problems, problem } from '../shared/schemas';

export const AuditPage = z
  .object({
    timeZone: z.string(),
    items: z.array(
      z.object({
        id: z.number().int(),
        at: z.string(),
        action: z.string(),
        entity: z.string(),
        entityId: z.string(),
        actor: z
          .object({ id: z.uuid(), name: z.string().nullable(), email: z.string().nullable() })
          .nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    page: PageMeta,
  })
  .openapi('AuditPage');

export const auditRoute = createRoute({
  method: 'get',
  path: '/staff/audit',
  tags: ['Staff'],
  summary: 'The municipality’s audit log (its staff only), newest first',
  request: {
    query: z.object({
      municipality: z.string().regex(/^[a-z0-9-]{1,63}$/, 'must be a municipality slug'),
      from: z.string().max(40).optional(),
      to: z.string().max(40).optional(),
      actor: z.string().trim().max(254).optional(),
      entity: z
        .string()
        .regex(/^[a-z_]{1,40}$/, 'must be an entity name')
        .optional(),
      entityId: z.string().max(100).optional(),
      ...Paging,
    }),
  },
  responses: {
    200: json(AuditPage, 'Audit entries'),
    400: problems[400],
    401: problem('Not signed in'),
    403: problem('Not staff of this municipality'),
  },
});

export const exportRoute = createRoute({
  method: 'get',
  path: '/account/export',
  tags: ['Account'],
  summary: 'Download everything kept about me, as JSON',
  responses: {
    200: json(z.record(z.string(), z.unknown()), 'My data (attachment)'),
    401: problem('Not signed in'),
  },
});

export const deleteAccountRoute = createRoute({
  method: 'delete',
  path: '/account',
  tags: ['Account'],
  summary: 'Delete my account (confirm with the password); my bookings stay the association’s',
  request: {
    body: { content: { 'application/json': { schema: DeleteAccountInput } }, required: true },
  },
  responses: {
    204: { description: 'Deleted and signed out' },
    400: problem('Wrong password (`wrong_password`)'),
    401: problem('Not signed in'),
    403: problem('Wrong origin'),
    409: problem('The only administrator of an association with other members (`last_admin`)'),
  },
});
