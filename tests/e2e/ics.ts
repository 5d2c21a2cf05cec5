// Reading a served iCalendar feed in the browser tests: its name and its entries.
import { DateTime } from 'luxon';

export interface FeedEntry {
  uid: string;
  /** The event's id, from the entry's URL (its public page). */
  eventId: string;
  start: number;
  end: number;
  status: string;
}

/** DTSTART;TZID=Europe/Helsinki:20261208T173000 or DTSTART:20261208T153000Z as epoch ms. */
function instant(line: string): number {
  const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
  const zone = /TZID=([^;:]+)/.exec(name)?.[1] ?? 'utc';
  const utc = value.endsWith('Z');
  return DateTime.fromFormat(value.replace(/Z$/, ''), "yyyyMMdd'T'HHmmss", {
    zone: utc ? 'utc' : zone,
  }).toMillis();
}

/** A TEXT value as written (RFC 5545 §3.3.11): backslash before , ; \\ or n undone. */
const unescape = (value: string) =>
  value.replace(/\\([,;\\nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** The calendar's name and its VEVENTs (folded lines unfolded). */
export function readFeed(text: string): { name: string | null; entries: FeedEntry[] } {
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  const name = lines.find((l) => l.startsWith('X-WR-CALNAME:'))?.slice(13);
  const entries: FeedEntry[] = [];
  let current: string[] | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = [];
    else if (line === 'END:VEVENT' && current) {
      const get = (key: string) => current!.find((l) => l.startsWith(key)) ?? '';
      entries.push({
        uid: get('UID:').slice(4),
        eventId: get('URL').split('/').pop() ?? '',
        start: instant(get('DTSTART')),
        end: instant(get('DTEND')),
        status: get('STATUS:').slice(7),
      });
      current = null;
    } else current?.push(line);
  }
  return { name: name === undefined ? null : unescape(name), entries };
}
