// The site's error page for a refusal that SvelteKit itself would answer in plain text
// (a cross-site form post: 403; a method the page does not take: 405). hooks.server.ts
// renders this in-process and sends it with the refused request's status.
import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => {
  if (params.status === '403') error(403, m.error_text_403());
  error(405, m.error_text_405());
};
