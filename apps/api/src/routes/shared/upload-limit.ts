import { PHOTO_MAX_BYTES } from '@motesplats/domain';
import { bodyLimit } from 'hono/body-limit';
import { problemFromDomain, problemResponse } from '../../http/problem';

/**
 * An image upload's body limit, for its route: a multipart body over PHOTO_MAX_BYTES (and
 * room for the form's small fields) is refused before it is read, as 413 `file_too_large`.
 */
export const imageUploadLimit = () =>
  bodyLimit({
    maxSize: PHOTO_MAX_BYTES + 64 * 1024,
    onError: (c) =>
      problemResponse(c, {
        ...problemFromDomain({
          kind: 'invalid',
          issues: [
            {
              path: 'file',
              code: 'file_too_large',
              params: { maximum: PHOTO_MAX_BYTES },
              message: 'the file is too large',
            },
          ],
        }),
        status: 413,
        title: 'Upload too large',
      }),
  });
