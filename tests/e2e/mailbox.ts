// Mail the server under test really sent, as received by the SMTP listener of the e2e
// global setup (tests/setup/global-server.ts, mailbox-server.ts).
import { inject } from 'vitest';

const mailboxUrl = inject('mailboxUrl');

export interface Mail {
  subject: string;
  text: string;
  html: string;
  links: string[];
}

/** The next mail to `to` (with a link containing `link`, when given), waiting for it. */
export async function waitForMail(
  to: string,
  options: { link?: string; timeoutMs?: number } = {},
): Promise<Mail> {
  if (!mailboxUrl) throw new Error('No mailbox: the browser tests are skipped.');
  const url = new URL('/mail', mailboxUrl);
  url.searchParams.set('to', to);
  if (options.link) url.searchParams.set('link', options.link);
  url.searchParams.set('timeoutMs', String(options.timeoutMs ?? 30_000));
  const response = await fetch(url);
  const body = (await response.json()) as Mail & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `mailbox answered ${response.status}`);
  return body;
}

/** The mail's first link containing `part`. */
export function linkIn(mail: Mail, part: string): string {
  const link = mail.links.find((l) => l.includes(part));
  if (!link) throw new Error(`No link with ${part} in "${mail.subject}": ${mail.links.join(' ')}`);
  return link;
}
