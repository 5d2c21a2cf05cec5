import {
  EMAIL_MAX_LENGTH,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  UI_LOCALES,
  normalizeEmail,
} from '@motesplats/domain';
import { z } from 'zod';
import { viaAuth } from '../../auth/errors';
import type { ServiceCtx } from '../context';
import { authHeaders } from './auth-headers';
import { consumeThrottle } from './throttle';

/** Printable text without control characters (names end up in mail subjects and pages). */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s), { message: 'must not contain control characters' });

export const SignUpInput = z.object({
  name: plainText(NAME_MAX_LENGTH),
  email: z.email().max(EMAIL_MAX_LENGTH),
  password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
  locale: z.enum(UI_LOCALES).default('sv'),
});

/**
 * Creates an account and mails the verification link. A taken address answers exactly the
 * same (its owner gets a mail saying so instead), so nobody learns which addresses have
 * accounts. The account signs in only once its address is verified.
 */
export async function signUp({ ctx, input }: { ctx: ServiceCtx; input: unknown }) {
  const { name, email, password, locale } = SignUpInput.parse(input);
  await consumeThrottle(ctx, 'signUpAddress', ctx.client.address);
  await viaAuth(
    ctx.auth.api.signUpEmail({
      body: {
        name,
        email: normalizeEmail(email),
        password,
        locale,
        callbackURL: `/${locale}/account?verified=1`,
      },
      headers: authHeaders(ctx),
    }),
  );
  return { status: 'verification_sent' as const };
}
