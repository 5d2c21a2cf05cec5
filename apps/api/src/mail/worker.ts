import type { Clock } from '../deps';
import {
  DEFAULT_BATCH_SIZE,
  deliverDue,
  type DeliveryOptions,
  type DeliveryResult,
} from './deliver';
import { errorLine } from './transport';

export interface MailWorkerOptions extends Omit<DeliveryOptions, 'now'> {
  clock: Clock;
  /** Pause between rounds when the outbox has nothing more that is due. */
  intervalMs?: number;
  log?: (line: string) => void;
  /** Called after every round that claimed something (tests, metrics). */
  onRound?: (result: DeliveryResult) => void;
}

export interface MailWorker {
  /** Lets the round in flight finish its batch, starts no other, then closes the transport. */
  stop(): Promise<void>;
}

export const DEFAULT_INTERVAL_MS = 5_000;

/**
 * Delivers the outbox in rounds: one at once, then one every `intervalMs`; while rounds come
 * back full it goes on without pausing, so a backlog drains at the transport's speed. A
 * round that fails (the database is away) is logged and the next one tries again.
 */
export function startMailWorker(options: MailWorkerOptions): MailWorker {
  const { clock, log = () => {} } = options;
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;

  const rounds = async () => {
    try {
      for (;;) {
        const result = await deliverDue({ ...options, batchSize, now: clock.now() });
        if (result.claimed > 0) {
          options.onRound?.(result);
          if (result.retried + result.failed > 0)
            log(`mail: ${result.sent} sent, ${result.retried} to retry, ${result.failed} given up`);
        }
        if (stopping || result.claimed < batchSize) return;
      }
    } catch (error) {
      log(`mail: delivery round failed: ${errorLine(error)}`);
    }
  };
  const run = () => {
    timer = undefined;
    inFlight = rounds().finally(() => {
      inFlight = undefined;
      if (!stopping) {
        timer = setTimeout(run, intervalMs);
        // The worker alone keeps no process alive.
        timer.unref();
      }
    });
  };
  run();

  return {
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await inFlight;
      options.transport.close();
    },
  };
}
