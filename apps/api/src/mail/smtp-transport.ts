import type { Transporter } from 'nodemailer';
import { MailDeliveryError, type MailTransport } from './transport';

export interface SmtpTransportOptions {
  /** SMTP_URL: smtp:// or smtps://, user and password in it, nodemailer options as query. */
  url: string;
  /** MAIL_FROM. */
  from: string;
  /** Connections open at once (the pool sends a batch over them). */
  maxConnections?: number;
}

/** Nodemailer's error fields that say what the server answered. */
interface NodemailerError extends Error {
  command?: string;
  response?: string;
  responseCode?: number;
}

/**
 * Permanent only when the server says the recipient's address is bad (5.1.x, RFC 3463:
 * no such mailbox, bad syntax) when given the recipient. Any other refusal, 5.7.x "relay
 * access denied" included, is more often our configuration than the mail, and is retried.
 */
export function isPermanentRefusal(e: NodemailerError): boolean {
  const enhanced = /^5\d\d[ -]5\.1\.\d{1,3}\b/.exec(e.response ?? '');
  return e.command === 'RCPT TO' && enhanced !== null;
}

/**
 * Sends through the SMTP server of SMTP_URL with nodemailer's pool, so a batch reuses its
 * connections. A refused recipient address is permanent (isPermanentRefusal); everything
 * else (4xx, a refused or dropped connection, a failed login, a timeout) is tried again.
 */
export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  // nodemailer (~300 KB of code) is loaded with the first message, not at start: a server
  // that has sent nothing since it started does not hold it (decision 012, "Idle memory").
  let mailer: Promise<Transporter> | undefined;
  const open = () =>
    (mailer ??= import('nodemailer').then(({ createTransport }) =>
      createTransport({
        url: options.url,
        pool: true,
        maxConnections: options.maxConnections ?? 2,
        // The outbox retries with back-off; the pool should not resend on its own.
        maxRequeues: 0,
        // Fail fast rather than hold a claimed batch for nodemailer's 2 and 10 minutes.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    ));
  const domain = /@([^>\s]+)>?$/.exec(options.from)?.[1] ?? 'motesplats.invalid';

  return {
    async send(message) {
      try {
        const transporter = await open();
        await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html ? { html: message.html } : {}),
          ...(message.attachments.length
            ? {
                attachments: message.attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: a.content,
                })),
              }
            : {}),
          // Stable per outbox row, so a message can be traced from the server's log to its row.
          messageId: `<${message.id}@${domain}>`,
          // RFC 3834: no out-of-office replies to automatic mail.
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        const e = error as NodemailerError;
        throw new MailDeliveryError(e.message ?? String(error), isPermanentRefusal(e));
      }
    },
    // A transport that never opened has nothing to close (and a failed open, nothing either).
    close: () =>
      void mailer?.then(
        (m) => m.close(),
        () => {},
      ),
  };
}
