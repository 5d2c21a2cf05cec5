import { municipalities, type Db } from '@motesplats/db';
import { DEFAULT_ZONE } from '@motesplats/domain';
import { eq } from 'drizzle-orm';

/** The municipality's IANA zone: where the dates of its bookings are counted. */
export async function zoneOf(db: Db, municipalityId: string): Promise<string> {
  const [row] = await db
    .select({ zone: municipalities.timeZone })
    .from(municipalities)
    .where(eq(municipalities.id, municipalityId));
  return row?.zone ?? DEFAULT_ZONE;
}
