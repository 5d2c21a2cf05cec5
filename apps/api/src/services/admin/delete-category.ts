import { categories, FOREIGN_KEY_VIOLATION, sqlState } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { conflict, requireAdministrator } from './access';
import { eventsInCategory } from './list-categories';
import { findCategory } from './update-category';

const inUse = (events?: number) =>
  events === undefined
    ? conflict('category_in_use', 'the category is in use')
    : conflict('category_in_use', `${events} events are in this category`, { events });

/**
 * An administrator removes a category no event uses; one in use is refused with 409
 * `category_in_use` and the number of its events (rename it instead). The row lock makes a
 * new event of the category wait for the answer (its foreign key check needs the row).
 */
export async function deleteCategory({ ctx, input }: { ctx: ServiceCtx; input: { slug: string } }) {
  requireAdministrator(ctx);
  try {
    await inTransaction(ctx, async (tx) => {
      const category = await findCategory(tx, input.slug);
      const events = await eventsInCategory(tx, category.slug);
      if (events > 0) throw inUse(events);
      await tx.db.delete(categories).where(eq(categories.slug, category.slug));
      await audit(tx, {
        municipalityId: null,
        action: 'category.delete',
        entity: 'category',
        entityId: category.slug,
        data: { name: category.name, pictogram: category.pictogram },
      });
    });
  } catch (e) {
    // Anything else that names the category (a table added later) refuses the delete too.
    if (sqlState(e) === FOREIGN_KEY_VIOLATION) throw inUse();
    throw e;
  }
}
