import type { Audience, LocalizedText } from '@motesplats/domain';
import type { DateTime } from 'luxon';
import type { AssociationKey } from './associations';
import type { SeedWindow } from './clock';

export interface EventSeed {
  key: string;
  association: AssociationKey;
  venue: string;
  /** Space key inside a divisible venue; the venue's root space otherwise. */
  space?: string;
  category: string;
  title: LocalizedText;
  summary: LocalizedText;
  description: LocalizedText;
  audience: Audience;
  languages: string[];
  priceCents: number | null;
  priceText: LocalizedText;
  registrationUrl?: string;
  /** A series (RRULE subset, local wall-clock times) or a single local day. */
  schedule: { rrule: string } | { day: (window: SeedWindow) => DateTime };
  starts: string;
  ends: string;
  /** The booking starts this much before the occurrence (setting up). */
  setupMinutes: number;
  expectedAttendance: number;
  /** Cancel the first occurrence that starts at least this many days after now. */
  cancelAfterDays?: number;
  /** Dates starting this many days after now or later wait for staff's decision. */
  pendingAfterDays?: number;
  /**
   * How many months before the seeded window the event began (its history: past dates with
   * attendance, outside the breaks); none for a new event. A one-day event with 12 or more
   * had an edition on the same day rule a year earlier.
   */
  historyMonths?: number;
  /** Its image: a drawing of seed-images (its name), with alt text in each UI language. */
  image?: { file: string; alt: LocalizedText };
  /** A draft the association is still writing (default: published). */
  status?: 'draft' | 'published';
}

export const FREE: LocalizedText = {};
