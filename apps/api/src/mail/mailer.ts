import type { Db, Tx } from '@motesplats/db';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  municipalityId?: string | null;
}

/**
 * Mail is written to the outbox in the transaction that causes it (DESIGN.md "Running");
 * a worker delivers it. Services call `enqueue` with their transaction.
 */
export interface Mailer {
  enqueue(tx: Db | Tx, mail: OutgoingMail): Promise<void>;
}
