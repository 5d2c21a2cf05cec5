/**
 * A real SMTP server on loopback for tests: mail sent by the worker (or anything speaking
 * SMTP) arrives here and is parsed with mailparser, so a test reads subject, text, HTML and
 * links as a recipient would.
 *
 *   const smtp = await startSmtp();
 *   // … run the worker with createSmtpTransport({ url: smtp.url, from }) …
 *   const mail = await smtp.waitFor('anna@example.org');
 *   mail.subject; mail.text; mail.html; mail.links[0];   // the verification link
 *   await smtp.close();
 *
 * `smtp.url` is a valid SMTP_URL (it carries `ignoreTLS=true`: the listener offers neither
 * STARTTLS nor AUTH, see STACK.md traps).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** SMTP envelope: MAIL FROM and RCPT TO addresses. */
  envelope: { from: string; to: string[] };
  subject: string;
  /** The From header as written, e.g. `Mötesplats <no-reply@motesplats.example>`. */
  from: string;
  text: string;
  /** The HTML part as sent (entities not decoded), '' when there is none. */
  html: string;
  messageId: string;
  /** Every http(s) URL in the text part, in order. */
  links: string[];
  parsed: ParsedMail;
}

/** How the listener answers until told otherwise (for one address, or for all). */
export interface SmtpRefusal {
  at: 'rcpt' | 'data';
  /** e.g. 451 (try later), 550 (no such user). */
  code: number;
  /** e.g. '4.3.0 Try again later' */
  message: string;
  /** Only this recipient; every recipient when absent. */
  to?: string;
}

export interface SmtpListener {
  /** `smtp://127.0.0.1:<port>?ignoreTLS=true`, usable as SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted, in order of arrival. */
  received: ReceivedMail[];
  /**
   * The first message to `to` (the envelope recipient, any case) that no earlier waitFor
   * returned, waiting for it if it has not arrived. Rejects after `timeoutMs` (5 s) naming
   * what did arrive.
   */
  waitFor(
    to: string,
    options?: { timeoutMs?: number; match?: (mail: ReceivedMail) => boolean },
  ): Promise<ReceivedMail>;
  /** Refuse recipients or messages from now on; `null` accepts again. */
  refuse(refusal: SmtpRefusal | null): void;
  /** Wait this long before answering each message (to make concurrent senders overlap). */
  delayMs: number;
  /** Recipients of every message whose data has arrived, answered or not yet (delayMs). */
  arriving: string[];
  close(): Promise<void>;
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+/g;

export async function startSmtp(options: { delayMs?: number } = {}): Promise<SmtpListener> {
  const received: ReceivedMail[] = [];
  const taken = new Set<ReceivedMail>();
  const waiters = new Set<() => void>();
  const refusals: SmtpRefusal[] = [];
  const refusalFor = (at: SmtpRefusal['at'], to: string[]) =>
    refusals.find(
      (r) => r.at === at && (!r.to || to.some((a) => a.toLowerCase() === r.to!.toLowerCase())),
    );
  const smtpError = (r: SmtpRefusal) =>
    Object.assign(new Error(r.message), { responseCode: r.code });

  const listener: SmtpListener = {
    url: '',
    port: 0,
    received,
    delayMs: options.delayMs ?? 0,
    arriving: [],
    refuse(refusal) {
      if (refusal === null) refusals.length = 0;
      else refusals.unshift(refusal);
    },
    waitFor(to, { timeoutMs = 5_000, match = () => true } = {}) {
      const wanted = to.toLowerCase();
      const find = () =>
        received.find(
          (m) => !taken.has(m) && m.envelope.to.some((a) => a.toLowerCase() === wanted) && match(m),
        );
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = find();
          if (!mail) return;
          taken.add(mail);
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = received.map((m) => `${m.envelope.to.join(',')}: ${m.subject}`);
          reject(
            new Error(
              `No mail to ${to} within ${timeoutMs} ms; received ${seen.length}: ${seen.join(' | ') || '—'}`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // No reverse DNS of 127.0.0.1 for every connection (slow where there is no resolver).
    disableReverseLookup: true,
    banner: 'Mötesplats test listener',
    // Do not wait the default 30 s for a sender's idle pooled connection when closing.
    closeTimeout: 200,
    onRcptTo(address, _session, callback) {
      const refusal = refusalFor('rcpt', [address.address]);
      callback(refusal ? smtpError(refusal) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        listener.arriving.push(...envelope.to);
        const finish = async () => {
          if (listener.delayMs > 0) await new Promise((r) => setTimeout(r, listener.delayMs));
          const refusal = refusalFor('data', envelope.to);
          if (refusal) return callback(smtpError(refusal));
          const parsed = await simpleParser(Buffer.concat(chunks));
          const text = parsed.text ?? '';
          received.push({
            envelope,
            subject: parsed.subject ?? '',
            from: parsed.from?.text ?? '',
            text,
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            links: text.match(URL_IN_TEXT) ?? [],
            parsed,
          });
          callback(null);
          for (const waiter of [...waiters]) waiter();
        };
        finish().catch((error: unknown) => callback(error as Error));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  listener.port = port;
  listener.url = `smtp://127.0.0.1:${port}?ignoreTLS=true`;
  return listener;
}
