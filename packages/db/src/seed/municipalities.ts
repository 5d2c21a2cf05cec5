import type { LocalizedText } from '@motesplats/domain';

export type MunicipalityKey = 'borga' | 'lovisa' | 'vasa' | 'pargas';

export interface MunicipalitySeed {
  slug: MunicipalityKey;
  name: LocalizedText;
  languages: string[];
  region: string;
  /** The municipality's demo staff member (fictitious; contacts are never public). */
  staff: { name: string; email: string; locale: string; role: 'staff' | 'admin' };
}

export const MUNICIPALITIES: MunicipalitySeed[] = [
  {
    slug: 'borga',
    name: { sv: 'Borgå', fi: 'Porvoo', en: 'Porvoo' },
    languages: ['fi', 'sv'],
    region: 'Borgå ekonomiska region / Porvoon seutukunta',
    staff: {
      name: 'Helena Lindroos',
      email: 'staff.borga@demo.example',
      locale: 'sv',
      role: 'admin',
    },
  },
  {
    slug: 'lovisa',
    name: { sv: 'Lovisa', fi: 'Loviisa', en: 'Loviisa' },
    languages: ['fi', 'sv'],
    region: 'Borgå ekonomiska region / Porvoon seutukunta',
    staff: {
      name: 'Jari Koskinen',
      email: 'staff.lovisa@demo.example',
      locale: 'fi',
      role: 'staff',
    },
  },
  {
    slug: 'vasa',
    name: { sv: 'Vasa', fi: 'Vaasa', en: 'Vaasa' },
    languages: ['fi', 'sv'],
    region: 'Vasaregionen / Vaasan seutu',
    staff: {
      name: 'Sofia Björkqvist',
      email: 'staff.vasa@demo.example',
      locale: 'sv',
      role: 'staff',
    },
  },
  {
    slug: 'pargas',
    name: { sv: 'Pargas', fi: 'Parainen', en: 'Parainen' },
    languages: ['sv', 'fi'],
    region: 'Åboregionen / Turun seutu',
    staff: {
      name: 'Mats Nordström',
      email: 'staff.pargas@demo.example',
      locale: 'sv',
      role: 'staff',
    },
  },
];
