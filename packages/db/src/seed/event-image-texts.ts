import type { LocalizedText } from '@motesplats/domain';

/** The demo events' drawings (seed-images), each with alt text in every UI language. */
export const DEMO_IMAGES = {
  languageCafe: {
    file: 'language-cafe',
    alt: {
      sv: 'Teckning: tre pratbubblor ovanför två kaffekoppar och en bulle på ett bord, snö faller utanför fönstret.',
      fi: 'Piirros: kolme puhekuplaa kahden kahvikupin ja pullan yllä pöydällä, ikkunan takana sataa lunta.',
      en: 'Drawing: three speech bubbles above two coffee cups and a bun on a table, with snow falling outside the window.',
      ar: 'رسم: ثلاث فقاعات كلام فوق فنجاني قهوة وكعكة على طاولة، والثلج يتساقط خارج النافذة.',
      ru: 'Рисунок: три облачка речи над двумя чашками кофе и булочкой на столе, за окном идёт снег.',
      uk: 'Малюнок: три хмаринки мовлення над двома чашками кави та булочкою на столі, за вікном падає сніг.',
      et: 'Joonistus: kolm jutumulli laual oleva kahe kohvitassi ja saiakese kohal, akna taga sajab lund.',
    },
  },
  winterBazaar: {
    file: 'winter-bazaar',
    alt: {
      sv: 'Teckning: tre marknadsstånd med randiga markiser under en ljusslinga en snöig kväll, besökare framför stånden.',
      fi: 'Piirros: kolme raidallisin markiisein katettua myyntikojua valonauhan alla lumisena iltana, kävijöitä kojujen edessä.',
      en: 'Drawing: three market stalls with striped awnings under a string of lights on a snowy evening, visitors in front of them.',
      ar: 'رسم: ثلاثة أكشاك سوق بمظلات مخططة تحت سلسلة من الأضواء في مساء مثلج، وزوار أمامها.',
      ru: 'Рисунок: три торговых прилавка с полосатыми навесами под гирляндой снежным вечером, перед ними посетители.',
      uk: 'Малюнок: три торгові ятки зі смугастими навісами під гірляндою сніжного вечора, перед ними відвідувачі.',
      et: 'Joonistus: kolm triibuliste varikatustega müügiputka tulede vaniku all lumisel õhtul, nende ees külastajad.',
    },
  },
  familyCafe: {
    file: 'family-cafe',
    alt: {
      sv: 'Teckning: en vuxen och två barn vid ett lågt bord med koppar och byggklossar, ballonger i hörnet.',
      fi: 'Piirros: aikuinen ja kaksi lasta matalan pöydän ääressä, pöydällä kuppeja ja rakennuspalikoita, nurkassa ilmapalloja.',
      en: 'Drawing: an adult and two children at a low table with cups and building blocks, balloons in the corner.',
      ar: 'رسم: شخص بالغ وطفلان عند طاولة منخفضة عليها أكواب ومكعبات بناء، وبالونات في الزاوية.',
      ru: 'Рисунок: взрослый и двое детей у низкого столика с чашками и кубиками, в углу воздушные шары.',
      uk: 'Малюнок: дорослий і двоє дітей біля низького столика з чашками та кубиками, у кутку повітряні кульки.',
      et: 'Joonistus: täiskasvanu ja kaks last madala laua ääres, laual tassid ja klotsid, nurgas õhupallid.',
    },
  },
  cooking: {
    file: 'cooking',
    alt: {
      sv: 'Teckning: en ångande gryta på spisen, bröd, en skål och grönsaker på en skärbräda.',
      fi: 'Piirros: höyryävä kattila liedellä, leipä, kulho ja vihanneksia leikkuulaudalla.',
      en: 'Drawing: a steaming pot on the stove, bread, a bowl and vegetables on a cutting board.',
      ar: 'رسم: قدر يتصاعد منه البخار على الموقد، وخبز ووعاء وخضروات على لوح تقطيع.',
      ru: 'Рисунок: кастрюля с паром на плите, хлеб, миска и овощи на разделочной доске.',
      uk: 'Малюнок: каструля з парою на плиті, хліб, миска та овочі на обробній дошці.',
      et: 'Joonistus: aurav pott pliidil, leib, kauss ja köögiviljad lõikelaual.',
    },
  },
  peaceCafe: {
    file: 'peace-cafe',
    alt: {
      sv: 'Teckning: en vit duva med en olivkvist flyger över två kaffekoppar.',
      fi: 'Piirros: valkoinen kyyhky oliivinoksa nokassaan lentää kahden kahvikupin yllä.',
      en: 'Drawing: a white dove carrying an olive branch flies above two coffee cups.',
      ar: 'رسم: حمامة بيضاء تحمل غصن زيتون تطير فوق فنجاني قهوة.',
      ru: 'Рисунок: белый голубь с оливковой ветвью летит над двумя чашками кофе.',
      uk: 'Малюнок: білий голуб з оливковою гілкою летить над двома чашками кави.',
      et: 'Joonistus: valge tuvi oliivioksaga lendab kahe kohvitassi kohal.',
    },
  },
  storyHour: {
    file: 'story-hour',
    alt: {
      sv: 'Teckning: en uppslagen bok under en stjärnhimmel med månskära, tre barn lyssnar.',
      fi: 'Piirros: avattu kirja tähtitaivaan ja kuunsirpin alla, kolme lasta kuuntelee.',
      en: 'Drawing: an open book under a starry sky with a crescent moon, three children listening.',
      ar: 'رسم: كتاب مفتوح تحت سماء مرصعة بالنجوم وهلال، وثلاثة أطفال يستمعون.',
      ru: 'Рисунок: раскрытая книга под звёздным небом с полумесяцем, трое детей слушают.',
      uk: 'Малюнок: розгорнута книжка під зоряним небом із півмісяцем, троє дітей слухають.',
      et: 'Joonistus: avatud raamat tähistaeva ja kuusirbi all, kolm last kuulavad.',
    },
  },
} satisfies Record<string, { file: string; alt: LocalizedText }>;
