import type { Deps } from '../deps';
import type { ServiceCtx } from '../services/context';

/** Hono variables every handler can read: the dependencies and the request's service context. */
export interface AppEnv {
  Variables: {
    deps: Deps;
    ctx: ServiceCtx;
  };
}
