import type { MailAttachment } from '@motesplats/db';

/** One outbox row on its way out. */
export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
}

/**
 * Hands a message to a mail server. `send` resolves once the server accepted it and throws
 * otherwise; a MailDeliveryError with `permanent` says that trying again will not help
 * (the server refused this recipient or this message for good).
 */
export interface MailTransport {
  send(message: OutboxMessage): Promise<void>;
  /** Closes open connections; the transport is not used afterwards. */
  close(): void;
}

export class MailDeliveryError extends Error {
  override name = 'MailDeliveryError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

/** An error as one line for `mail_outbox.last_error`: no stack, no line breaks, bounded. */
export function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 500 ? `${line.slice(0, 499)}…` : line;
}
