import { z } from '@hono/zod-openapi';

/** The multipart body of an image upload (an association's logo, an event's image). */
export const ImageForm = z.object({
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG, WebP, GIF, AVIF or plain SVG (rasterized)',
  }),
  alt: z
    .string()
    .openapi({ description: 'Alt text per language as JSON, e.g. {"sv":"…","fi":"…"}' }),
});
