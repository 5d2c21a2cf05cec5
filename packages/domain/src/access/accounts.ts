/** Bounds of what a person enters about their account; the API and the pages share them. */
export const PASSWORD_MIN_LENGTH = 10;
/** Long passphrases are welcome; beyond this is no password but an attack on the hasher. */
export const PASSWORD_MAX_LENGTH = 256;
export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;

/** How long the links mailed to a person stay valid. */
export const VERIFY_EMAIL_TTL_HOURS = 24;
export const RESET_PASSWORD_TTL_MINUTES = 60;

/** Session lifetime: it ends after IDLE days unused, and in any case ABSOLUTE days after sign-in. */
export const SESSION_IDLE_DAYS = 7;
export const SESSION_ABSOLUTE_DAYS = 30;

/**
 * Throttles (docs/decisions/007): attempts allowed per window, per account (the e-mail
 * given, whether or not such an account exists, so answers reveal nothing) and per client
 * address.
 */
export const THROTTLES = {
  signInAccount: { limit: 5, windowSeconds: 15 * 60 },
  signInAddress: { limit: 30, windowSeconds: 15 * 60 },
  signUpAddress: { limit: 10, windowSeconds: 60 * 60 },
  resetAccount: { limit: 3, windowSeconds: 60 * 60 },
  resetAddress: { limit: 10, windowSeconds: 60 * 60 },
} as const;
export type ThrottleName = keyof typeof THROTTLES;

/** E-mail addresses compare without case (the users table's unique index is on lower(email)). */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();
