import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/** A value shown on one line (a name, an address): whitespace runs, newlines included, become one space. */
const line = z.string().transform((s) => s.replace(/\s+/g, ' ').trim());
/** Free text that may span lines (a staff member's reason): line ends normalized, ends trimmed. */
const paragraph = z.string().transform((s) => s.replace(/\r\n?/g, '\n').trim());
/** Links in mail are absolute http(s) URLs built by the API; anything else is a bug, not a mail. */
const link = z.url({ protocol: /^https?$/, hostname: z.regexes.hostname });
/** Free text that may be absent: null, or blank after trimming, is no text. */
const optionalParagraph = z
  .string()
  .nullable()
  .transform((s) => (s === null ? null : s.replace(/\r\n?/g, '\n').trim() || null));
/** A reason the reader must see: blank is a bug in the caller. */
const reason = paragraph.pipe(z.string().min(1));
/**
 * An IANA zone by name, e.g. the municipality's Europe/Helsinki: dates are written in it.
 * Offsets such as '+02:00' (valid for Intl) are refused: they know no daylight saving time.
 */
const zone = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, 'not an IANA time zone name')
  .refine((s) => IANAZone.isValidZone(s), 'not an IANA time zone');
/** An ISO 8601 instant with Z or an offset, e.g. 2026-12-15T15:30:00.000Z. */
const instant = z.iso.datetime({ offset: true });
const millis = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();
/**
 * The booked time ranges a mail is about, at least one; the texts list them in time order
 * (then by end), whatever order the caller had them in.
 */
const slots = z
  .array(
    z
      .object({ start: instant, end: instant })
      .refine((s) => millis(s.end) > millis(s.start), 'end must be after start'),
  )
  .min(1)
  .transform((list) =>
    [...list].sort((a, b) => millis(a.start) - millis(b.start) || millis(a.end) - millis(b.end)),
  );

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
  /** To the municipality's staff: an association asks for a venue on these dates; `url` is the staff queue. */
  booking_requested: z.object({
    associationName: line,
    venueName: line,
    dates: slots,
    zone,
    purpose: paragraph,
    url: link,
  }),
  /**
   * To the association: these dates are approved. `access` (key, door code, staff opens) is
   * written in this mail only; the booking's .ics travels as an attachment and is mentioned.
   */
  booking_approved: z.object({
    associationName: line,
    venueName: line,
    dates: slots,
    zone,
    url: link,
    access: optionalParagraph,
  }),
  /** To the association: these dates were not approved, with the staff's reason. */
  booking_rejected: z.object({
    associationName: line,
    venueName: line,
    dates: slots,
    zone,
    reason,
    url: link,
  }),
  /** These dates were cancelled, by the municipality's staff or by the association itself. */
  booking_cancelled: z.object({
    associationName: line,
    venueName: line,
    dates: slots,
    zone,
    reason: optionalParagraph,
    byStaff: z.boolean(),
    url: link,
  }),
  /** To the organizer: staff took the event off the calendar, with the reason. */
  event_unpublished: z.object({ eventTitle: line, reason, url: link }),
  /**
   * To the organizer, the morning after: how many took part? `url` opens the form for that
   * date (one click).
   */
  attendance_reminder: z.object({ eventTitle: line, dates: slots, zone, url: link }),
} as const;

export type MailTemplate = keyof typeof mailParamSchemas;
export const MAIL_TEMPLATES = Object.keys(mailParamSchemas) as MailTemplate[];
/** What the caller passes for each template. */
export type MailParams = { [T in MailTemplate]: z.input<(typeof mailParamSchemas)[T]> };
/** The parameters as the texts receive them (trimmed, one-line values collapsed). */
export type CleanMailParams = { [T in MailTemplate]: z.output<(typeof mailParamSchemas)[T]> };
