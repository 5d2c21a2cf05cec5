import { drizzleAdapter } from '@better-auth/drizzle-adapter';
import { accounts, sessions, users, verifications, type Db } from '@motesplats/db';
import {
  composeMail,
  PASSWORD_MAX_LENGTH,
  type MailParams,
  type MailTemplate,
  PASSWORD_MIN_LENGTH,
  RESET_PASSWORD_TTL_MINUTES,
  SESSION_IDLE_DAYS,
  isUiLocale,
  BASE_LOCALE,
  VERIFY_EMAIL_TTL_HOURS,
} from '@motesplats/domain';
import { betterAuth } from 'better-auth';
import { linkOrigin, type Config } from '../config';
import type { Clock } from '../deps';
import type { Mailer } from '../mail/mailer';
import { OIDC_PROVIDER_ID, oidcPlugin } from './oidc';
import type { PasswordHasher } from './password';
import { errorFields, type Logger } from '../logger';

/** The header through which our own code tells better-auth the client's address (never a client's). */
export const CLIENT_ADDRESS_HEADER = 'x-motesplats-client-address';

export interface AuthDeps {
  db: Db;
  clock: Clock;
  config: Config;
  mailer: Mailer;
  hasher: PasswordHasher;
  /** Secret that signs session cookies; the same for every process of an installation. */
  secret: string;
  /** better-auth's own messages go here, as one line each (no stacks). */
  logger?: Logger | undefined;
}

/** The user's language for mail (an additional field better-auth's base type does not name). */
const localeOf = (user: object): string => {
  const locale = (user as { locale?: unknown }).locale;
  return isUiLocale(locale) ? locale : BASE_LOCALE;
};

/**
 * Identity through better-auth (docs/decisions/007-accounts-better-auth.md): e-mail and
 * password accounts with verification, reset and change of e-mail, sessions in PostgreSQL
 * behind an httpOnly SameSite=Lax cookie. Our routes call its server API (auth.api.*); the
 * HTTP handler is mounted only for the links it mails (verify-email).
 */
export function createAuth({ db, clock, config, mailer, hasher, secret, logger }: AuthDeps) {
  const origin = linkOrigin(config);
  const send = async <T extends MailTemplate>(
    to: string,
    user: object,
    template: T,
    params: MailParams[T],
  ) => {
    const { subject, text, html } = composeMail(template, localeOf(user), params);
    await mailer.enqueue(db, { to, subject, text, html, at: clock.now() });
  };

  return betterAuth({
    appName: 'Mötesplats',
    baseURL: origin,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [origin],
    telemetry: { enabled: false },
    logger: {
      disabled: !logger || config.logLevel === 'silent' || config.env === 'test',
      level: 'warn',
      log: (level, message, ...args) => {
        const failure = args.find((a) => a instanceof Error);
        logger?.[level]({ component: 'auth', ...(failure ? errorFields(failure) : {}) }, message);
      },
    },
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: accounts, verification: verifications },
    }),
    user: {
      additionalFields: {
        locale: { type: 'string', required: false, defaultValue: 'sv', input: true },
        isAdmin: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
      changeEmail: {
        enabled: true,
        // Two steps: the current address approves the change, then the new address is
        // verified by its own link (sendVerificationEmail); only then does the address change.
        sendChangeEmailConfirmation: ({ user, newEmail, url }) =>
          send(user.email, user, 'change_email', { name: user.name, url, newEmail }),
      },
    },
    session: {
      expiresIn: SESSION_IDLE_DAYS * 24 * 60 * 60,
      updateAge: 24 * 60 * 60,
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      password: hasher,
      resetPasswordTokenExpiresIn: RESET_PASSWORD_TTL_MINUTES * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => {
        const locale = localeOf(user);
        const url = `${origin}/${locale}/password/reset?token=${encodeURIComponent(token)}`;
        return send(user.email, user, 'reset_password', {
          name: user.name,
          url,
          expiresInMinutes: RESET_PASSWORD_TTL_MINUTES,
        });
      },
      // Signing up with a taken address answers exactly like a new sign-up; the owner
      // learns of it by mail (no user enumeration).
      onExistingUserSignUp: ({ user }) => {
        const locale = localeOf(user);
        return send(user.email, user, 'signup_existing', {
          name: user.name,
          signInUrl: `${origin}/${locale}/sign-in`,
          resetUrl: `${origin}/${locale}/password/forgot`,
        });
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: VERIFY_EMAIL_TTL_HOURS * 60 * 60,
      sendVerificationEmail: ({ user, url }) =>
        send(user.email, user, 'verify_email', { name: user.name, url }),
    },
    // Staff sign-in through the municipality's identity provider (auth/oidc.ts), when configured.
    plugins: config.oidc ? [oidcPlugin(config.oidc)] : [],
    account: {
      // The IdP is the municipality's own: a staff member who already has a password
      // account with the same (verified) address gets the IdP linked to it.
      accountLinking: { enabled: true, trustedProviders: [OIDC_PROVIDER_ID] },
      encryptOAuthTokens: true,
    },
    // OAuth failures before the flow's own error page is known (no or bad state).
    onAPIError: { errorURL: `${origin}/sv/sign-in` },
    // Throttling is ours (services/accounts/throttle.ts): per account and per address,
    // in PostgreSQL, shared by every process.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'motesplats',
      useSecureCookies: origin.startsWith('https://'),
      database: { generateId: 'uuid' },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
