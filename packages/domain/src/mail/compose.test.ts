import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { composeMail, escapeHtml, mailLocale, MAIL_LOCALES } from './compose';
import { MAIL_TEMPLATES, type MailParams } from './params';

const URL_A = 'https://motesplats.borga.fi/sv/verify?token=a1b2&next=%2Fsv';
const URL_B = 'https://motesplats.borga.fi/fi/reset?token=z9';
const URL_QUEUE = 'https://motesplats.borga.fi/sv/staff/bookings?status=pending&venue=42';
const URL_BOOKING = 'https://motesplats.borga.fi/fi/bookings/7f3a?from=mail&lang=fi';
const HEL = 'Europe/Helsinki';

/**
 * Booked ranges as the services pass them (ISO instants, any offset, any order): two Tuesdays
 * at 17.30 Helsinki time on both sides of the DST end (2026-10-25), one in December, one past
 * midnight and one that ends at midnight.
 */
const DATES = [
  { start: '2026-12-18T20:00:00Z', end: '2026-12-19T00:00:00Z' }, // Fri 22.00 – Sat 02.00
  { start: '2026-10-27T17:30:00+02:00', end: '2026-10-27T19:30:00+02:00' },
  { start: '2026-10-20T14:30:00.000Z', end: '2026-10-20T16:30:00.000Z' },
  { start: '2026-12-15T15:30:00Z', end: '2026-12-15T17:30:00Z' },
  { start: '2026-12-19T18:00:00Z', end: '2026-12-19T22:00:00Z' }, // Sat 20.00–24.00
];
/** How each language writes DATES, in time order. */
const DATE_LINES = {
  sv: [
    'tisdag 20 oktober 2026 kl. 17.30–19.30',
    'tisdag 27 oktober 2026 kl. 17.30–19.30',
    'tisdag 15 december 2026 kl. 17.30–19.30',
    'fredag 18 december 2026 kl. 22.00 – lördag 19 december 2026 kl. 2.00',
    'lördag 19 december 2026 kl. 20.00–24.00',
  ],
  fi: [
    'tiistai 20. lokakuuta 2026 klo 17.30–19.30',
    'tiistai 27. lokakuuta 2026 klo 17.30–19.30',
    'tiistai 15. joulukuuta 2026 klo 17.30–19.30',
    'perjantai 18. joulukuuta 2026 klo 22.00 – lauantai 19. joulukuuta 2026 klo 2.00',
    'lauantai 19. joulukuuta 2026 klo 20.00–24.00',
  ],
  en: [
    'Tuesday 20 October 2026, 17:30–19:30',
    'Tuesday 27 October 2026, 17:30–19:30',
    'Tuesday 15 December 2026, 17:30–19:30',
    'Friday 18 December 2026, 22:00 – Saturday 19 December 2026, 02:00',
    'Saturday 19 December 2026, 20:00–24:00',
  ],
  ar: [
    'الثلاثاء، 20 أكتوبر 2026، من 17:30 إلى 19:30',
    'الثلاثاء، 27 أكتوبر 2026، من 17:30 إلى 19:30',
    'الثلاثاء، 15 ديسمبر 2026، من 17:30 إلى 19:30',
    'من الجمعة، 18 ديسمبر 2026، الساعة 22:00 إلى السبت، 19 ديسمبر 2026، الساعة 02:00',
    'السبت، 19 ديسمبر 2026، من 20:00 إلى منتصف الليل',
  ],
  ru: [
    'вторник, 20 октября 2026 г., 17:30–19:30',
    'вторник, 27 октября 2026 г., 17:30–19:30',
    'вторник, 15 декабря 2026 г., 17:30–19:30',
    'пятница, 18 декабря 2026 г., 22:00 – суббота, 19 декабря 2026 г., 02:00',
    'суббота, 19 декабря 2026 г., 20:00–24:00',
  ],
  uk: [
    'вівторок, 20 жовтня 2026 р., 17:30–19:30',
    'вівторок, 27 жовтня 2026 р., 17:30–19:30',
    'вівторок, 15 грудня 2026 р., 17:30–19:30',
    'пʼятниця, 18 грудня 2026 р., 22:00 – субота, 19 грудня 2026 р., 02:00',
    'субота, 19 грудня 2026 р., 20:00–24:00',
  ],
  et: [
    'teisipäev, 20. oktoober 2026, kell 17:30–19:30',
    'teisipäev, 27. oktoober 2026, kell 17:30–19:30',
    'teisipäev, 15. detsember 2026, kell 17:30–19:30',
    'reede, 18. detsember 2026, kell 22:00 – laupäev, 19. detsember 2026, kell 2:00',
    'laupäev, 19. detsember 2026, kell 20:00–24:00',
  ],
} as const;
const booking = {
  associationName: 'Borgå Kulturförening',
  venueName: 'Kulturhuset, sal A',
  dates: DATES,
  zone: HEL,
};

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
  booking_requested: {
    ...booking,
    purpose: 'Språkcafé för nybörjare, cirka 20 deltagare.\nVi behöver projektorn.',
    url: URL_QUEUE,
  },
  booking_approved: {
    ...booking,
    url: URL_BOOKING,
    access: 'Dörrkod 4711 vid ingång B.\nNyckeln till förrådet hos vaktmästaren.',
  },
  booking_rejected: {
    ...booking,
    reason: 'Salen renoveras <hela> december & januari.\nVälkommen åter i februari!',
    url: URL_BOOKING,
  },
  booking_cancelled: {
    ...booking,
    reason: 'Vi flyttar språkcaféet till biblioteket.',
    byStaff: false,
    url: URL_BOOKING,
  },
  event_unpublished: {
    eventTitle: 'Språkcafé på tisdagar',
    reason: 'Evenemanget marknadsför ett parti.\nKommunens lokaler är partipolitiskt obundna.',
    url: URL_A,
  },
  attendance_reminder: {
    eventTitle: 'Språkcafé på tisdagar',
    dates: booking.dates.slice(0, 1),
    zone: booking.zone,
    url: URL_B,
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
      'Ny bokningsansökan: Borgå Kulturförening vill boka Kulturhuset, sal A',
      'Bokningen av Kulturhuset, sal A har godkänts',
      'Bokningen av Kulturhuset, sal A kunde inte godkännas',
      'Bokningen av Kulturhuset, sal A har avbokats',
      'Språkcafé på tisdagar har tagits bort från kalendern',
      'Hur många deltog i Språkcafé på tisdagar?',
    ]);
    expect(MAIL_TEMPLATES.map((t) => compose(t, 'fi').subject)).toEqual([
      'Vahvista sähköpostiosoitteesi Mötesplats-palvelussa',
      'Mötesplats-salasanasi vaihtaminen',
      'Vahvista sähköpostiosoitteen vaihto Mötesplats-palvelussa',
      'Sinulla on jo Mötesplats-tili',
      'Kutsu yhdistyksen Borgå Kulturförening jäseneksi Mötesplats-palvelussa',
      'Yhdistys Borgå Kulturförening on hyväksytty Mötesplats-palvelussa',
      'Yhdistystä Borgå Kulturförening ei hyväksytty Mötesplats-palvelussa',
      'Uusi varaushakemus: yhdistys Borgå Kulturförening, tila Kulturhuset, sal A',
      'Tilan Kulturhuset, sal A varaus on hyväksytty',
      'Tilan Kulturhuset, sal A varausta ei voitu hyväksyä',
      'Tilan Kulturhuset, sal A varaus on peruttu',
      'Språkcafé på tisdagar on poistettu kalenterista',
      'Montako osallistujaa tapahtumassa Språkcafé på tisdagar oli?',
    ]);
    expect(MAIL_TEMPLATES.map((t) => compose(t, 'en').subject)).toEqual([
      'Confirm your e-mail address for Mötesplats',
      'Reset your Mötesplats password',
      'Confirm the change of your e-mail address for Mötesplats',
      'You already have a Mötesplats account',
      'Invitation to join Borgå Kulturförening on Mötesplats',
      'Borgå Kulturförening is now verified on Mötesplats',
      'Borgå Kulturförening could not be verified on Mötesplats',
      'New booking request: Borgå Kulturförening would like to book Kulturhuset, sal A',
      'The booking of Kulturhuset, sal A has been approved',
      'The booking of Kulturhuset, sal A could not be approved',
      'The booking of Kulturhuset, sal A has been cancelled',
      'Språkcafé på tisdagar has been taken off the calendar',
      'How many took part in Språkcafé på tisdagar?',
    ]);
    expect(compose('verify_email', 'ar').subject).toBe('أكِّد عنوان بريدك الإلكتروني في Mötesplats');
    const iso = (s: string) => `\u2068${s}\u2069`;
    expect(
      (
        ['booking_requested', 'booking_approved', 'booking_rejected', 'booking_cancelled'] as const
      ).map((t) => compose(t, 'ar').subject),
    ).toEqual([
      `طلب حجز جديد من ${iso('Borgå Kulturförening')} لـ${iso('Kulturhuset, sal A')}`,
      `تمت الموافقة على حجز ${iso('Kulturhuset, sal A')}`,
      `تعذّرت الموافقة على حجز ${iso('Kulturhuset, sal A')}`,
      `أُلغي حجز ${iso('Kulturhuset, sal A')}`,
    ]);
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
    // Russian and Ukrainian: one, few, many, and one again at 21.
    expect(text('ru', 1)).toContain('Срок её действия — 1 минута.');
    expect(text('ru', 2)).toContain('Срок её действия — 2 минуты.');
    expect(text('ru', 5)).toContain('Срок её действия — 5 минут.');
    expect(text('ru', 21)).toContain('Срок её действия — 21 минута.');
    expect(text('uk', 3)).toContain('Строк його дії — 3 хвилини.');
    expect(text('uk', 11)).toContain('Строк його дії — 11 хвилин.');
    expect(text('uk', 21)).toContain('Строк його дії — 21 хвилина.');
    expect(text('et', 1)).toContain('kehtib 1 minut.');
    expect(text('et', 30)).toContain('kehtib 30 minutit.');
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

describe('booking mail', () => {
  const BOOKING_TEMPLATES = [
    'booking_requested',
    'booking_approved',
    'booking_rejected',
    'booking_cancelled',
  ] as const;
  /** The list items of an HTML body, entities decoded. */
  const items = (html: string) =>
    [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
  /** n one-hour slots, Mondays at 18.00 Helsinki time from 2027-01-04 (past the DST start). */
  const weekly = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const start = DateTime.fromISO('2027-01-04T18:00', { zone: HEL }).plus({ weeks: i });
      return { start: start.toISO()!, end: start.plus({ hours: 1 }).toISO()! };
    });

  it('lists the dates in the reader’s language and the given zone, one per line and list item', () => {
    for (const locale of MAIL_LOCALES) {
      for (const template of BOOKING_TEMPLATES) {
        const mail = compose(template, locale);
        const expected = DATE_LINES[locale];
        // In time order, whatever the caller's order and offsets; the same in text and HTML.
        expect(items(mail.html), `${template}/${locale}`).toEqual(expected);
        expect(mail.text, `${template}/${locale}`).toContain(
          `\n\n${expected.map((l) => `- ${l}`).join('\n')}\n\n`,
        );
      }
    }
  });

  it('writes the times in the zone it is given, never the process’s', () => {
    const slot = { start: '2026-10-20T14:30:00Z', end: '2026-10-20T16:30:00Z' };
    const lines = (zone: string) =>
      items(
        composeMail('booking_approved', 'en', { ...examples.booking_approved, dates: [slot], zone })
          .html,
      );
    expect(lines(HEL)).toEqual(['Tuesday 20 October 2026, 17:30–19:30']);
    expect(lines('UTC')).toEqual(['Tuesday 20 October 2026, 14:30–16:30']);
    expect(lines('America/St_Johns')).toEqual(['Tuesday 20 October 2026, 12:00–14:00']);
    expect(lines('Asia/Kathmandu')).toEqual(['Tuesday 20 October 2026, 20:15–22:15']);
    // The date itself is the zone's: already Wednesday on Kiritimati (UTC+14).
    expect(lines('Pacific/Kiritimati')).toEqual(['Wednesday 21 October 2026, 04:30–06:30']);
  });

  it('lists at most 20 dates and counts the rest in each language', () => {
    const mail = (locale: string, n: number) =>
      composeMail('booking_rejected', locale, { ...examples.booking_rejected, dates: weekly(n) });
    for (const locale of MAIL_LOCALES) {
      expect(items(mail(locale, 20).html), locale).toHaveLength(20);
      expect(items(mail(locale, 23).html), locale).toHaveLength(20);
    }
    const more = (locale: string, n: number) => {
      const { text, html } = mail(locale, n);
      const after = text.split('\n\n')[3]!;
      // The count follows the list, in the text and in the HTML alike.
      expect(html).toContain(`</ul>\n<p style="margin:0 0 16px">${escapeHtml(after)}</p>`);
      return after;
    };
    expect(more('en', 23)).toBe('and 3 more dates');
    expect(more('en', 21)).toBe('and 1 more date');
    expect(more('sv', 23)).toBe('och 3 tider till');
    expect(more('sv', 21)).toBe('och 1 tid till');
    expect(more('fi', 23)).toBe('ja 3 muuta aikaa');
    expect(more('fi', 21)).toBe('ja 1 muu aika');
    expect(more('ar', 21)).toBe('وموعد آخر');
    expect(more('ar', 22)).toBe('وموعدان آخران');
    expect(more('ar', 23)).toBe('و3 مواعيد أخرى');
    expect(more('ar', 31)).toBe('و11 موعدًا آخر');
    expect(more('ar', 120)).toBe('و100 موعد آخر');
    expect(more('ru', 21)).toBe('и ещё 1 дата');
    expect(more('ru', 22)).toBe('и ещё 2 даты');
    expect(more('ru', 25)).toBe('и ещё 5 дат');
    expect(more('uk', 23)).toBe('і ще 3 дати');
    expect(more('uk', 31)).toBe('і ще 11 дат');
    expect(more('et', 21)).toBe('ja veel 1 kuupäev');
    expect(more('et', 25)).toBe('ja veel 5 kuupäeva');
    // The earliest 20 are listed; the count is of the later ones.
    expect(items(mail('sv', 23).html).at(-1)).toBe('måndag 17 maj 2027 kl. 18.00–19.00');
    expect(mail('en', 20).text).not.toMatch(/more date/);
  });

  it('quotes the staff’s reason, escaped in the HTML and verbatim in the text, in every language', () => {
    const quoted =
      '>Salen renoveras &lt;hela&gt; december &amp; januari.<br>\nVälkommen åter i februari!</blockquote>';
    for (const locale of MAIL_LOCALES) {
      const mail = compose('booking_rejected', locale);
      expect(mail.html, locale).toContain(quoted);
      expect(mail.html, locale).not.toContain('<hela>');
      expect(mail.text, locale).toContain(
        '\n\n> Salen renoveras <hela> december & januari.\n> Välkommen åter i februari!\n\n',
      );
    }
    expect(compose('booking_rejected', 'sv').text).toContain('\n\nMotivering:\n\n> Salen');
    expect(compose('booking_rejected', 'fi').text).toContain('\n\nPerustelu:\n\n> Salen');
    expect(compose('booking_rejected', 'en').text).toContain('\n\nTheir reason:\n\n> Salen');
    expect(compose('booking_rejected', 'ar').text).toContain('\n\nالسبب:\n\n> Salen');
    // A Latin quote inside an Arabic mail keeps its own direction.
    expect(compose('booking_rejected', 'ar').html).toContain('<blockquote dir="auto"');
  });

  it('escapes names in the HTML of booking mail too', () => {
    const mail = composeMail('booking_requested', 'fi', {
      ...examples.booking_requested,
      associationName: '<img src=x onerror=alert(1)>',
      venueName: 'Sal "A" & B',
      purpose: '</blockquote><script>x</script>',
    });
    expect(mail.html).not.toMatch(/<img|<script|<\/blockquote><script/);
    expect(mail.html).toContain(
      'Yhdistys &lt;img src=x onerror=alert(1)&gt; haluaa varata tilan Sal &quot;A&quot; &amp; B',
    );
    expect(mail.html).toContain('&lt;/blockquote&gt;&lt;script&gt;x&lt;/script&gt;</blockquote>');
    expect(mail.subject).toBe(
      'Uusi varaushakemus: yhdistys <img src=x onerror=alert(1)>, tila Sal "A" & B',
    );
  });

  it('asks the staff to decide, with the purpose quoted and a button to the queue', () => {
    expect(compose('booking_requested', 'sv').text).toBe(
      [
        'Hej!',
        'Borgå Kulturförening ansöker om att få boka Kulturhuset, sal A följande tider:',
        DATE_LINES.sv.map((l) => `- ${l}`).join('\n'),
        'Syfte:',
        '> Språkcafé för nybörjare, cirka 20 deltagare.\n> Vi behöver projektorn.',
        'Ansökan väntar på beslut i Mötesplats.',
        `Gå till bokningsansökningarna:\n${URL_QUEUE}`,
        'Med vänliga hälsningar\nMötesplats',
        '-- \nDet här meddelandet har skickats automatiskt av Mötesplats. Svar på meddelandet läses inte.',
      ].join('\n\n') + '\n',
    );
    const labels = {
      sv: 'Gå till bokningsansökningarna',
      fi: 'Siirry varaushakemuksiin',
      en: 'Go to the booking requests',
      ar: 'الانتقال إلى طلبات الحجز',
      ru: 'Перейти к заявкам на бронирование',
      uk: 'Перейти до запитів на бронювання',
      et: 'Mine broneeringutaotluste juurde',
    };
    for (const locale of MAIL_LOCALES) {
      const mail = compose('booking_requested', locale);
      expect(mail.text, locale).toContain(`${labels[locale]}:\n${URL_QUEUE}\n`);
      expect(mail.html, locale).toContain(`>${labels[locale]}</a>`);
      expect(mail.text, locale).toContain('> Vi behöver projektorn.');
    }
  });

  it('tells how to get in and mentions the calendar file in the approval only', () => {
    const access = '> Dörrkod 4711 vid ingång B.\n> Nyckeln till förrådet hos vaktmästaren.';
    const heading = {
      sv: 'Så här kommer ni in i lokalen:',
      fi: 'Näin pääsette tilaan:',
      en: 'How to get in:',
      ar: 'طريقة الدخول إلى المكان:',
      ru: 'Как попасть внутрь:',
      uk: 'Як потрапити всередину:',
      et: 'Kuidas sisse pääseda:',
    };
    const ics = {
      sv: 'Tiderna finns också i den bifogade kalenderfilen (.ics).',
      fi: 'Ajat ovat myös liitteenä olevassa kalenteritiedostossa (.ics).',
      en: 'The dates are also in the attached calendar file (.ics)',
      ar: 'المواعيد موجودة أيضًا في ملف التقويم المرفق (\u2068.ics\u2069).',
      ru: 'Даты также есть в приложенном файле календаря (.ics)',
      uk: 'Дати також є в доданому файлі календаря (.ics)',
      et: 'Kuupäevad on ka manuses olevas kalendrifailis (.ics)',
    };
    for (const locale of MAIL_LOCALES) {
      const approved = compose('booking_approved', locale).text;
      expect(approved, locale).toContain(`\n\n${heading[locale]}\n\n${access}\n\n`);
      expect(approved, locale).toContain(ics[locale]);
      for (const blank of [null, ' \n ']) {
        const without = composeMail('booking_approved', locale, {
          ...examples.booking_approved,
          access: blank,
        }).text;
        expect(without, locale).not.toContain(heading[locale]);
        expect(without, locale).not.toMatch(/^>/m);
        expect(without, locale).toContain(ics[locale]);
      }
      for (const other of ['booking_requested', 'booking_rejected', 'booking_cancelled'] as const) {
        expect(compose(other, locale).text, `${other}/${locale}`).not.toMatch(/Dörrkod|\.ics/);
      }
    }
    expect(compose('booking_approved', 'fi').text).toContain(
      'Kunnan henkilökunta on hyväksynyt yhdistyksen Borgå Kulturförening varauksen tilaan Kulturhuset, sal A. Hyväksytyt ajat:',
    );
  });

  it('says who cancelled, and quotes a reason only when there is one', () => {
    const cancelled = (locale: string, byStaff: boolean, reason: string | null) =>
      composeMail('booking_cancelled', locale, { ...examples.booking_cancelled, byStaff, reason })
        .text;
    const who = {
      sv: [
        'Borgå Kulturförening har avbokat sin bokning av Kulturhuset, sal A. Avbokade tider:',
        'Kommunens personal har avbokat bokningen av Kulturhuset, sal A för Borgå Kulturförening. Avbokade tider:',
      ],
      fi: [
        'Yhdistys Borgå Kulturförening on perunut varauksensa tilaan Kulturhuset, sal A. Perutut ajat:',
        'Kunnan henkilökunta on perunut yhdistyksen Borgå Kulturförening varauksen tilaan Kulturhuset, sal A. Perutut ajat:',
      ],
      en: [
        'Borgå Kulturförening has cancelled its booking of Kulturhuset, sal A. Cancelled dates:',
        "The municipality's staff have cancelled the booking of Kulturhuset, sal A for Borgå Kulturförening. Cancelled dates:",
      ],
      ar: [
        'ألغت \u2068Borgå Kulturförening\u2069 حجزها لـ\u2068Kulturhuset, sal A\u2069. المواعيد الملغاة:',
        'ألغى موظفو البلدية حجز \u2068Kulturhuset, sal A\u2069 لصالح \u2068Borgå Kulturförening\u2069. المواعيد الملغاة:',
      ],
      ru: [
        'Объединение Borgå Kulturförening отменило своё бронирование помещения Kulturhuset, sal A. Отменённые даты:',
        'Сотрудники муниципалитета отменили бронирование помещения Kulturhuset, sal A для объединения Borgå Kulturförening. Отменённые даты:',
      ],
      uk: [
        'Об’єднання Borgå Kulturförening скасувало своє бронювання приміщення Kulturhuset, sal A. Скасовані дати:',
        'Працівники муніципалітету скасували бронювання приміщення Kulturhuset, sal A для об’єднання Borgå Kulturförening. Скасовані дати:',
      ],
      et: [
        'Ühing Borgå Kulturförening on tühistanud ruumi Kulturhuset, sal A broneeringu. Tühistatud kuupäevad:',
        'Omavalitsuse töötajad on tühistanud ruumi Kulturhuset, sal A broneeringu ühingule Borgå Kulturförening. Tühistatud kuupäevad:',
      ],
    };
    const contact = {
      sv: 'Om du har frågor kan du kontakta kommunen.',
      fi: 'Jos sinulla on kysyttävää, ota yhteyttä kuntaan.',
      en: 'If you have questions, please contact the municipality.',
      ar: 'إذا كانت لديك أسئلة، يُرجى التواصل مع البلدية.',
      ru: 'Если у вас есть вопросы, пожалуйста, обратитесь в муниципалитет.',
      uk: 'Якщо у вас є запитання, зверніться до муніципалітету.',
      et: 'Kui teil on küsimusi, võtke palun ühendust omavalitsusega.',
    };
    for (const locale of MAIL_LOCALES) {
      const [byAssociation, byStaff] = who[locale];
      const own = cancelled(locale, false, 'Vi flyttar.');
      expect(own, locale).toContain(`\n\n${byAssociation}\n\n`);
      expect(own, locale).toContain('\n\n> Vi flyttar.\n\n');
      expect(own, locale).not.toContain(contact[locale]);
      const staff = cancelled(locale, true, null);
      expect(staff, locale).toContain(`\n\n${byStaff}\n\n`);
      expect(staff, locale).toContain(contact[locale]);
      expect(staff, locale).not.toMatch(/^>/m);
      expect(cancelled(locale, true, '  '), locale).toBe(staff);
    }
    expect(cancelled('sv', true, 'Vattenskada.')).toContain('\n\nOrsak:\n\n> Vattenskada.\n\n');
  });

  it('writes Arabic right to left, with Arabic names of days and months and Latin digits', () => {
    const mail = compose('booking_approved', 'ar');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<li>الثلاثاء، 20 أكتوبر 2026، من 17:30 إلى 19:30</li>');
    expect(mail.text).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9]/);
    expect(mail.text).toContain(
      'وافق موظفو البلدية على حجز \u2068Kulturhuset, sal A\u2069 لصالح \u2068Borgå Kulturförening\u2069. المواعيد المعتمدة:',
    );
  });

  it('refuses dates that are not ordered instants, an unknown zone and a blank rejection reason', () => {
    const p = examples.booking_approved;
    const bad = (override: Partial<MailParams['booking_approved']>) => () =>
      composeMail('booking_approved', 'sv', { ...p, ...override });
    expect(bad({ dates: [] })).toThrow();
    expect(bad({ dates: [{ start: '2026-10-20T17:30', end: '2026-10-20T19:30' }] })).toThrow();
    expect(
      bad({ dates: [{ start: '2026-10-20T16:30:00Z', end: '2026-10-20T16:30:00Z' }] }),
    ).toThrow();
    expect(
      bad({ dates: [{ start: '2026-10-20T16:30:00Z', end: '2026-10-20T14:30:00Z' }] }),
    ).toThrow();
    expect(bad({ zone: 'Europe/Borgå' })).toThrow();
    expect(bad({ zone: '+02:00' })).toThrow();
    expect(() =>
      composeMail('booking_rejected', 'sv', { ...examples.booking_rejected, reason: ' \n ' }),
    ).toThrow();
  });
});
