// Proxy trust (issue 12): X-Forwarded-* are believed only from TRUSTED_PROXY, and
// PUBLIC_ORIGIN, when set, is the only origin a feed or page is built with. Runs the real
// one-process listener (apps/api/src/http/node-listener.ts) over real HTTP; SvelteKit is
// stood in for by a handler that records the origin adapter-node would read.
import { getRequestListener } from '@hono/node-server';
import { request as httpRequest, createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, proxyTrust, requestOrigin } from '../../apps/api/src/http/forwarded';
import { createNodeListener, type NodeHandler } from '../../apps/api/src/http/node-listener';
import { THROTTLES } from '@motesplats/domain';
import { ENGINE } from '../setup/env';
import { json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw HTTP request: fetch would not let a test forge Host or send a path as is. */
const send = (
  port: number,
  path: string,
  headers: Record<string, string>,
  post?: { json: unknown },
) =>
  new Promise<Answer>((resolve, reject) => {
    const method = post ? 'POST' : 'GET';
    const body = post ? JSON.stringify(post.json) : undefined;
    const all = post ? { ...headers, 'content-type': 'application/json' } : headers;
    const req = httpRequest({ host: '127.0.0.1', port, path, headers: all, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      // iCalendar folds long lines: unfold, so no split word slips past a check.
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: body.replace(/\r?\n[ \t]/g, ''),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });

describe('requestOrigin', () => {
  const facts = {
    remoteAddress: '127.0.0.1',
    encrypted: false,
    host: 'localhost:3000',
    forwardedProto: 'https',
    forwardedHost: 'motesplats.example',
  };
  it('ignores forwarded headers from an address not in TRUSTED_PROXY', () => {
    expect(requestOrigin(facts, { publicOrigin: undefined, trusted: proxyTrust([]) })).toEqual({
      proto: 'http',
      host: 'localhost:3000',
    });
    expect(
      requestOrigin(facts, { publicOrigin: undefined, trusted: proxyTrust(['10.0.0.0/8']) }),
    ).toEqual({ proto: 'http', host: 'localhost:3000' });
  });
  it('believes well-formed forwarded headers from a trusted proxy, IPv4-mapped too', () => {
    const trusted = proxyTrust(['127.0.0.1', 'fd00::/8']);
    expect(requestOrigin(facts, { publicOrigin: undefined, trusted })).toEqual({
      proto: 'https',
      host: 'motesplats.example',
    });
    expect(trusted('::ffff:127.0.0.1')).toBe(true);
    expect(trusted('fd00::5')).toBe(true);
    expect(trusted('127.0.0.2')).toBe(false);
    expect(
      requestOrigin(
        { ...facts, forwardedProto: 'javascript', forwardedHost: 'evil.example/x?' },
        { publicOrigin: undefined, trusted },
      ),
    ).toEqual({ proto: 'http', host: 'localhost:3000' });
  });
  it('with PUBLIC_ORIGIN answers that origin whatever the request says', () => {
    const policy = {
      publicOrigin: 'https://motesplats.example',
      trusted: proxyTrust(['0.0.0.0/0']),
    };
    expect(
      requestOrigin({ ...facts, host: 'evil.example', forwardedHost: 'evil.example' }, policy),
    ).toEqual({ proto: 'https', host: 'motesplats.example' });
  });
  it('takes host names of every usual shape', () => {
    const policy = { publicOrigin: undefined, trusted: proxyTrust([]) };
    for (const host of ['motesplats_web:3000', '[::1]:3000', '10.0.0.7', 'Borga.Example.']) {
      expect(requestOrigin({ ...facts, host }, policy)?.host, host).toBe(host.toLowerCase());
    }
  });
  it('refuses a Host that is no host name', () => {
    const policy = { publicOrigin: undefined, trusted: proxyTrust([]) };
    for (const host of ['evil.example/"><x', 'a b', '', 'x@evil.example']) {
      expect(requestOrigin({ ...facts, host }, policy), host).toBeNull();
    }
  });
});

describe('clientAddress', () => {
  const trusted = proxyTrust(['127.0.0.1', '10.0.0.0/8']);
  it('is the connection’s address unless a trusted proxy passed it on', () => {
    expect(clientAddress('203.0.113.9', '198.51.100.7', trusted)).toBe('203.0.113.9');
    expect(clientAddress('127.0.0.1', undefined, trusted)).toBe('127.0.0.1');
    expect(clientAddress('127.0.0.1', '198.51.100.7', trusted)).toBe('198.51.100.7');
    expect(clientAddress('::ffff:127.0.0.1', '198.51.100.7', trusted)).toBe('198.51.100.7');
  });
  it('reads X-Forwarded-For from the right, past trusted proxies only', () => {
    // The client may write anything at the left; the nearest untrusted hop is who connected.
    expect(clientAddress('127.0.0.1', '1.2.3.4, 198.51.100.7, 10.1.2.3', trusted)).toBe(
      '198.51.100.7',
    );
    expect(clientAddress('127.0.0.1', '10.9.9.9, 10.1.2.3', trusted)).toBe('10.9.9.9');
    expect(clientAddress('127.0.0.1', 'evil, 10.1.2.3', trusted)).toBe('10.1.2.3');
    expect(clientAddress('127.0.0.1', '2001:db8::1', trusted)).toBe('2001:db8::1');
  });
});

describe(`the one-process listener writes only the decided origin (${ENGINE})`, () => {
  let t: TestDb;
  let venueId: string;
  const servers: ReturnType<typeof createServer>[] = [];
  beforeAll(async () => {
    t = await openTestDb('demo');
    venueId = (await json(await createTestApp(t).request('/api/venues?limit=1'))).items[0].id;
  });
  afterAll(async () => {
    for (const s of servers) s.close();
    await t.close();
  });

  /** Starts the listener with a config; `seen` collects what SvelteKit would read. */
  async function start(config: { publicOrigin?: string; trustedProxies?: string[] }) {
    const app = createTestApp(t, { config });
    const seen: { proto: unknown; host: unknown; url: unknown }[] = [];
    const web: NodeHandler = (req, res) => {
      seen.push({
        proto: req.headers['x-forwarded-proto'],
        host: req.headers['x-forwarded-host'],
        url: req.url,
      });
      res.end('page');
    };
    const server = createServer(
      createNodeListener({
        api: getRequestListener(app.fetch),
        web,
        policy: {
          publicOrigin: config.publicOrigin,
          trusted: proxyTrust(config.trustedProxies ?? []),
        },
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { port: (server.address() as AddressInfo).port, seen };
  }

  const forged = {
    host: 'evil.example',
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'javascript',
  };

  it('with PUBLIC_ORIGIN, a forged Host or X-Forwarded-Host reaches neither feed nor page', async () => {
    const { port, seen } = await start({ publicOrigin: 'https://motesplats.example' });
    const feed = await send(port, `/feeds/venues/${venueId}.ics?lang=sv`, forged);
    expect(feed.status).toBe(200);
    expect(feed.headers['cache-control']).toContain('public');
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).toContain('https://motesplats.example/feeds/venues/');
    // Absolute form: the request target's authority is no way around it either.
    const absolute = await send(port, `http://evil.example/feeds/venues/${venueId}.ics`, forged);
    expect(absolute.status).toBe(200);
    expect(absolute.body).not.toContain('evil.example');

    const page = await send(port, '/sv/events', forged);
    expect(page.body).toBe('page');
    expect(seen).toEqual([{ proto: 'https', host: 'motesplats.example', url: '/sv/events' }]);
  });

  it('without TRUSTED_PROXY, X-Forwarded-* are ignored: the Host and the connection decide', async () => {
    const { port, seen } = await start({});
    const headers = { ...forged, host: `127.0.0.1:${port}` };
    const feed = await send(port, `/feeds/venues/${venueId}.ics?lang=sv`, headers);
    expect(feed.status).toBe(200);
    expect(feed.body).not.toContain('evil.example');
    expect(feed.body).not.toContain('javascript');
    expect(feed.body).toContain(`http://127.0.0.1:${port}/feeds/venues/`);
    await send(port, '/sv', headers);
    expect(seen).toEqual([{ proto: 'http', host: `127.0.0.1:${port}`, url: '/sv' }]);
  });

  it('a proxy at an address outside TRUSTED_PROXY is not believed', async () => {
    const { port, seen } = await start({ trustedProxies: ['10.0.0.0/8'] });
    await send(port, '/sv', { ...forged, host: 'localhost' });
    expect(seen).toEqual([{ proto: 'http', host: 'localhost', url: '/sv' }]);
  });

  it('a trusted proxy is believed when its headers are well-formed', async () => {
    const { port, seen } = await start({ trustedProxies: ['127.0.0.1'] });
    const proxied = {
      host: 'localhost',
      'x-forwarded-host': 'motesplats.example',
      'x-forwarded-proto': 'https',
    };
    const feed = await send(port, `/feeds/venues/${venueId}.ics?lang=sv`, proxied);
    expect(feed.body).toContain('https://motesplats.example/feeds/venues/');
    await send(port, '/sv', { ...proxied, 'x-forwarded-proto': 'javascript' });
    expect(seen).toEqual([{ proto: 'http', host: 'motesplats.example', url: '/sv' }]);
  });

  it('behind a trusted proxy each client has its own throttle (X-Forwarded-For), and no client can pick one', async () => {
    const { port } = await start({ trustedProxies: ['127.0.0.1'] });
    const forgot = (client: string, i: number, extra: Record<string, string> = {}) =>
      send(
        port,
        '/api/password/forgot',
        { host: 'localhost', origin: 'http://localhost', 'x-forwarded-for': client, ...extra },
        { json: { email: `nobody-${client}-${i}@example.org` } },
      );
    const limit = THROTTLES.resetAddress.limit;
    for (let i = 0; i < limit; i++) expect((await forgot('198.51.100.7', i)).status).toBe(202);
    expect((await forgot('198.51.100.7', limit)).status).toBe(429);
    // Another resident behind the same proxy is not throttled for the first one's attempts.
    expect((await forgot('198.51.100.8', 0)).status).toBe(202);
    // The listener's own header cannot be sent in to pose as someone else.
    expect(
      (await forgot('198.51.100.7', limit + 1, { 'x-motesplats-client': '192.0.2.1' })).status,
    ).toBe(429);
  });

  it('a Host that is no host name is a 400 problem+json, not a 5xx', async () => {
    const { port, seen } = await start({});
    const res = await send(port, '/sv', { host: 'evil.example/"><script>' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(seen).toEqual([]);
  });
});
