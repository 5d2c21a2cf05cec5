import type { LocalizedText } from '@motesplats/domain';

/** The pictogram vocabulary shared by every municipality; slug = pictogram key. */
export const CATEGORIES: { slug: string; name: LocalizedText }[] = [
  {
    slug: 'language-cafe',
    name: { sv: 'Språkcafé', fi: 'Kielikahvila', en: 'Language café', ar: 'مقهى اللغة' },
  },
  {
    slug: 'family-cafe',
    name: { sv: 'Familjecafé', fi: 'Perhekahvila', en: 'Family café', ar: 'مقهى العائلات' },
  },
  { slug: 'cooking', name: { sv: 'Matlagning', fi: 'Ruoanlaitto', en: 'Cooking', ar: 'الطبخ' } },
  { slug: 'bazaar', name: { sv: 'Basar', fi: 'Basaari', en: 'Bazaar', ar: 'بازار' } },
  {
    slug: 'theme-day',
    name: { sv: 'Temadag', fi: 'Teemapäivä', en: 'Theme day', ar: 'يوم موضوعي' },
  },
  {
    slug: 'peace-cafe',
    name: { sv: 'Fredscafé', fi: 'Rauhankahvila', en: 'Peace café', ar: 'مقهى السلام' },
  },
  {
    slug: 'story-hour',
    name: { sv: 'Sagostund', fi: 'Satutunti', en: 'Story hour', ar: 'ساعة الحكايات' },
  },
  {
    slug: 'information-session',
    name: {
      sv: 'Informationstillfälle',
      fi: 'Infotilaisuus',
      en: 'Information session',
      ar: 'جلسة إعلامية',
    },
  },
  { slug: 'culture', name: { sv: 'Kultur', fi: 'Kulttuuri', en: 'Culture', ar: 'ثقافة' } },
  {
    slug: 'sports-outdoors',
    name: {
      sv: 'Idrott och friluftsliv',
      fi: 'Liikunta ja ulkoilu',
      en: 'Sports and outdoors',
      ar: 'الرياضة والأنشطة الخارجية',
    },
  },
  { slug: 'other', name: { sv: 'Övrigt', fi: 'Muu', en: 'Other', ar: 'أخرى' } },
];
