import { fail, redirect } from '@sveltejs/kit';
import {
  cancelBooking,
  getBooking,
  orPageError,
  withdrawBooking,
  type Problem,
} from '#lib/server/api.ts';
import { attempt, errorsOf, type FormErrors } from '#lib/server/forms.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, params, url, fetch }) => {
  if (!locals.session)
    redirect(303, `/${params.lang}/sign-in?next=${encodeURIComponent(url.pathname)}`);
  const request = await orPageError(getBooking(fetch, url.origin, params.id, params.lang));
  const session = locals.session!;
  const member =
    request.association !== null &&
    session.roles.associations.some((a) => a.association.id === request.association!.id);
  return {
    request,
    // Staff reading another's request cancel with a reason and do not withdraw.
    asStaff: !member && session.roles.staff.length > 0,
    created: url.searchParams.get('created') === '1',
  };
};

/** A refusal by field; a conflict (not_pending, past_cancellation_deadline) with its parameters. */
function changeErrors(problem: Problem): FormErrors {
  if (problem.errors?.length) return errorsOf(problem);
  return {
    form: {
      code: problem.code ?? `status_${problem.status}`,
      ...(problem.params ? { params: problem.params } : {}),
    },
  };
}

/** Withdraw or cancel the chosen dates, or all of them (`all=1`). */
async function change(event: RequestEvent, action: 'withdraw' | 'cancel') {
  const { request, fetch, url, params } = event;
  const form = await request.formData();
  const all = form.get('all') === '1';
  const dates = form.getAll('dates').filter((d): d is string => typeof d === 'string' && !!d);
  const reason = String(form.get('reason') ?? '');
  const values = { action, reason, dates: dates.join(',') };
  if (!all && dates.length === 0)
    return fail(400, { values, errors: { dates: { code: 'choose_dates' } } as FormErrors });
  // "Cancel all" by the association: every approved date still before its deadline (the
  // API would refuse the whole change for one past it); staff cancel every upcoming one.
  let chosen: string[] | undefined = all ? undefined : dates;
  if (all && action === 'cancel') {
    const current = await getBooking(fetch, url.origin, params.id, params.lang).catch(() => null);
    const member =
      !!current?.association &&
      !!event.locals.session?.roles.associations.some(
        (a) => a.association.id === current.association!.id,
      );
    if (current && member) {
      chosen = current.bookings.filter((b) => b.cancellable).map((b) => b.date);
      if (chosen.length === 0)
        return fail(409, { values, errors: { form: { code: 'not_approved' } } as FormErrors });
    }
  }
  const json = {
    ...(chosen ? { dates: chosen } : {}),
    ...(action === 'cancel' && reason.trim() ? { reason } : {}),
  };
  const call = action === 'withdraw' ? withdrawBooking : cancelBooking;
  const answer = await attempt(call(fetch, url.origin, params.id, params.lang, json));
  if (!answer.ok) return fail(answer.status, { values, errors: changeErrors(answer.problem) });
  return { changed: action };
}

export const actions: Actions = {
  withdraw: (event) => change(event, 'withdraw'),
  cancel: (event) => change(event, 'cancel'),
};
