import type { LocalizedText, WeeklyHours } from '@motesplats/domain';
import type { MunicipalityKey } from './municipalities';

export interface BuildingSeed {
  key: string;
  municipality: MunicipalityKey;
  name: LocalizedText;
  street: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
}

/** A part of a divisible venue; the first listed is the root (the whole hall). */
export interface SpaceSeed {
  key: string;
  name: LocalizedText;
  capacity: number;
  parent?: string;
}

export interface VenueSeed {
  key: string;
  building: string;
  name: LocalizedText;
  description: LocalizedText;
  capacity: number;
  accessibility: string[];
  equipment: string[];
  openingHours: WeeklyHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  horizonDays: number;
  leadTimeHours: number;
  bufferMinutes: number;
  cancellationDeadlineHours: number;
  maxOpenRequests: number;
  termsOfUse: LocalizedText;
  accessMethod: 'key' | 'door_code' | 'staff_opens';
  accessInstructions: LocalizedText;
  bookable: boolean;
  /** Divisible venues list their parts; an undivided venue gets one root space of its own. */
  spaces?: SpaceSeed[];
  photo?: { file: string; alt: LocalizedText };
}

type Day = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** The same opening span on each of the given ISO weekdays. */
export const hours = (days: Day[], opens: string, closes: string): WeeklyHours =>
  days.map((weekday) => ({ weekday, opens, closes }));

export const WEEKDAYS: Day[] = [1, 2, 3, 4, 5];
export const EVERY_DAY: Day[] = [1, 2, 3, 4, 5, 6, 7];

export const TERMS_STANDARD: LocalizedText = {
  sv: 'Lokalen lämnas i samma skick som den togs emot: möbler på plats, sopor sorterade och lampor släckta. Bokaren ansvarar för att antalet deltagare inte överskrider det tillåtna. Alkohol är inte tillåten.',
  fi: 'Tila jätetään samaan kuntoon kuin se vastaanotettiin: huonekalut paikoilleen, jätteet lajiteltuina ja valot sammutettuina. Varaaja vastaa siitä, ettei osallistujia ole enempää kuin tilaan saa ottaa. Alkoholi ei ole sallittu.',
  en: 'Leave the room as you found it: furniture back in place, waste sorted and lights off. The booker makes sure the number of participants stays within the permitted maximum. Alcohol is not allowed.',
};

export const TERMS_KITCHEN: LocalizedText = {
  sv: 'Köket får användas för matlagning i grupp. Minst en person i gruppen ska ha hygienpass när mat serveras till allmänheten. Disken görs och ytorna torkas innan ni går.',
  fi: 'Keittiötä saa käyttää ryhmän ruoanlaittoon. Kun ruokaa tarjotaan yleisölle, ryhmässä on oltava vähintään yksi hygieniapassin haltija. Astiat tiskataan ja pinnat pyyhitään ennen lähtöä.',
  en: 'The kitchen may be used for group cooking. When food is served to the public, at least one person in the group must hold a hygiene passport. Wash up and wipe the surfaces before you leave.',
};

export const TERMS_LIBRARY: LocalizedText = {
  sv: 'Evenemang i biblioteket är öppna och avgiftsfria för alla. Försäljning och insamlingar är inte tillåtna. Tänk på att andra besökare läser och arbetar i närheten.',
  fi: 'Kirjaston tapahtumat ovat avoimia ja maksuttomia kaikille. Myynti ja keräykset eivät ole sallittuja. Muistakaa, että muut asiakkaat lukevat ja työskentelevät lähellä.',
  en: 'Events in the library are open to all and free of charge. Selling and collecting money are not allowed. Remember that other visitors read and work nearby.',
};

export const STAFF_OPENS: LocalizedText = {
  sv: 'Personalen i informationsdisken öppnar lokalen. Meddela ditt boknings-id när du kommer.',
  fi: 'Neuvonnan henkilökunta avaa tilan. Kerro varaustunnuksesi, kun saavut.',
  en: 'The staff at the information desk open the room. Give your booking reference when you arrive.',
};
