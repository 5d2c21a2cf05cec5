import type { bookings } from '@motesplats/db';

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

/** The few words a private feed writes, in each language a feed is asked in. */
const TEXTS: Record<string, PrivateFeedText> = {
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
};

export const privateFeedText = (lang: string): PrivateFeedText => TEXTS[lang] ?? TEXTS.en!;
