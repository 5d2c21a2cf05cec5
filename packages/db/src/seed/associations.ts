import type { LocalizedText } from '@motesplats/domain';
import type { MunicipalityKey } from './municipalities';

export type AssociationKey =
  | 'pmy'
  | 'mll'
  | 'redcross'
  | 'parishes'
  | 'choir'
  | 'lovisa'
  | 'vasa'
  | 'pargas'
  | 'somali'
  | 'kurdish';

/**
 * Where a registration stands, when it is not verified: waiting in the staff's queue, or
 * rejected with the reason its members read. Days count back from the demo's `now`.
 */
export type PendingOrRejected =
  | { state: 'pending'; registeredDaysAgo: number }
  | { state: 'rejected'; registeredDaysAgo: number; decidedDaysAgo: number; reason: string };

export interface AssociationSeed {
  key: AssociationKey;
  municipality: MunicipalityKey;
  name: LocalizedText;
  description: LocalizedText;
  languages: string[];
  /** Fictitious but check-digit-valid business IDs. */
  businessId: string;
  website: string;
  contactEmail: string;
  /** The association's demo member (fictitious, never shown publicly); `member` unless said. */
  member: { name: string; email: string; locale: string; role?: 'admin' | 'member' };
  /** Verified long ago unless said otherwise. */
  verification?: PendingOrRejected;
}

export const ASSOCIATIONS: AssociationSeed[] = [
  {
    key: 'pmy',
    municipality: 'borga',
    name: {
      fi: 'Porvoon monikulttuurinen yhdistys',
      sv: 'Borgå mångkulturella förening',
      en: 'Multicultural Association of Porvoo',
    },
    description: {
      fi: 'Tuomme yhteen porvoolaisia kaikkialta maailmasta: kielikahvila, ruokaillat ja joka joulukuu kulttuurienvälinen talvibasaari.',
      sv: 'Vi för samman borgåbor från hela världen: språkcafé, matkvällar och varje december den interkulturella vinterbasaren.',
      en: 'We bring together people in Porvoo from all over the world: a language café, cooking evenings and, every December, the Intercultural Winter Bazaar.',
    },
    languages: ['fi', 'sv', 'en', 'ar', 'ru', 'fa'],
    businessId: '2094716-2',
    website: 'https://monikulttuurinen-porvoo.example.org',
    contactEmail: 'hallitus@monikulttuurinen-porvoo.example.org',
    member: { name: 'Amina Yusuf', email: 'map@demo.example', locale: 'fi', role: 'admin' },
  },
  {
    key: 'mll',
    municipality: 'borga',
    name: {
      fi: 'Mannerheimin Lastensuojeluliitto, Porvoon yhdistys',
      sv: 'Mannerheims Barnskyddsförbund, Borgå förening',
      en: 'Mannerheim League for Child Welfare, Porvoo branch',
    },
    description: {
      fi: 'Vapaaehtoisvoimin toimiva paikallisyhdistys: perhekahvilat, isäkahvila ja tukea lapsiperheiden arkeen.',
      sv: 'En lokalförening som drivs av frivilliga: familjecaféer, pappacafé och stöd i barnfamiljernas vardag.',
      en: 'A volunteer-run local branch: family cafés, a dads’ café and support for everyday life with children.',
    },
    languages: ['fi', 'sv', 'en'],
    businessId: '1571238-5',
    website: 'https://porvoo.mll.example.org',
    contactEmail: 'porvoo@mll.example.org',
    member: { name: 'Laura Mäkelä', email: 'mll@demo.example', locale: 'fi' },
  },
  {
    key: 'redcross',
    municipality: 'borga',
    name: {
      sv: 'Röda Korset, Borgå avdelning',
      fi: 'Suomen Punainen Risti, Porvoon osasto',
      en: 'Finnish Red Cross, Porvoo branch',
    },
    description: {
      sv: 'Frivilliga som ordnar vänverksamhet, första hjälpen-kurser och en temadag varje månad om hälsa, trygghet och delaktighet.',
      fi: 'Vapaaehtoisia, jotka järjestävät ystävätoimintaa, ensiapukursseja ja joka kuukausi teemapäivän terveydestä, turvallisuudesta ja osallisuudesta.',
      en: 'Volunteers who run befriending, first-aid courses and a monthly theme day on health, safety and taking part.',
    },
    languages: ['sv', 'fi', 'en', 'ar'],
    businessId: '0216652-2',
    website: 'https://borga.rodakorset.example.org',
    contactEmail: 'borga@rodakorset.example.org',
    member: { name: 'Peter Åkerblom', email: 'peter.akerblom@example.org', locale: 'sv' },
  },
  {
    key: 'parishes',
    municipality: 'borga',
    name: {
      sv: 'Borgå svenska församling och Porvoon suomalainen seurakunta',
      fi: 'Porvoon suomalainen seurakunta ja Borgå svenska församling',
      en: 'The Swedish and Finnish parishes of Porvoo',
    },
    description: {
      sv: 'Församlingarnas diakoni ordnar fredscafé varje vecka: en lugn stund med kaffe och samtal, oberoende av tro och språk.',
      fi: 'Seurakuntien diakonia järjestää viikoittain rauhankahvilan: rauhallinen hetki kahvin ja keskustelun äärellä uskosta ja kielestä riippumatta.',
      en: "The parishes' diaconal work holds a weekly peace café: a quiet moment with coffee and conversation, whatever your faith or language.",
    },
    languages: ['sv', 'fi', 'en'],
    businessId: '0202489-0',
    website: 'https://borgaforsamlingar.example.org',
    contactEmail: 'diakoni@borgaforsamlingar.example.org',
    member: { name: 'Anna-Maria Holm', email: 'annamaria.holm@example.org', locale: 'sv' },
  },
  {
    key: 'choir',
    municipality: 'borga',
    name: {
      sv: 'Borgå internationella kör',
      fi: 'Porvoon kansainvälinen kuoro',
      en: 'Porvoo International Choir',
    },
    description: {
      en: 'A choir of some forty singers from fifteen countries. We sing in every language we have and welcome new voices each autumn.',
      sv: 'En kör med ett fyrtiotal sångare från femton länder. Vi sjunger på alla våra språk och tar emot nya röster varje höst.',
      fi: 'Noin neljänkymmenen laulajan kuoro viidestätoista maasta. Laulamme kaikilla kielillämme ja otamme uusia ääniä mukaan joka syksy.',
    },
    languages: ['en', 'fi', 'sv'],
    businessId: '2873415-3',
    website: 'https://porvoochoir.example.org',
    contactEmail: 'info@porvoochoir.example.org',
    member: { name: 'Daniel Okafor', email: 'daniel.okafor@example.org', locale: 'en' },
  },
  {
    key: 'lovisa',
    municipality: 'lovisa',
    name: {
      fi: 'Loviisan seudun monikulttuurinen yhdistys',
      sv: 'Lovisanejdens mångkulturella förening',
      en: 'Multicultural Association of the Loviisa Region',
    },
    description: {
      fi: 'Kielikahvila, vanhempainkerho ja vertaistukea Loviisaan muuttaneille perheille.',
      sv: 'Språkcafé, föräldraklubb och kamratstöd för familjer som flyttat till Lovisa.',
      ru: 'Языковое кафе, родительский клуб и взаимная поддержка для семей, переехавших в Ловийсу.',
    },
    languages: ['fi', 'sv', 'ru', 'uk', 'en'],
    businessId: '3012856-6',
    website: 'https://loviisanmonikulttuuriset.example.org',
    contactEmail: 'yhdistys@loviisanmonikulttuuriset.example.org',
    member: { name: 'Olga Lehtinen', email: 'olga.lehtinen@example.org', locale: 'fi' },
  },
  {
    key: 'vasa',
    municipality: 'vasa',
    name: {
      sv: 'Vasa internationella familjer',
      fi: 'Vaasan kansainväliset perheet',
      en: 'International Families of Vaasa',
    },
    description: {
      sv: 'Föräldrar från Vasa och resten av världen som ordnar familjecafé och språkcafé, på svenska, finska och engelska.',
      fi: 'Vaasalaisia ja muualta muuttaneita vanhempia, jotka järjestävät perhekahvilaa ja kielikahvilaa suomeksi, ruotsiksi ja englanniksi.',
      en: 'Parents from Vaasa and the rest of the world who run a family café and a language café in Swedish, Finnish and English.',
    },
    languages: ['sv', 'fi', 'en', 'so', 'ar'],
    businessId: '1946570-5',
    website: 'https://vasafamilies.example.org',
    contactEmail: 'hello@vasafamilies.example.org',
    member: { name: 'Hodan Ali', email: 'hodan.ali@example.org', locale: 'sv' },
  },
  {
    key: 'pargas',
    municipality: 'pargas',
    name: {
      sv: 'Pargas bibliotekets vänner',
      fi: 'Paraisten kirjaston ystävät',
      en: 'Friends of Parainen Library',
    },
    description: {
      sv: 'Vi hjälper biblioteket att ordna språkcafé och sagostunder på flera språk, och läsecirklar för vuxna.',
      fi: 'Autamme kirjastoa järjestämään kielikahvilaa ja monikielisiä satutunteja sekä aikuisten lukupiirejä.',
      en: 'We help the library run a language café, story hours in several languages and reading circles for adults.',
    },
    languages: ['sv', 'fi', 'ar', 'en'],
    businessId: '2250931-8',
    website: 'https://pargasbibliotekvanner.example.org',
    contactEmail: 'styrelsen@pargasbibliotekvanner.example.org',
    member: { name: 'Lina Karam', email: 'lina.karam@example.org', locale: 'sv' },
  },
  {
    key: 'somali',
    municipality: 'borga',
    name: {
      so: 'Ururka Dhaqanka Soomaalida ee Porvoo',
      fi: 'Porvoon somalialainen kulttuuriyhdistys',
      sv: 'Somaliska kulturföreningen i Borgå',
      en: 'Somali Cultural Association of Porvoo',
    },
    description: {
      fi: 'Somalialaisten perheiden kohtaamispaikka Porvoossa: läksykerho lapsille, naisten keskusteluryhmä ja somalin kielen kerho. Järjestämme myös tietoiltoja suomalaisesta koulusta ja työelämästä.',
      sv: 'En mötesplats för somaliska familjer i Borgå: läxklubb för barn, samtalsgrupp för kvinnor och en klubb i somaliska. Vi ordnar också informationskvällar om den finländska skolan och arbetslivet.',
      so: 'Meel ay ku kulmaan qoysaska Soomaalida ee Porvoo: naadi casharrada guriga ee carruurta, koox wadahadal oo haweenka ah iyo naadiga afka Soomaaliga.',
      en: 'A meeting place for Somali families in Porvoo: a homework club for children, a women’s discussion group and a Somali language club. We also hold information evenings on Finnish school and working life.',
    },
    languages: ['so', 'fi', 'sv', 'en', 'ar'],
    businessId: '3227316-9',
    website: 'https://somaliporvoo.example.org',
    contactEmail: 'guddiga@somaliporvoo.example.org',
    member: {
      name: 'Abdirahman Warsame',
      email: 'abdirahman.warsame@example.org',
      locale: 'fi',
      role: 'admin',
    },
    verification: { state: 'pending', registeredDaysAgo: 5 },
  },
  {
    key: 'kurdish',
    municipality: 'borga',
    name: {
      sv: 'Kurdiska kulturföreningen i Borgå',
      fi: 'Porvoon kurdilainen kulttuuriyhdistys',
      en: 'Kurdish Cultural Association of Porvoo',
    },
    description: {
      sv: 'Vi firar newroz, har musik- och dansgrupper och stöder kurdiska familjer som flyttat till Borgåregionen.',
      fi: 'Juhlimme newrozia, järjestämme musiikki- ja tanssiryhmiä ja tuemme Porvoon seudulle muuttaneita kurdiperheitä.',
      en: 'We celebrate Newroz, run music and dance groups and support Kurdish families who have moved to the Porvoo region.',
    },
    languages: ['fi', 'sv', 'en', 'fa', 'ar'],
    businessId: '3254961-2',
    website: 'https://kurdiporvoo.example.org',
    contactEmail: 'styrelsen@kurdiporvoo.example.org',
    member: { name: 'Rojda Amedi', email: 'rojda.amedi@example.org', locale: 'sv', role: 'admin' },
    verification: {
      state: 'rejected',
      registeredDaysAgo: 21,
      decidedDaysAgo: 14,
      reason:
        'Utdraget ur föreningsregistret och stadgarna saknas. Skicka dem till oss, så behandlar vi ansökan på nytt. – Yhdistysrekisteriote ja säännöt puuttuvat. Lähetä ne meille, niin käsittelemme hakemuksen uudelleen.',
    },
  },
];
