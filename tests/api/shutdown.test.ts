import { createDb, mailOutbox } from '@motesplats/db';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, startBuiltServer, type RunningServer } from '../setup/built-server';
import { scratchDatabase } from '../setup/database-url';
import { ENGINE, TEST_DATABASE_URL } from '../setup/env';
import { startSmtp, type SmtpListener } from '../setup/smtp';

const waitUntil = async (what: string, ok: () => boolean, timeoutMs = 15_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A POST whose body arrives in two parts: the request stays in flight until `finish()`. */
function slowPost(baseUrl: string, path: string, body: string, origin: string) {
  const url = new URL(path, baseUrl);
  const req = httpRequest(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      origin,
      'x-request-id': 'slow-request',
    },
  });
  const answer = new Promise<{ status: number; body: string; connection: string | undefined }>(
    (resolve, reject) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: text, connection: res.headers.connection }),
        );
      });
      req.on('error', reject);
    },
  );
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  // Seen as handled at once: a test that never finishes the request awaits `answer` itself.
  answer.catch(() => {});
  return {
    answer,
    finish: () => {
      req.end(body.slice(half));
      return answer;
    },
  };
}

/** Graceful shutdown of the built server (apps/api/src/index.ts), as a real process. */
describe(`graceful shutdown on SIGTERM (${ENGINE})`, { timeout: 180_000 }, () => {
  let bundle: ReturnType<typeof buildServer>;
  let smtp: SmtpListener;
  let server: RunningServer;
  let dataDir: string;
  let dbUrl: string | undefined;
  let dropDb = async () => {};

  beforeAll(async () => {
    bundle = buildServer('shutdown');
    // Each mail is answered only after 1.5 s: the worker's batch is in flight long enough.
    smtp = await startSmtp({ delayMs: 1500 });
    dataDir = mkdtempSync(join(tmpdir(), 'motesplats-shutdown-'));
    if (TEST_DATABASE_URL) {
      const scratch = await scratchDatabase(
        TEST_DATABASE_URL,
        `motesplats_shutdown_${process.pid}`,
      );
      dbUrl = scratch.url;
      dropDb = scratch.drop;
    }
    // PUBLIC_ORIGIN is set below once the port is known; the Origin check compares with
    // the request's own origin without it, which is what the test sends.
    server = await startBuiltServer(bundle.file, {
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      SHUTDOWN_TIMEOUT_MS: '20000',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    });
  }, 180_000);
  afterAll(async () => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
    await smtp?.close();
    await dropDb();
    rmSync(dataDir, { recursive: true, force: true });
    bundle?.remove();
  });

  it('finishes the request in flight and the mail batch, closes the database, exits 0', async () => {
    const origin = server.baseUrl;
    // A sign-up queues a verification mail; the worker's first round picks it up.
    const signUp = await fetch(`${server.baseUrl}/api/account`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({
        name: 'Aino Shutdown',
        email: 'aino.shutdown@example.org',
        password: 'a long enough password',
        locale: 'fi',
      }),
    });
    expect(signUp.status).toBe(202);
    const slow = slowPost(
      server.baseUrl,
      '/api/password/forgot',
      JSON.stringify({ email: 'nobody.shutdown@example.org', locale: 'sv' }),
      origin,
    );
    // The mail has reached the SMTP server, which holds its answer for 1.5 s.
    await waitUntil('the mail to be in flight', () =>
      smtp.arriving.includes('aino.shutdown@example.org'),
    );
    expect(smtp.received).toHaveLength(0);

    const signalled = performance.now();
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    // No new connections…
    const refused = await fetch(`${server.baseUrl}/api/health`).then(
      () => 'answered',
      (e: unknown) => String((e as { cause?: { code?: string } }).cause?.code ?? e),
    );
    expect(refused).toBe('ECONNREFUSED');
    expect(server.child.exitCode).toBeNull();

    // …but the request in flight gets its answer, and says the connection closes.
    const answer = await slow.finish();
    expect(answer.status).toBe(202);
    expect(answer.connection).toBe('close');

    expect(await server.exited).toBe(0);
    const tookMs = performance.now() - signalled;
    // The worker finished its batch: the mail was accepted before the process went.
    expect(smtp.received.map((m) => m.envelope.to)).toEqual([['aino.shutdown@example.org']]);
    expect(tookMs).toBeGreaterThan(1000);
    expect(tookMs).toBeLessThan(15_000);

    const lines = server.lines();
    const messages = lines.map((l) => l.msg);
    expect(messages).toContain('Shutting down: finishing the requests in flight.');
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'Stopped.', signal: 'SIGTERM' });
    expect(lines.filter((l) => l.reqId === 'slow-request')).toEqual([
      expect.objectContaining({ route: '/api/password/forgot', status: 202 }),
    ]);

    // …and recorded it as sent before the database closed.
    const db = await createDb(dbUrl ? { url: dbUrl, maxConnections: 1 } : { dataDir });
    try {
      const rows = await db.db.select().from(mailOutbox);
      const mine = rows.filter((r) => r.to === 'aino.shutdown@example.org');
      expect(mine).toHaveLength(1);
      expect(mine[0]!.sentAt).not.toBeNull();
    } finally {
      await db.close();
    }
  });

  it('past SHUTDOWN_TIMEOUT_MS it cuts what is left and exits 1', async () => {
    const again = await startBuiltServer(bundle.file, {
      DATA_DIR: dataDir,
      SHUTDOWN_TIMEOUT_MS: '500',
      ...(dbUrl ? { DATABASE_URL: dbUrl } : {}),
    });
    try {
      // Never finished: its body stays half sent.
      const stuck = slowPost(
        again.baseUrl,
        '/api/password/forgot',
        '{"email":"x@example.org"}',
        again.baseUrl,
      );
      await new Promise((r) => setTimeout(r, 200));
      const signalled = performance.now();
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(1);
      const lines = again.lines();
      const at = (msg: string) => Date.parse(lines.find((l) => l.msg === msg)?.time ?? '');
      // The server's own clock: from the signal taken to the cut, about the timeout.
      const waited =
        at('Shutdown timed out: cutting the remaining connections.') -
        at('Shutting down: finishing the requests in flight.');
      expect(waited).toBeGreaterThanOrEqual(500);
      expect(waited).toBeLessThan(2000);
      expect(performance.now() - signalled).toBeLessThan(10_000);
      expect(again.lines().map((l) => l.msg)).toContain(
        'Shutdown timed out: cutting the remaining connections.',
      );
      await expect(stuck.answer).rejects.toThrow();
    } finally {
      if (again.child.exitCode === null) again.child.kill('SIGKILL');
    }
  });
});
