import type { LocalizedText } from '@motesplats/domain';

/**
 * The pictogram vocabulary shared by every municipality; slug = pictogram key. Names in
 * every UI language: a category is named on every public page.
 */
export const CATEGORIES: { slug: string; name: LocalizedText }[] = [
  {
    slug: 'language-cafe',
    name: {
      sv: 'Språkcafé',
      fi: 'Kielikahvila',
      en: 'Language café',
      ar: 'مقهى اللغة',
      ru: 'Языковое кафе',
      uk: 'Мовне кафе',
      et: 'Keelekohvik',
    },
  },
  {
    slug: 'family-cafe',
    name: {
      sv: 'Familjecafé',
      fi: 'Perhekahvila',
      en: 'Family café',
      ar: 'مقهى العائلات',
      ru: 'Семейное кафе',
      uk: 'Сімейне кафе',
      et: 'Perekohvik',
    },
  },
  {
    slug: 'cooking',
    name: {
      sv: 'Matlagning',
      fi: 'Ruoanlaitto',
      en: 'Cooking',
      ar: 'الطبخ',
      ru: 'Кулинария',
      uk: 'Кулінарія',
      et: 'Toiduvalmistamine',
    },
  },
  {
    slug: 'bazaar',
    name: {
      sv: 'Basar',
      fi: 'Basaari',
      en: 'Bazaar',
      ar: 'بازار',
      ru: 'Базар',
      uk: 'Базар',
      et: 'Laat',
    },
  },
  {
    slug: 'theme-day',
    name: {
      sv: 'Temadag',
      fi: 'Teemapäivä',
      en: 'Theme day',
      ar: 'يوم موضوعي',
      ru: 'Тематический день',
      uk: 'Тематичний день',
      et: 'Teemapäev',
    },
  },
  {
    slug: 'peace-cafe',
    name: {
      sv: 'Fredscafé',
      fi: 'Rauhankahvila',
      en: 'Peace café',
      ar: 'مقهى السلام',
      ru: 'Кафе мира',
      uk: 'Кафе миру',
      et: 'Rahukohvik',
    },
  },
  {
    slug: 'story-hour',
    name: {
      sv: 'Sagostund',
      fi: 'Satutunti',
      en: 'Story hour',
      ar: 'ساعة الحكايات',
      ru: 'Час сказок',
      uk: 'Година казок',
      et: 'Muinasjututund',
    },
  },
  {
    slug: 'information-session',
    name: {
      sv: 'Informationstillfälle',
      fi: 'Infotilaisuus',
      en: 'Information session',
      ar: 'جلسة إعلامية',
      ru: 'Информационная встреча',
      uk: 'Інформаційна зустріч',
      et: 'Infotund',
    },
  },
  {
    slug: 'culture',
    name: {
      sv: 'Kultur',
      fi: 'Kulttuuri',
      en: 'Culture',
      ar: 'ثقافة',
      ru: 'Культура',
      uk: 'Культура',
      et: 'Kultuur',
    },
  },
  {
    slug: 'sports-outdoors',
    name: {
      sv: 'Idrott och friluftsliv',
      fi: 'Liikunta ja ulkoilu',
      en: 'Sports and outdoors',
      ar: 'الرياضة والأنشطة الخارجية',
      ru: 'Спорт и отдых на природе',
      uk: 'Спорт і відпочинок на природі',
      et: 'Sport ja vabaõhutegevus',
    },
  },
  {
    slug: 'other',
    name: {
      sv: 'Övrigt',
      fi: 'Muu',
      en: 'Other',
      ar: 'أخرى',
      ru: 'Другое',
      uk: 'Інше',
      et: 'Muu',
    },
  },
];
