import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../client';

/** Inserts rows in statements of at most `size` rows (one statement for small tables). */
export async function insertAll<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: readonly T['$inferInsert'][],
  size = 500,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    await tx.insert(table).values(rows.slice(i, i + size) as never);
  }
}
