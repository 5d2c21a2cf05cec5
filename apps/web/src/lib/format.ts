// Dates and times for the reader, always in the municipality's zone (never the server's).
import { intlTag, type Locale } from '#lib/locale.ts';

/**
 * One formatter per language and options, made once: building an Intl.DateTimeFormat costs
 * far more than using it, and a month of events formats hundreds of times per page.
 */
const formatters: Record<string, Intl.DateTimeFormat> = {};
const dateFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) => {
  const key = `${locale} ${JSON.stringify(options)}`;
  return (formatters[key] ??= new Intl.DateTimeFormat(intlTag(locale), options));
};

const dateTimeOptions = (timeZone: string): Intl.DateTimeFormatOptions => ({
  timeZone,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "tisdag 3 december 2026 18:00–20:00", one date when start and end share a day. */
export const formatInterval = (start: string, end: string, timeZone: string, locale: Locale) =>
  dateFormat(locale, dateTimeOptions(timeZone)).formatRange(new Date(start), new Date(end));

/** "18:00" */
export const formatTime = (instant: string, timeZone: string, locale: Locale) =>
  dateFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));

/** "18:00–20:00" */
export const formatTimeRange = (start: string, end: string, timeZone: string, locale: Locale) =>
  dateFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).formatRange(new Date(start), new Date(end));

/** A calendar date (yyyy-MM-dd, already local) as "måndag 7 december". */
export const formatLocalDate = (
  isoDate: string,
  locale: Locale,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
) => dateFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));

/** Weekday name for 1 = Monday … 7 = Sunday ("måndag", or "mån" when short). */
export const weekdayName = (weekday: number, locale: Locale, style: 'long' | 'short' = 'long') =>
  dateFormat(locale, { weekday: style, timeZone: 'UTC' }).format(
    // 2024-01-01 was a Monday.
    new Date(Date.UTC(2024, 0, weekday, 12)),
  );

/** The zone's name for readers, e.g. "Finlands tid" / "Suomen aika"; the IANA id if none. */
export const zoneName = (timeZone: string, locale: Locale) => {
  try {
    const parts = dateFormat(locale, {
      timeZone,
      timeZoneName: 'longGeneric',
    }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
  } catch {
    return timeZone;
  }
};

/** "09:00" from an opening-hours "HH:mm", formatted the local way. */
export const formatClock = (hhmm: string, locale: Locale) => {
  const [h = 0, min = 0] = hhmm.split(':').map(Number);
  return dateFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2024, 0, 1, h, min)));
};

/** "1.12.2026 18:05": a moment with its date, in the municipality's zone (logs, decisions). */
export const formatDateTime = (instant: string, timeZone: string, locale: Locale) =>
  dateFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
/** An instant as a date, "3 december 2026", in the zone given (the installation's by default). */
export const formatDate = (instant: string, locale: Locale, timeZone = 'Europe/Helsinki') =>
  dateFormat(locale, {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(instant));

const unit = (value: number, unit: 'minute' | 'hour' | 'day', locale: Locale) =>
  new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit, unitDisplay: 'long' }).format(
    value,
  );

/** A length of time in minutes in words: "30 minuter", "2 tuntia", "1 day". */
export const formatMinutes = (minutes: number, locale: Locale) =>
  minutes > 0 && minutes % 1440 === 0
    ? unit(minutes / 1440, 'day', locale)
    : minutes > 0 && minutes % 60 === 0
      ? unit(minutes / 60, 'hour', locale)
      : unit(minutes, 'minute', locale);

/** Hours in words, as days when whole days: "48 timmar" → "2 dygn". */
export const formatHours = (hours: number, locale: Locale) => formatMinutes(hours * 60, locale);

/** Days in words: "180 päivää". */
export const formatDays = (days: number, locale: Locale) => unit(days, 'day', locale);

/** A calendar month (yyyy-MM) as "december 2026". */
export const formatMonth = (yearMonth: string, locale: Locale) =>
  dateFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${yearMonth}-15T12:00:00Z`));

/** "2 timmar", "90 minuter": a length of time in the reader's language. */
export const formatDuration = (minutes: number, locale: Locale) => {
  const whole = minutes % 60 === 0 && minutes >= 60;
  return new Intl.NumberFormat(intlTag(locale), {
    style: 'unit',
    unit: whole ? 'hour' : 'minute',
    unitDisplay: 'long',
  }).format(whole ? minutes / 60 : minutes);
};

/** A local wall-clock time 'yyyy-MM-ddTHH:mm' (already in the municipality's zone), written out. */
export const formatLocalDateTime = (local: string, locale: Locale) =>
  dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${local.slice(0, 16)}:00Z`));
