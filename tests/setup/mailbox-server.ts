/**
 * The SMTP listener's messages over HTTP on loopback, for test files that run in another
 * process than the global setup that owns the listener:
 *
 *   GET /mail?to=anna@example.org[&link=/api/auth/verify-email][&timeoutMs=30000]
 *   → 200 { subject, text, html, links } — the next mail to that address (whose links
 *     contain `link`, when given) that no earlier request returned, waiting for it;
 *   → 404 { error } when none arrives in time.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SmtpListener } from './smtp';

export async function startMailbox(smtp: SmtpListener) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const to = url.searchParams.get('to');
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET' || url.pathname !== '/mail' || !to)
      return answer(400, { error: 'GET /mail?to=… expected' });
    const link = url.searchParams.get('link');
    const timeoutMs = Math.min(Number(url.searchParams.get('timeoutMs')) || 30_000, 120_000);
    smtp
      .waitFor(to, {
        timeoutMs,
        ...(link ? { match: (m) => m.links.some((l) => l.includes(link)) } : {}),
      })
      .then(
        (mail) =>
          answer(200, {
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            links: mail.links,
          }),
        (error: Error) => answer(404, { error: error.message }),
      );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
