import { associations, municipalities } from '@motesplats/db';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { privateAssociation } from './association-views';

type Verification = 'unverified' | 'pending' | 'verified' | 'rejected';

/**
 * The associations of the municipalities where the actor is staff, oldest first, by
 * verification state (the queue: `pending`). Staff of no municipality get an empty list.
 */
export async function listAssociationsForStaff({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string; verification?: Verification | undefined };
}) {
  const actor = requireUser(ctx);
  const ids = actor.staff.map((s) => s.municipalityId);
  if (ids.length === 0) return { items: [] };
  const where: SQL[] = [inArray(associations.municipalityId, ids)];
  if (input.verification) where.push(eq(associations.verification, input.verification));
  const rows = await ctx.db
    .select({ association: associations, municipality: municipalities })
    .from(associations)
    .innerJoin(municipalities, eq(municipalities.id, associations.municipalityId))
    .where(and(...where))
    .orderBy(asc(associations.createdAt), asc(associations.id));
  return {
    items: rows.map(({ association, municipality }) =>
      privateAssociation(localizer(input.lang, municipality.languages), association, municipality),
    ),
  };
}
