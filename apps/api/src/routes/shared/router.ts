import { OpenAPIHono } from '@hono/zod-openapi';
import { invalidRequest, problemResponse } from '../../http/problem';
import type { AppEnv } from '../../http/env';

/** A router whose request validation failures answer 400 problem+json naming the parameter. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return problemResponse(c, invalidRequest(result.error.issues));
      return undefined;
    },
  });
