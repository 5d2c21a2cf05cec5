// Form actions over the API: read the fields, call, and on refusal answer
// `fail(status, { values, errors })` so the page shows each error beside its field, in the
// reader's language, with what was typed still there (passwords excepted).
import { fail } from '@sveltejs/kit';
import type { Issue, Problem } from './api.ts';
import { logError } from './log.ts';

/**
 * An API write that could not be made at all (the API failed or was unreachable) becomes a
 * refusal like any other, so the form comes back with what was typed, not an error page.
 */
export async function attempt<T extends { ok: boolean }>(
  call: Promise<T>,
): Promise<T | { ok: false; status: number; problem: Problem }> {
  try {
    return await call;
  } catch (e) {
    logError('An API write failed', e);
    return {
      ok: false,
      status: 503,
      problem: { type: 'unavailable', title: 'Unavailable', status: 503, code: 'unavailable' },
    };
  }
}

/** An error shown on a page: a code with its parameters (rendered by #lib/issues.ts). */
export interface FieldError {
  code: string;
  params?: Record<string, string | number | boolean>;
}
export type FormErrors = Record<string, FieldError>;

/** The named text fields of a submitted form, trimmed of nothing (what the person typed). */
export const fieldsOf = <K extends string>(form: FormData, names: readonly K[]) =>
  Object.fromEntries(
    names.map((n) => {
      const v = form.get(n);
      return [n, typeof v === 'string' ? v : ''];
    }),
  ) as Record<K, string>;

/** Problem → errors by field; refusals of the whole form go under `form`. */
export function errorsOf(problem: Problem): FormErrors {
  const errors: FormErrors = {};
  for (const issue of problem.errors ?? []) {
    const field = issue.path.split('.')[0] || 'form';
    errors[field === '(request)' ? 'form' : field] ??= fieldError(issue);
  }
  if (!problem.errors?.length) {
    const params = problem.retryAfterSeconds
      ? { minutes: Math.max(1, Math.ceil(problem.retryAfterSeconds / 60)) }
      : problem.params;
    errors.form = {
      code: problem.code ?? `status_${problem.status}`,
      ...(params ? { params } : {}),
    };
  }
  return errors;
}

const fieldError = (issue: Issue): FieldError => ({
  code: issue.code ?? 'invalid',
  ...(issue.params ? { params: issue.params } : {}),
});

/** A refused write, for the action to return. */
export const refused = (status: number, problem: Problem, values: Record<string, string>) =>
  fail(status, { values, errors: errorsOf(problem) });

/** Where to go after signing in: only a path of this site, never another origin. */
export function safeNext(next: string | null, fallback: string): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return fallback;
  return next;
}
