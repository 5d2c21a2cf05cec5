import { associations, municipalities } from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import type { ServiceCtx } from '../context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An association with its municipality, or 404 (also for an id that is no UUID). */
export async function findAssociation(ctx: Pick<ServiceCtx, 'db'>, id: string, lock = false) {
  if (!UUID.test(id)) throw new DomainFailure(notFound('association', id));
  const query = ctx.db
    .select({ association: associations, municipality: municipalities })
    .from(associations)
    .innerJoin(municipalities, eq(municipalities.id, associations.municipalityId))
    .where(eq(associations.id, id));
  const [row] = lock ? await query.for('update', { of: associations }) : await query;
  if (!row) throw new DomainFailure(notFound('association', id));
  return row;
}
