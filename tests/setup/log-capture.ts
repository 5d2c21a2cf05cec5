import type { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../apps/api/src/logger';
import type { LogLevel } from '../../apps/api/src/config';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LogLine = Record<string, any>;

/**
 * A real pino logger whose destination is kept in memory: `raw` holds every write as it
 * was written (one JSON object and a newline each), `lines` the same parsed.
 */
export function captureLog(level: LogLevel = 'debug'): {
  logger: Logger;
  raw: string[];
  lines: LogLine[];
  of: (reqId: string | null) => LogLine[];
} {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const destination = {
    write(chunk: string) {
      raw.push(chunk);
      lines.push(JSON.parse(chunk) as LogLine);
      return true;
    },
  } as unknown as Writable;
  return {
    logger: createLogger(level, destination),
    raw,
    lines,
    of: (reqId) => lines.filter((l) => l.reqId === reqId),
  };
}
