import { listCategories } from '../../services/catalog/list-categories';
import { listMunicipalities } from '../../services/catalog/list-municipalities';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import {
  CategoryList,
  MunicipalityList,
  listCategoriesRoute,
  listMunicipalitiesRoute,
} from './catalog.routes';

export const catalogRouter = createRouter()
  .openapi(listMunicipalitiesRoute, async (c) =>
    respond(
      c,
      MunicipalityList,
      await listMunicipalities({ ctx: c.var.ctx, input: c.req.valid('query') }),
    ),
  )
  .openapi(listCategoriesRoute, async (c) =>
    respond(c, CategoryList, await listCategories({ ctx: c.var.ctx, input: c.req.valid('query') })),
  );
