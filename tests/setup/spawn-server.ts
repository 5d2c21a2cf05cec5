/**
 * A second one-process server for a browser-test file that needs its own settings
 * (global-server.ts starts the shared one): `scripts/start.mjs` on a free port with a fresh
 * database (a new PostgreSQL database when TEST_DATABASE_URL is set, else a PGlite folder).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchDatabase } from './database-url';
import { TEST_DATABASE_URL } from './env';
import { freePort, waitUntilUp } from './server-process';

export async function spawnServer(settings: Record<string, string>) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'motesplats-e2e-extra-'));
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    ...settings,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
  };
  delete env.DATABASE_URL;
  let dropDb = async () => {};
  if (TEST_DATABASE_URL) {
    const scratch = await scratchDatabase(
      TEST_DATABASE_URL,
      `motesplats_e2e_extra_${process.pid}_${port}`,
    );
    env.DATABASE_URL = scratch.url;
    dropDb = scratch.drop;
  }
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilUp(`${baseUrl}/api/health`, server, { intervalMs: 250, output: () => output });
  return {
    baseUrl,
    port,
    stop: async () => {
      server.kill('SIGTERM');
      if (server.exitCode === null) await new Promise((r) => server.once('exit', r));
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
