import { dateBlocks, type SlotWords } from './dates';
import { action, p, quote, type LocaleTexts } from './types';

const minuter = (n: number) => (n === 1 ? '1 minut' : `${n} minuter`);

/** 'tisdag 15 december 2026 kl. 17.30–19.30': times with a point, as in Finland's Swedish. */
const tider: SlotWords = {
  locale: 'sv',
  date: (d) => d.toFormat('cccc d MMMM yyyy'),
  time: (d) => d.toFormat('H.mm'),
  midnight: '24.00',
  within: (date, from, to) => `${date} kl. ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate} kl. ${from} – ${toDate} kl. ${to}`,
  more: (n) => (n === 1 ? 'och 1 tid till' : `och ${n} tider till`),
};

/** Swedish as written by Finland's municipalities. */
export const sv: LocaleTexts = {
  greeting: (name) => (name ? `Hej ${name}!` : 'Hej!'),
  signoff: 'Med vänliga hälsningar\nMötesplats',
  automatic:
    'Det här meddelandet har skickats automatiskt av Mötesplats. Svar på meddelandet läses inte.',
  linkFallback: 'Om knappen inte fungerar kan du kopiera adressen till webbläsaren:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Bekräfta din e-postadress för Mötesplats',
      greet: name,
      blocks: [
        p(
          'Tack för att du har registrerat dig i Mötesplats. Bekräfta din e-postadress genom att öppna länken nedan.',
        ),
        action('Bekräfta e-postadressen', url),
        p('Om det inte var du som registrerade dig kan du bortse från det här meddelandet.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Återställ ditt lösenord för Mötesplats',
      greet: name,
      blocks: [
        p(
          'Vi har fått en begäran om att återställa lösenordet till ditt konto i Mötesplats. Du kan välja ett nytt lösenord via länken nedan.',
        ),
        action('Välj ett nytt lösenord', url),
        p(`Länken kan användas en gång och gäller i ${minuter(expiresInMinutes)}.`),
        p(
          'Om du inte har bett om att få återställa lösenordet kan du bortse från det här meddelandet. Ditt lösenord förblir oförändrat.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Bekräfta bytet av e-postadress för Mötesplats',
      greet: name,
      blocks: [
        p(
          `Vi har fått en begäran om att byta e-postadressen för ditt konto i Mötesplats till ${newEmail}. Bekräfta bytet genom att öppna länken nedan.`,
        ),
        action('Bekräfta den nya adressen', url),
        p(
          'Om det inte var du som bad om bytet kan du bortse från det här meddelandet. E-postadressen ändras inte.',
        ),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'Du har redan ett konto i Mötesplats',
      greet: name,
      blocks: [
        p(
          'Någon, kanske du själv, försökte skapa ett nytt konto i Mötesplats med den här e-postadressen. Du har redan ett konto, så inget nytt konto skapades.',
        ),
        action('Logga in', signInUrl),
        action('Har du glömt lösenordet? Välj ett nytt', resetUrl),
        p(
          'Om det inte var du kan du bortse från det här meddelandet. Ingenting har ändrats i ditt konto.',
        ),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Inbjudan till ${associationName} i Mötesplats`,
      blocks: [
        p(
          `${inviterName} har bjudit in dig att gå med i ${associationName} i Mötesplats, där föreningar bokar kommunens lokaler och publicerar sina evenemang. Som medlem kan du boka lokaler och publicera evenemang för föreningen.`,
        ),
        action('Ta emot inbjudan', url),
        p(
          'Om du inte har något konto ännu kan du skapa ett samtidigt. Om du inte vill gå med kan du bortse från det här meddelandet.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `${associationName} har godkänts i Mötesplats`,
      blocks: [
        p(
          `Kommunens personal har granskat och godkänt ${associationName}. Föreningen kan nu boka lokaler och publicera evenemang i Mötesplats.`,
        ),
        action('Öppna föreningens sida', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `${associationName} kunde inte godkännas i Mötesplats`,
      blocks: [
        p(
          `Kommunens personal har granskat ${associationName} och kunde inte godkänna föreningen den här gången. Motivering:`,
        ),
        quote(reason),
        p('Du kan korrigera föreningens uppgifter och ansöka om godkännande på nytt:'),
        action('Öppna föreningens sida', url),
        p('Om du har frågor kan du kontakta kommunen.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `Ny bokningsansökan: ${associationName} vill boka ${venueName}`,
      blocks: [
        p(`${associationName} ansöker om att få boka ${venueName} följande tider:`),
        ...dateBlocks(dates, zone, tider),
        p('Syfte:'),
        quote(purpose),
        p('Ansökan väntar på beslut i Mötesplats.'),
        action('Gå till bokningsansökningarna', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `Bokningen av ${venueName} har godkänts`,
      blocks: [
        p(
          `Kommunens personal har godkänt bokningen av ${venueName} för ${associationName}. Godkända tider:`,
        ),
        ...dateBlocks(dates, zone, tider),
        ...(access ? [p('Så här kommer ni in i lokalen:'), quote(access)] : []),
        p(
          'Tiderna finns också i den bifogade kalenderfilen (.ics). Öppna den om du vill lägga in tiderna i din kalender.',
        ),
        p('Om en tid inte behövs kan du avboka den i god tid, så att andra kan använda lokalen.'),
        action('Öppna bokningen', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `Bokningen av ${venueName} kunde inte godkännas`,
      blocks: [
        p(
          `Kommunens personal har behandlat ansökan från ${associationName} om att boka ${venueName} och kunde inte godkänna följande tider:`,
        ),
        ...dateBlocks(dates, zone, tider),
        p('Motivering:'),
        quote(reason),
        p('Du kan ansöka om andra tider i Mötesplats. Om du har frågor kan du kontakta kommunen.'),
        action('Öppna bokningen', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `Bokningen av ${venueName} har avbokats`,
      blocks: [
        p(
          byStaff
            ? `Kommunens personal har avbokat bokningen av ${venueName} för ${associationName}. Avbokade tider:`
            : `${associationName} har avbokat sin bokning av ${venueName}. Avbokade tider:`,
        ),
        ...dateBlocks(dates, zone, tider),
        ...(reason ? [p('Orsak:'), quote(reason)] : []),
        ...(byStaff ? [p('Om du har frågor kan du kontakta kommunen.')] : []),
        action('Öppna bokningen', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `${eventTitle} har tagits bort från kalendern`,
      blocks: [
        p(
          `Kommunens personal har tagit bort evenemanget ${eventTitle} från Mötesplats kalender. Deras motivering:`,
        ),
        quote(reason),
        p(
          'Du kan ändra evenemanget. Kommunens personal kan sedan publicera det igen. Om du har frågor kan du kontakta kommunen.',
        ),
        action('Öppna evenemanget', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `Hur många deltog i ${eventTitle}?`,
      blocks: [
        p(`Tack för att ni ordnade ${eventTitle}. Hur många deltog?`),
        ...dateBlocks(dates, zone, tider),
        p('Antalet deltagare behövs för kommunens uppföljning av integrationsprogrammet.'),
        action('Ange antalet deltagare', url),
      ],
    }),
  },
};
