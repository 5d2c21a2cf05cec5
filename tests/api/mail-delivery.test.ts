import { createDb, mailOutbox, type Db, type DbHandle } from '@motesplats/db';
import { composeMail } from '@motesplats/domain';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, deliverDue, type DeliveryResult } from '../../apps/api/src/mail/deliver';
import { outboxMailer } from '../../apps/api/src/mail/outbox-mailer';
import { createSmtpTransport } from '../../apps/api/src/mail/smtp-transport';
import type { MailTransport } from '../../apps/api/src/mail/transport';
import { startMailWorker } from '../../apps/api/src/mail/worker';
import { ENGINE, TEST_NOW } from '../setup/env';
import { startSmtp, type SmtpListener } from '../setup/smtp';
import { openTestDb, type TestDb } from '../setup/test-db';

const FROM = 'Mötesplats <no-reply@motesplats.example>';
const MIN = 60_000;
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms);

/** The outbox as the worker left it, for the given rows. */
const rows = (db: Db, ids: string[]) =>
  db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids)).orderBy(asc(mailOutbox.to));

/** Writes mail the way services do: in a transaction, at the service's `now`. */
async function enqueue(db: Db, to: string[], now = TEST_NOW): Promise<string[]> {
  await db.transaction(async (tx) => {
    for (const address of to) {
      await outboxMailer.enqueue(tx, {
        to: address,
        subject: `Test to ${address}`,
        text: `Hello ${address}`,
        at: now,
      });
    }
  });
  const written = await db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(inArray(mailOutbox.to, to));
  return written.map((r) => r.id);
}

describe(`mail delivery through a loopback SMTP server (${ENGINE})`, () => {
  let t: TestDb;
  let smtp: SmtpListener;
  const transports: MailTransport[] = [];
  const smtpTransport = (url = smtp.url) => {
    const transport = createSmtpTransport({ url, from: FROM });
    transports.push(transport);
    return transport;
  };

  beforeAll(async () => {
    t = await openTestDb('empty', { maxConnections: 10 });
    smtp = await startSmtp();
  });
  afterEach(async () => {
    smtp.refuse(null);
    smtp.delayMs = 0;
    for (const transport of transports.splice(0)) transport.close();
    // Each test starts from an empty outbox: mail left due by one is not another's.
    await t.db.delete(mailOutbox);
  });
  afterAll(async () => {
    await smtp.close();
    await t.close();
  });

  it('delivers a composed mail: UTF-8 subject, text and HTML, the link readable from both', async () => {
    const url = 'https://motesplats.borga.fi/sv/verify?token=Zx81-åäö&next=%2Fsv';
    const mail = composeMail('verify_email', 'sv', { name: 'Åsa Öberg', url });
    await t.db.transaction((tx) =>
      outboxMailer.enqueue(tx, { to: 'asa@example.org', ...mail, at: TEST_NOW }),
    );

    expect(await deliverDue({ db: t.db, transport: smtpTransport(), now: TEST_NOW })).toEqual({
      claimed: 1,
      sent: 1,
      retried: 0,
      failed: 0,
    });

    const got = await smtp.waitFor('ASA@example.org');
    expect(got.subject).toBe('Bekräfta din e-postadress för Mötesplats');
    expect(got.from).toBe('"Mötesplats" <no-reply@motesplats.example>');
    expect(got.envelope).toEqual({ from: 'no-reply@motesplats.example', to: ['asa@example.org'] });
    expect(got.text).toBe(mail.text);
    expect(got.links).toEqual([url]);
    expect(got.html).toBe(mail.html);
    expect(got.html).toContain('<html lang="sv" dir="ltr">');
    const hrefs = [...got.html.matchAll(/href="([^"]*)"/g)].map((m) =>
      m[1]!.replaceAll('&amp;', '&'),
    );
    expect(hrefs).toEqual([url, url]);
    expect(got.parsed.headers.get('auto-submitted')).toBe('auto-generated');

    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'asa@example.org'));
    expect(got.messageId).toBe(`<${row!.id}@motesplats.example>`);
    expect(row).toMatchObject({ sentAt: TEST_NOW, attempts: 1, lastError: null, failedAt: null });

    // Sent mail is not sent again.
    expect(
      (await deliverDue({ db: t.db, transport: smtpTransport(), now: at(60 * MIN) })).claimed,
    ).toBe(0);
    expect(smtp.received.filter((m) => m.envelope.to[0] === 'asa@example.org')).toHaveLength(1);
  });

  it('hands each received mail to one waitFor, in order of arrival (two resets to one address)', async () => {
    const transport = smtpTransport();
    const reset = (token: string) =>
      composeMail('reset_password', 'en', {
        name: 'Anna',
        url: `https://motesplats.example/en/reset?token=${token}`,
        expiresInMinutes: 30,
      });
    const waiting = smtp.waitFor('anna@example.org');
    for (const [token, minute] of [
      ['first', 0],
      ['second', 1],
    ] as const) {
      await t.db.transaction((tx) =>
        outboxMailer.enqueue(tx, { to: 'anna@example.org', ...reset(token), at: at(minute * MIN) }),
      );
      await deliverDue({ db: t.db, transport, now: at(minute * MIN) });
    }
    expect((await waiting).links).toEqual(['https://motesplats.example/en/reset?token=first']);
    expect((await smtp.waitFor('anna@example.org')).links).toEqual([
      'https://motesplats.example/en/reset?token=second',
    ]);
    await expect(smtp.waitFor('anna@example.org', { timeoutMs: 50 })).rejects.toThrow(
      /^No mail to anna@example.org within 50 ms; received \d+: /,
    );
  });

  it('retries a refused mail after 1, 2, 4 … minutes, at most hourly, and gives up after ten tries', async () => {
    smtp.refuse({
      at: 'rcpt',
      code: 451,
      message: '4.3.0 Try again later',
      to: 'busy@example.org',
    });
    const [id] = await enqueue(t.db, ['busy@example.org']);
    const transport = smtpTransport();

    let now = TEST_NOW;
    const waits: number[] = [];
    const results: DeliveryResult[] = [];
    for (let attempt = 1; attempt <= 10; attempt++) {
      // Not due a moment before its time.
      expect(
        (await deliverDue({ db: t.db, transport, now: new Date(now.getTime() - 1) })).claimed,
      ).toBe(0);
      results.push(await deliverDue({ db: t.db, transport, now }));
      const [row] = await rows(t.db, [id!]);
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toBe(
        "Can't send mail - all recipients were rejected: 451 4.3.0 Try again later",
      );
      if (attempt < 10) {
        expect(row!.failedAt).toBeNull();
        waits.push((row!.nextAttemptAt.getTime() - now.getTime()) / MIN);
        now = row!.nextAttemptAt;
      } else {
        expect(row!.failedAt).toEqual(now);
        expect(row!.sentAt).toBeNull();
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
    expect(results.map((r) => r.retried).join('')).toBe('1111111110');
    expect(results.at(-1)).toEqual({ claimed: 1, sent: 0, retried: 0, failed: 1 });
    // Given up: never claimed again.
    expect((await deliverDue({ db: t.db, transport, now: at(24 * 60 * MIN) })).claimed).toBe(0);
    expect(smtp.received.filter((m) => m.envelope.to[0] === 'busy@example.org')).toHaveLength(0);
  });

  it('sends on the next try once the server accepts again, exactly once', async () => {
    smtp.refuse({ at: 'data', code: 452, message: '4.3.1 Insufficient system storage' });
    const [id] = await enqueue(t.db, ['later@example.org']);
    const transport = smtpTransport();
    expect(await deliverDue({ db: t.db, transport, now: TEST_NOW })).toMatchObject({ retried: 1 });
    expect((await rows(t.db, [id!]))[0]).toMatchObject({
      attempts: 1,
      lastError: 'Message failed: 452 4.3.1 Insufficient system storage',
      nextAttemptAt: at(MIN),
    });

    smtp.refuse(null);
    expect(await deliverDue({ db: t.db, transport, now: at(MIN) })).toMatchObject({ sent: 1 });
    expect((await rows(t.db, [id!]))[0]).toMatchObject({ attempts: 2, sentAt: at(MIN) });
    await smtp.waitFor('later@example.org');
    expect(smtp.received.filter((m) => m.envelope.to[0] === 'later@example.org')).toHaveLength(1);
  });

  it('retries when the mail server is down, with the reason on one line', async () => {
    const down = await startSmtp();
    await down.close();
    const [id] = await enqueue(t.db, ['down@example.org']);
    const result = await deliverDue({
      db: t.db,
      transport: smtpTransport(down.url),
      now: TEST_NOW,
    });
    expect(result).toEqual({ claimed: 1, sent: 0, retried: 1, failed: 0 });
    const [row] = await rows(t.db, [id!]);
    expect(row).toMatchObject({ attempts: 1, nextAttemptAt: at(MIN), failedAt: null });
    expect(row!.lastError).toMatch(/ECONNREFUSED 127\.0\.0\.1:\d+/);
    expect(row!.lastError).not.toMatch(/\n|\s{2}|at .*\.js/);
  });

  it('gives up at once on an address the server does not know, but retries a refused relay', async () => {
    smtp.refuse({ at: 'rcpt', code: 550, message: '5.1.1 No such user', to: 'nobody@example.org' });
    smtp.refuse({
      at: 'rcpt',
      code: 554,
      message: '5.7.1 Relay access denied',
      to: 'relay@example.org',
    });
    const ids = await enqueue(t.db, ['nobody@example.org', 'relay@example.org']);
    const result = await deliverDue({ db: t.db, transport: smtpTransport(), now: TEST_NOW });
    expect(result).toEqual({ claimed: 2, sent: 0, retried: 1, failed: 1 });
    const [nobody, relay] = await rows(t.db, ids);
    expect(nobody).toMatchObject({ attempts: 1, failedAt: TEST_NOW });
    expect(nobody!.lastError).toContain('550 5.1.1 No such user');
    expect(relay).toMatchObject({ attempts: 1, failedAt: null, nextAttemptAt: at(MIN) });
    expect(relay!.lastError).toContain('554 5.7.1 Relay access denied');
  });

  it('sends a mail again after the lease when the worker that claimed it died mid-send', async () => {
    const [id] = await enqueue(t.db, ['crash@example.org']);
    // A worker claims it and is killed before it sends or records anything.
    expect((await claimDue(t.db, TEST_NOW, 10)).map((r) => r.id)).toContain(id);
    const transport = smtpTransport();
    expect((await deliverDue({ db: t.db, transport, now: at(14 * MIN) })).claimed).toBe(0);
    expect(await deliverDue({ db: t.db, transport, now: at(15 * MIN) })).toMatchObject({
      claimed: 1,
      sent: 1,
    });
    expect((await rows(t.db, [id!]))[0]).toMatchObject({ attempts: 2, sentAt: at(15 * MIN) });
    await smtp.waitFor('crash@example.org');
  });

  it('claims made at the same moment never hand out the same row', async () => {
    const other: DbHandle | undefined = t.url
      ? await createDb({ url: t.url, maxConnections: 5 })
      : undefined;
    try {
      const ids = await enqueue(
        t.db,
        Array.from({ length: 50 }, (_, i) => `claim${i}@example.org`),
      );
      // Twenty claims of three rows at once, from two sets of connections.
      const claims = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          claimDue(i % 2 && other ? other.db : t.db, TEST_NOW, 3),
        ),
      );
      const claimed = claims.flat().map((r) => r.id);
      expect(claimed).toHaveLength(50);
      expect(new Set(claimed)).toEqual(new Set(ids));
      expect((await rows(t.db, ids)).every((r) => r.attempts === 1)).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('two workers at once never send a row twice', async () => {
    // On PostgreSQL the second worker has its own connections, as another process would.
    const other: DbHandle | undefined = t.url
      ? await createDb({ url: t.url, maxConnections: 5 })
      : undefined;
    try {
      const addresses = Array.from(
        { length: 60 },
        (_, i) => `pair${String(i).padStart(2, '0')}@example.org`,
      );
      const ids = await enqueue(t.db, addresses);
      smtp.delayMs = 3;
      const drain = async (db: Db, transport: MailTransport) => {
        let sent = 0;
        for (;;) {
          const r = await deliverDue({ db, transport, now: TEST_NOW, batchSize: 5 });
          if (r.claimed === 0) return sent;
          sent += r.sent;
        }
      };
      const [a, b] = await Promise.all([
        drain(t.db, smtpTransport()),
        drain(other?.db ?? t.db, smtpTransport()),
      ]);
      expect(a + b).toBe(60);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);

      const got = smtp.received.filter((m) => m.envelope.to[0]!.startsWith('pair'));
      expect(got).toHaveLength(60);
      expect(new Set(got.map((m) => m.messageId)).size).toBe(60);
      expect(new Set(got.map((m) => m.envelope.to[0])).size).toBe(60);
      const after = await rows(t.db, ids);
      expect(
        after.every((r) => r.attempts === 1 && r.sentAt?.getTime() === TEST_NOW.getTime()),
      ).toBe(true);
    } finally {
      await other?.close();
    }
  });

  it('the background worker logs a failed round and tries again on the next', async () => {
    const [id] = await enqueue(t.db, ['again@example.org']);
    const away = (away: boolean) =>
      t.db.execute(
        away
          ? sql`alter table mail_outbox rename to mail_outbox_away`
          : sql`alter table if exists mail_outbox_away rename to mail_outbox`,
      );
    await away(true);
    const lines: string[] = [];
    const worker = startMailWorker({
      db: t.db,
      transport: smtpTransport(),
      clock: { now: () => TEST_NOW },
      intervalMs: 20,
      log: (line) => lines.push(line),
    });
    try {
      while (lines.length < 2) await new Promise((r) => setTimeout(r, 10));
      expect(lines[0]).toMatch(/^mail: delivery round failed: .*mail_outbox/);
      await away(false);
      await smtp.waitFor('again@example.org');
    } finally {
      await worker.stop();
      await away(false);
    }
    expect((await rows(t.db, [id!]))[0]).toMatchObject({ attempts: 1, sentAt: TEST_NOW });
  });

  it('the background worker delivers what is written later, and stop() finishes the batch in flight', async () => {
    let now = TEST_NOW;
    const clock = { now: () => now };
    const inner = smtpTransport();
    // The real transport, with a signal when it starts sending to a given address.
    const started = new Map<string, () => void>();
    const sendStarts = (to: string) => new Promise<void>((resolve) => started.set(to, resolve));
    const transport: MailTransport = {
      send: (m) => {
        started.get(m.to)?.();
        return inner.send(m);
      },
      close: () => inner.close(),
    };
    const rounds: DeliveryResult[] = [];
    const worker = startMailWorker({
      db: t.db,
      transport,
      clock,
      intervalMs: 20,
      onRound: (r) => rounds.push(r),
    });

    // Written while the worker runs: picked up by a later round.
    const [first] = await enqueue(t.db, ['bg1@example.org']);
    await smtp.waitFor('bg1@example.org');

    // A slow server: stop() is called as soon as a batch of three starts going out.
    smtp.delayMs = 150;
    now = at(MIN);
    const batchStarted = sendStarts('bg2@example.org');
    const batch = await enqueue(
      t.db,
      ['bg2@example.org', 'bg3@example.org', 'bg4@example.org'],
      now,
    );
    await batchStarted;
    const arrived = () => smtp.received.filter((m) => /^bg[234]@/.test(m.envelope.to[0]!)).length;
    const stopped = worker.stop();
    expect(arrived()).toBe(0);
    await stopped;
    // The batch in flight was sent and recorded before stop() returned.
    expect(arrived()).toBe(3);
    const done = await rows(t.db, batch);
    expect(done.map((r) => r.sentAt)).toEqual([now, now, now]);
    expect((await rows(t.db, [first!]))[0]!.sentAt).toEqual(TEST_NOW);

    // Nothing is claimed after stop().
    const [late] = await enqueue(t.db, ['bg5@example.org'], now);
    await new Promise((r) => setTimeout(r, 100));
    expect((await rows(t.db, [late!]))[0]).toMatchObject({ attempts: 0, sentAt: null });
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(4);
  });
});
