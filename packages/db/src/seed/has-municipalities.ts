import type { Db, Tx } from '../client';
import { municipalities } from '../schema/index';

/**
 * Whether the database has a municipality: the demo seed leaves such a database untouched.
 * Its own module so that the server asks it before loading the seed and its data at all.
 */
export async function hasMunicipalities(db: Db | Tx): Promise<boolean> {
  const existing = await db.select({ id: municipalities.id }).from(municipalities).limit(1);
  return existing.length > 0;
}

/** What a start logs when the demo seed leaves the database untouched. */
export const SEED_UNTOUCHED_LINE =
  'Demo data: the database already has municipalities; left it untouched.';
