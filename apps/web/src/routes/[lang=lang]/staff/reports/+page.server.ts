import { loadReport } from '#lib/server/report-page.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => loadReport(event);
