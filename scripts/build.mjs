// Builds everything `npm start` serves: the SvelteKit app (apps/web/build) and the bundled
// one-process server (dist/server.mjs). Bundling drizzle and hono saves ~130 MB and ~0.5 s
// at start (../shared/STACK.md); pglite and postgres stay external as they load files
// next to themselves.
//
// The bundle is split: what a dynamic import() names (the other engine's driver, the demo
// seed, nodemailer) is a chunk of its own under <outfile>.chunks/, loaded and kept in memory
// only by a server that uses it (decision 012, "Idle memory"); sharp stays external.
//
//   node scripts/build.mjs                                  web app and dist/server.mjs
//   node scripts/build.mjs --server-only --outfile <file>   only the server bundle (tests)
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, dirname } from 'node:path';
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

/**
 * zod's `z` namespace re-exports its 49 error-message locales (`z.locales`); the namespace
 * keeps them all in the bundle though nothing here uses one (the API words its own errors,
 * decision 006). This keeps English, which zod configures at import, and drops the rest:
 * ~300 KB of source the server held in memory for nothing.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /\/node_modules\/zod\/v4\/(classic|core)\//.test(args.importer)
        ? { path: 'zod-locales', namespace: 'zod-english-only', pluginData: args.resolveDir }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: "export { default as en } from '../locales/en.js';",
      resolveDir: args.pluginData,
      loader: 'js',
    }));
  },
};

const entry = basename(outfile, '.mjs');
// A build's chunks have hashed names: the last build's are removed, not left to pile up.
rmSync(`${outfile}.chunks`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { [entry]: 'apps/api/src/index.ts' },
  outdir: dirname(outfile),
  outExtension: { '.js': '.mjs' },
  splitting: true,
  plugins: [zodEnglishOnly],
  chunkNames: `${entry}.mjs.chunks/[name]-[hash]`,
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
  external: [
    '@electric-sql/pglite',
    '@electric-sql/pglite/*',
    'postgres',
    '@node-rs/*',
    'sharp',
    'luxon',
  ],
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log(
  `Built ${serverOnly ? outfile : 'web app and server'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
);
