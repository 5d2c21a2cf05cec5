/** The mails an account receives, rendered in the recipient's language. */
export type AccountMailTemplate =
  | 'verify_email'
  | 'reset_password'
  | 'change_email'
  | 'signup_existing'
  | 'invitation'
  | 'association_verified'
  | 'association_rejected';

// TEMPORARY until the mail templates land from the mail branch (composeMail): plain text only.
export function accountMail(
  template: AccountMailTemplate,
  _locale: string,
  params: Record<string, string | number>,
): { subject: string; text: string; html?: string } {
  const lines = Object.entries(params).map(([k, v]) => `${k}: ${v}`);
  return { subject: `Mötesplats: ${template}`, text: lines.join('\n') };
}
