import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let script: Promise<Buffer> | undefined;

/**
 * The API reference page. Scalar's script is served from the installed package, not a CDN
 * (the machines running this have no network but their own).
 */
export const docsRouter = new Hono()
  .get('/scalar.js', async (c) => {
    script ??= readFile(
      fileURLToPath(
        new URL('./browser/standalone.js', import.meta.resolve('@scalar/api-reference')),
      ),
    );
    return c.body(new Uint8Array(await script), 200, {
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=86400',
    });
  })
  .get(
    '/',
    async (c, next) => {
      await next();
      const html = await c.res.text();
      c.res = new Response(html, c.res);
      c.res.headers.set('content-security-policy', docsPolicy(html));
    },
    Scalar({
      url: '/api/openapi.json',
      cdn: '/api/docs/scalar.js',
      pageTitle: 'Mötesplats API',
      withDefaultFonts: false,
    }),
  );

/**
 * The reference page's Content-Security-Policy: scripts only from this server plus the
 * page's own inline start-up script, by its hash; Scalar sets styles at run time, so
 * inline styles are allowed (styles only, never scripts).
 */
export function docsPolicy(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
