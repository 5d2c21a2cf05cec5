import { municipalities } from '@motesplats/db';
import { DomainFailure, notFound, type SignedInActor } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { requireScope, type ServiceCtx } from '../context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Administrators of the installation only: anonymous → 401, anyone else → 403 (`administrator`). */
export const requireAdministrator = (ctx: ServiceCtx): SignedInActor =>
  requireScope(ctx, { kind: 'administrator' });

/** A municipality by id, locked for the rest of the transaction when asked, or 404. */
export async function findMunicipality(ctx: ServiceCtx, id: string, lock = false) {
  if (!UUID.test(id)) throw new DomainFailure(notFound('municipality', id));
  const query = ctx.db.select().from(municipalities).where(eq(municipalities.id, id));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new DomainFailure(notFound('municipality', id));
  return row;
}

/** A 409 with a stable code (a taken slug, a category in use, the actor's own last role). */
export const conflict = (
  code: string,
  message: string,
  params?: Record<string, string | number | boolean>,
): DomainFailure =>
  new DomainFailure({ kind: 'conflict', code, message, ...(params ? { params } : {}) });
