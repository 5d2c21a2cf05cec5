import { listAudit } from '../../services/audit/list-audit';
import { deleteAccount } from '../../services/privacy/delete-account';
import { exportMyData } from '../../services/privacy/export-data';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import { AuditPage, auditRoute, deleteAccountRoute, exportRoute } from './privacy.routes';

/** The audit log for staff, and a person's own data: export and deletion. */
export const privacyRouter = createRouter()
  .openapi(auditRoute, async (c) => {
    c.header('cache-control', 'private, no-store');
    return respond(c, AuditPage, await listAudit({ ctx: c.var.ctx, input: c.req.valid('query') }));
  })
  .openapi(exportRoute, async (c) => {
    const data = await exportMyData({ ctx: c.var.ctx });
    c.header('cache-control', 'private, no-store');
    c.header('content-disposition', `attachment; filename="motesplats-${data.account.id}.json"`);
    return c.json(data, 200);
  })
  .openapi(deleteAccountRoute, async (c) => {
    const { setCookies } = await deleteAccount({
      ctx: c.var.ctx,
      input: { cookie: c.req.header('cookie') ?? null, body: c.req.valid('json') },
    });
    for (const value of setCookies) c.header('set-cookie', value, { append: true });
    return c.body(null, 204);
  });
