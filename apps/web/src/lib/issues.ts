// Refusals of the API (a code with parameters, never a sentence) → a sentence in the
// reader's language. One place for every form.
import { m } from '#lib/paraglide/messages.js';
import { getLocale } from '#lib/paraglide/runtime.js';
import { formatClock, formatDuration, formatLocalDate, formatLocalDateTime } from '#lib/format.ts';
import { formatList } from '#lib/locale.ts';
import type { FieldError } from '#lib/server/forms.ts';

const num = (params: FieldError['params'], key: string): number => Number(params?.[key] ?? 0);

const DATES = /^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2})*$/;
const str = (params: FieldError['params'], key: string): string => String(params?.[key] ?? '');
const day = (date: string) =>
  formatLocalDate(date, getLocale(), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

/**
 * The sentence for an error; one about certain dates (`params.date`, one date or several
 * comma-separated, local yyyy-MM-dd) names them first: "tis 16 mars 2027: …".
 */
export function issueText(error: FieldError): string {
  const text = plainIssueText(error);
  const date = error.params?.date;
  if (typeof date !== 'string' || !DATES.test(date)) return text;
  const dates = formatList(date.split(',').map(day), getLocale());
  return m.issue_on_dates({ dates, issue: text });
}

function plainIssueText(error: FieldError): string {
  const { code, params } = error;
  const locale = getLocale();
  switch (code) {
    // Booking requests (packages/domain booking/rules.ts and request.ts; the API's 409 codes).
    case 'too_short':
      return m.error_too_short({
        minimum: formatDuration(num(params, 'minimum'), locale),
        actual: formatDuration(num(params, 'actual'), locale),
      });
    case 'too_long':
      return m.error_too_long({
        maximum: formatDuration(num(params, 'maximum'), locale),
        actual: formatDuration(num(params, 'actual'), locale),
      });
    case 'in_past':
      return m.error_in_past();
    case 'too_soon':
      return m.error_too_soon({ minimum: formatDuration(num(params, 'minimum') * 60, locale) });
    case 'too_far_ahead':
      return m.error_too_far_ahead({
        days: num(params, 'maximum'),
        until: DATES.test(str(params, 'until')) ? day(str(params, 'until')) : str(params, 'until'),
      });
    case 'blackout_date':
      return m.error_blackout_date();
    case 'outside_opening_hours':
      return m.error_outside_opening_hours();
    case 'too_many_open_requests':
      return m.error_too_many_open_requests({
        maximum: num(params, 'maximum'),
        current: num(params, 'current'),
      });
    case 'over_capacity':
      return m.error_over_capacity({ maximum: num(params, 'maximum') });
    case 'not_bookable':
      return m.error_not_bookable();
    case 'terms_not_accepted':
      return m.error_terms_not_accepted();
    case 'except_not_in_series':
      return m.error_except_not_in_series();
    case 'until_before_start':
      return m.error_until_before_start({
        start: DATES.test(str(params, 'start')) ? day(str(params, 'start')) : str(params, 'start'),
      });
    case 'too_many_dates':
      return m.error_too_many_dates({ maximum: num(params, 'maximum') });
    case 'no_dates_left':
      return m.error_no_dates_left();
    case 'end_before_start':
      return m.error_end_before_start();
    case 'time_in_gap':
      return m.error_time_in_gap();
    case 'unknown_space':
      return m.error_unknown_space();
    case 'association_not_verified':
      return m.error_association_not_verified();
    case 'member':
      return m.error_not_member();
    case 'staff':
      return m.error_not_staff();
    case 'clash':
      return m.error_clash();
    case 'not_pending':
      return params?.date ? m.error_not_pending() : m.error_none_pending();
    case 'not_approved':
      return params?.date ? m.error_not_approved() : m.error_none_approved();
    case 'not_a_booked_date':
      return m.error_not_a_booked_date();
    case 'already_begun':
      return m.error_already_begun();
    case 'past_cancellation_deadline':
      return m.error_past_cancellation_deadline({
        hours: num(params, 'hours'),
        deadline: str(params, 'deadline')
          ? formatLocalDateTime(str(params, 'deadline'), locale)
          : '',
      });
    case 'choose_dates':
      return m.error_choose_dates();
    case 'status_401':
      return m.error_sign_in_required();
    case 'too_small':
      if (params?.origin === 'number')
        return m.error_number_too_small({ minimum: num(params, 'minimum') });
      return num(params, 'minimum') <= 1
        ? m.error_field_required()
        : m.error_field_too_small({ minimum: num(params, 'minimum') });
    case 'too_big':
      if (params?.origin === 'number')
        return m.error_number_too_big({ maximum: num(params, 'maximum') });
      return m.error_field_too_big({ maximum: num(params, 'maximum') });
    case 'invalid_format':
      if (params?.format === 'email') return m.error_field_email();
      if (params?.format === 'url') return m.error_field_url();
      return m.error_field_invalid();
    case 'invalid_credentials':
      return m.error_invalid_credentials();
    case 'email_not_verified':
      return m.error_email_not_verified();
    case 'throttled':
      return m.error_throttled({ minutes: num(params, 'minutes') || 1 });
    case 'invalid_token':
      return m.error_invalid_token();
    case 'wrong_password':
      return m.error_wrong_password();
    case 'same_email':
      return m.error_same_email();
    case 'last_admin':
      return m.error_last_admin();
    case 'origin':
      return m.error_origin();
    case 'unauthenticated':
      return m.error_sign_in_required();
    case 'forbidden':
    case 'booking':
      return m.error_forbidden();
    case 'required':
      return m.error_field_required();
    case 'not_an_image':
      return m.error_not_an_image();
    case 'unsafe_svg':
      return m.error_unsafe_svg();
    case 'file_too_large':
      return m.error_file_too_large({ mb: Math.round(num(params, 'maximum') / 1024 / 1024) || 8 });
    case 'empty_file':
      return m.error_empty_file();
    case 'too_many_photos':
      return m.error_too_many_photos({ maximum: num(params, 'maximum') });
    case 'overlapping_span':
      return m.error_overlapping_span();
    case 'empty_span':
      return m.error_empty_span();
    case 'time_format':
      return m.error_time_format();
    case 'max_below_min':
      return m.error_max_below_min();
    case 'invalid_date':
      return m.error_invalid_date();
    case 'date_out_of_range':
      return m.error_date_out_of_range({
        minimum: String(params?.minimum ?? ''),
        maximum: String(params?.maximum ?? ''),
      });
    case 'date_or_weekday':
      return m.error_date_or_weekday();
    case 'empty_slot':
      return m.error_empty_slot();
    case 'until_before_from':
      return m.error_until_before_from();
    case 'range_too_long':
      return m.error_range_too_long({ maximum: num(params, 'maximum') });
    case 'no_matching_date':
      return m.error_no_matching_date();
    case 'filter_failed':
      return m.filter_failed();
    case 'control_characters':
    case 'malformed_unicode':
      return m.error_text_characters();
    case 'business_id':
      return m.error_business_id();
    case 'no_language':
      return m.error_no_language();
    case 'already_member':
      return m.error_already_member();
    case 'unknown_municipality':
      return m.error_unknown_municipality();
    case 'already_verified':
      return m.error_already_verified();
    case 'phone':
      return m.error_phone();
    case 'invitation_invalid':
      return m.error_invitation_invalid();
    case 'slug_format':
      return m.error_slug_format();
    case 'slug_taken':
      return m.error_slug_taken();
    case 'time_zone':
      return m.error_time_zone();
    case 'duplicate_language':
      return m.error_duplicate_language();
    case 'unknown_user':
      return m.error_unknown_user();
    case 'already_granted':
      return m.error_already_granted();
    case 'last_own_admin_role':
      return m.error_last_own_admin_role();
    case 'category_in_use':
      return params?.events !== undefined
        ? m.error_category_in_use({ events: num(params, 'events') })
        : m.error_category_in_use_unknown();
    case 'space_in_use':
      return m.error_space_in_use({ bookings: num(params, 'bookings') });
    case 'space_has_bookings':
      return m.error_space_has_bookings({ bookings: num(params, 'bookings') });
    case 'space_not_divided':
      return m.error_space_not_divided();
    case 'claims_overlap':
      return m.error_claims_overlap({ bookings: num(params, 'bookings') });
    case 'postal_code':
      return m.error_postal_code();
    case 'coordinates_pair':
      return m.error_coordinates_pair();
    // Events (packages/domain events/*, the API's event services; issue 8).
    case 'outside_booking':
      return m.error_outside_booking({
        start: formatClock(str(params, 'start'), locale),
        end: formatClock(str(params, 'end'), locale),
      });
    case 'title_required':
      return m.error_title_required();
    case 'place_required':
      return m.error_place_required();
    case 'place_twice':
      return m.error_place_twice();
    case 'booking_other_organizer':
      return m.error_booking_other_organizer();
    case 'choose_booking':
      return m.error_choose_booking();
    case 'choose_language':
      return m.error_choose_language();
    case 'language_code':
      return m.error_language_code();
    case 'languages_required':
      return m.error_languages_required();
    case 'price_format':
      return m.error_price_format();
    case 'start_not_in_rule':
      return m.error_start_not_in_rule();
    case 'rule_needs_end':
      return m.error_rule_needs_end();
    case 'too_many_occurrences':
      return m.error_too_many_occurrences({ maximum: num(params, 'maximum') });
    case 'except_without_rule':
      return m.error_except_without_rule();
    case 'whole_minutes':
      return m.error_whole_minutes();
    case 'unknown_category':
      return m.error_unknown_category();
    case 'unknown_venue':
      return m.error_unknown_venue();
    case 'booking_taken':
      return m.error_booking_taken();
    case 'event_cancelled':
      return m.error_event_cancelled();
    case 'nothing_to_publish':
      return m.error_nothing_to_publish();
    case 'not_published':
      return m.error_not_published();
    case 'occurrence_cancelled':
      return m.error_occurrence_cancelled();
    case 'occurrence_begun':
      return m.error_occurrence_begun();
    case 'occurrence_not_over':
      return m.error_occurrence_not_over();
    case 'in_the_past':
      return m.error_in_the_past();
    case 'other_municipality':
      return m.error_other_municipality();
    case 'unpublished_by_staff':
      return m.error_unpublished_by_staff();
    case 'event':
      return m.error_forbidden();
    case 'status_404':
      return m.error_not_found();
    case 'invalid_type':
      return params?.expected === 'number' || params?.expected === 'int'
        ? m.error_number_whole()
        : m.error_field_invalid();
    case 'invalid_value':
    case 'invalid_weekday':
    case 'invalid':
    case 'custom':
      return m.error_field_invalid();
    default:
      return m.error_form_other();
  }
}
