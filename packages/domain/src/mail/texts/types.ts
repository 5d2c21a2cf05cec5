import type { CleanMailParams, MailTemplate } from '../params';

/** One piece of a mail body, rendered both as plain text and as HTML. */
export type Block =
  | { kind: 'p'; text: string }
  /** Someone else's words (a staff member's reason), set apart. */
  | { kind: 'quote'; text: string }
  /** A link to act on: a button in HTML, the label and the bare URL in text. */
  | { kind: 'action'; label: string; url: string }
  /** Items one per line (a booking's dates): a bulleted list in HTML, "- " lines in text. */
  | { kind: 'list'; items: string[] };

export interface MailBody {
  subject: string;
  /** The name to greet; absent when the mail is not addressed to a known person. */
  greet?: string;
  blocks: Block[];
}

/** Everything one language says, by template, plus the frame every mail shares. */
export interface LocaleTexts {
  greeting(name: string | undefined): string;
  /** Closing lines, e.g. "Med vänliga hälsningar\nMötesplats". */
  signoff: string;
  /** The footer: sent automatically, replies are not read. */
  automatic: string;
  /** Above the bare URL under a button in HTML. */
  linkFallback: string;
  templates: { [T in MailTemplate]: (p: CleanMailParams[T]) => MailBody };
}

export const p = (text: string): Block => ({ kind: 'p', text });
export const quote = (text: string): Block => ({ kind: 'quote', text });
export const action = (label: string, url: string): Block => ({ kind: 'action', label, url });
export const list = (items: string[]): Block => ({ kind: 'list', items });
