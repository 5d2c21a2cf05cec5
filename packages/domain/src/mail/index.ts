export { composeMail, escapeHtml, mailLocale, MAIL_LOCALES } from './compose';
export type { ComposedMail, MailLocale } from './compose';
export { MAIL_TEMPLATES, mailParamSchemas } from './params';
export type { MailParams, MailTemplate } from './params';
