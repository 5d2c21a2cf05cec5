import { defineParams } from '@sveltejs/kit/params';

// Node imports this file itself during the build (to validate matchers), so it stays
// free of extension-less project imports. Same list as project.inlang/settings.json.
const LOCALES = ['sv', 'fi', 'en', 'ar'] as const;
type Locale = (typeof LOCALES)[number];

export const params = defineParams({
  /** A UI locale as the first path segment: /sv, /fi, /en, /ar. Anything else is a 404. */
  lang: (param): Locale | undefined =>
    (LOCALES as readonly string[]).includes(param) ? (param as Locale) : undefined,
  /** A refusal SvelteKit would answer in plain text, rendered as the site's page (hooks.server.ts). */
  refusal: (param): '403' | '405' | undefined =>
    param === '403' || param === '405' ? param : undefined,
});
