import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, normalizeEmail } from '@motesplats/domain';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';
import { loadActor } from './load-actor';
import { consumeThrottle, refundThrottle, resetThrottle } from './throttle';

export const SignInInput = z.object({
  email: z.string().trim().min(1).max(EMAIL_MAX_LENGTH),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

/**
 * Signs in with e-mail and password. Throttled per client address and per account (the
 * address given, whether or not it has an account); a wrong address and a wrong password
 * answer alike (401 invalid_credentials), in about the same time (better-auth hashes the
 * given password even when no account exists).
 */
export async function signIn({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const { email: given, password } = SignInInput.parse(input);
  const email = normalizeEmail(given);
  await consumeThrottle(ctx, 'signInAddress', ctx.client.address);
  await consumeThrottle(ctx, 'signInAccount', email);
  const { headers, response } = await viaAuth(
    ctx.auth.api.signInEmail({
      body: { email, password, rememberMe: true },
      headers: authHeaders(ctx),
      returnHeaders: true,
    }),
  );
  await resetThrottle(ctx, 'signInAccount', email);
  await refundThrottle(ctx, 'signInAddress', ctx.client.address);
  const actor = await loadActor(ctx, response.user.id);
  if (!actor) throw new Error('A user who just signed in has no row.');
  return { actor, setCookies: headers.getSetCookie() };
}
