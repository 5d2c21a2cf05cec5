// Builds everything `npm start` serves: the SvelteKit app (apps/web/build) and the bundled
// one-process server (dist/server.mjs). Bundling drizzle and hono saves ~130 MB and ~0.5 s
// at start (../shared/STACK.md); pglite and postgres stay external as they load files
// next to themselves.
//
//   node scripts/build.mjs                                  web app and dist/server.mjs
//   node scripts/build.mjs --server-only --outfile <file>   only the server bundle (tests)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { checkNodeVersion } from './node-version.mjs';

checkNodeVersion();
const root = fileURLToPath(new URL('..', import.meta.url));
const started = performance.now();
const args = process.argv.slice(2);
const serverOnly = args.includes('--server-only');
const outfile = args.includes('--outfile')
  ? args[args.indexOf('--outfile') + 1]
  : 'dist/server.mjs';

const web = serverOnly
  ? { status: 0 }
  : spawnSync(process.execPath, ['apps/web/scripts/build.mjs'], {
      cwd: root,
      stdio: ['ignore', process.env.BUILD_VERBOSE ? 'inherit' : 'ignore', 'inherit'],
    });
if (web.status !== 0) {
  console.error('Building the web app failed.');
  process.exit(web.status ?? 1);
}

await build({
  absWorkingDir: root,
  entryPoints: ['apps/api/src/index.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  sourcemap: 'linked',
  legalComments: 'none',
  // Without comments and indentation the bundle's source, which V8 holds in memory for as
  // long as the server runs, is 3.2 MB instead of 4.5 MB, and Latin-1 (one byte a character)
  // instead of UTF-16: the comments' dashes and arrows made it two bytes a character. Names
  // are kept; stack traces give columns on line 1, and dist/server.mjs.map maps them back
  // (`NODE_OPTIONS=--enable-source-maps`). Measured ~8 MB less idle (decision 012).
  minifyWhitespace: true,
  logLevel: 'warning',
  // @node-rs/argon2 and sharp load their native binaries for this platform next to themselves.
  external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'postgres', '@node-rs/*', 'sharp'],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log(
  `Built ${serverOnly ? outfile : 'web app and server'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
