import { bookings } from '@motesplats/db';
import { DomainFailure, localDateOf } from '@motesplats/domain';

type BookingRow = typeof bookings.$inferSelect;
type Status = BookingRow['status'];

/** A booking's local date in the venue's zone, 'yyyy-MM-dd'. */
export const localDate = (d: Date, zone: string): string =>
  localDateOf(d, zone).toISODate() as string;

/**
 * The bookings of a request a decision or change applies to: those on the given local dates,
 * or every one in `statuses` when no dates are given. A date that is not the request's
 * answers 400; one whose booking is not in `statuses` answers 409 naming it, so nothing
 * changes unless all of it can.
 */
export function pickDates(
  own: readonly BookingRow[],
  zone: string,
  dates: readonly string[] | undefined,
  statuses: readonly Status[],
  code: string,
): BookingRow[] {
  const local = (b: BookingRow) => localDate(b.startsAt, zone);
  if (dates === undefined) {
    const all = own.filter((b) => statuses.includes(b.status));
    if (all.length === 0)
      throw new DomainFailure({
        kind: 'conflict',
        code,
        message: `no date is ${statuses.join(' or ')}`,
      });
    return all;
  }
  const picked: BookingRow[] = [];
  for (const [i, date] of [...new Set(dates)].entries()) {
    const b = own.find((x) => local(x) === date);
    if (!b)
      throw new DomainFailure({
        kind: 'invalid',
        issues: [
          {
            path: `dates.${i}`,
            code: 'not_a_booked_date',
            params: { date },
            message: `${date} is not a date of this request`,
          },
        ],
      });
    if (!statuses.includes(b.status))
      throw new DomainFailure({
        kind: 'conflict',
        code,
        message: `${date} is ${b.status}`,
        params: { date, status: b.status },
      });
    picked.push(b);
  }
  return picked;
}
