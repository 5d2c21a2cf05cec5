import { respond, respondWith } from '../../http/respond';
import { createCategory } from '../../services/admin/create-category';
import { createMunicipality } from '../../services/admin/create-municipality';
import { deleteCategory } from '../../services/admin/delete-category';
import { getMunicipalityForAdmin } from '../../services/admin/get-municipality';
import { grantStaffRole } from '../../services/admin/grant-staff-role';
import { listCategoriesForAdmin } from '../../services/admin/list-categories';
import { listMunicipalitiesForAdmin } from '../../services/admin/list-municipalities';
import { revokeStaffRole } from '../../services/admin/revoke-staff-role';
import { updateCategory } from '../../services/admin/update-category';
import { updateMunicipality } from '../../services/admin/update-municipality';
import { createRouter } from '../shared/router';
import {
  AdminCategories,
  AdminCategory,
  AdminMunicipalities,
  AdminMunicipality,
  Created,
  createCategoryRoute,
  createMunicipalityRoute,
  deleteCategoryRoute,
  getMunicipalityRoute,
  grantStaffRoleRoute,
  listCategoriesRoute,
  listMunicipalitiesRoute,
  revokeStaffRoleRoute,
  updateCategoryRoute,
  updateMunicipalityRoute,
} from './admin.routes';

const adminRouter = createRouter();
// Answers name staff by e-mail: never kept by a shared cache.
adminRouter.use('/admin/*', async (c, next) => {
  await next();
  c.header('cache-control', 'private, no-store');
});

export const adminRoutes = adminRouter
  .openapi(listMunicipalitiesRoute, async (c) =>
    respond(
      c,
      AdminMunicipalities,
      await listMunicipalitiesForAdmin({ ctx: c.var.ctx, input: c.req.valid('query') }),
    ),
  )
  .openapi(createMunicipalityRoute, async (c) =>
    respondWith(
      c,
      Created,
      await createMunicipality({ ctx: c.var.ctx, input: c.req.valid('json') }),
      201,
    ),
  )
  .openapi(getMunicipalityRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, AdminMunicipality, await getMunicipalityForAdmin({ ctx: c.var.ctx, input }));
  })
  .openapi(updateMunicipalityRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, AdminMunicipality, await updateMunicipality({ ctx: c.var.ctx, input }));
  })
  .openapi(grantStaffRoleRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respondWith(c, AdminMunicipality, await grantStaffRole({ ctx: c.var.ctx, input }), 201);
  })
  .openapi(revokeStaffRoleRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query') };
    return respond(c, AdminMunicipality, await revokeStaffRole({ ctx: c.var.ctx, input }));
  })
  .openapi(listCategoriesRoute, async (c) =>
    respond(
      c,
      AdminCategories,
      await listCategoriesForAdmin({ ctx: c.var.ctx, input: c.req.valid('query') }),
    ),
  )
  .openapi(createCategoryRoute, async (c) => {
    const input = { ...c.req.valid('query'), body: c.req.valid('json') };
    return respondWith(c, AdminCategory, await createCategory({ ctx: c.var.ctx, input }), 201);
  })
  .openapi(updateCategoryRoute, async (c) => {
    const input = { ...c.req.valid('param'), ...c.req.valid('query'), body: c.req.valid('json') };
    return respond(c, AdminCategory, await updateCategory({ ctx: c.var.ctx, input }));
  })
  .openapi(deleteCategoryRoute, async (c) => {
    await deleteCategory({ ctx: c.var.ctx, input: c.req.valid('param') });
    return c.body(null, 204);
  });
