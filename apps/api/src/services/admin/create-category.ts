import { categories, sqlState, UNIQUE_VIOLATION } from '@motesplats/db';
import { categoryCreateInput } from '@motesplats/domain';
import { eq, max } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { conflict, requireAdministrator } from './access';
import { adminCategory } from './list-categories';

export const CreateCategoryInput = categoryCreateInput;

const slugTaken = () => conflict('slug_taken', 'a category already has this slug');

/**
 * An administrator adds an event category for every municipality: its slug (in feed and
 * filter addresses, never changed), its names, its pictogram, placed last unless told.
 */
export async function createCategory({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { lang: string; body: unknown };
}) {
  requireAdministrator(ctx);
  const fields = CreateCategoryInput.parse(input.body);
  try {
    return await inTransaction(ctx, async (tx) => {
      const [taken] = await tx.db
        .select({ slug: categories.slug })
        .from(categories)
        .where(eq(categories.slug, fields.slug));
      if (taken) throw slugTaken();
      const [{ last } = { last: null }] = await tx.db
        .select({ last: max(categories.position) })
        .from(categories);
      const [row] = await tx.db
        .insert(categories)
        .values({ ...fields, position: fields.position ?? (last ?? -1) + 1 })
        .returning();
      await audit(tx, {
        municipalityId: null,
        action: 'category.create',
        entity: 'category',
        entityId: row!.slug,
        data: { name: row!.name, pictogram: row!.pictogram, position: row!.position },
      });
      return adminCategory(input.lang, row!, 0);
    });
  } catch (e) {
    if (sqlState(e) === UNIQUE_VIOLATION) throw slugTaken();
    throw e;
  }
}
