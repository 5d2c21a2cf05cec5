import { action, p, quote, type LocaleTexts } from './types';

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
  },
};
