import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import { Site, siteRoute } from './site.routes';

export const siteRouter = createRouter().openapi(siteRoute, (c) => {
  c.header('cache-control', 'public, max-age=300');
  return respond(c, Site, {
    accessibilityFeedbackEmail: c.var.deps.config.accessibilityFeedbackEmail ?? null,
  });
});
