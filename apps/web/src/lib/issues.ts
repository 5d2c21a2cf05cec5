// Refusals of the API (a code with parameters, never a sentence) → a sentence in the
// reader's language. One place for every form.
import { m } from '#lib/paraglide/messages.js';
import type { FieldError } from '#lib/server/forms.ts';

const num = (params: FieldError['params'], key: string): number => Number(params?.[key] ?? 0);

export function issueText(error: FieldError): string {
  const { code, params } = error;
  switch (code) {
    case 'too_small':
      return num(params, 'minimum') <= 1 && params?.origin !== 'number'
        ? m.error_field_required()
        : m.error_field_too_small({ minimum: num(params, 'minimum') });
    case 'too_big':
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
    case 'origin':
      return m.error_origin();
    case 'unauthenticated':
      return m.error_sign_in_required();
    case 'forbidden':
      return m.error_forbidden();
    case 'business_id':
      return m.error_business_id();
    case 'no_language':
      return m.error_no_language();
    case 'already_member':
      return m.error_already_member();
    case 'last_admin':
      return m.error_last_admin();
    case 'unknown_municipality':
      return m.error_unknown_municipality();
    case 'already_verified':
      return m.error_already_verified();
    case 'control_characters':
      return m.error_control_characters();
    case 'phone':
      return m.error_phone();
    case 'invitation_invalid':
      return m.error_invitation_invalid();
    case 'status_404':
      return m.error_not_found();
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid':
    case 'custom':
      return m.error_field_invalid();
    default:
      return m.error_form_other();
  }
}
