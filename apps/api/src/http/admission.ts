import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactPath } from './redact';

/**
 * How many requests the server works on at once (MAX_CONCURRENT_REQUESTS), and what waits.
 * Past the limit a request waits, unread, in arrival order; it is answered 503 with
 * Retry-After when the queue is full (MAX_QUEUED_REQUESTS) or it has waited QUEUE_WAIT_MS.
 *
 * Why: the embedded database answers one query at a time, so under more clients than it can
 * serve every extra request only adds its half-rendered page and parsed rows to the heap
 * (a 60 s soak of 225 clients held ~400 MB, decision 012). A waiting request holds its
 * socket and nothing else. Liveness and readiness (`/api/health`, `/api/ready`) never wait:
 * a busy server is alive, and says so.
 */
export interface AdmissionOptions {
  limit: number;
  maxQueued: number;
  maxWaitMs: number;
  /** One line per request answered 503 here (the listener never sees it). */
  onShed?: (line: {
    method?: string;
    route: string;
    reason: 'queue_full' | 'waited_too_long';
  }) => void;
}

export interface Admission {
  admit(req: IncomingMessage, res: ServerResponse, work: () => void): void;
  /** In progress and waiting now (for tests and the shutdown log). */
  readonly active: number;
  readonly queued: number;
}

const BYPASS = /^\/api\/(health|ready)(\?|$)/;
const RETRY_AFTER_S = 5;

export function createAdmission(options: AdmissionOptions): Admission {
  const { limit, maxQueued, maxWaitMs, onShed } = options;
  let active = 0;
  const queue: {
    req: IncomingMessage;
    res: ServerResponse;
    work: () => void;
    timer: NodeJS.Timeout;
  }[] = [];

  const start = (res: ServerResponse, work: () => void) => {
    active += 1;
    // 'close' comes once, when the answer is sent or the client went away.
    res.once('close', release);
    work();
  };
  function release() {
    active -= 1;
    while (active < limit && queue.length > 0) {
      const next = queue.shift()!;
      clearTimeout(next.timer);
      // A client that gave up while waiting is not worked on.
      if (next.res.destroyed || next.req.destroyed) continue;
      start(next.res, next.work);
    }
  }
  const shed = (
    req: IncomingMessage,
    res: ServerResponse,
    reason: 'queue_full' | 'waited_too_long',
  ) => {
    const path = req.url ?? '/';
    onShed?.({
      method: req.method,
      route: redactPath(path.split('?', 1)[0] ?? '').slice(0, 200),
      reason,
    });
    if (res.headersSent || res.destroyed) return;
    const page =
      !/^\/(api|feeds|media)(\/|\?|$)/.test(path) && /text\/html/.test(req.headers.accept ?? '');
    res.writeHead(503, {
      'retry-after': String(RETRY_AFTER_S),
      'cache-control': 'no-store',
      'content-type': page ? 'text/html; charset=utf-8' : 'application/problem+json; charset=utf-8',
      // The request's body was never read: the connection cannot carry another request.
      connection: 'close',
    });
    res.end(page ? BUSY_PAGE : BUSY_PROBLEM);
  };

  return {
    admit(req, res, work) {
      if (BYPASS.test(req.url ?? '') || active < limit) return start(res, work);
      if (queue.length >= maxQueued) return shed(req, res, 'queue_full');
      const item = {
        req,
        res,
        work,
        timer: setTimeout(() => {
          const at = queue.indexOf(item);
          if (at >= 0) queue.splice(at, 1);
          if (!res.destroyed) shed(req, res, 'waited_too_long');
        }, maxWaitMs),
      };
      queue.push(item);
    },
    get active() {
      return active;
    },
    get queued() {
      return queue.length;
    },
  };
}

const BUSY_PROBLEM = JSON.stringify({
  type: 'https://motesplats.fi/problems/server-busy',
  title: 'Server busy',
  status: 503,
  code: 'server_busy',
  detail: `The server has more requests than it can work on; try again in ${RETRY_AFTER_S} seconds.`,
});

/**
 * Before any page code runs, so without the reader's language: the three languages every
 * installation has, as a bilingual municipality's own signs do. No script, no style.
 */
const BUSY_PAGE = `<!doctype html>
<html lang="sv">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="${RETRY_AFTER_S}"><title>Mötesplats – upptagen / ruuhkainen / busy</title></head>
<body>
<main>
<h1>Mötesplats</h1>
<p>Tjänsten har just nu fler besök än den hinner med. Sidan laddas om om några sekunder.</p>
<p lang="fi">Palvelussa on juuri nyt enemmän käyntejä kuin se ehtii käsitellä. Sivu latautuu uudelleen muutaman sekunnin kuluttua.</p>
<p lang="en">The service has more visitors than it can serve right now. This page reloads in a few seconds.</p>
</main>
</body>
</html>
`;
