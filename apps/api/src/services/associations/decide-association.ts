import { associationMembers, associations, users } from '@motesplats/db';
import { DomainFailure, plainText, composeMail } from '@motesplats/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit, inTransaction, requireScope, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { findAssociation } from './find-association';

export const DecisionInput = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('verify') }),
  z.object({
    decision: z.literal('reject'),
    reason: plainText(2000, true).pipe(z.string().trim().min(1)),
  }),
]);

/**
 * Staff of the association's municipality verify it, or reject it with a reason its
 * members see. The decision, its audit row and the mail to the association's
 * administrators are one transaction. Deciding again changes the decision (a rejected
 * association that fixed its details can be verified), audited each time.
 */
export async function decideAssociation({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; origin: string };
}) {
  const decision = DecisionInput.parse(input.body);
  return inTransaction(ctx, async (tx) => {
    const { association, municipality } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'staff', municipalityId: association.municipalityId });
    const verified = decision.decision === 'verify';
    if (verified && association.verification === 'verified') {
      throw new DomainFailure({
        kind: 'conflict',
        code: 'already_verified',
        message: 'already verified',
      });
    }
    const [row] = await tx.db
      .update(associations)
      .set({
        verification: verified ? 'verified' : 'rejected',
        verifiedAt: verified ? tx.now : null,
        rejectionReason: verified ? null : decision.reason,
        updatedAt: tx.now,
      })
      .where(eq(associations.id, association.id))
      .returning();
    await audit(tx, {
      municipalityId: association.municipalityId,
      action: verified ? 'association.verify' : 'association.reject',
      entity: 'association',
      entityId: association.id,
      data: verified ? {} : { reason: decision.reason },
    });
    const admins = await tx.db
      .select({ email: users.email, name: users.name, locale: users.locale })
      .from(associationMembers)
      .innerJoin(users, eq(users.id, associationMembers.userId))
      .where(
        and(
          eq(associationMembers.associationId, association.id),
          eq(associationMembers.role, 'admin'),
        ),
      );
    for (const admin of admins) {
      const name = localizer(admin.locale, municipality.languages).must(association.name).text;
      const url = `${input.origin}/${admin.locale}/account`;
      const mail = verified
        ? composeMail('association_verified', admin.locale, { associationName: name, url })
        : composeMail('association_rejected', admin.locale, {
            associationName: name,
            reason: decision.reason,
            url,
          });
      await tx.mailer.enqueue(tx.db, {
        to: admin.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        municipalityId: municipality.id,
        at: tx.now,
      });
    }
    return { id: row!.id, verification: row!.verification, rejectionReason: row!.rejectionReason };
  });
}
