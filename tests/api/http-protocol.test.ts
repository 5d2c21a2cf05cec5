// Methods, body size and headers of the API (issue 12): a wrong method is a 405 with
// Allow (it was a 404), an oversized body a 413, both problem+json; every answer carries
// the secure headers, and the docs page a CSP that lets only its own scripts run.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE } from '../setup/env';
import { json, type Json } from '../setup/http';
import { createTestApp } from '../setup/test-app';
import { openTestDb, type TestDb } from '../setup/test-db';

describe(`API methods, body limit and headers (${ENGINE})`, () => {
  let t: TestDb;
  let app: ReturnType<typeof createTestApp>;
  let venueId: string;
  beforeAll(async () => {
    t = await openTestDb('demo');
    app = createTestApp(t);
    venueId = (await json(await app.request('/api/venues?limit=1'))).items[0].id;
  });
  afterAll(() => t.close());

  it.each([
    ['POST', '/api/occurrences'],
    ['DELETE', () => `/api/venues/${venueId}`],
    ['PUT', () => `/api/venues/${venueId}/busy`],
    ['PATCH', '/api/health'],
    ['POST', () => `/feeds/venues/${venueId}.ics`],
    ['POST', '/api/openapi.json'],
  ] as const)('%s %s → 405 with Allow: GET, HEAD', async (method, path) => {
    const url = typeof path === 'function' ? path() : path;
    // From the app's own origin (a foreign one is refused 403 before any routing).
    const res = await app.request(url, { method, headers: { origin: 'http://localhost' } });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body: Json = await res.json();
    expect(body).toMatchObject({ status: 405, title: 'Method not allowed', instance: url });
  });

  it('a write from another origin is refused before routing, whatever the path', async () => {
    const res = await app.request('/api/occurrences', { method: 'POST' });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('origin');
  });

  it('an unknown path is still a 404, whatever the method', async () => {
    for (const method of ['GET', 'POST']) {
      const res = await app.request('/api/nothing-here', {
        method,
        headers: { origin: 'http://localhost' },
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('allow')).toBeNull();
    }
  });

  it('a body over the limit is a 413 problem+json', async () => {
    const res = await app.request('/api/occurrences', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pad: 'x'.repeat(300 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 413, title: 'Payload too large' });
  });

  it('API answers and feeds carry the secure headers', async () => {
    for (const url of ['/api/occurrences', `/feeds/venues/${venueId}.ics`, '/api/nothing']) {
      const res = await app.request(url);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy'), url).toBe('no-referrer');
    }
  });

  it('the docs page runs only scripts from this server and its own start-up script', async () => {
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
    expect(inline.length).toBeGreaterThan(0);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toContain('unsafe-inline');
    expect(scriptSrc).not.toContain('unsafe-eval');
    for (const m of inline) {
      const hash = createHash('sha256').update(m[1]!).digest('base64');
      expect(scriptSrc).toContain(`'sha256-${hash}'`);
    }
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });
});
