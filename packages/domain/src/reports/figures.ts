/**
 * The report's vocabulary (issue 11) without its CSV writer, so pages can import it:
 * the summary's figures in the order they are listed, and the tables exported as CSV.
 */

/** A figure and the previous period's beside it. */
export interface Figure<T = number> {
  value: T;
  previous: T;
}

export const SUMMARY_FIGURES = [
  'venuesAvailable',
  'bookings',
  'bookedHours',
  'openHours',
  'utilisation',
  'cityBookings',
  'cityHours',
  'requestsApproved',
  'requestsRejected',
  'requestsWithdrawn',
  'requestsPending',
  'medianHoursToDecision',
  'events',
  'occurrences',
  'participants',
  'occurrencesOver',
  'occurrencesUncounted',
  'shareUncounted',
  'activeAssociations',
  'newlyVerifiedAssociations',
] as const;
export type SummaryFigure = (typeof SUMMARY_FIGURES)[number];

export const REPORT_TABLES = [
  'summary',
  'months',
  'venues',
  'utilisation',
  'categories',
  'languages',
] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
