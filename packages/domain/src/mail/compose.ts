import { textDirection, UI_LOCALES, type UiLocale } from '../locales';
import { mailParamSchemas, type MailParams, type MailTemplate } from './params';
import { ar } from './texts/ar';
import { en } from './texts/en';
import { et } from './texts/et';
import { fi } from './texts/fi';
import { ru } from './texts/ru';
import { sv } from './texts/sv';
import { uk } from './texts/uk';
import type { Block, LocaleTexts, MailBody } from './texts/types';

/** Languages mail is written in: every interface language; any other locale gets English. */
export const MAIL_LOCALES = UI_LOCALES;
export type MailLocale = UiLocale;

/** Every interface language's texts: a language without them is a type error. */
const TEXTS: Record<MailLocale, LocaleTexts> = { sv, fi, en, ar, ru, uk, et };

/** `sv`, `sv-FI`, `FI_fi` → their language when mail is written in it, else `en`. */
export function mailLocale(locale: string | null | undefined): MailLocale {
  const base = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (MAIL_LOCALES as readonly string[]).includes(base ?? '') ? (base as MailLocale) : 'en';
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
  /** The language the mail is written in (the asked one, or `en`). */
  locale: MailLocale;
}

/**
 * One mail in the reader's language, as plain text and as HTML. Pure: the same input gives
 * the same bytes. Parameters are validated (links must be absolute http(s) URLs) and
 * escaped in the HTML; a bad parameter is a programming error and throws a ZodError.
 */
export function composeMail<T extends MailTemplate>(
  template: T,
  locale: string | null | undefined,
  params: MailParams[T],
): ComposedMail {
  const lang = mailLocale(locale);
  const texts = TEXTS[lang];
  const clean = mailParamSchemas[template].parse(params);
  const write = texts.templates[template] as (p: typeof clean) => MailBody;
  const body = write(clean);
  const subject = body.subject.replace(/\s+/g, ' ').trim();
  return {
    subject,
    text: renderText(texts, body),
    html: renderHtml(texts, body, subject, lang),
    locale: lang,
  };
}

function renderText(texts: LocaleTexts, body: MailBody): string {
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'p':
        return b.text;
      case 'quote':
        return b.text
          .split('\n')
          .map((l) => (l ? `> ${l}` : '>'))
          .join('\n');
      case 'action':
        return `${b.label}:\n${b.url}`;
      case 'list':
        return b.items.map((item) => `- ${item}`).join('\n');
    }
  };
  return [
    texts.greeting(body.greet || undefined),
    ...body.blocks.map(block),
    texts.signoff,
    // "-- " starts a signature (RFC 3676): mail clients dim what follows.
    `-- \n${texts.automatic}`,
  ]
    .join('\n\n')
    .concat('\n');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Text and attribute values alike. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const lines = (s: string) => escapeHtml(s).replace(/\n/g, '<br>\n');

const COLOR = { text: '#1c1917', muted: '#57534e', link: '#0b5394', page: '#f5f5f4' };
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

function renderHtml(texts: LocaleTexts, body: MailBody, subject: string, lang: MailLocale) {
  const dir = textDirection(lang);
  const pStyle = 'margin:0 0 16px';
  const block = (b: Block): string => {
    switch (b.kind) {
      case 'p':
        return `<p style="${pStyle}">${lines(b.text)}</p>`;
      case 'quote':
        // Someone else's words may be in another script than the mail (a Swedish reason in an
        // Arabic mail): their own first letter sets their direction.
        return `<blockquote dir="auto" style="margin:0 0 16px;padding:8px 16px;border-inline-start:4px solid #d6d3d1;background:${COLOR.page}">${lines(b.text)}</blockquote>`;
      case 'action': {
        const href = escapeHtml(b.url);
        return [
          `<p style="${pStyle}"><a href="${href}" style="display:inline-block;padding:10px 18px;border-radius:6px;background:${COLOR.link};color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(b.label)}</a></p>`,
          `<p style="${pStyle};font-size:14px;color:${COLOR.muted}">${escapeHtml(texts.linkFallback)}<br>`,
          `<a href="${href}" dir="ltr" style="color:${COLOR.link};word-break:break-all">${href}</a></p>`,
        ].join('\n');
      }
      case 'list':
        return [
          '<ul style="margin:0 0 16px;padding-inline-start:24px">',
          ...b.items.map((item) => `<li>${lines(item)}</li>`),
          '</ul>',
        ].join('\n');
    }
  };
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:24px 12px;background:${COLOR.page};color:${COLOR.text};font-family:${FONT};font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px">
<p style="${pStyle}">${escapeHtml(texts.greeting(body.greet || undefined))}</p>
${body.blocks.map(block).join('\n')}
<p style="${pStyle}">${lines(texts.signoff)}</p>
<p style="margin:24px 0 0;padding-top:16px;border-top:1px solid #e7e5e4;font-size:13px;color:${COLOR.muted}">${escapeHtml(texts.automatic)}</p>
</div>
</body>
</html>
`;
}
