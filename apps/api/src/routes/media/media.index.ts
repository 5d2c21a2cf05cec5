import { z } from '@hono/zod-openapi';
import { getMedia, getMediaTag } from '../../services/media/get-media';
import { invalidRequest, problemResponse } from '../../http/problem';
import { createRouter } from '../shared/router';
import { problems } from '../shared/schemas';

const MediaId = z.uuid({ message: 'id must be a UUID' });
/** An id never changes its bytes (media.ts): cached for a year, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Uploaded images, public (venue photos, logos). A plain route: its path ends in `.webp`. */
export const mediaRouter = createRouter();
mediaRouter.get('/:file{[^/]+\\.webp}', async (c) => {
  const parsed = MediaId.safeParse(c.req.param('file').replace(/\.webp$/, ''));
  if (!parsed.success) return problemResponse(c, invalidRequest(parsed.error.issues));
  const id = parsed.data;
  const asked = c.req.header('if-none-match');
  if (asked) {
    const tag = `"${await getMediaTag({ ctx: c.var.ctx, input: { id } })}"`;
    if (asked.split(',').some((t) => t.trim().replace(/^W\//, '') === tag))
      return c.body(null, 304, { etag: tag, 'cache-control': IMMUTABLE });
  }
  const row = await getMedia({ ctx: c.var.ctx, input: { id } });
  return c.body(row.bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': row.contentType,
    'content-length': String(row.bytes.byteLength),
    etag: `"${row.sha256}"`,
    'cache-control': IMMUTABLE,
    'content-security-policy': "default-src 'none'; sandbox",
  });
});

mediaRouter.openAPIRegistry.registerPath({
  method: 'get',
  path: '/{id}.webp',
  tags: ['Media'],
  summary: 'An uploaded image (WebP), immutable: ETag and a year of caching',
  request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: {
    200: { description: 'image/webp', content: { 'image/webp': { schema: z.string() } } },
    304: { description: 'Not modified (If-None-Match matched the ETag)' },
    400: problems[400],
    404: problems[404],
  },
});
