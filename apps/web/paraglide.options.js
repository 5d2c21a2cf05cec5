// Paraglide's compiler options, shared by vite.config.ts and scripts/prepare.mjs.
// The languages come from the domain's one list (packages/domain/src/locales.ts): importing
// this module writes them into project.inlang/settings.json when they differ, so adding a
// language is one entry there and one messages file here.
// Every locale, the base locale included, keeps its prefix (/sv/…, /fi/…): the routes live
// under src/routes/[lang=lang]/, so Paraglide only has to read the locale from the first segment.
import { readFileSync, writeFileSync } from 'node:fs';
import { BASE_LOCALE, UI_LOCALES } from '@motesplats/domain/locales';

const settingsPath = new URL('./project.inlang/settings.json', import.meta.url);
const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
if (
  settings.baseLocale !== BASE_LOCALE ||
  JSON.stringify(settings.locales) !== JSON.stringify(UI_LOCALES)
) {
  settings.baseLocale = BASE_LOCALE;
  settings.locales = [...UI_LOCALES];
  // Formatted as Prettier formats it: short lists of strings on one line.
  const text = JSON.stringify(settings, null, 2).replace(
    /\[\s+("[^\]]*")\s+\]/g,
    (_, items) => `[${items.split(/,\s+/).join(', ')}]`,
  );
  writeFileSync(settingsPath, `${text}\n`);
}

const localized = UI_LOCALES.map((locale) => [locale, `/${locale}/:path(.*)?`]);

/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
  project: './project.inlang',
  outdir: './src/lib/paraglide',
  strategy: ['url', 'cookie', 'preferredLanguage', 'baseLocale'],
  urlPatterns: [{ pattern: '/:path(.*)?', localized }],
};
