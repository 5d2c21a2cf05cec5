import { fail } from '@sveltejs/kit';
import type { Locale } from '#lib/locale.ts';
import { createFeedToken, listFeedTokens, revokeFeedToken } from './api';
import { attempt } from './forms';

type Kind = 'venue' | 'municipality' | 'association';

/** The page's live link of this scope (its id and dates, never the token), or null. */
export async function privateLinkOf(
  fetch: typeof globalThis.fetch,
  origin: string,
  scope: { kind: Kind; id: string },
) {
  const answer = await listFeedTokens(fetch, origin).catch(() => null);
  if (!answer?.ok || !answer.data) return null;
  return (
    answer.data.items.find((i) => i.scope.kind === scope.kind && i.scope.id === scope.id) ?? null
  );
}

/**
 * The form actions of a "Private calendar link" section: make (or renew) the link, shown
 * once in the answer; revoke it. Failures carry a code the page says in its language.
 */
export function privateLinkActions(
  scopeOf: (
    params: Record<string, string>,
    locals: App.Locals,
  ) => {
    kind: Kind;
    id: string;
  },
) {
  return {
    privateLink: async ({
      fetch,
      url,
      params,
      locals,
    }: {
      fetch: typeof globalThis.fetch;
      url: URL;
      params: Record<string, string>;
      locals: App.Locals;
    }) => {
      const answer = await attempt(
        createFeedToken(fetch, url.origin, params.lang as Locale, scopeOf(params, locals)),
      );
      if (!answer.ok)
        return fail(answer.status, {
          action: 'privateLink',
          errors: { form: { code: answer.problem.code ?? `status_${answer.problem.status}` } },
        });
      return { action: 'privateLink', created: { path: answer.data!.path } };
    },
    revokePrivateLink: async ({
      fetch,
      url,
      request,
    }: {
      fetch: typeof globalThis.fetch;
      url: URL;
      request: Request;
    }) => {
      const id = String((await request.formData()).get('id') ?? '');
      const answer = await attempt(revokeFeedToken(fetch, url.origin, id));
      if (!answer.ok)
        return fail(answer.status, {
          action: 'revokePrivateLink',
          errors: { form: { code: answer.problem.code ?? `status_${answer.problem.status}` } },
        });
      return { action: 'revokePrivateLink', revoked: true };
    },
  };
}
