// Paraglide's compiler options, shared by vite.config.ts and scripts/prepare.mjs.
// Every locale, the base locale included, keeps its prefix (/sv/…, /fi/…): the routes live
// under src/routes/[lang=lang]/, so Paraglide only has to read the locale from the first segment.
const localized = ['sv', 'fi', 'en', 'ar'].map((locale) => [locale, `/${locale}/:path(.*)?`]);

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
  urlPatterns: [{ pattern: '/:path(.*)?', localized }],
};
