import { createRoute, z } from '@hono/zod-openapi';
import { json } from '../shared/schemas';

export const Site = z
  .object({
    /** ACCESSIBILITY_FEEDBACK_EMAIL: where the accessibility statement sends feedback. */
    accessibilityFeedbackEmail: z.string().nullable(),
  })
  .openapi('Site');

export const siteRoute = createRoute({
  method: 'get',
  path: '/site',
  tags: ['Site'],
  summary: "The installation's public facts the pages show (the accessibility feedback address)",
  responses: { 200: json(Site, 'The facts; a fact the operator did not set is null') },
});
