import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config';

export type { Logger } from 'pino';

/**
 * The process's structured log: one JSON object a line on stdout (or `destination`), the
 * level from LOG_LEVEL (config.logLevel). Levels are written as names ("info"), times as
 * ISO 8601. No transports: no worker threads, and it bundles with esbuild.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as fields of one log line: its name, SQLSTATE or errno code, and the first line
 * of its message, bounded. Never a stack, never SQL: drizzle's wrapper ("Failed query: …",
 * the whole statement and its parameters) is replaced by the driver's error behind it.
 */
export function errorFields(err: unknown): { error: string; code?: string } {
  const root = err instanceof Error && err.message.startsWith('Failed query:') ? err.cause : err;
  if (!(root instanceof Error)) return { error: oneLine(String(root)) };
  const code = (root as { code?: unknown }).code;
  return {
    error: `${root.name}: ${oneLine(root.message)}`,
    ...(typeof code === 'string' ? { code } : {}),
  };
}

const MAX = 200;
const oneLine = (text: string) => {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return first.length > MAX ? `${first.slice(0, MAX)}…` : first;
};
