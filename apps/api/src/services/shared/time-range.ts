import { boundInstant, DomainFailure, parseQueryBound } from '@motesplats/domain';

/**
 * A query bound given as a local date ('2026-11-24': the start of that day in `zone`; for
 * an upper bound, the end of it) or as an ISO instant. The route's schema has refused
 * anything else already; this checks again so that no caller can reach a query without it.
 */
export function boundToInstant(
  value: string,
  zone: string,
  side: 'from' | 'to',
  instants = true,
): Date {
  const parsed = parseQueryBound(value, instants);
  if (!parsed.ok) {
    throw new DomainFailure({ kind: 'invalid', issues: [{ path: side, message: parsed.message }] });
  }
  return boundInstant(parsed.bound, zone, side);
}

export function assertOrdered(from: Date, to: Date, maxDays?: number): void {
  if (to <= from) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'to', message: 'must be after from' }],
    });
  }
  if (maxDays !== undefined && to.getTime() - from.getTime() > maxDays * 86_400_000) {
    throw new DomainFailure({
      kind: 'invalid',
      issues: [{ path: 'to', message: `the range may span at most ${maxDays} days` }],
    });
  }
}
