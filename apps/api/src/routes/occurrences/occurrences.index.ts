import { listOccurrences } from '../../services/occurrences/list-occurrences';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import { OccurrencePage, listOccurrencesRoute } from './occurrences.routes';

export const occurrencesRouter = createRouter().openapi(listOccurrencesRoute, async (c) => {
  const page = await listOccurrences({ ctx: c.var.ctx, input: c.req.valid('query') });
  return respond(c, OccurrencePage, page);
});
