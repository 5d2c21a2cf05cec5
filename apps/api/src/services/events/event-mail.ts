import { composeMail } from '@motesplats/domain';
import type { ServiceCtx } from '../context';
import { associationReaders } from '../bookings/booking-mail';
import { localizer } from '../shared/localize';
import type { EventRow } from './managed-event';

/** Staff unpublished the event: its author and the association's admins read why. */
export async function notifyUnpublished(
  tx: ServiceCtx,
  o: { event: EventRow; languages: readonly string[]; reason: string; origin: string },
) {
  const readers = await associationReaders(tx.db, {
    requestedBy: o.event.createdBy,
    associationId: o.event.associationId,
  });
  for (const reader of readers) {
    const text = localizer(reader.locale, o.languages);
    const mail = composeMail('event_unpublished', reader.locale, {
      eventTitle: text.must(o.event.title).text,
      reason: o.reason,
      url: `${o.origin}/${reader.locale}/events/${o.event.id}/manage`,
    });
    await tx.mailer.enqueue(tx.db, {
      to: reader.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      municipalityId: o.event.municipalityId,
      at: tx.now,
    });
  }
}
