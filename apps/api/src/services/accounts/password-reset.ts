import {
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  normalizeEmail,
} from '@motesplats/domain';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';
import { consumeThrottle } from './throttle';

export const ForgotPasswordInput = z.object({ email: z.email().max(EMAIL_MAX_LENGTH) });
export const ResetPasswordInput = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});

/**
 * Mails a single-use reset link that expires (RESET_PASSWORD_TTL_MINUTES). The answer is
 * the same whether or not the address has an account.
 */
export async function requestPasswordReset({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const email = normalizeEmail(ForgotPasswordInput.parse(input).email);
  await consumeThrottle(ctx, 'resetAddress', ctx.client.address);
  await consumeThrottle(ctx, 'resetAccount', email);
  await viaAuth(ctx.auth.api.requestPasswordReset({ body: { email }, headers: authHeaders(ctx) }));
  return { status: 'reset_sent' as const };
}

/** Sets a new password with the mailed token; every session of the account ends. */
export async function resetPassword({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const { token, password } = ResetPasswordInput.parse(input);
  await consumeThrottle(ctx, 'resetAddress', ctx.client.address);
  await viaAuth(
    ctx.auth.api.resetPassword({
      body: { token, newPassword: password },
      headers: authHeaders(ctx),
    }),
  );
}
