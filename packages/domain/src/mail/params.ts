import { z } from 'zod';

/** A value shown on one line (a name, an address): whitespace runs, newlines included, become one space. */
const line = z.string().transform((s) => s.replace(/\s+/g, ' ').trim());
/** Free text that may span lines (a staff member's reason): line ends normalized, ends trimmed. */
const paragraph = z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim());
/** Links in mail are absolute http(s) URLs built by the API; anything else is a bug, not a mail. */
const link = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname });

/**
 * The mail the system sends and the parameters of each. Parameters are user data (names,
 * association names, reasons) and are escaped where they are written into HTML.
 */
export const mailParamSchemas = {
  /** Confirm the e-mail address after sign-up. */
  verify_email: z.object({ name: line, url: link }),
  /** Reset the password; the link is single use and expires. */
  reset_password: z.object({
    name: line,
    url: link,
    expiresInMinutes: z.number().int().positive(),
  }),
  /** Confirm a change of e-mail address to `newEmail`. */
  change_email: z.object({ name: line, url: link, newEmail: line }),
  /** Someone signed up with an address that has an account: sent instead of saying so on the page. */
  signup_existing: z.object({ name: line, signInUrl: link, resetUrl: link }),
  /** Join an association (the invitee signs up on the way if needed). */
  invitation: z.object({ associationName: line, inviterName: line, url: link }),
  /** Staff verified the association. */
  association_verified: z.object({ associationName: line, url: link }),
  /** Staff rejected the association, with the reason the applicant sees. */
  association_rejected: z.object({ associationName: line, reason: paragraph, url: link }),
} as const;

export type MailTemplate = keyof typeof mailParamSchemas;
export const MAIL_TEMPLATES = Object.keys(mailParamSchemas) as MailTemplate[];
/** What the caller passes for each template. */
export type MailParams = { [T in MailTemplate]: z.input<(typeof mailParamSchemas)[T]> };
/** The parameters as the texts receive them (trimmed, one-line values collapsed). */
export type CleanMailParams = { [T in MailTemplate]: z.output<(typeof mailParamSchemas)[T]> };
