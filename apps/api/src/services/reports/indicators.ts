import { categories, municipalities, rowsOf, venues, type Db } from '@motesplats/db';
import {
  DomainFailure,
  hoursOf,
  monthBuckets,
  notFound,
  openingIntervals,
  reportPeriodInput,
  reportPeriods,
  utilisation,
  type Figure,
  type Interval,
  type IndicatorReport,
  type PeriodBucket,
} from '@motesplats/domain';
import { asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { requireUser, type ServiceCtx } from '../context';
import { localizer, type Localized } from '../shared/localize';

/**
 * The integration programme's yearly indicators (issue 11) for a municipality, a region or
 * the whole installation, for a period and the one before it. Every count and sum is an SQL
 * aggregate (bookings, requests, occurrences, attendance); Node only computes opening hours
 * from each venue's weekly rule and puts the rows together. What counts is in
 * docs/decisions/018-reports.md.
 */

export interface IndicatorsInput {
  municipality?: string;
  region?: string;
  year?: number | string;
  from?: string;
  to?: string;
  lang: string;
}

type Period = PeriodBucket['period'];
type Municipality = typeof municipalities.$inferSelect;

const arr = (values: readonly string[]) => `{${values.join(',')}}`;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Which municipalities the actor asked for, and may see: staff their own, administrators any. */
async function scopeOf(ctx: ServiceCtx, input: IndicatorsInput) {
  const actor = requireUser(ctx);
  if (input.municipality !== undefined) {
    const [m] = await ctx.db
      .select()
      .from(municipalities)
      .where(eq(municipalities.slug, input.municipality));
    if (!m) throw new DomainFailure(notFound('municipality', input.municipality));
    if (!actor.administrator && !actor.staff.some((s) => s.municipalityId === m.id)) {
      throw new DomainFailure({ kind: 'forbidden', reason: 'staff' });
    }
    return { kind: 'municipality' as const, list: [m] };
  }
  // A region or the whole installation: administrators only.
  if (!actor.administrator) throw new DomainFailure({ kind: 'forbidden', reason: 'administrator' });
  const list = await ctx.db
    .select()
    .from(municipalities)
    .where(input.region !== undefined ? eq(municipalities.region, input.region) : undefined)
    .orderBy(asc(municipalities.slug));
  if (list.length === 0) throw new DomainFailure(notFound('region', input.region ?? ''));
  return {
    kind: input.region !== undefined ? ('region' as const) : ('installation' as const),
    list,
  };
}

interface Bounds {
  municipality: Municipality;
  current: PeriodBucket[];
  previous: PeriodBucket[];
}

/**
 * The period table the queries join: per municipality its zone and the instants of both
 * periods (each municipality's local midnights), with the period and local month of a
 * timestamp column as SQL.
 */
function periodTable(bounds: Bounds[]) {
  const first = (b: PeriodBucket[]) => b[0]!.start.toISOString();
  const last = (b: PeriodBucket[]) => b[b.length - 1]!.end.toISOString();
  const table = sql`unnest(
      ${arr(bounds.map((b) => b.municipality.id))}::uuid[],
      ${arr(bounds.map((b) => b.municipality.timeZone))}::text[],
      ${arr(bounds.map((b) => first(b.current)))}::timestamptz[],
      ${arr(bounds.map((b) => last(b.current)))}::timestamptz[],
      ${arr(bounds.map((b) => first(b.previous)))}::timestamptz[],
      ${arr(bounds.map((b) => last(b.previous)))}::timestamptz[]
    ) as p(municipality_id, zone, cur_lo, cur_hi, prev_lo, prev_hi)`;
  const period = (col: SQL) => sql`case when ${col} >= p.cur_lo then 'current' else 'previous' end`;
  const month = (col: SQL) => sql`to_char(${col} at time zone p.zone, 'YYYY-MM')`;
  // The previous period ends where the current one starts: one range covers both.
  const within = (col: SQL) => sql`${col} >= p.prev_lo and ${col} < p.cur_hi`;
  return { table, period, month, within };
}

/**
 * The months of both periods as SQL: `b` has one row per municipality and month (idx 1… in
 * time order, the previous period's months first), `t` one per municipality with the
 * months' boundaries as a sorted array, so that `width_bucket(ts, t.th)` is the idx of the
 * month an instant falls in (no per-row time-zone conversion), and the whole span [lo, hi).
 */
function monthTable(bounds: Bounds[]) {
  const buckets = bounds.flatMap((b) =>
    [...b.previous, ...b.current].map((x, i) => ({ id: b.municipality.id, idx: i + 1, ...x })),
  );
  return sql`b as (
      select * from unnest(
        ${arr(buckets.map((b) => b.id))}::uuid[],
        ${arr(buckets.map((b) => String(b.idx)))}::int[],
        ${arr(buckets.map((b) => b.period))}::text[],
        ${arr(buckets.map((b) => b.month))}::text[],
        ${arr(buckets.map((b) => b.start.toISOString()))}::timestamptz[],
        ${arr(buckets.map((b) => b.end.toISOString()))}::timestamptz[]
      ) as b(municipality_id, idx, period, month, lo, hi)
    ), t as (
      select municipality_id, array_agg(lo order by idx) || max(hi) as th, min(lo) as lo, max(hi) as hi
        from b group by municipality_id
    )`;
}

/** Approved bookings per venue, period, month and use: how many start there, and booked time. */
async function venueUse(db: Db, bounds: Bounds[]) {
  const result = await db.execute(sql`
    with ${monthTable(bounds)}, held as (
      -- Booked time per venue as one multirange: two halves of a hall booked at once count once.
      select bk.venue_id, bk.municipality_id, bk.association_id is null as city,
             range_agg(tstzrange(bk.starts_at, bk.ends_at)) as busy
        from bookings bk join t on t.municipality_id = bk.municipality_id
       where bk.status = 'approved' and bk.starts_at < t.hi and bk.ends_at > t.lo
       group by 1, 2, 3
    ), hours as (
      select h.venue_id, h.city, b.period, b.month,
             sum(extract(epoch from upper(r) - lower(r))) as seconds
        from held h join b on b.municipality_id = h.municipality_id
        cross join lateral unnest(h.busy * tstzmultirange(tstzrange(b.lo, b.hi))) as r
       group by 1, 2, 3, 4
    ), starts as (
      select bk.venue_id, bk.municipality_id, bk.association_id is null as city,
             width_bucket(bk.starts_at, t.th) as idx, count(*) as n
        from bookings bk join t on t.municipality_id = bk.municipality_id
       where bk.status = 'approved' and bk.starts_at >= t.lo and bk.starts_at < t.hi
       group by 1, 2, 3, 4
    ), counts as (
      select s.venue_id, s.city, b.period, b.month, s.n
        from starts s join b on b.municipality_id = s.municipality_id and b.idx = s.idx
    )
    select venue_id, city, period, month, coalesce(seconds, 0) as seconds, coalesce(n, 0) as n
      from hours full join counts using (venue_id, city, period, month)`);
  return rowsOf<{
    venue_id: string;
    city: boolean;
    period: Period;
    month: string;
    seconds: unknown;
    n: unknown;
  }>(result).map((r) => ({
    venueId: r.venue_id,
    city: r.city,
    period: r.period,
    month: r.month,
    ms: num(r.seconds) * 1000,
    bookings: num(r.n),
  }));
}

/**
 * Association requests made in each period, by outcome, and the median time to a first
 * decision: one row per request, as the database keeps each request's outcome and first
 * decision from its dates (migration 0011).
 */
async function requestOutcomes(db: Db, bounds: Bounds[]) {
  const { table, period, within } = periodTable(bounds);
  const result = await db.execute(sql`
    select ${period(sql`br.created_at`)} as period,
           count(*) filter (where br.outcome = 'approved') as approved,
           count(*) filter (where br.outcome = 'rejected') as rejected,
           count(*) filter (where br.outcome = 'pending') as pending,
           count(*) filter (where br.outcome = 'withdrawn') as withdrawn,
           percentile_cont(0.5) within group (
             order by extract(epoch from br.first_decided_at - br.created_at)) as median
      from booking_requests br
      join ${table} on p.municipality_id = br.municipality_id
     where not br.city_use and ${within(sql`br.created_at`)}
     group by 1`);
  return rowsOf<{
    period: Period;
    approved: unknown;
    rejected: unknown;
    pending: unknown;
    withdrawn: unknown;
    median: unknown;
  }>(result);
}

/**
 * Published events' dates in each period: per month, per category and in all; per language;
 * attendance. One pass over the dates: they are first summed per event and month, and every
 * figure (distinct events included) is a sum over those rows.
 */
async function occurrenceFigures(db: Db, bounds: Bounds[], now: Date) {
  const result = await db.execute(sql`
    with ${monthTable(bounds)}, per_event as (
      select o.municipality_id, width_bucket(o.starts_at, t.th) as idx, e.id as event_id,
             e.category_slug, e.languages, count(*) as occurrences,
             sum(a.participants) as participants,
             count(*) filter (where o.ends_at <= ${now.toISOString()}::timestamptz) as over,
             count(*) filter (where o.ends_at <= ${now.toISOString()}::timestamptz
                                and a.participants is null) as uncounted
        from event_occurrences o
        join t on t.municipality_id = o.municipality_id
        join events e on e.id = o.event_id
        left join attendance a on a.occurrence_id = o.id
       where o.status = 'scheduled' and e.status = 'published'
         and o.starts_at >= t.lo and o.starts_at < t.hi
       group by o.municipality_id, 2, e.id
    ), d as (
      select b.period, b.month, x.*
        from per_event x join b on b.municipality_id = x.municipality_id and b.idx = x.idx
    )
    select 'group' as kind, period, month, category_slug, null as lang,
           count(distinct event_id) as events, sum(occurrences) as occurrences,
           coalesce(sum(participants), 0) as participants,
           sum(over) as over, sum(uncounted) as uncounted
      from d
     group by grouping sets ((period, month), (period, category_slug), (period))
    union all
    select 'language', period, null, null, lang, count(distinct event_id), sum(occurrences),
           coalesce(sum(participants), 0), null, null
      from d cross join lateral unnest(d.languages) as lang
     group by period, lang`);
  const rows = rowsOf<{
    kind: 'group' | 'language';
    period: Period;
    month: string | null;
    category_slug: string | null;
    lang: string;
    events: unknown;
    occurrences: unknown;
    participants: unknown;
    over: unknown;
    uncounted: unknown;
  }>(result);
  return {
    groups: rows.filter((r) => r.kind === 'group'),
    languages: rows.filter((r) => r.kind === 'language'),
  };
}

/** Associations that booked or published in each period, and those verified in it. */
async function associationFigures(db: Db, bounds: Bounds[]) {
  const { table, period, within } = periodTable(bounds);
  const result = await db.execute(sql`
    with active as (
      select ${period(sql`bk.starts_at`)} as period, bk.association_id
        from bookings bk join ${table} on p.municipality_id = bk.municipality_id
       where bk.status = 'approved' and bk.association_id is not null and ${within(sql`bk.starts_at`)}
      union
      select ${period(sql`o.starts_at`)}, e.association_id
        from event_occurrences o
        join ${table} on p.municipality_id = o.municipality_id
        join events e on e.id = o.event_id
       where o.status = 'scheduled' and e.status = 'published' and e.association_id is not null
         and ${within(sql`o.starts_at`)}
    ), verified as (
      select ${period(sql`a.verified_at`)} as period, count(*) as n
        from associations a join ${table} on p.municipality_id = a.municipality_id
       where a.verification = 'verified' and ${within(sql`a.verified_at`)}
       group by 1
    ), counted as (
      select period, count(*) as n from active group by period
    )
    select period, coalesce(c.n, 0) as active, coalesce(v.n, 0) as verified
      from counted c full join verified v using (period)`);
  return rowsOf<{ period: Period; active: unknown; verified: unknown }>(result);
}

const figure = <T>(value: T, previous: T): Figure<T> => ({ value, previous });

/** Milliseconds of sorted, disjoint intervals inside [start, end). */
function overlapMs(intervals: readonly Interval[], start: number, end: number): number {
  // The first interval ending after `start`, by binary search.
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (intervals[mid]!.end.getTime() <= start) lo = mid + 1;
    else hi = mid;
  }
  let ms = 0;
  for (let i = lo; i < intervals.length && intervals[i]!.start.getTime() < end; i++) {
    ms +=
      Math.min(end, intervals[i]!.end.getTime()) - Math.max(start, intervals[i]!.start.getTime());
  }
  return ms;
}

interface VenueHours {
  id: string;
  municipalityId: string;
  bookable: boolean;
  openingHours: Parameters<typeof openingIntervals>[0];
  blackoutDates: string[];
  createdAt: Date;
}

/**
 * Opening hours per venue and month (`${venue}|${period}|${month}` → ms), from the weekly
 * rule, since the venue exists. The wall-clock work (a conversion per opening span and day)
 * is done once per weekly rule, blackout dates and municipality over both periods, not per
 * venue and month: rooms of one building usually share their hours. Each venue's month is
 * then that list clipped, which sums to the same milliseconds as computing the month alone.
 */
function openingHoursOf(rows: readonly VenueHours[], boundsOf: Map<string, Bounds>) {
  const open = new Map<string, number>();
  const shared = new Map<string, Interval[]>();
  for (const v of rows) {
    if (!v.bookable) continue;
    const b = boundsOf.get(v.municipalityId)!;
    const buckets = [...b.previous, ...b.current];
    const rule = JSON.stringify([v.municipalityId, v.openingHours, v.blackoutDates]);
    let intervals = shared.get(rule);
    if (!intervals) {
      intervals = openingIntervals(
        v.openingHours,
        b.municipality.timeZone,
        { start: buckets[0]!.start, end: buckets[buckets.length - 1]!.end },
        v.blackoutDates,
      );
      shared.set(rule, intervals);
    }
    for (const bucket of buckets) {
      const start = Math.max(bucket.start.getTime(), v.createdAt.getTime());
      if (start >= bucket.end.getTime()) continue;
      open.set(
        `${v.id}|${bucket.period}|${bucket.month}`,
        overlapMs(intervals, start, bucket.end.getTime()),
      );
    }
  }
  return open;
}

export async function reportIndicators({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: IndicatorsInput;
}): Promise<IndicatorReport> {
  const periods = reportPeriods(reportPeriodInput.parse(input));
  const scope = await scopeOf(ctx, input);
  const bounds: Bounds[] = scope.list.map((m) => ({
    municipality: m,
    current: monthBuckets(periods.current, m.timeZone, 'current'),
    previous: monthBuckets(periods.previous, m.timeZone, 'previous'),
  }));
  const ids = scope.list.map((m) => m.id);
  const boundsOf = new Map(bounds.map((b) => [b.municipality.id, b]));
  const venueList = ctx.db
    .select({
      id: venues.id,
      municipalityId: venues.municipalityId,
      name: venues.name,
      bookable: venues.bookable,
      openingHours: venues.openingHours,
      blackoutDates: venues.blackoutDates,
      createdAt: venues.createdAt,
    })
    .from(venues)
    .where(inArray(venues.municipalityId, ids));
  const [venueRows, open, categoryRows, use, requests, occurrences, associationRows] =
    await Promise.all([
      venueList,
      // Computed as soon as the venues are read, while the aggregates still run.
      venueList.then((rows) => openingHoursOf(rows, boundsOf)),
      ctx.db.select().from(categories).orderBy(asc(categories.position), asc(categories.slug)),
      venueUse(ctx.db, bounds),
      requestOutcomes(ctx.db, bounds),
      occurrenceFigures(ctx.db, bounds, ctx.now),
      associationFigures(ctx.db, bounds),
    ]);

  const languagesOf = new Map(scope.list.map((m) => [m.id, m.languages]));
  const fallbacks = scope.list[0]?.languages ?? [];
  const t = localizer(input.lang, fallbacks);

  const useKey = (venueId: string, city: boolean, period: Period, month: string) =>
    `${venueId}|${city ? 'city' : 'assoc'}|${period}|${month}`;
  const usage = new Map(use.map((u) => [useKey(u.venueId, u.city, u.period, u.month), u]));

  const monthsOf = (municipalityId: string, period: Period) =>
    boundsOf.get(municipalityId)![period];
  const venueFigures = (
    venueId: string,
    municipalityId: string,
    period: Period,
    months?: string[],
  ) => {
    let bookings = 0;
    let ms = 0;
    let cityBookings = 0;
    let cityMs = 0;
    let openMs = 0;
    for (const bucket of monthsOf(municipalityId, period)) {
      if (months && !months.includes(bucket.month)) continue;
      const a = usage.get(useKey(venueId, false, period, bucket.month));
      const c = usage.get(useKey(venueId, true, period, bucket.month));
      bookings += a?.bookings ?? 0;
      ms += a?.ms ?? 0;
      cityBookings += c?.bookings ?? 0;
      cityMs += c?.ms ?? 0;
      openMs += open.get(`${venueId}|${period}|${bucket.month}`) ?? 0;
    }
    const bookedHours = hoursOf(ms);
    const openHours = hoursOf(openMs);
    return {
      bookings,
      bookedHours,
      openHours,
      utilisation: utilisation(bookedHours, openHours),
      cityBookings,
      cityHours: hoursOf(cityMs),
    };
  };

  const listed = venueRows.filter(
    (v) => v.bookable || use.some((u) => u.venueId === v.id && (u.bookings > 0 || u.ms > 0)),
  );
  const venueTable = listed
    .map((v) => {
      const current = venueFigures(v.id, v.municipalityId, 'current');
      const previous = venueFigures(v.id, v.municipalityId, 'previous');
      const prevMonths = monthsOf(v.municipalityId, 'previous');
      return {
        id: v.id,
        name: localizer(input.lang, languagesOf.get(v.municipalityId) ?? []).must(v.name),
        municipality: boundsOf.get(v.municipalityId)!.municipality.slug,
        bookable: v.bookable,
        bookings: figure(current.bookings, previous.bookings),
        bookedHours: figure(current.bookedHours, previous.bookedHours),
        openHours: figure(current.openHours, previous.openHours),
        utilisation: figure(current.utilisation, previous.utilisation),
        cityBookings: figure(current.cityBookings, previous.cityBookings),
        cityHours: figure(current.cityHours, previous.cityHours),
        months: monthsOf(v.municipalityId, 'current').map((bucket, i) => {
          const now = venueFigures(v.id, v.municipalityId, 'current', [bucket.month]);
          const before =
            prevMonths[i] && prevMonths.length === monthsOf(v.municipalityId, 'current').length
              ? venueFigures(v.id, v.municipalityId, 'previous', [prevMonths[i]!.month])
              : null;
          return {
            month: bucket.month,
            bookedHours: now.bookedHours,
            openHours: now.openHours,
            utilisation: now.utilisation,
            previousUtilisation: before?.utilisation ?? null,
          };
        }),
      };
    })
    .sort((a, b) => a.name.text.localeCompare(b.name.text, input.lang));

  /** Every listed venue's figures for a period (or some of its months), summed: each venue read once. */
  const totals = (period: Period, months?: string[]) => {
    const each = listed.map((v) => venueFigures(v.id, v.municipalityId, period, months));
    const sum = (pick: (f: (typeof each)[number]) => number) =>
      Math.round(each.reduce((s, f) => s + pick(f), 0) * 10) / 10;
    const bookedHours = sum((f) => f.bookedHours);
    const openHours = sum((f) => f.openHours);
    return {
      bookings: sum((f) => f.bookings),
      bookedHours,
      openHours,
      utilisation: utilisation(bookedHours, openHours),
      cityBookings: sum((f) => f.cityBookings),
      cityHours: sum((f) => f.cityHours),
    };
  };
  const cur = totals('current');
  const prev = totals('previous');

  const available = (period: Period) =>
    venueRows.filter((v) => {
      if (!v.bookable) return false;
      const months = monthsOf(v.municipalityId, period);
      return v.createdAt < months[months.length - 1]!.end;
    }).length;

  const outcome = (period: Period, name: 'approved' | 'rejected' | 'pending' | 'withdrawn') =>
    num(requests.find((r) => r.period === period)?.[name]);
  const median = (period: Period) => {
    const m = requests.find((r) => r.period === period)?.median;
    return m === null || m === undefined ? null : Math.round(Number(m) / 360) / 10;
  };

  const group = (period: Period, where: (g: (typeof occurrences.groups)[number]) => boolean) =>
    occurrences.groups.find((g) => g.period === period && where(g));
  const total = (period: Period) =>
    group(period, (g) => g.month === null && g.category_slug === null);
  const share = (g: ReturnType<typeof total>) =>
    g && num(g.over) > 0 ? Math.round((num(g.uncounted) / num(g.over)) * 1000) / 1000 : null;
  const occ = (
    g: ReturnType<typeof total>,
    key: 'events' | 'occurrences' | 'participants' | 'over' | 'uncounted',
  ) => num(g?.[key]);
  const [tc, tp] = [total('current'), total('previous')];
  const assoc = (period: Period) => associationRows.find((r) => r.period === period);

  const currentMonths = bounds[0]!.current;
  const previousMonths = bounds[0]!.previous;
  const aligned = currentMonths.length === previousMonths.length;
  const monthRow = (period: Period, month: string | undefined) => {
    if (!month) return null;
    const g = group(period, (x) => x.month === month);
    const sums = totals(period, [month]);
    return {
      month,
      bookings: sums.bookings,
      bookedHours: sums.bookedHours,
      openHours: sums.openHours,
      utilisation: sums.utilisation,
      occurrences: occ(g, 'occurrences'),
      participants: occ(g, 'participants'),
    };
  };

  return {
    scope: {
      kind: scope.kind,
      ...(scope.kind === 'municipality' ? { municipality: scope.list[0]!.slug } : {}),
      ...(scope.kind === 'region' ? { region: input.region } : {}),
      name:
        scope.kind === 'municipality'
          ? t.must(scope.list[0]!.name)
          : ({ text: input.region ?? '', lang: input.lang, fallback: false } satisfies Localized),
      municipalities: scope.list.map((m) => ({
        slug: m.slug,
        name: t.must(m.name),
        timeZone: m.timeZone,
      })),
    },
    period: { ...periods.current, previous: periods.previous },
    summary: {
      venuesAvailable: figure(available('current'), available('previous')),
      bookings: figure(cur.bookings, prev.bookings),
      bookedHours: figure(cur.bookedHours, prev.bookedHours),
      openHours: figure(cur.openHours, prev.openHours),
      utilisation: figure(cur.utilisation, prev.utilisation),
      cityBookings: figure(cur.cityBookings, prev.cityBookings),
      cityHours: figure(cur.cityHours, prev.cityHours),
      requestsApproved: figure(outcome('current', 'approved'), outcome('previous', 'approved')),
      requestsRejected: figure(outcome('current', 'rejected'), outcome('previous', 'rejected')),
      requestsWithdrawn: figure(outcome('current', 'withdrawn'), outcome('previous', 'withdrawn')),
      requestsPending: figure(outcome('current', 'pending'), outcome('previous', 'pending')),
      medianHoursToDecision: figure(median('current'), median('previous')),
      events: figure(occ(tc, 'events'), occ(tp, 'events')),
      occurrences: figure(occ(tc, 'occurrences'), occ(tp, 'occurrences')),
      participants: figure(occ(tc, 'participants'), occ(tp, 'participants')),
      occurrencesOver: figure(occ(tc, 'over'), occ(tp, 'over')),
      occurrencesUncounted: figure(occ(tc, 'uncounted'), occ(tp, 'uncounted')),
      shareUncounted: figure(share(tc), share(tp)),
      activeAssociations: figure(num(assoc('current')?.active), num(assoc('previous')?.active)),
      newlyVerifiedAssociations: figure(
        num(assoc('current')?.verified),
        num(assoc('previous')?.verified),
      ),
    },
    months: currentMonths.map((bucket, i) => ({
      ...monthRow('current', bucket.month)!,
      previous: aligned ? monthRow('previous', previousMonths[i]?.month) : null,
    })),
    venues: venueTable,
    categories: categoryRows
      .map((c) => {
        const now = group('current', (g) => g.category_slug === c.slug);
        const before = group('previous', (g) => g.category_slug === c.slug);
        return {
          slug: c.slug,
          name: t.must(c.name),
          events: figure(occ(now, 'events'), occ(before, 'events')),
          occurrences: figure(occ(now, 'occurrences'), occ(before, 'occurrences')),
          participants: figure(occ(now, 'participants'), occ(before, 'participants')),
        };
      })
      .filter((c) => c.occurrences.value > 0 || c.occurrences.previous > 0),
    languages: [...new Set(occurrences.languages.map((l) => l.lang))]
      .map((code) => {
        const row = (period: Period) =>
          occurrences.languages.find((l) => l.period === period && l.lang === code);
        const [now, before] = [row('current'), row('previous')];
        return {
          code,
          events: figure(num(now?.events), num(before?.events)),
          occurrences: figure(num(now?.occurrences), num(before?.occurrences)),
          participants: figure(num(now?.participants), num(before?.participants)),
        };
      })
      .sort((a, b) => b.participants.value - a.participants.value || a.code.localeCompare(b.code)),
  };
}
