import { fail } from '@sveltejs/kit';
import type { Locale } from '#lib/locale.ts';
import { createFeedToken, listFeedTokens, revokeFeedToken } from './api';
import { attempt } from './forms';

type Kind = 'venue' | 'municipality' | 'association';

/** The page's live links of these scopes (ids and dates, never the tokens), null where none. */
export async function privateLinksOf(
  fetch: typeof globalThis.fetch,
  origin: string,
  scopes: readonly { kind: Kind; id: string }[],
) {
  const answer = await listFeedTokens(fetch, origin).catch(() => null);
  const items = answer?.ok && answer.data ? answer.data.items : [];
  return scopes.map(
    (scope) => items.find((i) => i.scope.kind === scope.kind && i.scope.id === scope.id) ?? null,
  );
}

/** The page's live link of this scope, or null. */
export async function privateLinkOf(
  fetch: typeof globalThis.fetch,
  origin: string,
  scope: { kind: Kind; id: string },
) {
  return (await privateLinksOf(fetch, origin, [scope]))[0]!;
}

const chosenScope = (form: FormData) => {
  const scope = form.get('scope');
  return typeof scope === 'string' && scope ? scope : null;
};

/**
 * The form actions of a "Private calendar link" section: make (or renew) the link, shown
 * once in the answer; revoke it. Failures carry a code the page says in its language.
 * A page with several sections (staff of two municipalities) names the scope in a hidden
 * `scope` field; `scopeOf` reads it (and answers for the default when there is none), and
 * the answer carries it back so only that section shows it.
 */
export function privateLinkActions(
  scopeOf: (
    params: Record<string, string>,
    locals: App.Locals,
    chosen: string | null,
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
      request,
    }: {
      fetch: typeof globalThis.fetch;
      url: URL;
      params: Record<string, string>;
      locals: App.Locals;
      request: Request;
    }) => {
      const scope = scopeOf(params, locals, chosenScope(await request.formData()));
      const answer = await attempt(
        createFeedToken(fetch, url.origin, params.lang as Locale, scope),
      );
      if (!answer.ok)
        return fail(answer.status, {
          action: 'privateLink',
          scope: scope.id,
          errors: { form: { code: answer.problem.code ?? `status_${answer.problem.status}` } },
        });
      return { action: 'privateLink', scope: scope.id, created: { path: answer.data!.path } };
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
      const form = await request.formData();
      const id = String(form.get('id') ?? '');
      const scope = chosenScope(form);
      const answer = await attempt(revokeFeedToken(fetch, url.origin, id));
      if (!answer.ok)
        return fail(answer.status, {
          action: 'revokePrivateLink',
          scope,
          errors: { form: { code: answer.problem.code ?? `status_${answer.problem.status}` } },
        });
      return { action: 'revokePrivateLink', scope, revoked: true };
    },
  };
}
