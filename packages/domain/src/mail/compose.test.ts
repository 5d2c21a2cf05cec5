import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml, mailLocale, MAIL_LOCALES } from './compose';
import { MAIL_TEMPLATES, type MailParams } from './params';

const URL_A = 'https://motesplats.borga.fi/sv/verify?token=a1b2&next=%2Fsv';
const URL_B = 'https://motesplats.borga.fi/fi/reset?token=z9';

/** Example parameters for every template: links, names and a multi-line reason. */
const examples: { [T in keyof MailParams]: MailParams[T] } = {
  verify_email: { name: 'Åsa Öberg', url: URL_A },
  reset_password: { name: 'Åsa Öberg', url: URL_A, expiresInMinutes: 30 },
  change_email: { name: 'Åsa Öberg', url: URL_A, newEmail: 'asa.ny@example.org' },
  signup_existing: { name: 'Åsa Öberg', signInUrl: URL_A, resetUrl: URL_B },
  invitation: { associationName: 'Borgå Kulturförening', inviterName: 'Leila Haddad', url: URL_A },
  association_verified: { associationName: 'Borgå Kulturförening', url: URL_A },
  association_rejected: {
    associationName: 'Borgå Kulturförening',
    reason: 'Föreningsregistrets utdrag saknas.\nBifoga det och ansök igen.',
    url: URL_A,
  },
};
const compose = <T extends keyof MailParams>(t: T, locale: string) =>
  composeMail(t, locale, examples[t]);
/** Every href in an HTML body, with entities decoded as a mail client does. */
const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('composeMail', () => {
  it('writes each subject in the asked language', () => {
    expect(MAIL_TEMPLATES.map((t) => compose(t, 'sv').subject)).toEqual([
      'Bekräfta din e-postadress för Mötesplats',
      'Återställ ditt lösenord för Mötesplats',
      'Bekräfta bytet av e-postadress för Mötesplats',
      'Du har redan ett konto i Mötesplats',
      'Inbjudan till Borgå Kulturförening i Mötesplats',
      'Borgå Kulturförening har godkänts i Mötesplats',
      'Borgå Kulturförening kunde inte godkännas i Mötesplats',
    ]);
    expect(MAIL_TEMPLATES.map((t) => compose(t, 'fi').subject)).toEqual([
      'Vahvista sähköpostiosoitteesi Mötesplats-palvelussa',
      'Mötesplats-salasanasi vaihtaminen',
      'Vahvista sähköpostiosoitteen vaihto Mötesplats-palvelussa',
      'Sinulla on jo Mötesplats-tili',
      'Kutsu yhdistyksen Borgå Kulturförening jäseneksi Mötesplats-palvelussa',
      'Yhdistys Borgå Kulturförening on hyväksytty Mötesplats-palvelussa',
      'Yhdistystä Borgå Kulturförening ei hyväksytty Mötesplats-palvelussa',
    ]);
    expect(MAIL_TEMPLATES.map((t) => compose(t, 'en').subject)).toEqual([
      'Confirm your e-mail address for Mötesplats',
      'Reset your Mötesplats password',
      'Confirm the change of your e-mail address for Mötesplats',
      'You already have a Mötesplats account',
      'Invitation to join Borgå Kulturförening on Mötesplats',
      'Borgå Kulturförening is now verified on Mötesplats',
      'Borgå Kulturförening could not be verified on Mötesplats',
    ]);
    expect(compose('verify_email', 'ar').subject).toBe('أكِّد عنوان بريدك الإلكتروني في Mötesplats');
  });

  it('greets by name and writes the whole text part', () => {
    expect(compose('verify_email', 'sv').text).toBe(
      [
        'Hej Åsa Öberg!',
        'Tack för att du har registrerat dig i Mötesplats. Bekräfta din e-postadress genom att öppna länken nedan.',
        `Bekräfta e-postadressen:\n${URL_A}`,
        'Om det inte var du som registrerade dig kan du bortse från det här meddelandet.',
        'Med vänliga hälsningar\nMötesplats',
        '-- \nDet här meddelandet har skickats automatiskt av Mötesplats. Svar på meddelandet läses inte.',
      ].join('\n\n') + '\n',
    );
    expect(composeMail('verify_email', 'fi', { name: '  ', url: URL_A }).text).toMatch(/^Hei!\n/);
    expect(composeMail('verify_email', 'en', { name: '', url: URL_A }).text).toMatch(/^Hello,\n/);
  });

  it('puts every link in the text on a line of its own and in the HTML as href and as text', () => {
    for (const locale of MAIL_LOCALES) {
      for (const template of MAIL_TEMPLATES) {
        const mail = compose(template, locale);
        const params = examples[template] as Record<string, unknown>;
        const links = ['url', 'signInUrl', 'resetUrl']
          .map((k) => params[k])
          .filter((u): u is string => typeof u === 'string');
        expect(links.length, template).toBeGreaterThan(0);
        for (const link of links) {
          expect(mail.text.split('\n'), `${template}/${locale} text`).toContain(link);
          // Twice per link: the button and the copyable address.
          expect(
            hrefs(mail.html).filter((h) => h === link),
            `${template}/${locale}`,
          ).toHaveLength(2);
          expect(mail.html).toContain(`>${escapeHtml(link)}</a>`);
        }
        // A query string's `&` is written `&amp;` inside attributes and text.
        expect(mail.html).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/);
      }
    }
  });

  it('escapes user data in the HTML and keeps it verbatim in the text', () => {
    const evil = '<script>alert("x")</script> & Co\'s';
    const mail = composeMail('association_rejected', 'sv', {
      associationName: evil,
      reason: 'Nej <b>tack</b>\n& hej',
      url: URL_A,
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s');
    expect(mail.html).toContain('Nej &lt;b&gt;tack&lt;/b&gt;<br>\n&amp; hej</blockquote>');
    expect(mail.html).toContain(
      '<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&#39;s kunde inte godkännas i Mötesplats</title>',
    );
    expect(mail.subject).toBe(`${evil} kunde inte godkännas i Mötesplats`);
    expect(mail.text).toContain(`granskat ${evil} och`);
    expect(mail.text).toContain('> Nej <b>tack</b>\n> & hej');
  });

  it('keeps one-line values on one line, so no value can add lines to the subject', () => {
    const mail = composeMail('invitation', 'en', {
      associationName: 'Evil\r\nBcc: victim@example.org',
      inviterName: 'Eve\n',
      url: URL_A,
    });
    expect(mail.subject).toBe('Invitation to join Evil Bcc: victim@example.org on Mötesplats');
    expect(mail.text).toContain('Eve has invited you to join Evil Bcc: victim@example.org on');
  });

  it('marks the language and direction on the html element, right to left for Arabic', () => {
    expect(compose('invitation', 'sv').html).toContain('<html lang="sv" dir="ltr">');
    expect(compose('invitation', 'fi').html).toContain('<html lang="fi" dir="ltr">');
    expect(compose('invitation', 'en').html).toContain('<html lang="en" dir="ltr">');
    const ar = compose('invitation', 'ar');
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    // Latin names are isolated inside Arabic text; links read left to right.
    expect(ar.text).toContain('\u2068Borgå Kulturförening\u2069');
    expect(ar.html).toContain(
      `dir="ltr" style="color:#0b5394;word-break:break-all">${escapeHtml(URL_A)}</a>`,
    );
  });

  it('falls back to English for other languages and reads region tags', () => {
    expect(compose('verify_email', 'de').locale).toBe('en');
    expect(compose('verify_email', 'de').subject).toBe(
      'Confirm your e-mail address for Mötesplats',
    );
    expect(compose('verify_email', 'sv-FI').locale).toBe('sv');
    expect(mailLocale('FI_fi')).toBe('fi');
    expect(mailLocale('')).toBe('en');
    expect(mailLocale(undefined)).toBe('en');
  });

  it('says how long a reset link lasts, with each language’s plural', () => {
    const text = (locale: string, expiresInMinutes: number) =>
      composeMail('reset_password', locale, { name: 'A', url: URL_A, expiresInMinutes }).text;
    expect(text('en', 1)).toContain('expires in 1 minute.');
    expect(text('en', 30)).toContain('expires in 30 minutes.');
    expect(text('sv', 1)).toContain('gäller i 1 minut.');
    expect(text('sv', 60)).toContain('gäller i 60 minuter.');
    expect(text('fi', 15)).toContain('vanhenee 15 minuutin kuluttua.');
    expect(text('ar', 2)).toContain('خلال دقيقتين.');
    expect(text('ar', 5)).toContain('خلال 5 دقائق.');
    expect(text('ar', 30)).toContain('خلال 30 دقيقة.');
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() =>
      composeMail('verify_email', 'en', { name: 'A', url: 'javascript:alert(1)' }),
    ).toThrow();
    expect(() => composeMail('verify_email', 'en', { name: 'A', url: '/sv/verify' })).toThrow();
    expect(() =>
      composeMail('reset_password', 'en', { name: 'A', url: URL_A, expiresInMinutes: 0 }),
    ).toThrow();
  });

  it('is deterministic', () => {
    expect(compose('signup_existing', 'fi')).toEqual(compose('signup_existing', 'fi'));
  });
});
