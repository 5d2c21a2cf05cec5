import { Scalar } from '@scalar/hono-api-reference';
import { Hono } from 'hono';
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
    Scalar({ url: '/api/openapi.json', cdn: '/api/docs/scalar.js', pageTitle: 'Mötesplats API' }),
  );
