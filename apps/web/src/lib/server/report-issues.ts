// The API's refusals of a report's period (packages/domain/src/reports/period.ts and the
// route's query schema), as sentences in the reader's language beside the field. Said by
// the load, which runs in the reader's locale.
import { m } from '#lib/paraglide/messages.js';
import { REPORT_LIMITS } from '@motesplats/domain';
import type { FieldError, FormErrors } from './forms.ts';

const YEARS = { minimum: REPORT_LIMITS.minYear, maximum: REPORT_LIMITS.maxYear };

export function reportIssueText(field: string, error: FieldError): string {
  switch (error.code) {
    case 'year_or_range':
      return m.report_error_year_or_range();
    case 'required':
      return field === 'year' ? m.report_error_required_year() : m.report_error_required_date();
    case 'too_small':
    case 'too_big':
      return field === 'year' ? m.report_error_year_range(YEARS) : m.report_error_out_of_range();
    case 'out_of_range':
    case 'date_out_of_range':
      return m.report_error_out_of_range();
    case 'range_reversed':
      return m.report_error_range_reversed();
    case 'range_too_long':
      return m.report_error_range_too_long({
        maximum: Number(error.params?.max ?? REPORT_LIMITS.maxDays),
      });
    case 'invalid_union':
    case 'invalid_format':
    case 'invalid_type':
    case 'invalid_date':
    case 'invalid_string':
      return field === 'year' ? m.report_error_year() : m.report_error_invalid_date();
    default:
      return m.report_error_other();
  }
}

/** Each refused field's sentence. */
export const reportIssueTexts = (errors: FormErrors): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([f, e]) => [f, reportIssueText(f, e)]));
