// The running server under hostile requests and its security headers (issue 12): the
// page-side reproducers, forwarded headers from an untrusted client, the refusals SvelteKit
// used to answer in plain text, and a CSP on every page kind and asset that the pages
// themselves never violate.
import type { Browser } from 'playwright-core';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch } from './browser';
import { eventAtVenue } from './demo';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request: the path is sent as is and any header can be forged. */
const raw = (path: string, options: { method?: string; headers?: Record<string, string> } = {}) =>
  new Promise<Answer>((resolve, reject) => {
    const url = new URL(baseUrl!);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
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
      },
    );
    req.on('error', reject);
    req.end();
  });

const h1 = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1];

describe.skipIf(!baseUrl)('hostile requests and security headers', () => {
  let browser: Browser;
  let pages: Record<string, string>;
  let assets: string[];

  beforeAll(async () => {
    browser = await launch();
    const { id, venueId } = await eventAtVenue();
    pages = {
      home: '/sv',
      'home, Arabic': '/ar',
      event: `/sv/events/${id}`,
      venues: '/sv/venues',
      venue: `/fi/venues/${venueId}`,
      'not found': '/sv/no-such-page',
      'not found outside a locale': '/xx/yy',
    };
    const home = await raw('/sv');
    const scripts = [...home.body.matchAll(/(?:src|href)="\.?(\/?_app\/immutable\/[^"]+)"/g)].map(
      (m) => `/${m[1]!.replace(/^\//, '')}`,
    );
    assets = ['/favicon.svg', ...new Set(scripts)].slice(0, 6);
  });
  afterAll(async () => {
    await browser?.close();
  });

  describe('reproducers', () => {
    it('page 502 of the home page is the site page "not found", not a 400', async () => {
      for (const path of ['/sv?page=502', '/sv?page=400', '/sv/venues?page=502']) {
        const res = await raw(path, { headers: { accept: 'text/html' } });
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(h1(res.body)).toBe('Sidan hittades inte');
      }
    });

    it('GET //x/.. (raw path) answers a readable 404 page, not a 500', async () => {
      for (const path of ['//x/..', '//', '//sv//events', '/sv//venues']) {
        const res = await raw(path, { headers: { accept: 'text/html' } });
        expect(res.status, path).toBeGreaterThanOrEqual(200);
        expect(res.status, path).toBeLessThan(500);
        if (res.status >= 400) expect(res.headers['content-type'], path).toContain('text/html');
      }
      expect((await raw('//x/..')).status).toBe(404);
    });

    it('X-Forwarded-Proto: javascript from an untrusted client is ignored, not a 502', async () => {
      const res = await raw('/sv', { headers: { 'x-forwarded-proto': 'javascript' } });
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('javascript://');
    });

    it('X-Forwarded-Host: evil.example never reaches links, JSON-LD or feeds', async () => {
      const forged = { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
      const venue = await raw(pages.venue!, { headers: forged });
      expect(venue.status).toBe(200);
      expect(venue.body).toContain('webcal://');
      const event = await raw(pages.event!, { headers: forged });
      expect(event.status).toBe(200);
      expect(event.body).toContain('application/ld+json');
      const feedPath = /href="(?:https?|webcal):\/\/[^/"]+(\/feeds\/venues\/[^"]+)"/
        .exec(venue.body)?.[1]
        ?.replace(/&amp;/g, '&');
      expect(feedPath).toBeTruthy();
      const feed = await raw(feedPath!, { headers: forged });
      expect(feed.status).toBe(200);
      for (const body of [venue.body, event.body, feed.body]) {
        expect(body).not.toContain('evil.example');
        expect(body).not.toContain('https://127.0.0.1');
      }
      expect(feed.body).toContain(`URL:${baseUrl}/feeds/venues/`);
    });
  });

  describe("SvelteKit's refusals render the site's error page", () => {
    it('a method the page does not take: 405 with Allow, as a page', async () => {
      const res = await raw('/sv', {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'text/html' },
      });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toContain('GET');
      expect(res.headers['content-type']).toContain('text/html');
      expect(h1(res.body)).toBe('Inte möjligt på den här adressen');
      expect(res.headers['content-security-policy']).toContain("script-src 'self' 'nonce-");
    });

    it("a cross-site form post: 403, as a page in the reader's language", async () => {
      const res = await raw('/fi', {
        method: 'POST',
        headers: {
          origin: 'https://evil.example',
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'text/html',
        },
      });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('text/html');
      expect(h1(res.body)).toBe('Pyyntö hylättiin');
    });
  });

  describe('security headers', () => {
    const expectCommon = (headers: IncomingHttpHeaders, what: string) => {
      expect(headers['x-content-type-options'], what).toBe('nosniff');
      expect(headers['x-frame-options'], what).toBe('DENY');
      expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
      // Served over plain http here: HSTS would be meaningless and is not sent.
      expect(headers['strict-transport-security'], what).toBeUndefined();
      expect(headers['content-security-policy'], what).toContain("frame-ancestors 'none'");
    };

    it('every page kind has a CSP whose scripts need a nonce, never unsafe-inline', async () => {
      for (const [kind, path] of Object.entries(pages)) {
        const res = await raw(path, { headers: { accept: 'text/html' } });
        expectCommon(res.headers, kind);
        const csp = String(res.headers['content-security-policy']);
        const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
        expect(scriptSrc, kind).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
        expect(csp, kind).not.toContain('unsafe-inline');
        expect(csp, kind).not.toContain('unsafe-eval');
        expect(csp, kind).toContain("object-src 'none'");
        // Every inline script that could run carries that nonce (JSON-LD is data, not code).
        const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
        for (const tag of res.body.match(/<script\b[^>]*>/g) ?? []) {
          if (/type="application\/ld\+json"/.test(tag) || /\bsrc=/.test(tag)) continue;
          expect(tag, kind).toContain(`nonce="${nonce}"`);
        }
      }
    });

    it('assets carry them too', async () => {
      expect(assets.length).toBeGreaterThan(1);
      for (const path of assets) {
        const res = await raw(path);
        expect(res.status, path).toBe(200);
        expectCommon(res.headers, path);
      }
    });

    it('no page kind causes a CSP violation in the browser, the API reference included', async () => {
      const context = await browser.newContext({ baseURL: baseUrl! });
      try {
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (msg) => {
          const text = msg.text();
          if (!/Content[- ]Security[- ]Policy|Refused to/i.test(text)) return;
          // The reference page's bundle includes zod 4, which probes `Function('')` once to
          // decide whether it may compile validators; refused, it validates without. That
          // probe is the one refusal expected, and only there.
          const where = new URL(page.url()).pathname;
          if (where === '/api/docs' && text === 'Content-Security-Policy: script-src eval') return;
          problems.push(`${where}: ${text}`);
        });
        await page.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (e) =>
            console.error(`Content-Security-Policy: ${e.violatedDirective} ${e.blockedURI}`),
          );
        });
        for (const path of [...Object.values(pages), '/api/docs']) {
          const response = await page.goto(path, { waitUntil: 'load' });
          expect(response, path).not.toBeNull();
          await page.waitForTimeout(300);
        }
        // The pages' own script ran (hydration): the nonce let it through.
        await page.goto(pages.home!, { waitUntil: 'load' });
        const started = await page.evaluate(() =>
          Object.keys(window).some((key) => key.startsWith('__sveltekit')),
        );
        expect(started).toBe(true);
        expect(problems).toEqual([]);
        await page.goto('/api/docs');
        await page.waitForSelector('#app *', { timeout: 20_000 });
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });
});
