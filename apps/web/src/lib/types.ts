// Response shapes of the public JSON API, written from docs/api-contract.md.
// They stand in until @motesplats/api exports a typed AppType for hono/client; then
// these can become `InferResponseType<…>` aliases (see lib/server/api.ts).

/** A text in the language asked for, or in a fallback language (`fallback: true`). */
export interface Localized {
  text: string;
  lang: string;
  fallback: boolean;
}

export interface Page {
  limit: number;
  offset: number;
  total: number;
}

export interface List<T> {
  items: T[];
  page: Page;
}

export type CategorySlug =
  | 'language-cafe'
  | 'family-cafe'
  | 'cooking'
  | 'bazaar'
  | 'theme-day'
  | 'peace-cafe'
  | 'story-hour'
  | 'other';

export type Audience =
  'everyone' | 'families' | 'children' | 'youth' | 'adults' | 'women' | 'seniors';

export type AccessibilityFeature =
  'step_free' | 'accessible_toilet' | 'hearing_loop' | 'lift' | 'accessible_parking' | 'baby_care';

export const ACCESSIBILITY_FEATURES: readonly AccessibilityFeature[] = [
  'step_free',
  'accessible_toilet',
  'hearing_loop',
  'lift',
  'accessible_parking',
  'baby_care',
];

export type Equipment =
  'projector' | 'kitchen' | 'sound_system' | 'chairs' | 'tables' | 'piano' | 'wifi' | 'whiteboard';

export type Access = 'key' | 'door_code' | 'staff_opens';

export interface Municipality {
  id: string;
  slug: string;
  name: Localized;
  timeZone: string;
  languages: string[];
}

export interface Category {
  slug: CategorySlug;
  name: Localized;
  pictogram: string;
}

export interface Price {
  free: boolean;
  text: Localized | null;
}

export interface Occurrence {
  id: string;
  uid: string;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  timeZone: string;
  event: {
    id: string;
    title: Localized;
    summary: Localized | null;
    category: Category;
    languages: string[];
    audience: Audience;
    price: Price;
  };
  venue: { id: string; name: Localized; address: string } | null;
  municipality: { slug: string; name: Localized };
}

export interface Coordinates {
  lat: number;
  lon: number;
}

export interface EventDetail {
  id: string;
  title: Localized;
  summary: Localized | null;
  description: Localized | null;
  category: Category;
  languages: string[];
  audience: Audience;
  price: Price;
  registration: { required: boolean; url: string | null };
  organizer: {
    id: string;
    name: Localized;
    description: Localized | null;
    website: string | null;
  };
  venue: { id: string; name: Localized; address: string; coordinates: Coordinates | null } | null;
  locationText: string | null;
  municipality: { slug: string; name: Localized; timeZone: string; languages: string[] };
  occurrences: {
    id: string;
    uid: string;
    startsAt: string;
    endsAt: string;
    status: 'scheduled' | 'cancelled';
  }[];
}

export interface VenueSummary {
  id: string;
  name: Localized;
  building: { name: Localized };
  address: { street: string; postalCode: string; city: string };
  municipality: { slug: string; name: Localized };
  capacity: number;
  accessibility: AccessibilityFeature[];
  bookable: boolean;
  photo: { url: string; alt: Localized } | null;
}

export interface OpeningHours {
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  opens: string;
  closes: string;
}

export interface VenueDetail extends VenueSummary {
  description: Localized | null;
  equipment: Equipment[];
  openingHours: OpeningHours[];
  timeZone: string;
  access: Access;
  termsOfUse: Localized | null;
  coordinates: Coordinates | null;
  spaces: { id: string; name: Localized; parentId: string | null }[];
  feed: { path: string };
}

export interface Interval {
  start: string;
  end: string;
}

export interface VenueBusy {
  venueId: string;
  timeZone: string;
  from: string;
  to: string;
  open: Interval[];
  busy: Interval[];
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}
