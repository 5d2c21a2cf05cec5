import {
  associationInvitations,
  attendance,
  auditLog,
  bookings,
  eventOccurrences,
  events,
  feedTokens,
  mailOutbox,
  sessions,
  throttles,
  verifications,
} from '@motesplats/db';
import { and, isNotNull, lt, notExists, or, sql } from 'drizzle-orm';
import { inTransaction, type ServiceCtx } from '../context';

/**
 * The retention job (issue 6 §6): personal data older than the retention period is
 * removed or cut loose from the people it names, in one transaction. Rows that reports
 * count (bookings, events, occurrences, attendance, audit entries) stay, without the
 * person: only who asked, decided, created or recorded becomes null, and free-text
 * booking purposes and decision notes, which may name people, are blanked. Idempotent:
 * running it again changes nothing.
 */
export async function anonymiseExpired({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { retentionMonths: number };
}) {
  const cutoff = new Date(ctx.now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - input.retentionMonths);
  return inTransaction(ctx, async (tx) => {
    const counted = async (query: Promise<unknown[]>) => (await query).length;
    const bookingsAnonymised = await counted(
      tx.db
        .update(bookings)
        .set({ requestedBy: null, decidedBy: null, purpose: '', decisionNote: null })
        .where(
          and(
            lt(bookings.endsAt, cutoff),
            or(
              isNotNull(bookings.requestedBy),
              isNotNull(bookings.decidedBy),
              sql`${bookings.purpose} <> ''`,
            ),
          ),
        )
        .returning({ id: bookings.id }),
    );
    const eventsAnonymised = await counted(
      tx.db
        .update(events)
        .set({ createdBy: null })
        .where(
          and(
            isNotNull(events.createdBy),
            lt(events.createdAt, cutoff),
            notExists(
              tx.db
                .select({ one: sql`1` })
                .from(eventOccurrences)
                .where(
                  and(
                    sql`${eventOccurrences.eventId} = ${events.id}`,
                    sql`${eventOccurrences.endsAt} >= ${cutoff.toISOString()}::timestamptz`,
                  ),
                ),
            ),
          ),
        )
        .returning({ id: events.id }),
    );
    const attendanceAnonymised = await counted(
      tx.db
        .update(attendance)
        .set({ recordedBy: null })
        .where(and(isNotNull(attendance.recordedBy), lt(attendance.recordedAt, cutoff)))
        .returning({ id: attendance.occurrenceId }),
    );
    const auditAnonymised = await counted(
      tx.db
        .update(auditLog)
        .set({ actorUserId: null, data: {} })
        .where(
          and(
            lt(auditLog.at, cutoff),
            or(isNotNull(auditLog.actorUserId), sql`${auditLog.data} <> '{}'::jsonb`),
          ),
        )
        .returning({ id: auditLog.id }),
    );
    const mailDeleted = await counted(
      tx.db
        .delete(mailOutbox)
        .where(lt(mailOutbox.createdAt, cutoff))
        .returning({ id: mailOutbox.id }),
    );
    const invitationsDeleted = await counted(
      tx.db
        .delete(associationInvitations)
        .where(lt(associationInvitations.createdAt, cutoff))
        .returning({ id: associationInvitations.id }),
    );
    // A revoked private calendar link says who followed which calendar: gone with the period.
    const feedLinksDeleted = await counted(
      tx.db
        .delete(feedTokens)
        .where(lt(feedTokens.revokedAt, cutoff))
        .returning({ id: feedTokens.id }),
    );
    // Short-lived data needs no retention period: expired sessions, tokens and throttles.
    const sessionsDeleted = await counted(
      tx.db.delete(sessions).where(lt(sessions.expiresAt, tx.now)).returning({ id: sessions.id }),
    );
    const tokensDeleted = await counted(
      tx.db
        .delete(verifications)
        .where(lt(verifications.expiresAt, tx.now))
        .returning({ id: verifications.id }),
    );
    const dayAgo = new Date(tx.now.getTime() - 24 * 60 * 60 * 1000);
    const throttlesDeleted = await counted(
      tx.db
        .delete(throttles)
        .where(lt(throttles.windowStartedAt, dayAgo))
        .returning({ key: throttles.key }),
    );
    return {
      cutoff: cutoff.toISOString(),
      bookingsAnonymised,
      eventsAnonymised,
      attendanceAnonymised,
      auditAnonymised,
      mailDeleted,
      invitationsDeleted,
      feedLinksDeleted,
      sessionsDeleted,
      tokensDeleted,
      throttlesDeleted,
    };
  });
}
