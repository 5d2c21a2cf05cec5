/**
 * The real server bundle as a child process, for tests that need a process (signals,
 * exit codes, a database that goes away under it). `buildServer()` bundles
 * apps/api/src/index.ts exactly as `npm run build` does (scripts/build.mjs --server-only),
 * into a file of this test run's own under dist/test/, without touching dist/server.mjs or
 * the web build that other tests may be starting at the same time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogLine } from './log-capture';
import { freePort, waitUntilUp } from './server-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function buildServer(name: string): { file: string; remove: () => void } {
  const file = join(ROOT, 'dist/test', `${name}-${process.pid}.mjs`);
  const built = spawnSync(
    process.execPath,
    ['scripts/build.mjs', '--server-only', '--outfile', file],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`Building the server failed:\n${built.stderr}`);
  return {
    file,
    remove: () => {
      rmSync(file, { force: true });
      rmSync(`${file}.map`, { force: true });
      rmSync(`${file}.chunks`, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  child: ChildProcess;
  baseUrl: string;
  port: number;
  /** Everything it wrote, stdout and stderr. */
  output: () => string;
  /** Its stdout's JSON log lines (pino), parsed. */
  lines: () => LogLine[];
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/** Starts the bundle with these settings and waits until /api/ready answers 200. */
export async function startBuiltServer(
  file: string,
  settings: Record<string, string>,
): Promise<RunningServer> {
  const port = await freePort();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    TZ: 'UTC',
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    SERVE_WEB: 'false',
    DEMO_SEED: 'false',
    LOG_LEVEL: 'info',
    AUTH_SECRET: 'a-test-secret-of-the-motesplats-process-tests-0123456789',
    ...settings,
    PORT: String(port),
  };
  const child = spawn(process.execPath, [file], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let output = '';
  child.stdout!.on('data', (d) => {
    stdout += d;
    output += d;
  });
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseUrl}/api/ready`, child, { intervalMs: 100, output: () => output });
  return {
    child,
    baseUrl,
    port,
    output: () => output,
    lines: () =>
      stdout
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as LogLine),
    exited,
  };
}
