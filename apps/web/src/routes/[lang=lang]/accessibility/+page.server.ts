import { getSite, orPageError } from '#lib/server/api.ts';
import type { PageServerLoad } from './$types';

/** The day the statement was last reviewed against the service (update it on each review). */
const REVIEWED = '2026-12-02';

export const load: PageServerLoad = async ({ fetch, url }) => {
  const site = await orPageError(getSite(fetch, url.origin));
  return { feedbackEmail: site.accessibilityFeedbackEmail, reviewed: REVIEWED };
};
