import { dateBlocks, type SlotWords } from './dates';
import { action, p, quote, type LocaleTexts } from './types';

/** 'tiistai 15. joulukuuta 2026 klo 17.30–19.30' (Kielitoimisto: klo 9.00, no leading zero). */
const ajat: SlotWords = {
  locale: 'fi',
  date: (d) => d.toFormat('cccc d. MMMM yyyy'),
  time: (d) => d.toFormat('H.mm'),
  midnight: '24.00',
  within: (date, from, to) => `${date} klo ${from}–${to}`,
  across: (fromDate, from, toDate, to) => `${fromDate} klo ${from} – ${toDate} klo ${to}`,
  more: (n) => (n === 1 ? 'ja 1 muu aika' : `ja ${n} muuta aikaa`),
};

/**
 * Finnish. Names that cannot be inflected (the service's and an association's) stand in
 * the nominative after a word that carries the case: "Mötesplats-palvelussa",
 * "yhdistyksen X jäseneksi".
 */
export const fi: LocaleTexts = {
  greeting: (name) => (name ? `Hei ${name}!` : 'Hei!'),
  signoff: 'Ystävällisin terveisin\nMötesplats',
  automatic:
    'Tämä viesti on lähetetty automaattisesti Mötesplats-palvelusta. Viestiin tulevia vastauksia ei lueta.',
  linkFallback: 'Jos painike ei toimi, kopioi osoite selaimeesi:',
  templates: {
    verify_email: ({ name, url }) => ({
      subject: 'Vahvista sähköpostiosoitteesi Mötesplats-palvelussa',
      greet: name,
      blocks: [
        p(
          'Kiitos, että rekisteröidyit Mötesplats-palveluun. Vahvista sähköpostiosoitteesi avaamalla alla oleva linkki.',
        ),
        action('Vahvista sähköpostiosoite', url),
        p('Jos et rekisteröitynyt Mötesplats-palveluun, voit jättää tämän viestin huomiotta.'),
      ],
    }),
    reset_password: ({ name, url, expiresInMinutes }) => ({
      subject: 'Mötesplats-salasanasi vaihtaminen',
      greet: name,
      blocks: [
        p(
          'Saimme pyynnön vaihtaa Mötesplats-tilisi salasanan. Voit valita uuden salasanan alla olevan linkin kautta.',
        ),
        action('Valitse uusi salasana', url),
        p(`Linkki toimii vain kerran, ja se vanhenee ${expiresInMinutes} minuutin kuluttua.`),
        p(
          'Jos et pyytänyt salasanan vaihtamista, voit jättää tämän viestin huomiotta. Salasanasi pysyy ennallaan.',
        ),
      ],
    }),
    change_email: ({ name, url, newEmail }) => ({
      subject: 'Vahvista sähköpostiosoitteen vaihto Mötesplats-palvelussa',
      greet: name,
      blocks: [
        p(
          `Saimme pyynnön vaihtaa Mötesplats-tilisi sähköpostiosoitteeksi ${newEmail}. Vahvista vaihto avaamalla alla oleva linkki.`,
        ),
        action('Vahvista uusi osoite', url),
        p(
          'Jos et pyytänyt vaihtoa, voit jättää tämän viestin huomiotta. Sähköpostiosoitettasi ei vaihdeta.',
        ),
      ],
    }),
    signup_existing: ({ name, signInUrl, resetUrl }) => ({
      subject: 'Sinulla on jo Mötesplats-tili',
      greet: name,
      blocks: [
        p(
          'Joku, ehkä sinä itse, yritti luoda uuden Mötesplats-tilin tällä sähköpostiosoitteella. Sinulla on jo tili, joten uutta tiliä ei luotu.',
        ),
        action('Kirjaudu sisään', signInUrl),
        action('Unohditko salasanasi? Valitse uusi salasana', resetUrl),
        p(
          'Jos et itse yrittänyt luoda tiliä, voit jättää tämän viestin huomiotta. Tiliisi ei ole tehty muutoksia.',
        ),
      ],
    }),
    invitation: ({ associationName, inviterName, url }) => ({
      subject: `Kutsu yhdistyksen ${associationName} jäseneksi Mötesplats-palvelussa`,
      blocks: [
        p(
          `${inviterName} on kutsunut sinut yhdistyksen ${associationName} jäseneksi Mötesplats-palvelussa, jossa yhdistykset varaavat kunnan tiloja ja julkaisevat tapahtumiaan. Jäsenenä voit varata tiloja ja julkaista tapahtumia yhdistyksen puolesta.`,
        ),
        action('Hyväksy kutsu', url),
        p(
          'Jos sinulla ei vielä ole tiliä, voit luoda sen samalla. Jos et halua liittyä, voit jättää tämän viestin huomiotta.',
        ),
      ],
    }),
    association_verified: ({ associationName, url }) => ({
      subject: `Yhdistys ${associationName} on hyväksytty Mötesplats-palvelussa`,
      blocks: [
        p(
          `Kunnan henkilökunta on tarkistanut ja hyväksynyt yhdistyksen ${associationName}. Yhdistys voi nyt varata tiloja ja julkaista tapahtumia Mötesplats-palvelussa.`,
        ),
        action('Avaa yhdistyksen sivu', url),
      ],
    }),
    association_rejected: ({ associationName, reason, url }) => ({
      subject: `Yhdistystä ${associationName} ei hyväksytty Mötesplats-palvelussa`,
      blocks: [
        p(
          `Kunnan henkilökunta on käsitellyt yhdistyksen ${associationName} tiedot, eikä yhdistystä voitu tällä kertaa hyväksyä. Perustelu:`,
        ),
        quote(reason),
        p('Voit korjata yhdistyksen tietoja ja pyytää hyväksyntää uudelleen:'),
        action('Avaa yhdistyksen sivu', url),
        p('Jos sinulla on kysyttävää, ota yhteyttä kuntaan.'),
      ],
    }),
    booking_requested: ({ associationName, venueName, dates, zone, purpose, url }) => ({
      subject: `Uusi varaushakemus: yhdistys ${associationName}, tila ${venueName}`,
      blocks: [
        p(`Yhdistys ${associationName} haluaa varata tilan ${venueName} seuraavina aikoina:`),
        ...dateBlocks(dates, zone, ajat),
        p('Käyttötarkoitus:'),
        quote(purpose),
        p('Hakemus odottaa käsittelyä Mötesplats-palvelussa.'),
        action('Siirry varaushakemuksiin', url),
      ],
    }),
    booking_approved: ({ associationName, venueName, dates, zone, url, access }) => ({
      subject: `Tilan ${venueName} varaus on hyväksytty`,
      blocks: [
        p(
          `Kunnan henkilökunta on hyväksynyt yhdistyksen ${associationName} varauksen tilaan ${venueName}. Hyväksytyt ajat:`,
        ),
        ...dateBlocks(dates, zone, ajat),
        ...(access ? [p('Näin pääsette tilaan:'), quote(access)] : []),
        p(
          'Ajat ovat myös liitteenä olevassa kalenteritiedostossa (.ics). Avaamalla tiedoston voit lisätä ajat kalenteriisi.',
        ),
        p('Jos jotakin aikaa ei tarvita, peru se hyvissä ajoin, jotta muut voivat käyttää tilaa.'),
        action('Avaa varaus', url),
      ],
    }),
    booking_rejected: ({ associationName, venueName, dates, zone, reason, url }) => ({
      subject: `Tilan ${venueName} varausta ei voitu hyväksyä`,
      blocks: [
        p(
          `Kunnan henkilökunta on käsitellyt yhdistyksen ${associationName} varaushakemuksen tilaan ${venueName}, eikä seuraavia aikoja voitu hyväksyä:`,
        ),
        ...dateBlocks(dates, zone, ajat),
        p('Perustelu:'),
        quote(reason),
        p(
          'Voit hakea muita aikoja Mötesplats-palvelussa. Jos sinulla on kysyttävää, ota yhteyttä kuntaan.',
        ),
        action('Avaa varaus', url),
      ],
    }),
    booking_cancelled: ({ associationName, venueName, dates, zone, reason, byStaff, url }) => ({
      subject: `Tilan ${venueName} varaus on peruttu`,
      blocks: [
        p(
          byStaff
            ? `Kunnan henkilökunta on perunut yhdistyksen ${associationName} varauksen tilaan ${venueName}. Perutut ajat:`
            : `Yhdistys ${associationName} on perunut varauksensa tilaan ${venueName}. Perutut ajat:`,
        ),
        ...dateBlocks(dates, zone, ajat),
        ...(reason ? [p('Syy:'), quote(reason)] : []),
        ...(byStaff ? [p('Jos sinulla on kysyttävää, ota yhteyttä kuntaan.')] : []),
        action('Avaa varaus', url),
      ],
    }),
    event_unpublished: ({ eventTitle, reason, url }) => ({
      subject: `${eventTitle} on poistettu kalenterista`,
      blocks: [
        p(
          `Kunnan henkilökunta on poistanut tapahtuman ${eventTitle} Mötesplats-kalenterista. Perustelu:`,
        ),
        quote(reason),
        p(
          'Voit muokata tapahtumaa, minkä jälkeen kunnan henkilökunta voi julkaista sen uudelleen. Jos sinulla on kysyttävää, ota yhteyttä kuntaan.',
        ),
        action('Avaa tapahtuma', url),
      ],
    }),
    attendance_reminder: ({ eventTitle, dates, zone, url }) => ({
      subject: `Montako osallistujaa tapahtumassa ${eventTitle} oli?`,
      blocks: [
        p(`Kiitos tapahtuman ${eventTitle} järjestämisestä. Montako osallistujaa oli paikalla?`),
        ...dateBlocks(dates, zone, ajat),
        p('Osallistujamäärää tarvitaan kunnan kotoutumisohjelman seurantaan.'),
        action('Kirjaa osallistujamäärä', url),
      ],
    }),
  },
};
