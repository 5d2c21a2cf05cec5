import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { createHash } from 'node:crypto';
import { defineConfig } from 'vite';
import { paraglideOptions } from './paraglide.options.js';

const apiOrigin = process.env.MOTESPLATS_API_ORIGIN ?? 'http://127.0.0.1:3001';

/**
 * The pages' Content-Security-Policy. SvelteKit adds a nonce (rendered pages) or a hash
 * (prerendered ones) for its own start-up script to script-src: no inline script runs
 * otherwise. The event page's JSON-LD is a data block, which CSP does not execute or block.
 */
/**
 * SvelteKit's route announcer (a visually hidden live region) is the one element with a
 * style attribute; that exact attribute is allowed by its hash, no other inline style.
 * The browser test (tests/e2e/security.test.ts) fails if a SvelteKit upgrade changes it.
 */
const ANNOUNCER_STYLE =
  'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash =
  `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}` as const;

type Csp = NonNullable<Parameters<typeof sveltekit>[0]>['csp'];

const csp: Csp = {
  mode: 'auto',
  directives: {
    'default-src': ['self'],
    'script-src': ['self'],
    'style-src': ['self'],
    'style-src-attr': ['unsafe-hashes', announcerHash],
    'img-src': ['self', 'data:'],
    'font-src': ['self'],
    'connect-src': ['self'],
    'manifest-src': ['self'],
    'object-src': ['none'],
    'base-uri': ['none'],
    'form-action': ['self'],
    'frame-ancestors': ['none'],
  },
};

/**
 * Under `vite dev`, Vite injects each component's CSS as a <style> element: allow inline
 * styles there (SvelteKit then adds no style nonce, which would void 'unsafe-inline').
 * Builds keep the strict policy above.
 */
const devCsp: Csp = {
  ...csp,
  directives: { ...csp.directives, 'style-src': ['self', 'unsafe-inline'] },
};

export default defineConfig(({ command }) => ({
  plugins: [
    paraglideVitePlugin(paraglideOptions),
    sveltekit({
      adapter: adapter(),
      csp: command === 'serve' ? devCsp : csp,
      // The cross-site form check is done in hooks.server.ts, which answers with the site's
      // error page instead of SvelteKit's plain text.
      csrf: { trustedOrigins: ['*'] },
    }),
  ],
  // Vite minifies only the browser's code by default; the server's is held in memory while
  // the server runs (3.2 MB as written, 1.3 MB minified; measured ~3 MB less idle resident
  // memory, decision 012). Its source maps are written beside it.
  build: { minify: true },
  // The server's code as ASCII (\u escapes in its strings): V8 then holds each file's source
  // one byte a character; the messages in Arabic, Russian and Ukrainian made most files
  // two (~0.5 MB, decision 012). The browser's code keeps UTF-8, smaller over the wire.
  environments: { ssr: { build: { rolldownOptions: { output: { charset: 'ascii' } } } } },
  server: {
    proxy: {
      '/api': { target: apiOrigin, changeOrigin: true },
      '/feeds': { target: apiOrigin, changeOrigin: true },
      '/media': { target: apiOrigin, changeOrigin: true },
    },
  },
}));
