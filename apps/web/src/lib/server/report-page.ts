import { error } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import { textDirection, type Locale } from '#lib/locale.ts';
import {
  getReportIndicators,
  listAdminMunicipalities,
  orPageError,
  type ReportQuery,
  type ReportView,
} from '#lib/server/api.ts';
import { barChart, columnChart } from '#lib/server/charts.ts';
import { signInFirst } from '#lib/server/event-page.ts';
import { errorsOf, type FormErrors } from '#lib/server/forms.ts';
import { reportIssueTexts } from '#lib/server/report-issues.ts';
import { slugParam } from '#lib/server/query.ts';
import { chartMonthLabels, formatFigure, periodLabel, type ReportParams } from '#lib/reports.ts';
import type { ServerLoadEvent } from '@sveltejs/kit';

/** The year it is now where the municipalities are (all of them keep Finnish time today). */
const thisYear = (now: Date) =>
  new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Helsinki' }).format(now);

/** The report's charts as SVG (server-drawn), with the two periods' names. */
export interface ReportCharts {
  series: { current: string; previous: string };
  bookings: string;
  hours: string;
  utilisation: string | null;
}

/**
 * The yearly figures of a municipality (staff: their own; administrators: any, a region, or
 * the whole installation), for the staff reports page and the council report. The filters
 * live in the URL; the API judges them and its refusal (400 naming the field) is shown
 * beside the field.
 */
export async function loadReport({
  locals,
  params,
  url,
  fetch,
}: Pick<ServerLoadEvent<{ lang: Locale }>, 'locals' | 'params' | 'url' | 'fetch'>) {
  const session = locals.session;
  if (!session) signInFirst(params.lang, url);
  const { roles } = session!;
  const lang = params.lang;
  if (!roles.administrator && roles.staff.length === 0) error(403, m.error_forbidden());

  const search = url.searchParams;
  const text = (name: string, max: number) => (search.get(name) ?? '').trim().slice(0, max);
  const asked = { from: text('from', 10), to: text('to', 10) };
  const askedYear = text('year', 10);
  // A year, or a from–to range: the form's radio buttons say which; a hand-made address
  // with from/to and no year means the range.
  const period =
    search.get('period') === 'range' ||
    (search.get('period') !== 'year' && !askedYear && (asked.from || asked.to))
      ? ('range' as const)
      : ('year' as const);
  const submitted = search.has('period') || search.has('year') || search.has('from');
  const year = askedYear || (submitted ? '' : thisYear(new Date()));

  const choices = roles.administrator
    ? await orPageError(listAdminMunicipalities(fetch, url.origin, lang)).then((a) => {
        if (!a.ok) error(a.status === 403 ? 403 : 502, m.error_text_other());
        const items = a.data!.items;
        return {
          municipalities: items.map((i) => ({ slug: i.slug, name: i.name })),
          regions: [...new Set(items.flatMap((i) => (i.region ? [i.region] : [])))].sort(),
        };
      })
    : { municipalities: roles.staff.map((s) => s.municipality), regions: [] as string[] };

  const municipality =
    slugParam(search, 'municipality') ||
    (roles.administrator ? '' : (roles.staff[0]?.municipality.slug ?? ''));
  const region = roles.administrator && !municipality ? text('region', 200) : '';
  const selected = { period, year, ...asked, municipality, region };

  const scope: ReportParams = {
    municipality: municipality || undefined,
    region: region || undefined,
  };
  const api: ReportParams =
    period === 'year'
      ? { ...scope, year: year || undefined }
      : { ...scope, from: asked.from || undefined, to: asked.to || undefined };
  const query: ReportQuery = { lang, ...api };

  const answer = await orPageError(getReportIndicators(fetch, url.origin, query));
  if (!answer.ok) {
    if (answer.status === 401) signInFirst(lang, url);
    if (answer.status === 403) error(403, m.error_forbidden());
    if (answer.status === 404) error(404, m.error_text_404());
    if (answer.status !== 400) error(502, m.error_text_other());
    const errors: FormErrors = errorsOf(answer.problem);
    // No year given: the API asks for a range's "from"; the reader left the year blank.
    if (period === 'year' && !year && errors.from) {
      errors.year = errors.from;
      delete errors.from;
    }
    return {
      selected,
      choices,
      api,
      errors: reportIssueTexts(errors),
      report: null,
      charts: null as ReportCharts | null,
    };
  }

  const report = answer.data as ReportView;
  const dir = textDirection(lang);
  const series = {
    current: periodLabel(report.period, lang),
    previous: periodLabel(report.period.previous, lang),
  };
  const count = (n: number) => formatFigure(n, 'count', lang) ?? '';
  const labels = chartMonthLabels(
    report.months.map((mo) => mo.month),
    lang,
  );
  const monthGroups = (key: 'bookings' | 'bookedHours') =>
    report.months.map((mo, i) => ({
      label: labels[i]!,
      current: mo[key],
      previous: mo.previous ? mo.previous[key] : null,
    }));
  const venues = report.venues.filter((v) => v.utilisation.value !== null);
  const charts: ReportCharts = {
    series,
    bookings: columnChart({
      groups: monthGroups('bookings'),
      name: m.report_chart_bookings({ current: series.current, previous: series.previous }),
      series,
      format: count,
      dir,
    }),
    hours: columnChart({
      groups: monthGroups('bookedHours'),
      name: m.report_chart_hours({ current: series.current, previous: series.previous }),
      series,
      format: (n) => formatFigure(n, 'hours', lang) ?? '',
      dir,
    }),
    utilisation:
      venues.length === 0
        ? null
        : barChart({
            groups: venues.map((v) => ({
              label: v.name.text,
              current: v.utilisation.value!,
              previous: v.utilisation.previous,
            })),
            name: m.report_chart_utilisation({
              current: series.current,
              previous: series.previous,
            }),
            series,
            format: (n) => formatFigure(n, 'share', lang) ?? '',
            dir,
          }),
  };
  return { selected, choices, api, errors: {} as Record<string, string>, report, charts };
}
