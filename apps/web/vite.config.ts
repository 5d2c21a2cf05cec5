import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vite';

const apiOrigin = process.env.MOTESPLATS_API_ORIGIN ?? 'http://127.0.0.1:3001';

// Every locale, the base locale included, keeps its prefix (/sv/…, /fi/…): the routes live
// under src/routes/[lang]/, so Paraglide only has to read the locale from the first segment.
const localized = (['sv', 'fi', 'en', 'ar'] as const).map(
  (locale) => [locale, `/${locale}/:path(.*)?`] as [typeof locale, string],
);

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: './project.inlang',
      outdir: './src/lib/paraglide',
      strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
      urlPatterns: [{ pattern: '/:path(.*)?', localized }],
    }),
    sveltekit({ adapter: adapter() }),
  ],
  server: {
    proxy: {
      '/api': { target: apiOrigin, changeOrigin: true },
      '/feeds': { target: apiOrigin, changeOrigin: true },
    },
  },
});
