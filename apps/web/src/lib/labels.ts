// Enumerations of the API → words in the reader's language.
import { m } from '#lib/paraglide/messages.js';
import type { Pictogram } from '@motesplats/domain/client';
import type {
  Access,
  AccessibilityFeature,
  Audience,
  BookingStatus,
  Equipment,
} from '#lib/types.ts';

type Label = () => string;

export const audienceLabel: Record<Audience, Label> = {
  everyone: m.audience_everyone,
  families: m.audience_families,
  children: m.audience_children,
  youth: m.audience_youth,
  adults: m.audience_adults,
  women: m.audience_women,
  seniors: m.audience_seniors,
};

export const accessibilityLabel: Record<AccessibilityFeature, Label> = {
  step_free: m.accessibility_step_free,
  accessible_toilet: m.accessibility_accessible_toilet,
  hearing_loop: m.accessibility_hearing_loop,
  lift: m.accessibility_lift,
  accessible_parking: m.accessibility_accessible_parking,
  baby_care: m.accessibility_baby_care,
};

export const equipmentLabel: Record<Equipment, Label> = {
  projector: m.equipment_projector,
  kitchen: m.equipment_kitchen,
  sound_system: m.equipment_sound_system,
  chairs: m.equipment_chairs,
  tables: m.equipment_tables,
  piano: m.equipment_piano,
  wifi: m.equipment_wifi,
  whiteboard: m.equipment_whiteboard,
};

export const accessLabel: Record<Access, Label> = {
  key: m.access_key,
  door_code: m.access_door_code,
  staff_opens: m.access_staff_opens,
};

/** A label for an enumeration value, or the raw value if the API sent one we do not know. */
export const labelOf = <K extends string>(labels: Record<K, Label>, key: string): string =>
  key in labels ? labels[key as K]() : key;

const pictogramLabels: Record<Pictogram, Label> = {
  'language-cafe': m.pictogram_language_cafe,
  'family-cafe': m.pictogram_family_cafe,
  cooking: m.pictogram_cooking,
  bazaar: m.pictogram_bazaar,
  'theme-day': m.pictogram_theme_day,
  'peace-cafe': m.pictogram_peace_cafe,
  'story-hour': m.pictogram_story_hour,
  'information-session': m.pictogram_information_session,
  culture: m.pictogram_culture,
  'sports-outdoors': m.pictogram_sports_outdoors,
  other: m.pictogram_other,
};

/** A pictogram's name ("speech bubbles"), for the administrator's choice of one. */
export const pictogramLabel = (key: string): string =>
  (pictogramLabels[key as Pictogram] ?? m.pictogram_other)();

export const staffRoleLabel: Record<'staff' | 'admin', Label> = {
  staff: m.admin_role_staff,
  admin: m.admin_role_admin,
};

/** A request's or a date's status in the reader's language. */
export const bookingStatusLabel: Record<BookingStatus | 'closed', () => string> = {
  pending: m.booking_status_pending,
  approved: m.booking_status_approved,
  rejected: m.booking_status_rejected,
  withdrawn: m.booking_status_withdrawn,
  cancelled: m.booking_status_cancelled,
  closed: m.booking_status_closed,
};

/** What happened to a request (its audit actions without the `booking.` prefix). */
const historyLabels: Record<string, () => string> = {
  request: m.booking_history_request,
  approve: m.booking_history_approve,
  reject: m.booking_history_reject,
  withdraw: m.booking_history_withdraw,
  cancel: m.booking_history_cancel,
  city_use: m.booking_history_city_use,
};
export const bookingHistoryLabel = (action: string): string => historyLabels[action]?.() ?? action;

/** An event's status for its organizer (draft, published, cancelled, taken off by staff). */
export const eventStatusLabel: Record<
  'draft' | 'published' | 'cancelled' | 'unpublished',
  () => string
> = {
  draft: m.event_status_draft,
  published: m.event_status_published,
  cancelled: m.event_status_cancelled,
  unpublished: m.event_status_unpublished,
};
