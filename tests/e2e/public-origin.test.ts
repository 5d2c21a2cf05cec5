// With PUBLIC_ORIGIN set, the real server (pages from the SvelteKit build, feeds from the
// API) writes that origin only: a forged Host, X-Forwarded-Host or absolute request target
// never reaches the subscribe links, the JSON-LD or the feed (issue 12, cache poisoning).
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../setup/spawn-server';
import { baseUrl } from './browser';

const ORIGIN = 'https://motesplats.example';

const raw = (port: number, path: string, headers: Record<string, string>) =>
  new Promise<{ status: number; body: string; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: body.replace(/\r?\n[ \t]/g, ''),
          }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );

describe.skipIf(!baseUrl)('PUBLIC_ORIGIN is the only origin written', () => {
  let server: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    // TRUSTED_PROXY lists this very client: even a trusted proxy cannot override it.
    server = await spawnServer({ PUBLIC_ORIGIN: ORIGIN, TRUSTED_PROXY: '127.0.0.1' });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('subscribe links, JSON-LD and feed URLs carry PUBLIC_ORIGIN whatever the request says', async () => {
    const { items } = (await (
      await fetch(`${server.baseUrl}/api/occurrences?lang=sv&limit=50`)
    ).json()) as { items: { event: { id: string }; venue: { id: string } | null }[] };
    const at = items.find((o) => o.venue)!;
    const forged = {
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'http',
    };

    const venue = await raw(server.port, `/sv/venues/${at.venue!.id}`, forged);
    expect(venue.status).toBe(200);
    expect(venue.body).toContain(`webcal://motesplats.example/feeds/venues/${at.venue!.id}.ics`);
    expect(venue.body).toContain(`${ORIGIN}/feeds/venues/${at.venue!.id}.ics`);

    const event = await raw(server.port, `/sv/events/${at.event.id}`, forged);
    expect(event.status).toBe(200);
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(event.body);
    expect(jsonLd).not.toBeNull();
    expect(JSON.parse(jsonLd![1]!)[0].url).toBe(`${ORIGIN}/sv/events/${at.event.id}`);
    // Served as https: so the page says HSTS.
    expect(event.headers['strict-transport-security']).toContain('max-age=');

    const feed = await raw(server.port, `/feeds/venues/${at.venue!.id}.ics?lang=sv`, forged);
    expect(feed.status).toBe(200);
    expect(feed.body).toContain(`URL:${ORIGIN}/feeds/venues/${at.venue!.id}.ics`);
    const absolute = await raw(
      server.port,
      `http://evil.example/feeds/venues/${at.venue!.id}.ics?lang=sv`,
      forged,
    );
    expect(absolute.status).toBe(200);

    for (const body of [venue.body, event.body, feed.body, absolute.body]) {
      expect(body).not.toContain('evil.example');
      expect(body).not.toContain('127.0.0.1');
    }
  });
});
