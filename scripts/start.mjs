// `npm start`: checks Node, builds when the build is missing or older than the sources,
// then runs the server in this same process (no second resident Node).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNodeVersion } from './node-version.mjs';

checkNodeVersion();
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
