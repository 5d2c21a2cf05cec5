import { createRoute, z } from '@hono/zod-openapi';
import { PICTOGRAMS, STAFF_ROLE_KINDS } from '@motesplats/domain';
import { CreateCategoryInput } from '../../services/admin/create-category';
import { CreateMunicipalityInput } from '../../services/admin/create-municipality';
import { GrantStaffRoleInput } from '../../services/admin/grant-staff-role';
import { UpdateCategoryInput } from '../../services/admin/update-category';
import { UpdateMunicipalityInput } from '../../services/admin/update-municipality';
import { Lang, Localized, Uuid, json, problem, jsonBody } from '../shared/schemas';

/** The installation's administrators (issue 6 §1): municipalities, staff roles, categories. */
const Texts = z.partialRecord(z.string(), z.string());

export const AdminMunicipalitySummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: Localized,
  texts: z.object({ name: Texts }),
  timeZone: z.string(),
  languages: z.array(z.string()),
  region: z.string().nullable(),
  staffRoles: z.number().int(),
});
export const AdminMunicipalities = z
  .object({ items: z.array(AdminMunicipalitySummary) })
  .openapi('AdminMunicipalities');

export const AdminMunicipality = AdminMunicipalitySummary.omit({ staffRoles: true })
  .extend({
    staff: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        email: z.string(),
        role: z.enum(STAFF_ROLE_KINDS),
        source: z.enum(['manual', 'oidc']).openapi({
          description:
            '`oidc`: from the identity provider at sign-in (a later sign-in may take it away)',
        }),
        grantedAt: z.string(),
      }),
    ),
  })
  .openapi('AdminMunicipality');

export const AdminCategory = z
  .object({
    slug: z.string(),
    name: Localized,
    texts: z.object({ name: Texts }),
    pictogram: z.enum(PICTOGRAMS).or(z.string()),
    position: z.number().int(),
    events: z.number().int().openapi({ description: 'Events (of every municipality) in it' }),
  })
  .openapi('AdminCategory');
export const AdminCategories = z.object({ items: z.array(AdminCategory) });
export const Created = z.object({ id: z.uuid() });

const guarded = {
  401: problem('Not signed in'),
  403: problem(
    'Not an administrator of the installation (`code: administrator`), or another origin (`code: origin`)',
  ),
};
const LangQuery = z.object({ lang: Lang });
const MunicipalityParams = z.object({ id: Uuid('id') });
const CategoryParams = z.object({
  slug: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'slug must be a category slug')
    .openapi({ param: { name: 'slug', in: 'path' } }),
});
const tags = ['Administration'];

export const listMunicipalitiesRoute = createRoute({
  method: 'get',
  path: '/admin/municipalities',
  tags,
  summary: 'Every municipality of the installation, with all its names',
  request: { query: LangQuery },
  responses: { 200: json(AdminMunicipalities, 'Municipalities'), ...guarded },
});

export const createMunicipalityRoute = createRoute({
  method: 'post',
  path: '/admin/municipalities',
  tags,
  summary: 'Add a municipality: names in Swedish and Finnish, an IANA time zone, its languages',
  request: jsonBody(CreateMunicipalityInput),
  responses: {
    201: json(Created, 'The new municipality'),
    400: problem('A field is invalid (e.g. `time_zone`, `slug_format`); `errors` names it'),
    ...guarded,
    409: problem('Another municipality has this slug (`slug_taken`)'),
  },
});

export const getMunicipalityRoute = createRoute({
  method: 'get',
  path: '/admin/municipalities/{id}',
  tags,
  summary: 'A municipality with its staff and their roles',
  request: { params: MunicipalityParams, query: LangQuery },
  responses: {
    200: json(AdminMunicipality, 'The municipality'),
    ...guarded,
    404: problem('No such municipality'),
  },
});

export const updateMunicipalityRoute = createRoute({
  method: 'patch',
  path: '/admin/municipalities/{id}',
  tags,
  summary: 'Rename a municipality, or change its time zone, languages or region',
  request: { params: MunicipalityParams, query: LangQuery, ...jsonBody(UpdateMunicipalityInput) },
  responses: {
    200: json(AdminMunicipality, 'The municipality as changed'),
    400: problem('A field is invalid; `errors` names it'),
    ...guarded,
    404: problem('No such municipality'),
  },
});

export const grantStaffRoleRoute = createRoute({
  method: 'post',
  path: '/admin/municipalities/{id}/staff-roles',
  tags,
  summary: 'Grant a staff role in the municipality to the account with this e-mail address',
  request: { params: MunicipalityParams, query: LangQuery, ...jsonBody(GrantStaffRoleInput) },
  responses: {
    201: json(AdminMunicipality, 'Granted (audited); the municipality with its staff'),
    400: problem('No account has this address (`unknown_user` on `email`), or a field is invalid'),
    ...guarded,
    404: problem('No such municipality'),
    409: problem('The person holds this role already (`already_granted`)'),
  },
});

export const revokeStaffRoleRoute = createRoute({
  method: 'delete',
  path: '/admin/municipalities/{id}/staff-roles/{userId}/{role}',
  tags,
  summary: 'Revoke a staff role (it ends at the person’s next request)',
  request: {
    params: MunicipalityParams.extend({
      userId: Uuid('userId'),
      role: z.enum(STAFF_ROLE_KINDS).openapi({ param: { name: 'role', in: 'path' } }),
    }),
    query: LangQuery,
  },
  responses: {
    200: json(AdminMunicipality, 'Revoked (audited); the municipality with its staff'),
    ...guarded,
    404: problem('No such municipality, or the person does not hold the role'),
    409: problem('Your own last staff administrator role (`last_own_admin_role`)'),
  },
});

export const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/admin/categories',
  tags,
  summary: 'The event categories with all their names and how many events use each',
  request: { query: LangQuery },
  responses: { 200: json(AdminCategories, 'Categories in their order'), ...guarded },
});

export const createCategoryRoute = createRoute({
  method: 'post',
  path: '/admin/categories',
  tags,
  summary: 'Add an event category (for every municipality)',
  request: { query: LangQuery, ...jsonBody(CreateCategoryInput) },
  responses: {
    201: json(AdminCategory, 'The new category'),
    400: problem('A field is invalid; `errors` names it'),
    ...guarded,
    409: problem('Another category has this slug (`slug_taken`)'),
  },
});

export const updateCategoryRoute = createRoute({
  method: 'patch',
  path: '/admin/categories/{slug}',
  tags,
  summary: 'Rename a category (its names in every language, sent together), or move it',
  request: { params: CategoryParams, query: LangQuery, ...jsonBody(UpdateCategoryInput) },
  responses: {
    200: json(AdminCategory, 'The category as changed'),
    400: problem('A field is invalid; `errors` names it'),
    ...guarded,
    404: problem('No such category'),
  },
});

export const deleteCategoryRoute = createRoute({
  method: 'delete',
  path: '/admin/categories/{slug}',
  tags,
  summary: 'Remove a category no event uses',
  request: { params: CategoryParams },
  responses: {
    204: { description: 'Removed (audited)' },
    ...guarded,
    404: problem('No such category'),
    409: problem('Events use it (`category_in_use`, `params.events` says how many)'),
  },
});
