import {
  DomainFailure,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type DomainError,
} from '@motesplats/domain';

interface AuthApiError {
  statusCode: number;
  body?: { code?: string; message?: string } | undefined;
}

const isAuthApiError = (e: unknown): e is AuthApiError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { statusCode?: unknown }).statusCode === 'number' &&
  (e as { name?: unknown }).name === 'APIError';

/** better-auth's error codes → our domain errors (codes with parameters, no English for pages). */
export function domainErrorOf(e: AuthApiError): DomainError {
  const code = e.body?.code ?? '';
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return { kind: 'unauthenticated', code: 'invalid_credentials' };
    case 'EMAIL_NOT_VERIFIED':
      return { kind: 'forbidden', reason: 'email_not_verified' };
    case 'PASSWORD_TOO_SHORT':
      return {
        kind: 'invalid',
        issues: [
          {
            path: 'password',
            code: 'too_small',
            params: { minimum: PASSWORD_MIN_LENGTH },
            message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
          },
        ],
      };
    case 'PASSWORD_TOO_LONG':
      return {
        kind: 'invalid',
        issues: [
          {
            path: 'password',
            code: 'too_big',
            params: { maximum: PASSWORD_MAX_LENGTH },
            message: `must be at most ${PASSWORD_MAX_LENGTH} characters`,
          },
        ],
      };
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return {
        kind: 'invalid',
        issues: [
          { path: 'token', code: 'invalid_token', message: 'the link is invalid or has expired' },
        ],
      };
    case 'INVALID_PASSWORD':
      return {
        kind: 'invalid',
        issues: [
          {
            path: 'currentPassword',
            code: 'wrong_password',
            message: 'the current password is wrong',
          },
        ],
      };
    case 'INVALID_EMAIL':
      return {
        kind: 'invalid',
        issues: [
          {
            path: 'email',
            code: 'invalid_format',
            params: { format: 'email' },
            message: 'must be an e-mail address',
          },
        ],
      };
    case 'EMAIL_IS_THE_SAME':
      return {
        kind: 'invalid',
        issues: [{ path: 'newEmail', code: 'same_email', message: 'is the current address' }],
      };
  }
  if (e.statusCode === 401) return { kind: 'unauthenticated' };
  if (e.statusCode === 403) return { kind: 'forbidden', reason: code.toLowerCase() || 'forbidden' };
  if (e.statusCode === 400 || e.statusCode === 422) {
    return {
      kind: 'invalid',
      issues: [
        {
          path: '(request)',
          code: code.toLowerCase() || 'invalid',
          message: e.body?.message ?? 'invalid',
        },
      ],
    };
  }
  throw e;
}

/** Runs a better-auth call; its refusals become DomainFailures, anything else passes through. */
export async function viaAuth<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (isAuthApiError(e)) throw new DomainFailure(domainErrorOf(e));
    throw e;
  }
}
