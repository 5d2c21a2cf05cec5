import { categories } from '@motesplats/db';
import { DomainFailure, categoryUpdateInput, notFound } from '@motesplats/domain';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { changesOf } from '../shared/changes';
import { requireAdministrator } from './access';
import { adminCategory, eventsInCategory } from './list-categories';

export const UpdateCategoryInput = categoryUpdateInput;

/** Locked for the rest of the transaction, or 404. */
export async function findCategory(ctx: ServiceCtx, slug: string) {
  const [row] = await ctx.db
    .select()
    .from(categories)
    .where(eq(categories.slug, slug))
    .for('update');
  if (!row) throw new DomainFailure(notFound('category', slug));
  return row;
}

/**
 * An administrator renames a category (its names in any languages, all sent at once: a
 * language left out is removed), or gives it another pictogram or place. Audited with
 * before and after.
 */
export async function updateCategory({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { slug: string; lang: string; body: unknown };
}) {
  requireAdministrator(ctx);
  const fields = UpdateCategoryInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const before = await findCategory(tx, input.slug);
    const diff = changesOf(before, fields);
    let row = before;
    if (diff.changed.length) {
      [row] = (await tx.db
        .update(categories)
        .set(fields)
        .where(eq(categories.slug, before.slug))
        .returning()) as [typeof before];
      await audit(tx, {
        municipalityId: null,
        action: 'category.update',
        entity: 'category',
        entityId: before.slug,
        data: diff,
      });
    }
    return adminCategory(input.lang, row, await eventsInCategory(tx, row.slug));
  });
}
