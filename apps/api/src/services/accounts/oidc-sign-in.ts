import { UI_LOCALES } from '@motesplats/domain';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import { OIDC_PROVIDER_ID, capturingOidcClaims } from '../../auth/oidc';
import type { OidcConfig } from '../../config';
import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';
import { signOut } from './sign-out';
import { syncOidcStaffRoles, type OidcRoleSync } from './sync-oidc-staff-roles';

/** A path on this site (never `//host` nor a scheme): where the browser lands after sign-in. */
const LocalPath = z
  .string()
  .max(512)
  .regex(/^\/(?![/\\])[^\s]*$/, 'must be a path on this site');

export const StartOidcSignInInput = z.object({
  locale: z.enum(UI_LOCALES),
  returnTo: LocalPath.optional(),
});

/**
 * Starts a sign-in at the municipality's identity provider: better-auth stores the state
 * (with the PKCE verifier and nonce) and sets its state cookie; the browser is sent to
 * the returned authorization URL. After the IdP it lands on `returnTo` (the account page
 * by default), or on the sign-in page with `?error=…`.
 */
export async function startOidcSignIn({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const { locale, returnTo } = StartOidcSignInInput.parse(input);
  const { headers, response } = await viaAuth(
    ctx.auth.api.signInSocial({
      body: {
        provider: OIDC_PROVIDER_ID,
        callbackURL: returnTo ?? `/${locale}/account`,
        errorCallbackURL: `/${locale}/sign-in`,
        disableRedirect: true,
        additionalData: { locale },
      },
      headers: authHeaders(ctx),
      returnHeaders: true,
    }),
  );
  if (!response.url) throw new Error('better-auth gave no authorization URL.');
  return { url: response.url, setCookies: headers.getSetCookie() };
}

const SESSION_SET = /^((?:__Secure-)?motesplats\.session_token=[^;]+)/;

export interface OidcCallbackOutcome {
  /** better-auth's answer (a redirect), or ours when the roles could not be synced. */
  status: number;
  location: string | null;
  setCookies: string[];
  sync: OidcRoleSync | null;
  /** Why the roles could not be synced (the route logs it); absent when they were. */
  syncFailure?: unknown;
}

/**
 * The IdP's redirect back (/api/auth/callback/oidc): better-auth checks state, PKCE and
 * the id_token, finds or creates the user (linking a verified address) and opens a session;
 * then the user's `oidc` staff roles are synced from the claims. If that sync fails the
 * new session is ended again: nobody is signed in with roles the IdP did not give.
 */
export async function completeOidcSignIn({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { request: Request; oidc: OidcConfig };
}): Promise<OidcCallbackOutcome> {
  const { response, claims } = await capturingOidcClaims(() => ctx.auth.handler(input.request));
  const setCookies = response.headers.getSetCookie();
  const location = response.headers.get('location');
  const session = setCookies.map((c) => SESSION_SET.exec(c)?.[1]).find(Boolean);
  if (!session || !claims) return { status: response.status, location, setCookies, sync: null };
  try {
    const sync = await syncOidcStaffRoles({
      ctx,
      input: { claims, mapping: input.oidc },
    });
    return { status: response.status, location, setCookies, sync };
  } catch (e) {
    const ended = await signOut({
      ctx,
      input: { cookie: session },
    });
    const lang = /^\/(sv|fi|en|ar)\//.exec(location ?? '')?.[1] ?? 'sv';
    return {
      status: 302,
      location: `/${lang}/sign-in?error=role_sync_failed`,
      setCookies: ended.setCookies,
      sync: null,
      syncFailure: e,
    };
  }
}
