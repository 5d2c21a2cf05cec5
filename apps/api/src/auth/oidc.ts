import { AsyncLocalStorage } from 'node:async_hooks';
import { isUiLocale } from '@motesplats/domain';
import { getOAuthState } from 'better-auth/api';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import type { OidcConfig } from '../config';

/** better-auth's id for the municipality's identity provider: the redirect URI is /api/auth/callback/oidc. */
export const OIDC_PROVIDER_ID = 'oidc';
export const OIDC_CALLBACK_PATH = `/api/auth/callback/${OIDC_PROVIDER_ID}`;

/** What one OIDC callback learnt from the identity provider, captured while better-auth handles it. */
export interface OidcCallbackCapture {
  /** The claims better-auth read (the id_token's when it carries the e-mail, else userinfo). */
  claims?: Record<string, unknown>;
}

const captures = new AsyncLocalStorage<OidcCallbackCapture>();

/** Runs better-auth's callback handler and hands back the claims it saw (none when it failed early). */
export async function capturingOidcClaims(
  handle: () => Promise<Response>,
): Promise<{ response: Response; claims: Record<string, unknown> | undefined }> {
  const capture: OidcCallbackCapture = {};
  const response = await captures.run(capture, handle);
  return { response, claims: capture.claims };
}

/**
 * The municipality's OpenID Connect provider through better-auth's genericOAuth plugin:
 * discovery, authorization code with PKCE S256 and nonce, id_token checked against the
 * discovered keys. The address comes verified from the IdP (the municipality vouches for
 * its staff's addresses), the user's language from the page the sign-in started on.
 */
export function oidcPlugin(oidc: OidcConfig) {
  return genericOAuth({
    config: [
      {
        providerId: OIDC_PROVIDER_ID,
        name: oidc.name,
        discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
        clientId: oidc.clientId,
        clientSecret: oidc.clientSecret,
        scopes: oidc.scopes,
        pkce: true,
        requireIdTokenVerification: true,
        // Name and address follow the IdP at every sign-in.
        overrideUserInfo: true,
        mapProfileToUser: async (profile) => {
          const store = captures.getStore();
          if (store) store.claims = { ...profile };
          const state = (await getOAuthState()) as { locale?: unknown } | null;
          const name = typeof profile.name === 'string' && profile.name ? profile.name : undefined;
          return {
            emailVerified: true,
            ...(name ? { name } : {}),
            ...(isUiLocale(state?.locale) ? { locale: state.locale } : {}),
          };
        },
      },
    ],
  });
}
