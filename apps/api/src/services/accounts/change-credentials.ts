import {
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  normalizeEmail,
} from '@motesplats/domain';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import { requireUser, type ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
});
export const ChangeEmailInput = z.object({ newEmail: z.email().max(EMAIL_MAX_LENGTH) });

/** Changes the password (the current one is required) and ends the user's other sessions. */
export async function changePassword({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { cookie: string | null; body: unknown };
}) {
  requireUser(ctx);
  const { currentPassword, newPassword } = ChangePasswordInput.parse(input.body);
  const { headers } = await viaAuth(
    ctx.auth.api.changePassword({
      body: { currentPassword, newPassword, revokeOtherSessions: true },
      headers: authHeaders(ctx, input.cookie),
      returnHeaders: true,
    }),
  );
  return { setCookies: headers.getSetCookie() };
}

/** Mails a confirmation link to the new address; the address changes when it is opened. */
export async function changeEmail({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { cookie: string | null; body: unknown };
}) {
  const actor = requireUser(ctx);
  const newEmail = normalizeEmail(ChangeEmailInput.parse(input.body).newEmail);
  await viaAuth(
    ctx.auth.api.changeEmail({
      body: { newEmail, callbackURL: `/${actor.locale}/account?emailChanged=1` },
      headers: authHeaders(ctx, input.cookie),
    }),
  );
  return { status: 'confirmation_sent' as const };
}
