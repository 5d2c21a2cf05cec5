import ical, { ICalCalendarMethod, ICalEventStatus, escape } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { assertZone } from '../time/local';

export interface FeedEvent {
  /** Stable for the life of the occurrence; never changes (DESIGN.md invariant 5). */
  uid: string;
  /** Raised on every edit. */
  sequence: number;
  start: Date;
  end: Date;
  /** Last modification of the row: written as DTSTAMP and LAST-MODIFIED. */
  stamp: Date;
  summary: string;
  description?: string;
  /** Venue name and address. */
  location: string;
  /** The event's public page (a private feed: the booking's page for its owner). */
  url: string;
  /** `tentative`: a booking not decided yet (private feeds). */
  status: 'confirmed' | 'tentative' | 'cancelled';
  categories?: string[];
  geo?: { lat: number; lon: number };
}

export interface VenueFeedInput {
  calendarName: string;
  /** '//Company//Product//LANG'; defaults to '//Motesplats//Venue feed//EN'. */
  prodId?: string;
  /** The feed's own address. */
  url?: string;
  /** IANA zone the events are written in (the municipality's, e.g. Europe/Helsinki). */
  zone: string;
  events: FeedEvent[];
}

/** Subscribers are asked to poll every 6 hours (Google ignores it and polls every 4–24 h). */
const TTL = 'PT6H';
const DEFAULT_PRODID = '//Motesplats//Venue feed//EN';
/** Control characters would break the line structure of properties the generator does not escape. */
const noControls = (text: string) =>
  [...text].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch)).join('');

function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && typeof block[0] === 'string' ? block[0] : null;
}

/**
 * An iCalendar (RFC 5545) feed of a venue's public events. Byte-stable: the same input gives
 * the same bytes (events are ordered by start, then UID; no clock or random value is read).
 * Times are written as local times with TZID and a VTIMEZONE for `zone`; DTSTAMP and
 * LAST-MODIFIED in UTC. Cancelled events stay in the feed with STATUS:CANCELLED. No organizer,
 * attendees or other personal data are written.
 */
export function buildVenueFeed(input: VenueFeedInput): string {
  const { zone } = input;
  assertZone(zone);
  const block = vtimezone(zone);
  if (block === null) throw new Error(`No VTIMEZONE data for ${zone}.`);

  const calendar = ical({
    prodId: input.prodId ?? DEFAULT_PRODID,
    method: ICalCalendarMethod.PUBLISH,
    name: escape(noControls(input.calendarName), false),
  });
  if (input.url !== undefined) calendar.url(noControls(input.url));
  // No calendar-level zone name: it would write DTSTAMP and LAST-MODIFIED without the Z.
  calendar.timezone({ name: null, generator: (tz) => (tz === zone ? block : vtimezone(tz)) });

  const events = [...input.events].sort(
    (a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0),
  );
  for (const e of events) {
    const stamp = DateTime.fromJSDate(e.stamp, { zone: 'utc' });
    const categories = (e.categories ?? [])
      .filter((c) => c.trim() !== '')
      .map((name) => ({ name }));
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: DateTime.fromJSDate(e.start, { zone }),
      end: DateTime.fromJSDate(e.end, { zone }),
      timezone: zone,
      stamp,
      lastModified: stamp,
      summary: e.summary,
      description: e.description ?? null,
      location: e.geo
        ? e.location.trim() !== ''
          ? { title: e.location, geo: e.geo }
          : { geo: e.geo }
        : e.location,
      url: e.url,
      status:
        e.status === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : e.status === 'tentative'
            ? ICalEventStatus.TENTATIVE
            : ICalEventStatus.CONFIRMED,
      ...(categories.length > 0 ? { categories } : {}),
    });
  }

  return withCalendarHeader(calendar.toString(), zone, block);
}

/**
 * Adds X-WR-TIMEZONE, REFRESH-INTERVAL and X-PUBLISHED-TTL where RFC 5545 wants calendar
 * properties (before the first component; ical-generator writes its TTL after the VTIMEZONE),
 * adds the VTIMEZONE when no event asked for it (an empty feed still names its zone), and
 * ends the last line with CRLF as every content line must.
 */
function withCalendarHeader(text: string, zone: string, block: string): string {
  const lines = text.split('\r\n');
  const header = [
    `X-WR-TIMEZONE:${zone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${TTL}`,
    `X-PUBLISHED-TTL:${TTL}`,
  ];
  if (!lines.includes('BEGIN:VTIMEZONE')) header.push(...block.split(/\r?\n/));
  const at = lines.findIndex(
    (line, i) => i > 0 && (line.startsWith('BEGIN:') || line === 'END:VCALENDAR'),
  );
  lines.splice(at, 0, ...header);
  return `${lines.join('\r\n')}\r\n`;
}
