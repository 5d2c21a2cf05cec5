import type { bookings } from '@motesplats/db';
import type { UiLocale } from '@motesplats/domain';

type BookingStatus = (typeof bookings.$inferSelect)['status'];

interface PrivateFeedText {
  /** The calendar's name: "<scope> – bookings (Mötesplats)". */
  bookings: string;
  /** Who booked, for the city's own use (no association). */
  cityUse: string;
  status: string;
  purpose: string;
  statuses: Record<BookingStatus, string>;
}

/** The few words a private feed writes, in each interface language (a type error if one lacks them). */
const TEXTS: Record<UiLocale, PrivateFeedText> = {
  sv: {
    bookings: 'bokningar',
    cityUse: 'Stadens eget bruk',
    status: 'Status',
    purpose: 'Syfte',
    statuses: {
      pending: 'väntar på beslut',
      approved: 'godkänd',
      rejected: 'avslagen',
      withdrawn: 'återtagen',
      cancelled: 'avbokad',
    },
  },
  fi: {
    bookings: 'varaukset',
    cityUse: 'Kaupungin oma käyttö',
    status: 'Tila',
    purpose: 'Tarkoitus',
    statuses: {
      pending: 'odottaa päätöstä',
      approved: 'hyväksytty',
      rejected: 'hylätty',
      withdrawn: 'vedetty takaisin',
      cancelled: 'peruttu',
    },
  },
  en: {
    bookings: 'bookings',
    cityUse: 'City use',
    status: 'Status',
    purpose: 'Purpose',
    statuses: {
      pending: 'awaiting decision',
      approved: 'approved',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      cancelled: 'cancelled',
    },
  },
  ar: {
    bookings: 'الحجوزات',
    cityUse: 'استخدام البلدية',
    status: 'الحالة',
    purpose: 'الغرض',
    statuses: {
      pending: 'بانتظار القرار',
      approved: 'مقبول',
      rejected: 'مرفوض',
      withdrawn: 'مسحوب',
      cancelled: 'ملغى',
    },
  },
  ru: {
    bookings: 'бронирования',
    cityUse: 'Для нужд города',
    status: 'Статус',
    purpose: 'Цель',
    statuses: {
      pending: 'ожидает решения',
      approved: 'одобрено',
      rejected: 'отклонено',
      withdrawn: 'отозвано',
      cancelled: 'отменено',
    },
  },
  uk: {
    bookings: 'бронювання',
    cityUse: 'Для потреб міста',
    status: 'Статус',
    purpose: 'Мета',
    statuses: {
      pending: 'очікує рішення',
      approved: 'схвалено',
      rejected: 'відхилено',
      withdrawn: 'відкликано',
      cancelled: 'скасовано',
    },
  },
  et: {
    bookings: 'broneeringud',
    cityUse: 'Linna enda kasutus',
    status: 'Olek',
    purpose: 'Eesmärk',
    statuses: {
      pending: 'ootab otsust',
      approved: 'kinnitatud',
      rejected: 'tagasi lükatud',
      withdrawn: 'tagasi võetud',
      cancelled: 'tühistatud',
    },
  },
};

export const privateFeedText = (lang: string): PrivateFeedText =>
  TEXTS[lang as UiLocale] ?? TEXTS.en;
