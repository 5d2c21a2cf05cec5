import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { decideBooking, listStaffVenues, orPageError, staffBookingQueue } from '#lib/server/api.ts';
import { attempt, errorsOf, type FormErrors } from '#lib/server/forms.ts';
import { privateLinkActions, privateLinksOf } from '#lib/server/private-feed.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  if (locals.session.roles.staff.length === 0) error(404, m.error_text_404());
  const [queue, premises] = await Promise.all([
    orPageError(staffBookingQueue(fetch, url.origin, params.lang)),
    listStaffVenues(fetch, url.origin, params.lang).catch(() => null),
  ]);
  // One link per municipality the reader is staff of: each a calendar of its own.
  const towns = locals.session.roles.staff.map((s) => s.municipality);
  const links = await privateLinksOf(
    fetch,
    url.origin,
    towns.map((t) => ({ kind: 'municipality' as const, id: t.id })),
  );
  return {
    privateLinks: towns.map((t, i) => ({ scope: { id: t.id, name: t.name }, link: links[i]! })),
    origin: url.origin,
    items: queue.items,
    // Where staff book for the city's own use: the bookable venues of their municipalities.
    venues:
      premises?.ok && premises.data
        ? premises.data.municipalities.flatMap((mu) =>
            mu.venues.filter((v) => v.bookable).map((v) => ({ ...v, municipality: mu.name })),
          )
        : [],
  };
};

/** Approve or reject the chosen pending dates of one request, or all of them (`scope=all`). */
async function decide(event: RequestEvent, decision: 'approve' | 'reject') {
  const { request, fetch, url, params } = event;
  const form = await request.formData();
  const id = String(form.get('id') ?? '');
  const all = form.get('scope') === 'all';
  const dates = form.getAll('dates').filter((d): d is string => typeof d === 'string' && !!d);
  const reason = String(form.get('reason') ?? '');
  const values = { id, reason, dates: dates.join(','), decision };
  if (!all && dates.length === 0)
    return fail(400, { values, errors: { dates: { code: 'choose_dates' } } as FormErrors });
  const answer = await attempt(
    decideBooking(fetch, url.origin, id, params.lang, {
      decision,
      ...(all ? {} : { dates }),
      // A rejection always carries its reason (the API names it when empty).
      ...(decision === 'reject' || reason.trim() ? { reason } : {}),
    }),
  );
  if (!answer.ok) {
    const problem = answer.problem;
    const errors: FormErrors = problem.errors?.length
      ? errorsOf(problem)
      : {
          form: {
            code: problem.code ?? `status_${problem.status}`,
            ...(problem.params ? { params: problem.params } : {}),
          },
        };
    return fail(answer.status, { values, errors });
  }
  return { decided: decision, id, count: all ? null : dates.length };
}

export const actions: Actions = {
  // The municipality the form names, if the reader is its staff (the API checks it too).
  ...privateLinkActions((_, locals, chosen) => {
    const towns = locals.session?.roles.staff.map((s) => s.municipality.id) ?? [];
    return { kind: 'municipality', id: towns.find((t) => t === chosen) ?? towns[0] ?? '' };
  }),
  approve: (event) => decide(event, 'approve'),
  reject: (event) => decide(event, 'reject'),
};
