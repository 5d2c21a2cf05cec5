import { intlTag } from '#lib/locale.ts';
import { loadReport } from '#lib/server/report-page.ts';
import type { PageServerLoad } from './$types';

/**
 * The yearly report for the council (issue 11): the staff report's figures, charts and
 * tables for the same scope and period, as a document to print on A4 (no form, no links to
 * download), in Swedish or Finnish. The same rules decide who may read it.
 */
export const load: PageServerLoad = async (event) => {
  const page = await loadReport(event);
  const made = new Intl.DateTimeFormat(intlTag(event.params.lang), {
    dateStyle: 'long',
    timeZone: 'Europe/Helsinki',
  }).format(new Date());
  return { ...page, made };
};
