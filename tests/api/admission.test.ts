// The admission limit (apps/api/src/http/admission.ts) on a real node:http server: at most
// `limit` requests worked on at once, the rest in arrival order, 503 with Retry-After when
// the queue is full or a request waited too long, health and readiness never waiting.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAdmission, type Admission } from '../../apps/api/src/http/admission';

interface Harness {
  base: string;
  admission: Admission;
  /** Requests being worked on, by path, in the order their work started. */
  started: string[];
  held: Map<string, ServerResponse>;
  shed: { route: string; reason: string }[];
  finish: (path: string) => void;
  close: () => Promise<void>;
}

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function serve(options: { limit: number; maxQueued: number; maxWaitMs: number }) {
  const started: string[] = [];
  const held = new Map<string, ServerResponse>();
  const shed: Harness['shed'] = [];
  const admission = createAdmission({ ...options, onShed: (l) => shed.push(l) });
  const server: Server = createServer((req, res) =>
    admission.admit(req, res, () => {
      started.push(req.url!);
      // Every request is held until the test finishes it, except health.
      if (req.url!.startsWith('/api/health')) res.end('alive');
      else held.set(req.url!, res);
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  harness = {
    base,
    admission,
    started,
    held,
    shed,
    finish: (path) => {
      held.get(path)!.end(`done ${path}`);
      held.delete(path);
    },
    close: async () => {
      for (const res of held.values()) res.end();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
  return harness;
}

const until = async (ok: () => boolean) => {
  const deadline = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('admission', () => {
  it('works on `limit` requests at once and starts the waiting ones in arrival order', async () => {
    const h = await serve({ limit: 2, maxQueued: 10, maxWaitMs: 10_000 });
    const answers: Promise<string>[] = [];
    for (const path of ['/a', '/b', '/c', '/d']) {
      answers.push(fetch(`${h.base}${path}`).then((r) => r.text()));
      // Arrival order is the order sent: wait until the server has this one.
      await until(() => h.admission.active + h.admission.queued === answers.length);
    }
    expect(h.started).toEqual(['/a', '/b']);
    expect(h.admission.queued).toBe(2);
    h.finish('/b');
    await until(() => h.started.length === 3);
    expect(h.started).toEqual(['/a', '/b', '/c']);
    h.finish('/a');
    await until(() => h.started.length === 4);
    h.finish('/c');
    h.finish('/d');
    expect(await Promise.all(answers)).toEqual(['done /a', 'done /b', 'done /c', 'done /d']);
    expect(h.admission.active).toBe(0);
    expect(h.shed).toEqual([]);
  });

  it('answers 503 problem+json with Retry-After at once when the queue is full', async () => {
    const h = await serve({ limit: 1, maxQueued: 1, maxWaitMs: 10_000 });
    const first = fetch(`${h.base}/api/x`);
    await until(() => h.admission.active === 1);
    const second = fetch(`${h.base}/api/y`);
    await until(() => h.admission.queued === 1);
    const third = await fetch(`${h.base}/api/z?secret=1`);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('5');
    expect(third.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await third.json()).toMatchObject({ status: 503, code: 'server_busy' });
    expect(h.shed).toEqual([{ method: 'GET', route: '/api/z', reason: 'queue_full' }]);
    // The two before it were not touched.
    expect(h.started).toEqual(['/api/x']);
    h.finish('/api/x');
    await until(() => h.started.length === 2);
    h.finish('/api/y');
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
  });

  it('answers a page 503 in words, and one that waited too long, without ever starting it', async () => {
    const h = await serve({ limit: 1, maxQueued: 5, maxWaitMs: 150 });
    const first = fetch(`${h.base}/sv`);
    await until(() => h.admission.active === 1);
    const waited = await fetch(`${h.base}/fi/venues`, { headers: { accept: 'text/html' } });
    expect(waited.status).toBe(503);
    expect(waited.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await waited.text();
    expect(html).toContain('<html lang="sv">');
    expect(html).toContain('<p lang="fi">');
    expect(h.shed).toEqual([{ method: 'GET', route: '/fi/venues', reason: 'waited_too_long' }]);
    expect(h.started).toEqual(['/sv']);
    expect(h.admission.queued).toBe(0);
    h.finish('/sv');
    expect((await first).status).toBe(200);
  });

  it('skips a waiting request whose client went away, and counts no slot for it', async () => {
    const h = await serve({ limit: 1, maxQueued: 5, maxWaitMs: 10_000 });
    const first = fetch(`${h.base}/one`);
    await until(() => h.admission.active === 1);
    const gone = new AbortController();
    const abandoned = fetch(`${h.base}/gone`, { signal: gone.signal }).catch(() => 'aborted');
    await until(() => h.admission.queued === 1);
    gone.abort();
    expect(await abandoned).toBe('aborted');
    const third = fetch(`${h.base}/three`);
    await until(() => h.admission.queued === 2);
    // Let the server see the aborted socket close.
    await new Promise((r) => setTimeout(r, 50));
    h.finish('/one');
    await until(() => h.started.length === 2);
    expect(h.started).toEqual(['/one', '/three']);
    h.finish('/three');
    expect((await first).status).toBe(200);
    expect((await third).status).toBe(200);
    expect(h.admission.active).toBe(0);
  });

  it('never holds back liveness and readiness', async () => {
    const h = await serve({ limit: 1, maxQueued: 0, maxWaitMs: 10_000 });
    const busy = fetch(`${h.base}/busy`);
    await until(() => h.admission.active === 1);
    const health = await fetch(`${h.base}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('alive');
    // Anything else, with no room to wait, is answered 503.
    expect((await fetch(`${h.base}/api/venues`)).status).toBe(503);
    h.finish('/busy');
    expect((await busy).status).toBe(200);
  });
});
