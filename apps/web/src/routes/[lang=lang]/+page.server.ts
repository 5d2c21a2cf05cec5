import { DEFAULT_ZONE } from '@motesplats/domain';
import { DateTime } from 'luxon';
import {
  listAssociations,
  listCategories,
  listMunicipalities,
  listOccurrences,
  listPeriodOccurrences,
  listVenues,
  mustExist,
  orPageError,
  pageOffset,
} from '#lib/server/api.ts';
import {
  byDay,
  CALENDAR_VIEWS,
  entryOf,
  type CalendarDay,
  type CalendarPeriod,
  inRange,
  monthWeeks,
  resolveCalendarMonth,
  resolveIsoWeek,
  groupByStartDay,
  quickRanges,
  type QuickRange,
  viewQueries,
  withQuery,
} from '#lib/server/calendar.ts';
import type { FormErrors } from '#lib/server/forms.ts';
import { calendarFeedPath } from '#lib/feeds.ts';
import {
  languageParam,
  oneOfParam,
  PAGE_SIZE,
  pageParam,
  SEARCH_MIN,
  searchParam,
  slugParam,
  uuidParam,
} from '#lib/server/query.ts';
import { AUDIENCES, type Localized } from '#lib/types.ts';
import type { PageServerLoad } from './$types';

/** The quick ranges beside the filters, each the list with its from/to, current when chosen. */
const quickLinks = (
  search: URLSearchParams,
  today: string,
  selected: { from: string; to: string },
) =>
  Object.entries(quickRanges(today)).map(([name, range]) => ({
    name: name as QuickRange,
    query: withQuery(search, { view: null, month: null, week: null, ...range }),
    current: selected.from === range.from && selected.to === range.to,
  }));

/** A day of the month shows this many; the rest are a link to the day's list. */
const MONTH_DAY_MAX = 4;

/**
 * The calendar: upcoming events as a list (paged), or a month or a week (?view=month&month=
 * 2026-12, ?view=week&week=2026-W49), filtered by what the URL says. Days are those of the
 * chosen municipality's zone (the installation's when none is chosen).
 */
export const load: PageServerLoad = async ({ fetch, url, params }) => {
  const lang = params.lang;
  const search = url.searchParams;
  const q = searchParam(search);
  const errors: FormErrors = {};
  if (q.tooShort) errors.q = { code: 'too_small', params: { minimum: SEARCH_MIN } };
  const view = oneOfParam(search, 'view', CALENDAR_VIEWS) || 'list';
  const from = inRange(search.get('from'));
  const typedTo = inRange(search.get('to'));
  // A range that ends before it starts: the field says so, and the list ignores its end.
  const to = from && typedTo && typedTo < from ? null : typedTo;
  if (typedTo && !to) errors.to = { code: 'until_before_from' };
  const selected = {
    municipality: slugParam(search, 'municipality'),
    category: slugParam(search, 'category'),
    language: languageParam(search, 'language'),
    audience: oneOfParam(search, 'audience', AUDIENCES),
    venue: uuidParam(search, 'venue'),
    association: uuidParam(search, 'association'),
    free: search.get('free') === 'true',
    q: q.typed,
    from: from ?? '',
    to: typedTo ?? '',
  };
  const filters = {
    lang,
    municipality: selected.municipality || undefined,
    category: selected.category || undefined,
    language: selected.language || undefined,
    audience: selected.audience,
    venue: selected.venue || undefined,
    association: selected.association || undefined,
    free: selected.free,
    q: q.usable || undefined,
  };
  /** The subscription to what the page shows: its filters, not its dates or view. */
  const feed = { path: calendarFeedPath(filters), origin: url.origin };

  // The chosen municipality's zone first (its days are the calendar's); then what the form
  // offers (the venues and organizers of that municipality, or all) beside the occurrences.
  const page = pageParam(search);
  // A page past what the API serves is a 404 before anything is asked.
  const offset = view === 'list' ? pageOffset(page, PAGE_SIZE) : 0;
  const municipalities = await orPageError(listMunicipalities(fetch, url.origin, lang));
  const zone =
    municipalities.items.find((m) => m.slug === selected.municipality)?.timeZone ?? DEFAULT_ZONE;
  const now = new Date();
  const today = DateTime.fromJSDate(now, { zone }).toISODate()!;
  const choices = Promise.all([
    listCategories(fetch, url.origin, lang),
    listVenues(fetch, url.origin, { lang, municipality: filters.municipality, limit: 100 }),
    listAssociations(fetch, url.origin, { lang, municipality: filters.municipality, limit: 100 }),
  ]).then(([categories, venues, associations]) => ({
    categories: categories.items,
    municipalities: municipalities.items,
    // What a choice in the form needs, no more: the page carries its data to the browser.
    venues: (venues.ok ? (venues.data?.items ?? []) : []).map(option),
    associations: associations.items.map(option),
  }));

  if (view === 'list') {
    const [answer, offered] = await orPageError(
      Promise.all([
        listOccurrences(fetch, url.origin, {
          ...filters,
          from: from ?? today,
          to: to ?? undefined,
          limit: PAGE_SIZE,
          offset,
        }),
        choices,
      ]),
    );
    mustExist(page, answer.items);
    return {
      view,
      selected,
      errors,
      ...offered,
      zone,
      feed,
      views: { ...viewQueries(search, from ?? today, today), list: withQuery(search, {}) },
      occurrences: answer.items,
      days: groupByStartDay(answer.items, zone, today),
      quick: quickLinks(search, today, selected),
      page: answer.page,
      period: null,
    };
  }

  // A month or a week: the one asked for, else the one `from` falls in, else the current one.
  const month =
    view === 'month' ? resolveCalendarMonth(search.get('month'), zone, now, from) : null;
  const week = view === 'week' ? resolveIsoWeek(search.get('week'), zone, now, from) : null;
  const first = month?.first ?? week!.monday;
  const last = month?.last ?? week!.sunday;
  // A month asks only for what its days show, with each day's count for the "more" link;
  // a week shows every occurrence.
  const perDay = month ? MONTH_DAY_MAX : Infinity;
  const [answer, offered] = await orPageError(
    Promise.all([
      listPeriodOccurrences(fetch, url.origin, {
        ...filters,
        from: first,
        to: last,
        perDay: month ? MONTH_DAY_MAX : undefined,
      }),
      choices,
    ]),
  );
  const counts = new Map(answer.days?.map((d) => [d.date, d.count]));
  // Past the last occurrence fetched, a day of a cut-off period may have more than it shows.
  const lastFetched = answer.items.at(-1);
  const cutFrom =
    !answer.days && answer.total > answer.items.length && lastFetched
      ? DateTime.fromISO(lastFetched.startsAt, { zone }).toISODate()!
      : null;
  const days = [...byDay(answer.items, first, last, zone)].map(([date, items]): CalendarDay => {
    const cut = cutFrom !== null && date >= cutFrom;
    const all = counts.get(date) ?? items.length;
    const hidden = Math.max(0, all - perDay);
    return {
      date,
      entries: items.slice(0, perDay).map(entryOf),
      /** The day in the list view, when it has more than is shown here (count: how many, if known). */
      more:
        hidden > 0 || cut
          ? {
              query: withQuery(search, {
                view: null,
                month: null,
                week: null,
                from: date,
                to: date,
              }),
              count: cut ? null : all,
            }
          : null,
    };
  });
  const anchor = today >= first && today <= last ? today : first;
  const at = (key: 'month' | 'week', value: string) =>
    withQuery(search, { view, [key]: value, from: null, to: null });
  return {
    view,
    selected,
    errors,
    ...offered,
    zone,
    feed,
    views: { ...viewQueries(search, anchor, today), [view]: withQuery(search, {}) },
    occurrences: [],
    days: [],
    // Quick ranges belong to the list: a month or a week has its own previous/next.
    quick: [],
    page: null,
    period: {
      kind: view,
      id: month?.month ?? week!.id,
      first,
      last,
      today,
      weekNumber: week?.weekNumber ?? null,
      weeks: month ? monthWeeks(month) : [],
      days,
      shown: answer.items.length,
      total: answer.total,
      nav: month
        ? {
            previous: at('month', month.previous),
            next: at('month', month.next),
            current: month.current === month.month ? null : at('month', month.current),
          }
        : {
            previous: at('week', week!.previousId),
            next: at('week', week!.nextId),
            current: week!.currentId === week!.id ? null : at('week', week!.currentId),
          },
    } satisfies CalendarPeriod,
  };
};

/** A venue or an association as an option of the filters. */
const option = (item: {
  id: string;
  name: Localized;
  municipality: { slug: string; name: Localized };
}) => ({
  id: item.id,
  name: item.name,
  municipality: item.municipality,
});
