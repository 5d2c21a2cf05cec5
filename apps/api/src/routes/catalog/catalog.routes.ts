import { createRoute, z } from '@hono/zod-openapi';
import { CategoryRef, Lang, Localized, json, problems } from '../shared/schemas';

export const MunicipalityList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      name: Localized,
      timeZone: z.string(),
      languages: z.array(z.string()),
    }),
  ),
});
export const CategoryList = z.object({ items: z.array(CategoryRef) });

export const listMunicipalitiesRoute = createRoute({
  method: 'get',
  path: '/municipalities',
  tags: ['Catalog'],
  summary: 'The municipalities this installation serves',
  request: { query: z.object({ lang: Lang }) },
  responses: { 200: json(MunicipalityList, 'Municipalities'), 400: problems[400] },
});

export const listCategoriesRoute = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['Catalog'],
  summary: 'Event categories with their pictogram keys',
  request: { query: z.object({ lang: Lang }) },
  responses: { 200: json(CategoryList, 'Categories'), 400: problems[400] },
});
