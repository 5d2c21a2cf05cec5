import { listOccurrences } from '../../services/occurrences/list-occurrences';
import { listPeriodOccurrences } from '../../services/occurrences/list-period-occurrences';
import { respond } from '../../http/respond';
import { createRouter } from '../shared/router';
import {
  OccurrencePage,
  OccurrencePeriod,
  listOccurrencesRoute,
  listPeriodOccurrencesRoute,
} from './occurrences.routes';

export const occurrencesRouter = createRouter()
  .openapi(listPeriodOccurrencesRoute, async (c) => {
    const period = await listPeriodOccurrences({ ctx: c.var.ctx, input: c.req.valid('query') });
    return respond(c, OccurrencePeriod, period);
  })
  .openapi(listOccurrencesRoute, async (c) => {
    const page = await listOccurrences({ ctx: c.var.ctx, input: c.req.valid('query') });
    return respond(c, OccurrencePage, page);
  });
