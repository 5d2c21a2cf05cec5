import { mailOutbox, type Db } from '@motesplats/db';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { errorLine, MailDeliveryError, type MailTransport, type OutboxMessage } from './transport';

/** How often and how long a mail is tried. */
export interface RetryPolicy {
  /** Tries in all, the first included; after the last failure the mail gets failed_at. */
  maxAttempts: number;
  /** Wait after the first failure; it doubles after each further one… */
  baseDelayMs: number;
  /** …up to this. */
  maxDelayMs: number;
}

/**
 * 1, 2, 4, 8, 16, 32 minutes, then hourly: ten tries over about four hours, enough for a
 * relay's restart or an afternoon's outage; a reset link is stale by then anyway.
 */
export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 10,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
};

/** The wait before the next try after `attempts` failed tries (1 → base, 2 → 2 × base, …). */
export function retryDelayMs(attempts: number, policy: RetryPolicy = defaultRetryPolicy): number {
  const exponent = Math.max(0, attempts - 1);
  return Math.min(policy.baseDelayMs * 2 ** Math.min(exponent, 30), policy.maxDelayMs);
}

export interface DeliveryOptions {
  db: Db;
  transport: MailTransport;
  /** The instant of this round: what is due, and the times written. */
  now: Date;
  /** Rows claimed and sent per round. */
  batchSize?: number;
  retry?: RetryPolicy;
  /**
   * How long a claimed row stays invisible to other workers. If this process dies while
   * sending, the row becomes due again after it: longer than a batch can take to send.
   */
  leaseMs?: number;
}

export interface DeliveryResult {
  claimed: number;
  sent: number;
  /** Failed this time, scheduled again. */
  retried: number;
  /** Given up: failed_at set. */
  failed: number;
}

export const DEFAULT_BATCH_SIZE = 10;
export const DEFAULT_LEASE_MS = 15 * 60_000;

const due = (now: Date) =>
  and(isNull(mailOutbox.sentAt), isNull(mailOutbox.failedAt), lte(mailOutbox.nextAttemptAt, now));

/**
 * Claims up to `batchSize` due rows for this worker: locks them with FOR UPDATE SKIP LOCKED
 * (rows another worker is claiming are passed over, not waited for), counts the attempt and
 * moves next_attempt_at past the lease, in one statement that commits at once. No
 * transaction stays open while mail is sent, and no other worker sees these rows until the
 * lease ends.
 */
export async function claimDue(
  db: Db,
  now: Date,
  batchSize = DEFAULT_BATCH_SIZE,
  leaseMs = DEFAULT_LEASE_MS,
): Promise<(OutboxMessage & { attempts: number })[]> {
  const batch = db
    .$with('batch')
    .as(
      db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(due(now))
        .orderBy(asc(mailOutbox.nextAttemptAt))
        .limit(batchSize)
        .for('update', { skipLocked: true }),
    );
  return db
    .with(batch)
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + leaseMs),
    })
    .from(batch)
    .where(eq(mailOutbox.id, batch.id))
    .returning({
      id: mailOutbox.id,
      to: mailOutbox.to,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
      attachments: mailOutbox.attachments,
      attempts: mailOutbox.attempts,
    });
}

/**
 * One round of the worker: claims due mail, sends each through the transport, and marks it
 * sent, or records the error (one line) and schedules the next try with exponential
 * back-off, or gives up (failed_at) after the last try or on a permanent refusal.
 */
export async function deliverDue(options: DeliveryOptions): Promise<DeliveryResult> {
  const { db, transport, now } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const claimed = await claimDue(db, now, options.batchSize, options.leaseMs);
  const result: DeliveryResult = { claimed: claimed.length, sent: 0, retried: 0, failed: 0 };

  // Every mail of the batch is finished (sent or recorded) before the round returns, even
  // when recording one of them fails; then the first such failure is thrown.
  const outcomes = await Promise.allSettled(
    claimed.map(async ({ attempts, ...message }) => {
      const mine = and(eq(mailOutbox.id, message.id), isNull(mailOutbox.sentAt));
      if (attempts > retry.maxAttempts) {
        // Claimed before and never finished (the process died while sending, each time).
        result.failed++;
        await db
          .update(mailOutbox)
          .set({ failedAt: now, lastError: `not finished after ${attempts - 1} attempts` })
          .where(mine);
        return;
      }
      try {
        await transport.send(message);
      } catch (error) {
        const lastError = errorLine(error);
        const permanent = error instanceof MailDeliveryError && error.permanent;
        if (permanent || attempts >= retry.maxAttempts) {
          result.failed++;
          await db.update(mailOutbox).set({ lastError, failedAt: now }).where(mine);
        } else {
          result.retried++;
          const nextAttemptAt = new Date(now.getTime() + retryDelayMs(attempts, retry));
          await db.update(mailOutbox).set({ lastError, nextAttemptAt }).where(mine);
        }
        return;
      }
      result.sent++;
      await db.update(mailOutbox).set({ sentAt: now }).where(mine);
    }),
  );
  const broken = outcomes.find((o) => o.status === 'rejected');
  if (broken) throw broken.reason;
  return result;
}
