import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { assertZone } from '../time/local';

/** One booked date as a calendar entry. */
export interface BookingCalendarEntry {
  /** The booking's UID: the same in the approval and in every later update or cancellation. */
  uid: string;
  start: Date;
  end: Date;
  /** Raised on every change a calendar should follow (a cancellation, a moved time). */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
}

export interface BookingCalendarInput {
  /** PUBLISH with an approval (or any update), CANCEL when dates are cancelled. */
  method: 'PUBLISH' | 'CANCEL';
  /** IANA zone the times are written in (the municipality's, e.g. Europe/Helsinki). */
  zone: string;
  /** Written as DTSTAMP: when the message was made (the decision's `now`, never the clock). */
  stamp: Date;
  /** The entry's title, e.g. "Kulturhuset, sal A: Borgå Kulturförening". */
  summary: string;
  /** The venue's name and address. */
  location: string;
  description?: string;
  /**
   * Who sends the message, e.g. the municipality's booking office. RFC 5546 asks for an
   * ORGANIZER in PUBLISH and CANCEL, and some clients (Outlook) match a cancellation by it;
   * without one the file is still a valid RFC 5545 calendar. Double quotes in the name are
   * written as single quotes.
   */
  organizer?: { name: string; email: string };
  /** At least one; a CANCEL carries only cancelled ones. */
  bookings: BookingCalendarEntry[];
}

const PRODID = '//Motesplats//Booking//EN';

/** C0 controls and DEL would break the line structure; `keep` names the ones a value may hold. */
const noControls = (text: string, keep = '') =>
  [...text]
    .map((ch) => {
      const code = ch.charCodeAt(0);
      return (code < 0x20 || code === 0x7f) && !keep.includes(ch) ? ' ' : ch;
    })
    .join('');
/** A value on one line: newlines and other controls become spaces, runs of spaces one. */
const oneLine = (text: string) => noControls(text).replace(/\s+/g, ' ').trim();
/** A value that may span lines: line ends normalized to \n, other controls become spaces. */
const multiLine = (text: string) => noControls(text.replace(/\r\n?/g, '\n'), '\n').trim();

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && typeof block[0] === 'string' ? block[0] : null;
}

/**
 * The .ics sent with a booking's mail (RFC 5545, with an RFC 5546 METHOD): one VEVENT per
 * booked date under its own UID, DTSTART/DTEND as local times with TZID and a VTIMEZONE for
 * `zone`, DTSTAMP = `stamp` in UTC, SEQUENCE and STATUS. A cancellation is the same UID with
 * STATUS:CANCELLED and a raised SEQUENCE, so a calendar that imported the approval follows.
 * Pure and byte-stable: entries are ordered by start, then UID; no clock or random value is
 * read. A malformed input (no bookings, an end not after its start, a repeated UID, a
 * confirmed entry in a CANCEL) is a programming error and throws.
 */
export function bookingCalendar(input: BookingCalendarInput): string {
  const { zone } = input;
  assertZone(zone);
  const block = vtimezone(zone);
  if (block === null) throw new Error(`No VTIMEZONE data for ${zone}.`);
  if (input.bookings.length === 0) throw new Error('A booking calendar needs at least one entry.');
  if (Number.isNaN(input.stamp.getTime())) throw new Error('Invalid stamp.');
  const uids = new Set<string>();
  for (const b of input.bookings) {
    if (b.uid.trim() === '' || oneLine(b.uid) !== b.uid) throw new Error(`Bad UID '${b.uid}'.`);
    if (uids.has(b.uid)) throw new Error(`UID ${b.uid} appears twice.`);
    uids.add(b.uid);
    if (!Number.isSafeInteger(b.sequence) || b.sequence < 0) {
      throw new Error(`SEQUENCE of ${b.uid} must be a non-negative integer.`);
    }
    if (!(b.end.getTime() > b.start.getTime())) throw new Error(`${b.uid} ends before it starts.`);
    if (input.method === 'CANCEL' && b.status !== 'CANCELLED') {
      throw new Error(`A CANCEL carries only cancelled entries; ${b.uid} is ${b.status}.`);
    }
  }

  const calendar = ical({
    prodId: PRODID,
    method: input.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  // No calendar-level zone name: it would write DTSTAMP without the Z (STACK.md).
  calendar.timezone({ name: null, generator: (tz) => (tz === zone ? block : vtimezone(tz)) });

  const stamp = DateTime.fromJSDate(input.stamp, { zone: 'utc' });
  const summary = oneLine(input.summary);
  const location = oneLine(input.location);
  const description = input.description === undefined ? '' : multiLine(input.description);
  // A `"` in CN would need RFC 6868's ^', which many readers show as it stands.
  const organizer = input.organizer
    ? {
        name: oneLine(input.organizer.name).replaceAll('"', "'"),
        email: oneLine(input.organizer.email),
      }
    : null;
  const bookings = [...input.bookings].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  for (const b of bookings) {
    calendar.createEvent({
      id: b.uid,
      sequence: b.sequence,
      start: DateTime.fromJSDate(b.start, { zone }),
      end: DateTime.fromJSDate(b.end, { zone }),
      timezone: zone,
      stamp,
      summary,
      location,
      description: description === '' ? null : description,
      organizer,
      status: b.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }

  const text = calendar.toString();
  // Every content line ends with CRLF, the last one too.
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
