/**
 * What every test and bench that runs the server as a child process needs: a free port,
 * and waiting until the server answers (built-server.ts, spawn-server.ts, bench/server.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/**
 * Polls `url` until it answers 2xx. Throws, with what the server wrote, when the child
 * exits first or when `timeoutMs` passes (then the child is killed).
 */
export async function waitUntilUp(
  url: string,
  child: ChildProcess,
  options: { timeoutMs?: number; intervalMs?: number; output?: () => string } = {},
): Promise<void> {
  const { timeoutMs = 120_000, intervalMs = 50, output = () => '' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not get ready in time:\n${output()}`);
    }
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
