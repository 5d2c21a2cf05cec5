import type { Db, MailAttachment, Tx } from '@motesplats/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Small text files, e.g. a booking's .ics (text/calendar; method=…). */
  attachments?: MailAttachment[];
  municipalityId?: string | null;
  /**
   * When the mail is written: pass the service's `ctx.now`. It is due from then, so tests
   * at a fixed instant see it delivered by a worker at that instant. Without it the
   * database's own clock is used.
   */
  at?: Date;
}

/**
 * Mail is written to the outbox in the transaction that causes it (DESIGN.md "Running");
 * a worker delivers it. Services call `enqueue` with their transaction.
 */
export interface Mailer {
  enqueue(tx: Db | Tx, mail: OutgoingMail): Promise<void>;
}
