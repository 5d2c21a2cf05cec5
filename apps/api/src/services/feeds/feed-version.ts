import { feedVersions, type Db } from '@motesplats/db';
import { eq, max, sql } from 'drizzle-orm';

export interface FeedVersion {
  /** Compared for equality only. */
  version: string;
  changedAt: Date;
}

const NEVER = new Date(0);

/**
 * The version of what a municipality's feeds show (raised at every commit that changes their
 * rows, migration 0009), or of all municipalities' for a feed across them: one index lookup,
 * read before the rows a feed is built from, so a build never outlives its version.
 */
export async function feedVersionOf(db: Db, municipalityId: string | null): Promise<FeedVersion> {
  if (municipalityId) {
    const [row] = await db
      .select({ version: feedVersions.version, changedAt: feedVersions.changedAt })
      .from(feedVersions)
      .where(eq(feedVersions.municipalityId, municipalityId));
    return row
      ? { version: String(row.version), changedAt: row.changedAt }
      : { version: '0', changedAt: NEVER };
  }
  // Count, sum and latest change together: a municipality deleted lowers the sum, but the
  // next raise anywhere moves the latest change, so no earlier triple comes back.
  const [row] = await db
    .select({
      rows: sql<string>`count(*)`,
      sum: sql<string>`coalesce(sum(${feedVersions.version}), 0)`,
      changedAt: max(feedVersions.changedAt),
    })
    .from(feedVersions);
  const changedAt = row?.changedAt ?? NEVER;
  return { version: `${row?.rows ?? 0}:${row?.sum ?? 0}:${changedAt.getTime()}`, changedAt };
}
