import { OpenAPIHono } from '@hono/zod-openapi';
import { invalidRequest, problemResponse } from '../../http/problem';
import type { AppEnv } from '../../http/env';

/** A router whose request validation failures answer 400 problem+json naming the parameter. */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        // Query and path parameters are named by their own name (`accessibility`, not
        // `accessibility.0`); body fields keep their full path.
        const topLevel = result.target === 'query' || result.target === 'param';
        return problemResponse(c, invalidRequest(result.error.issues, topLevel));
      }
      return undefined;
    },
  });
