import { venues } from '@motesplats/db';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit, inTransaction, type ServiceCtx } from '../context';
import { ownVenue, requireStaff } from './access';
import { staffVenueView } from './get-venue';

export const SetBookableInput = z.strictObject({ bookable: z.boolean() });

/**
 * Takes a venue out of booking (or back in). Nothing is deleted: its bookings, events and
 * feed stay; new requests are refused while it is out.
 */
export async function setBookable({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string; body: unknown };
}) {
  requireStaff(ctx);
  const { bookable } = SetBookableInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const venue = await ownVenue(tx, input.id);
    if (venue.bookable !== bookable) {
      await tx.db
        .update(venues)
        .set({ bookable, updatedAt: tx.now })
        .where(eq(venues.id, venue.id));
      await audit(tx, {
        municipalityId: venue.municipalityId,
        action: bookable ? 'venue.reopen' : 'venue.withdraw',
        entity: 'venue',
        entityId: venue.id,
        data: { bookable },
      });
    }
    return staffVenueView(tx, venue.id, input.lang);
  });
}
