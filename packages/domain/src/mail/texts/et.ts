import { dateBlocks, type SlotWords } from './dates';
import { action, p, quote, type LocaleTexts } from './types';

/** Used as a length of time ("kehtib 1 minut", "kehtib 60 minutit"): partitive after numbers other than 1. */
const minutes = (n: number) => (n === 1 ? '1 minut' : `${n} minutit`);

/**
 * 'teisipäev, 15. detsember 2026, kell 17:30–19:30': luxon's 'et' names and the 24-hour
 * clock with a colon, as Intl's et-EE writes times on the web pages (Estonian also allows
 * 17.30; the colon is used throughout), and no leading zero: 'kell 9:05'.
 */
const ajad: SlotWords = {
  locale: 'et',
  date: (d) => d.toFormat('cccc, d. MMMM yyyy'),
  time: (d) => d.toFormat('H:mm'),
  midnight: '24:00',
  within: (date, from, to) => `${date}, kell ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate}, kell ${from} – ${toDate}, kell ${to}`,
  more: (n) => (n === 1 ? 'ja veel 1 kuupäev' : `ja veel ${n} kuupäeva`),
};

/**
 * Estonian, in the polite "teie" form. Names that cannot be inflected (an association's,
 * a venue's, an event's) stand in the nominative after a word that carries the case:
 * "ühinguga X", "ruumi X broneering", "ürituse X". The service's name takes its endings
 * directly, as Estonian does with foreign names: "Mötesplatsis", "Mötesplatsi".
 */
export const et: LocaleTexts = {
  greeting: (name) => (name ? `Tere, ${name}!` : 'Tere!'),
  signoff: 'Lugupidamisega\nMötesplats',
  automatic: 'See kiri on saadetud Mötesplatsist automaatselt. Vastuseid sellele kirjale ei loeta.',
  linkFallback: 'Kui nupp ei tööta, kopeerige see aadress oma brauserisse:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Kinnitage oma e-posti aadress Mötesplatsis',
      greet: name,
      blocks: [
        p(
          'Täname, et registreerusite Mötesplatsi kasutajaks. Palun kinnitage oma e-posti aadress, avades alloleva lingi.',
        ),
        action('Kinnita e-posti aadress', url),
        p('Kui te ei registreerunud Mötesplatsi kasutajaks, võite selle kirja tähelepanuta jätta.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Mötesplatsi parooli lähtestamine',
      greet: name,
      blocks: [
        p(
          'Saime taotluse teie Mötesplatsi konto parooli lähtestamiseks. Alloleva lingi kaudu saate valida uue parooli.',
        ),
        action('Vali uus parool', url),
        p(`Link töötab ainult ühe korra ja kehtib ${minutes(expiresInMinutes)}.`),
        p(
          'Kui te ei palunud parooli lähtestada, võite selle kirja tähelepanuta jätta: teie parool jääb samaks.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Kinnitage e-posti aadressi muutmine Mötesplatsis',
      greet: name,
      blocks: [
        p(
          `Saime taotluse muuta teie Mötesplatsi konto e-posti aadressi: uus aadress oleks ${newEmail}. Muudatuse kinnitamiseks avage allolev link.`,
        ),
        action('Kinnita uus aadress', url),
        p('Kui te seda ei palunud, võite selle kirja tähelepanuta jätta: teie aadress ei muutu.'),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'Teil on juba Mötesplatsi konto',
      greet: name,
      blocks: [
        p(
          'Keegi, võib-olla teie ise, püüdis selle e-posti aadressiga luua uut Mötesplatsi kontot. Teil on juba konto, seega uut kontot ei loodud.',
        ),
        action('Logi sisse', signInUrl),
        action('Unustasite parooli? Valige uus', resetUrl),
        p(
          'Kui see ei olnud teie, võite selle kirja tähelepanuta jätta. Teie kontol ei ole midagi muutunud.',
        ),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Kutse liituda ühinguga ${associationName} Mötesplatsis`,
      blocks: [
        p(
          `${inviterName} on kutsunud teid liituma ühinguga ${associationName} Mötesplatsis, kus ühingud broneerivad omavalitsuse ruume ja avaldavad oma üritusi. Liikmena saate ühingu nimel ruume broneerida ja üritusi avaldada.`,
        ),
        action('Võta kutse vastu', url),
        p(
          'Kui teil ei ole veel kontot, saate selle samal ajal luua. Kui te ei soovi liituda, võite selle kirja tähelepanuta jätta.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `Ühing ${associationName} on nüüd Mötesplatsis kinnitatud`,
      blocks: [
        p(
          `Omavalitsuse töötajad on ühingu ${associationName} andmed üle vaadanud ja ühingu kinnitanud. Ühing saab nüüd Mötesplatsis ruume broneerida ja üritusi avaldada.`,
        ),
        action('Ava ühingu leht', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `Ühingut ${associationName} ei saanud Mötesplatsis kinnitada`,
      blocks: [
        p(
          `Omavalitsuse töötajad on ühingu ${associationName} andmed üle vaadanud ega saanud ühingut seekord kinnitada. Nende põhjendus:`,
        ),
        quote(reason),
        p('Saate ühingu andmeid parandada ja paluda uuesti kinnitamist:'),
        action('Ava ühingu leht', url),
        p('Kui teil on küsimusi, võtke palun ühendust omavalitsusega.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `Uus broneeringutaotlus: ühing ${associationName} soovib broneerida ruumi ${venueName}`,
      blocks: [
        p(`Ühing ${associationName} soovib broneerida ruumi ${venueName} järgmistel kuupäevadel:`),
        ...dateBlocks(dates, zone, ajad),
        p('Eesmärk:'),
        quote(purpose),
        p('Taotlus ootab Mötesplatsis otsust.'),
        action('Mine broneeringutaotluste juurde', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `Ruumi ${venueName} broneering on heaks kiidetud`,
      blocks: [
        p(
          `Omavalitsuse töötajad on heaks kiitnud ruumi ${venueName} broneeringu ühingule ${associationName}. Heakskiidetud kuupäevad:`,
        ),
        ...dateBlocks(dates, zone, ajad),
        ...(access ? [p('Kuidas sisse pääseda:'), quote(access)] : []),
        p(
          'Kuupäevad on ka manuses olevas kalendrifailis (.ics): avage see, et lisada kuupäevad oma kalendrisse.',
        ),
        p(
          'Kui te mõnda kuupäeva enam ei vaja, tühistage see palun aegsasti, et teised saaksid ruumi kasutada.',
        ),
        action('Ava broneering', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `Ruumi ${venueName} broneeringut ei saanud heaks kiita`,
      blocks: [
        p(
          `Omavalitsuse töötajad on läbi vaadanud ühingu ${associationName} taotluse broneerida ruumi ${venueName} ega saanud järgmisi kuupäevi heaks kiita:`,
        ),
        ...dateBlocks(dates, zone, ajad),
        p('Nende põhjendus:'),
        quote(reason),
        p(
          'Mötesplatsis saate taotleda muid kuupäevi. Kui teil on küsimusi, võtke palun ühendust omavalitsusega.',
        ),
        action('Ava broneering', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `Ruumi ${venueName} broneering on tühistatud`,
      blocks: [
        p(
          byStaff
            ? `Omavalitsuse töötajad on tühistanud ruumi ${venueName} broneeringu ühingule ${associationName}. Tühistatud kuupäevad:`
            : `Ühing ${associationName} on tühistanud ruumi ${venueName} broneeringu. Tühistatud kuupäevad:`,
        ),
        ...dateBlocks(dates, zone, ajad),
        ...(reason ? [p('Põhjus:'), quote(reason)] : []),
        ...(byStaff ? [p('Kui teil on küsimusi, võtke palun ühendust omavalitsusega.')] : []),
        action('Ava broneering', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `Üritus ${eventTitle} on kalendrist eemaldatud`,
      blocks: [
        p(
          `Omavalitsuse töötajad on eemaldanud ürituse ${eventTitle} Mötesplatsi kalendrist. Nende põhjendus:`,
        ),
        quote(reason),
        p(
          'Saate üritust muuta; seejärel saavad omavalitsuse töötajad selle uuesti avaldada. Kui teil on küsimusi, võtke palun ühendust omavalitsusega.',
        ),
        action('Ava üritus', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `Mitu inimest osales üritusel ${eventTitle}?`,
      blocks: [
        p(`Täname ürituse ${eventTitle} korraldamise eest. Mitu inimest osales?`),
        ...dateBlocks(dates, zone, ajad),
        p('Osalejate arvu on vaja omavalitsuse lõimumisprogrammi seireks.'),
        action('Sisesta osalejate arv', url),
      ],
    }),
  },
};
