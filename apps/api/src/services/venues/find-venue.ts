import { buildings, municipalities, venues, type Db } from '@motesplats/db';
import { DomainFailure, notFound } from '@motesplats/domain';
import { eq } from 'drizzle-orm';

/** A venue with its building and municipality, or a not_found failure. */
export async function findVenue(db: Db, id: string) {
  const [row] = await db
    .select({ venue: venues, building: buildings, municipality: municipalities })
    .from(venues)
    .innerJoin(buildings, eq(buildings.id, venues.buildingId))
    .innerJoin(municipalities, eq(municipalities.id, venues.municipalityId))
    .where(eq(venues.id, id));
  if (!row) throw new DomainFailure(notFound('venue', id));
  return row;
}
