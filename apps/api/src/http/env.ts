import type { Deps } from '../deps';
import type { ServiceCtx } from '../services/context';

/** Hono variables every handler can read: the dependencies and the request's service context. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    ctx: ServiceCtx;
    /** X-Request-Id of this request (middleware/request-log.ts). */
    requestId: string;
    /** Aborted when the request ran past its deadline and was answered 503 (middleware/deadline.ts). */
    deadline: AbortSignal | undefined;
  };
}
