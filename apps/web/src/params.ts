import { defineParams } from '@sveltejs/kit/params';
import { isUiLocale, type UiLocale } from '@motesplats/domain/locales';

// Node imports this file itself during the build (to validate matchers): it imports only
// the domain's import-free list of languages, by its package export.
export const params = defineParams({
  /** A UI locale as the first path segment: /sv, /fi, /ar, /ru … Anything else is a 404. */
  lang: (param): UiLocale | undefined => (isUiLocale(param) ? param : undefined),
  /** A refusal SvelteKit would answer in plain text, rendered as the site's page (hooks.server.ts). */
  refusal: (param): '403' | '405' | undefined =>
    param === '403' || param === '405' ? param : undefined,
});
