import { bookingClaims, type Db } from '@motesplats/db';
import {
  freeIntervals,
  mergeIntervals,
  nearbyFreeSlots,
  openingIntervals,
  overlaps,
  type ClashingDate,
  type Interval,
  type RequestedDate,
  type WeeklyHours,
} from '@motesplats/domain';
import { DateTime } from 'luxon';
import { and, inArray, sql } from 'drizzle-orm';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Suggestions are looked for this far either side of the wanted slot. */
const SUGGESTION_REACH_DAYS = 7;
/** A series answer suggests other times for at most this many of its clashing dates. */
const SERIES_SUGGESTED_DATES = 10;

/** A venue as the booking use cases see it: zone, hours, rules. */
export interface BookableVenue {
  id: string;
  zone: string;
  openingHours: WeeklyHours;
  blackoutDates: string[];
  bufferMinutes: number;
  leadTimeHours: number;
  horizonDays: number;
}

/** What other holding bookings claim on these leaf spaces over `range` (buffers included). */
export async function claimsOn(
  db: Db,
  leafIds: readonly string[],
  range: Interval,
): Promise<Interval[]> {
  if (leafIds.length === 0) return [];
  const rows = await db
    .select({
      start: sql<number>`(extract(epoch from lower(${bookingClaims.during})) * 1000)::float8`,
      end: sql<number>`(extract(epoch from upper(${bookingClaims.during})) * 1000)::float8`,
    })
    .from(bookingClaims)
    .where(
      and(
        inArray(bookingClaims.spaceId, [...leafIds]),
        sql`${bookingClaims.during} && tstzrange(${range.start.toISOString()}::timestamptz, ${range.end.toISOString()}::timestamptz, '[)')`,
      ),
    );
  return mergeIntervals(
    rows.map((r) => ({ start: new Date(Number(r.start)), end: new Date(Number(r.end)) })),
  );
}

/** The slot a booking of `d` claims: [start, end + buffer). */
const claimOf = (d: Interval, bufferMinutes: number): Interval => ({
  start: d.start,
  end: new Date(d.end.getTime() + bufferMinutes * MINUTE),
});

export type DateClash = ClashingDate;

export interface ClashReport {
  free: RequestedDate[];
  clashes: DateClash[];
}

/**
 * Which dates of a request are free and which clash with what other holding bookings claim
 * on the same leaf spaces, and for clashing dates up to three nearest free slots of the same
 * length at that venue: opening hours minus claims (buffers on both sides) minus blackouts,
 * starting no sooner than the lead time and no later than the horizon allows.
 */
export async function clashReport(
  db: Db,
  venue: BookableVenue,
  leafIds: readonly string[],
  dates: readonly RequestedDate[],
  now: Date,
): Promise<ClashReport> {
  if (dates.length === 0) return { free: [], clashes: [] };
  const reach = SUGGESTION_REACH_DAYS * DAY;
  const span: Interval = {
    start: new Date(Math.min(...dates.map((d) => d.start.getTime())) - reach),
    end: new Date(
      Math.max(...dates.map((d) => d.end.getTime())) + venue.bufferMinutes * MINUTE + reach,
    ),
  };
  const taken = await claimsOn(db, leafIds, span);
  const free: RequestedDate[] = [];
  const clashes: DateClash[] = [];
  for (const d of dates) {
    const claim = claimOf(d, venue.bufferMinutes);
    const hit = taken.find((t) => overlaps(t, claim));
    if (!hit) free.push(d);
    else clashes.push({ date: d.date, start: d.start, end: d.end, taken: hit, suggestions: [] });
  }
  const single = dates.length === 1;
  for (const c of clashes.slice(0, SERIES_SUGGESTED_DATES)) {
    c.suggestions = suggest(venue, taken, c, now, single ? reach : DAY);
  }
  return { free, clashes };
}

function suggest(
  venue: BookableVenue,
  taken: readonly Interval[],
  wanted: Interval,
  now: Date,
  reach: number,
): Interval[] {
  const earliest = now.getTime() + venue.leadTimeHours * 3_600_000;
  const latest = DateTime.fromJSDate(now, { zone: venue.zone })
    .plus({ days: venue.horizonDays })
    .toMillis();
  const window: Interval = {
    start: new Date(Math.max(wanted.start.getTime() - reach, earliest)),
    end: new Date(wanted.end.getTime() + reach),
  };
  if (!(window.start < window.end)) return [];
  const hours: WeeklyHours =
    venue.openingHours.length > 0
      ? venue.openingHours
      : ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
          weekday,
          opens: '00:00',
          closes: '24:00',
        }));
  const open = openingIntervals(hours, venue.zone, window, venue.blackoutDates);
  const free = freeIntervals(open, taken, venue.bufferMinutes);
  return nearbyFreeSlots(free, wanted, 3).filter((s) => s.start.getTime() <= latest);
}

/**
 * Queues this transaction behind any other that may claim the same leaf space on the same
 * UTC day, until it ends: one advisory lock per (leaf, day) its claims touch, taken in one
 * sorted order so two requests never wait on each other. Without it, two requests inserting
 * overlapping claims at the same moment each find the other's uncommitted claim and wait on
 * it, a deadlock PostgreSQL breaks only after deadlock_timeout (1 s) per pair; fifty at once
 * queued for over a minute. Requests for other rooms or days run side by side. Decision 013.
 */
export async function queueForClaims(
  db: Db,
  leafIds: readonly string[],
  dates: readonly Interval[],
  bufferMinutes: number,
): Promise<void> {
  const days = new Set<number>();
  for (const d of dates) {
    const claim = claimOf(d, bufferMinutes);
    const last = Math.floor((claim.end.getTime() - 1) / DAY);
    for (let day = Math.floor(claim.start.getTime() / DAY); day <= last; day++) days.add(day);
  }
  if (leafIds.length === 0 || days.size === 0) return;
  await db.execute(sql`
    select pg_advisory_xact_lock(keys.space_key, keys.day) from (
      select distinct hashtext(leaf) as space_key, day
        from unnest(${`{${leafIds.join(',')}}`}::text[]) as leaf
        cross join unnest(${`{${[...days].join(',')}}`}::int[]) as day
       order by 1, 2
    ) as keys`);
}
