// The built server as the benchmarks run it: exactly what `npm start` runs (its script's
// arguments, so start.mjs's runtime settings), on a port of the bench's own, with
// LOG_LEVEL=error unless the bench says otherwise; resolves once /api/health answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync, type PathLike } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntilUp } from '../setup/server-process';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchServer {
  child: ChildProcess;
  origin: string;
  /** Sends SIGTERM and waits for the exit. */
  stop: () => Promise<void>;
}

export async function startBenchServer(options: {
  port: number;
  dataDir: string;
  /** PostgreSQL; the embedded database in dataDir without it. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Where the server's standard output (its log lines) goes; ignored without it. */
  logFile?: PathLike;
}): Promise<BenchServer> {
  const startArgs = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string
  )
    .split(' ')
    .slice(1);
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    LOG_LEVEL: 'error',
    ...options.env,
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
  };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, startArgs, {
    cwd: root,
    env,
    stdio: ['ignore', options.logFile ? openSync(options.logFile, 'w') : 'ignore', 'inherit'],
  });
  const origin = `http://127.0.0.1:${options.port}`;
  await waitUntilUp(`${origin}/api/health`, child);
  return {
    child,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
