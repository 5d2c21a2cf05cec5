import { mailOutbox } from '@motesplats/db';
import type { Mailer } from './mailer';

/** Writes mail to the outbox table; with no SMTP_URL it stays there as the development outbox. */
export const outboxMailer: Mailer = {
  async enqueue(tx, mail) {
    await tx.insert(mailOutbox).values({
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html ?? null,
      attachments: mail.attachments ?? [],
      municipalityId: mail.municipalityId ?? null,
      ...(mail.at ? { createdAt: mail.at, nextAttemptAt: mail.at } : {}),
    });
  },
};
