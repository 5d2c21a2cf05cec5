import { photoAltInput } from '@motesplats/domain';
import { z } from 'zod';

/**
 * The multipart form of an image upload (a venue photo, an association's logo): the file,
 * and its alt text per language as JSON (`{"sv": "…"}`), at least one language.
 */
export const ImageUploadInput = z.object({
  file: z.instanceof(Blob, { message: 'must be a file' }),
  alt: z
    .string()
    .max(8000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON: {"sv": "…"}' });
        return z.NEVER;
      }
    })
    .pipe(photoAltInput),
});
