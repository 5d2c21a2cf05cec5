import { createRoute, z } from '@hono/zod-openapi';
import { SignInInput } from '../../services/accounts/sign-in';
import { SignUpInput } from '../../services/accounts/sign-up';
import { ForgotPasswordInput, ResetPasswordInput } from '../../services/accounts/password-reset';
import { ChangeEmailInput, ChangePasswordInput } from '../../services/accounts/change-credentials';
import { StartOidcSignInInput } from '../../services/accounts/oidc-sign-in';
import { Localized, json, problem, jsonBody } from '../shared/schemas';

const MunicipalityRef = z.object({ id: z.uuid(), slug: z.string(), name: Localized });

export const SessionView = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      emailVerified: z.boolean(),
    }),
    roles: z.object({
      administrator: z.boolean(),
      staff: z.array(z.object({ municipality: MunicipalityRef, role: z.enum(['staff', 'admin']) })),
      associations: z.array(
        z.object({
          association: z.object({
            id: z.uuid(),
            name: Localized,
            verification: z.enum(['unverified', 'pending', 'verified', 'rejected']),
          }),
          municipality: MunicipalityRef,
          role: z.enum(['admin', 'member']),
        }),
      ),
    }),
  })
  .openapi('Session');

export const Accepted = z
  .object({ status: z.enum(['verification_sent', 'reset_sent', 'confirmation_sent']) })
  .openapi('Accepted');

const cookieSet = {
  'Set-Cookie': {
    description: 'The session cookie (httpOnly, SameSite=Lax, Secure behind HTTPS)',
    schema: { type: 'string' as const },
  },
};

export const signInRoute = createRoute({
  method: 'post',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign in with e-mail and password; sets the session cookie',
  request: jsonBody(SignInInput),
  responses: {
    200: { ...json(SessionView, 'Signed in: the user and their roles'), headers: cookieSet },
    400: problem('A field is missing or malformed; `errors` names it'),
    401: problem(
      'Wrong e-mail or password (`code: invalid_credentials`), the same answer for both',
    ),
    403: problem(
      'The address is not verified yet (`code: email_not_verified`; a new link was mailed), or the request came from another origin (`code: origin`)',
    ),
    429: problem('Too many attempts for this account or from this address; see Retry-After'),
  },
});

export const getSessionRoute = createRoute({
  method: 'get',
  path: '/session',
  tags: ['Session'],
  summary: 'The signed-in user and their roles',
  responses: {
    200: json(SessionView, 'The user and their roles'),
    401: problem('Not signed in, or the session has expired'),
  },
});

export const signOutRoute = createRoute({
  method: 'delete',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign out: ends this session and clears the cookie',
  responses: {
    204: { description: 'Signed out (also when there was no session)', headers: cookieSet },
    403: problem('Wrong origin'),
  },
});

export const signOutEverywhereRoute = createRoute({
  method: 'delete',
  path: '/sessions',
  tags: ['Session'],
  summary: 'Sign out everywhere: ends every session of the signed-in user',
  responses: {
    204: { description: 'Every session ended', headers: cookieSet },
    401: problem('Not signed in'),
    403: problem('Wrong origin'),
  },
});

export const signUpRoute = createRoute({
  method: 'post',
  path: '/account',
  tags: ['Account'],
  summary: 'Create an account; a verification link is mailed (the same answer for a taken address)',
  request: jsonBody(SignUpInput),
  responses: {
    202: json(Accepted, 'Check your mail'),
    400: problem('A field is invalid; `errors` names it with a code and parameters'),
    403: problem('Wrong origin'),
    429: problem('Too many sign-ups from this address'),
  },
});

export const forgotPasswordRoute = createRoute({
  method: 'post',
  path: '/password/forgot',
  tags: ['Account'],
  summary: 'Mail a single-use password reset link (the same answer for any address)',
  request: jsonBody(ForgotPasswordInput),
  responses: {
    202: json(Accepted, 'Check your mail'),
    400: problem('Not an e-mail address'),
    403: problem('Wrong origin'),
    429: problem('Too many requests for this account or from this address'),
  },
});

export const resetPasswordRoute = createRoute({
  method: 'post',
  path: '/password/reset',
  tags: ['Account'],
  summary: 'Set a new password with the mailed token; every session of the account ends',
  request: jsonBody(ResetPasswordInput),
  responses: {
    204: { description: 'Password changed' },
    400: problem(
      'The token is invalid, used or expired (`invalid_token`), or the password too short',
    ),
    403: problem('Wrong origin'),
    429: problem('Too many attempts from this address'),
  },
});

export const changePasswordRoute = createRoute({
  method: 'put',
  path: '/account/password',
  tags: ['Account'],
  summary: 'Change the password (the current one is required); other sessions end',
  request: jsonBody(ChangePasswordInput),
  responses: {
    204: { description: 'Password changed', headers: cookieSet },
    400: problem('The current password is wrong (`wrong_password`) or the new one is invalid'),
    401: problem('Not signed in'),
    403: problem('Wrong origin'),
  },
});

export const changeEmailRoute = createRoute({
  method: 'put',
  path: '/account/email',
  tags: ['Account'],
  summary: 'Change the e-mail address: a confirmation link is mailed to the new address',
  request: jsonBody(ChangeEmailInput),
  responses: {
    202: json(Accepted, 'Check the new address'),
    400: problem('Not an e-mail address, or the current one'),
    401: problem('Not signed in'),
    403: problem('Wrong origin'),
  },
});

export const verifyEmailRoute = createRoute({
  method: 'get',
  path: '/auth/verify-email',
  tags: ['Account'],
  summary: 'The link mailed to verify an address (or confirm a new one); redirects to the app',
  request: {
    query: z.object({ token: z.string().max(4096), callbackURL: z.string().max(2048).optional() }),
  },
  responses: {
    302: { description: 'Verified and signed in (or `?error=INVALID_TOKEN` on the callback URL)' },
  },
});

export const OidcProvider = z
  .object({ name: z.string().openapi({ example: 'Borgå stad' }) })
  .openapi('OidcProvider');

export const OidcAuthorization = z
  .object({ url: z.url().openapi({ description: "The identity provider's authorization URL" }) })
  .openapi('OidcAuthorization');

export const oidcProviderRoute = createRoute({
  method: 'get',
  path: '/session/oidc',
  tags: ['Session'],
  summary: "The municipality's identity provider for staff sign-in, when one is configured",
  responses: {
    200: json(OidcProvider, 'Staff may sign in through this provider (the button names it)'),
    404: problem('No identity provider is configured (OIDC_ISSUER unset)'),
  },
});

export const oidcStartRoute = createRoute({
  method: 'post',
  path: '/session/oidc',
  tags: ['Session'],
  summary:
    'Start a staff sign-in at the identity provider: answers its authorization URL and sets the state cookie',
  description:
    'Send the browser to `url`. The provider redirects back to GET /api/auth/callback/oidc, which signs in, syncs the staff roles from the claims and redirects to `returnTo` (default `/{locale}/account`), or to `/{locale}/sign-in?error=…`.',
  request: jsonBody(StartOidcSignInInput),
  responses: {
    200: { ...json(OidcAuthorization, 'Go to the provider'), headers: cookieSet },
    400: problem('`locale` or `returnTo` is invalid'),
    403: problem('Wrong origin'),
    404: problem('No identity provider is configured'),
  },
});

export const oidcCallbackRoute = createRoute({
  method: 'get',
  path: '/auth/callback/oidc',
  tags: ['Session'],
  summary:
    "The identity provider's redirect URI (register `{PUBLIC_ORIGIN}/api/auth/callback/oidc` with it)",
  request: {
    query: z.object({
      code: z.string().max(4096).optional(),
      state: z.string().max(4096).optional(),
      iss: z.string().max(2048).optional(),
      error: z.string().max(256).optional(),
      error_description: z.string().max(2048).optional(),
    }),
  },
  responses: {
    302: {
      description:
        'Signed in (session cookie set, staff roles synced) and sent to the return path; or sent to `/{locale}/sign-in?error=…`',
      headers: cookieSet,
    },
    404: problem('No identity provider is configured'),
  },
});
