// `npm start`: checks Node, builds when the build is missing or older than the sources,
// then runs the server in this same process (no second resident Node). The server's memory
// settings (RUNTIME below) are applied by replacing this process with one that has them,
// so `node scripts/start.mjs` under systemd or in a container gets them too.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNodeVersion } from './node-version.mjs';

checkNodeVersion();

// Measured by tests/bench/startup.mjs (docs/decisions/012-operations.md, 2026-12-03):
// - `--max-semi-space-size=2`: a 2 MB young generation instead of up to 32 MB.
// - `--liftoff-only`: PGlite's WebAssembly is not re-compiled by the optimising tier.
// - `--heap-growing-percent=50`: the old generation may grow by half its live size before a
//   full collection, not up to 4×: under a minute's soak the peak fell from ~415 to ~290 MB
//   on PGlite; the month page's p95 stayed under 100 ms (20 cost it ~15 ms more).
// - glibc's malloc keeps an arena per thread by default, each grown and kept: one arena, and
//   large blocks given back to the system when freed (~10 MB less idle resident memory).
// Tried and left out: `--optimize-for-size` and `--memory-saver-mode` (~10 MB less, but the
// month page's p95 doubled), `--bytecode-old-age`, `--single-threaded-gc` (no change).
const RUNTIME = {
  flags: ['--max-semi-space-size=2', '--liftoff-only', '--heap-growing-percent=50'],
  env: { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '65536' },
};
const missingFlags = RUNTIME.flags.filter((f) => !process.execArgv.includes(f));
const missingEnv = Object.entries(RUNTIME.env).filter(([k]) => process.env[k] === undefined);
// process.execve replaces this process (same pid, nothing left behind); Linux and macOS only.
if (
  (missingFlags.length || missingEnv.length) &&
  typeof process.execve === 'function' &&
  !process.env.MOTESPLATS_RUNTIME_SET
) {
  process.execve(
    process.execPath,
    [process.execPath, ...process.execArgv, ...missingFlags, ...process.argv.slice(1)],
    { ...process.env, ...Object.fromEntries(missingEnv), MOTESPLATS_RUNTIME_SET: '1' },
  );
}
// `node scripts/start.mjs --print-runtime`: what the server would run with, then exit.
if (process.argv.includes('--print-runtime')) {
  const env = Object.fromEntries(Object.keys(RUNTIME.env).map((k) => [k, process.env[k]]));
  console.log(JSON.stringify({ node: process.version, flags: process.execArgv, env }));
  process.exit(0);
}
const root = fileURLToPath(new URL('..', import.meta.url));
const server = join(root, 'dist/server.mjs');
const sources = [
  'apps/api/src',
  'apps/web/src',
  'apps/web/messages',
  'apps/web/static',
  'apps/web/vite.config.ts',
  'packages/domain/src',
  'packages/db/src',
  'packages/db/migrations',
];

function newestMtime(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'paraglide' || entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const stale =
  !existsSync(server) ||
  !existsSync(join(root, 'apps/web/build/handler.js')) ||
  sources.some(
    (dir) => existsSync(join(root, dir)) && newestMtime(join(root, dir)) > statSync(server).mtimeMs,
  );
if (stale) {
  console.log('Building Mötesplats (first start or changed sources)…');
  const built = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], {
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
await import(server);
