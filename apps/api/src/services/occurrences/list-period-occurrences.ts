import { PERIOD_LIMITS } from '@motesplats/domain';
import type { ServiceCtx } from '../context';
import {
  findOccurrences,
  type ListOccurrencesInput,
  type OccurrenceSummary,
} from './list-occurrences';

export interface PeriodInput extends Omit<ListOccurrencesInput, 'limit' | 'offset'> {
  from: string;
  to: string;
  /** At most this many of each local day, and each day's count (a month view). */
  perDay?: number | undefined;
}

/**
 * The public occurrences of one period of the calendar (a month or a week view) in one
 * answer: up to PERIOD_LIMITS.maxOccurrences, soonest first, and how many there are. One
 * query for the dates and one for their events, where paging the list takes three rounds of
 * three (each with its count) for a busy month; the count runs only for a period that has
 * more than it shows. With `perDay` (a month view) one query gives each day's first few
 * and every day's count instead.
 */
export async function listPeriodOccurrences({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: PeriodInput;
}): Promise<{
  items: OccurrenceSummary[];
  total: number;
  days?: { date: string; count: number }[];
}> {
  if (input.perDay !== undefined) {
    const { items, days = [] } = await findOccurrences(ctx, input, {
      limit: 0,
      offset: 0,
      withTotal: false,
      maxDays: PERIOD_LIMITS.maxDays,
      perDay: input.perDay,
    });
    return { items, total: days.reduce((n, d) => n + d.count, 0), days };
  }
  const found = await findOccurrences(ctx, input, {
    limit: PERIOD_LIMITS.maxOccurrences + 1,
    offset: 0,
    withTotal: false,
    maxDays: PERIOD_LIMITS.maxDays,
  });
  const items = found.items.slice(0, PERIOD_LIMITS.maxOccurrences);
  if (found.items.length === items.length) return { items, total: items.length };
  const counted = await findOccurrences(ctx, input, {
    limit: 0,
    offset: 0,
    withTotal: true,
    maxDays: PERIOD_LIMITS.maxDays,
  });
  return { items, total: counted.total ?? items.length };
}
