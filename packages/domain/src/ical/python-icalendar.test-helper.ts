/*
 * Shared by the colocated iCalendar tests only; not exported from the package.
 *
 * An independent reader of our .ics output: Python's icalendar (Debian python3-icalendar,
 * under Debian's /usr/bin/python3; a pyenv python3 on PATH may lack it). Where the iCalendar
 * tests run, that package must be installed: a missing one fails the test, it does not skip.
 */
// Tests may run a child process; the domain code they test does no I/O.
// eslint-disable-next-line no-restricted-imports -- test helper: runs the independent checker
import { execFileSync } from 'node:child_process';

export const PYTHON = '/usr/bin/python3';

/** What python-icalendar read, values decoded (TEXT unescaped, times resolved). */
export interface PyCalendar {
  version: string | null;
  prodid: string | null;
  method: string | null;
  timezones: string[];
  events: {
    uid: string | null;
    sequence: number | null;
    status: string | null;
    summary: string | null;
    location: string | null;
    description: string | null;
    organizer: string | null;
    organizerCn: string | null;
    /** DTSTAMP as an instant, '…Z'; null when it was not an absolute time. */
    dtstamp: string | null;
    dtstart: PyTime | null;
    dtend: PyTime | null;
    /** Every CATEGORIES value (python-icalendar 4 splits at an escaped comma too). */
    categories: string[];
  }[];
}

export interface PyTime {
  /** The wall clock as written, 'yyyy-MM-ddTHH:mm:ss'. */
  local: string;
  tzid: string | null;
  /** The instant, '…Z', or null for a floating (zone-less) time. */
  utc: string | null;
}

const SCRIPT = String.raw`
import json, sys
from datetime import timezone
import icalendar


def text(c, name):
    v = c.get(name)
    return None if v is None else str(v)

def when(c, name):
    prop = c.get(name)
    if prop is None:
        return None
    v = prop.dt
    aware = getattr(v, 'tzinfo', None) is not None and v.utcoffset() is not None
    return {
        'local': v.strftime('%Y-%m-%dT%H:%M:%S'),
        'tzid': prop.params.get('TZID'),
        'utc': v.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ') if aware else None,
    }

def categories(e):
    v = e.get('CATEGORIES')
    if v is None:
        return []
    return [str(c) for p in (v if isinstance(v, list) else [v]) for c in p.cats]

def event(e):
    stamp = when(e, 'DTSTAMP')
    org = e.get('ORGANIZER')
    return {
        'uid': text(e, 'UID'),
        'sequence': int(e['SEQUENCE']) if 'SEQUENCE' in e else None,
        'status': text(e, 'STATUS'),
        'summary': text(e, 'SUMMARY'),
        'location': text(e, 'LOCATION'),
        'description': text(e, 'DESCRIPTION'),
        'organizer': None if org is None else str(org),
        'organizerCn': None if org is None else org.params.get('CN'),
        'dtstamp': None if stamp is None else stamp['utc'],
        'dtstart': when(e, 'DTSTART'),
        'dtend': when(e, 'DTEND'),
        'categories': categories(e),
    }

def calendar(ics):
    cal = icalendar.Calendar.from_ical(ics.encode('utf-8'))
    return {
        'version': text(cal, 'VERSION'),
        'prodid': text(cal, 'PRODID'),
        'method': text(cal, 'METHOD'),
        'timezones': [str(tz['TZID']) for tz in cal.walk('VTIMEZONE')],
        'events': [event(e) for e in cal.walk('VEVENT')],
    }

json.dump([calendar(ics) for ics in json.load(sys.stdin.buffer)], sys.stdout)
`;

/**
 * Parses iCalendar texts with python-icalendar, all in one Python process (each start costs
 * a few hundred milliseconds); throws with Python's message if one cannot be read.
 */
export function parseWithPython(calendars: string[]): PyCalendar[] {
  try {
    const out = execFileSync(PYTHON, ['-c', SCRIPT], {
      input: JSON.stringify(calendars),
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: 20_000,
    });
    return JSON.parse(out) as PyCalendar[];
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    const hint = /No module named 'icalendar'/.test(stderr)
      ? ' (install Debian python3-icalendar: apt-get install python3-icalendar)'
      : '';
    throw new Error(`python-icalendar could not read the calendar${hint}:\n${stderr || error}`, {
      cause: error,
    });
  }
}
