import { attendance, eventOccurrences, events, municipalities } from '@motesplats/db';
import { REMINDER_DAYS, attendanceReminderDue, composeMail } from '@motesplats/domain';
import { and, asc, eq, gt, isNull, lt, notExists } from 'drizzle-orm';
import { inTransaction, type ServiceCtx } from '../context';
import { associationReaders } from '../bookings/booking-mail';
import { localizer } from '../shared/localize';

const DAY = 86_400_000;
/** Dates looked at in one round; the next round takes the rest. */
const BATCH = 200;

/**
 * The morning after each date of a published event, its author and the association's admins
 * are asked how many took part, with a link straight to that date's form (once per date:
 * `attendance_reminded_at`). Dates already counted or cancelled are not asked about. Rows
 * are claimed with SKIP LOCKED, so several processes running this never ask twice.
 */
export async function sendAttendanceReminders({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { origin: string };
}): Promise<{ reminded: number }> {
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .select({ occurrence: eventOccurrences, event: events, municipality: municipalities })
      .from(eventOccurrences)
      .innerJoin(events, eq(events.id, eventOccurrences.eventId))
      .innerJoin(municipalities, eq(municipalities.id, eventOccurrences.municipalityId))
      .where(
        and(
          eq(eventOccurrences.status, 'scheduled'),
          eq(events.status, 'published'),
          isNull(eventOccurrences.attendanceRemindedAt),
          lt(eventOccurrences.endsAt, tx.now),
          gt(eventOccurrences.endsAt, new Date(tx.now.getTime() - (REMINDER_DAYS + 2) * DAY)),
          notExists(
            tx.db
              .select({ id: attendance.occurrenceId })
              .from(attendance)
              .where(eq(attendance.occurrenceId, eventOccurrences.id)),
          ),
        ),
      )
      .orderBy(asc(eventOccurrences.endsAt))
      .limit(BATCH)
      .for('update', { of: eventOccurrences, skipLocked: true });
    let reminded = 0;
    for (const { occurrence, event, municipality } of rows) {
      if (!attendanceReminderDue(occurrence.endsAt, municipality.timeZone, tx.now)) continue;
      const readers = await associationReaders(tx.db, {
        requestedBy: event.createdBy,
        associationId: event.associationId,
      });
      for (const reader of readers) {
        const text = localizer(reader.locale, municipality.languages);
        const mail = composeMail('attendance_reminder', reader.locale, {
          eventTitle: text.must(event.title).text,
          dates: [
            { start: occurrence.startsAt.toISOString(), end: occurrence.endsAt.toISOString() },
          ],
          zone: municipality.timeZone,
          url: `${input.origin}/${reader.locale}/events/${event.id}/manage#participants-${occurrence.id}`,
        });
        await tx.mailer.enqueue(tx.db, {
          to: reader.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          municipalityId: municipality.id,
          at: tx.now,
        });
      }
      await tx.db
        .update(eventOccurrences)
        .set({ attendanceRemindedAt: tx.now })
        .where(eq(eventOccurrences.id, occurrence.id));
      reminded++;
    }
    return { reminded };
  });
}
