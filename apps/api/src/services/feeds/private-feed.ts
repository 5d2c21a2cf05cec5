import {
  associations,
  bookings,
  buildings,
  feedTokens,
  municipalities,
  spaces,
  venues,
} from '@motesplats/db';
import { DomainFailure, buildVenueFeed, notFound, type FeedEvent } from '@motesplats/domain';
import { and, asc, eq, gt, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { ServiceCtx } from '../context';
import { addressLine, coordinatesOf } from '../shared/address';
import { localizer } from '../shared/localize';
import { builtFeed, cachedFeed, type BuiltFeed } from './feed-cache';
import {
  TOKEN_PATTERN,
  hashFeedToken,
  mayRead,
  municipalityOfScope,
  type PrivateScope,
} from './feed-token';
import type { FeedVersion } from './feed-version';
import { privateFeedText } from './private-feed-texts';

/** Past bookings, and ones no longer holding (rejected, withdrawn, cancelled), stay this long. */
const KEPT_MS = 30 * 86_400_000;
/** Last use is written at most this often: a poll every few minutes costs no write. */
const LAST_USED_EVERY_MS = 3_600_000;

/** Every refusal is this one answer: an unknown token, a revoked one, a right lost (no oracle). */
const gone = () => new DomainFailure(notFound('feed', 'private'));

/**
 * A private feed (docs/decisions/017, "Private feeds"): the bookings of the token's scope,
 * for its owner. The token and the owner's right are checked against the current rows at
 * every request, before any cached bytes are served, so a revoked link or a removed role or
 * membership answers 404 at once. The built feed is cached by scope and language (never by
 * token) under the municipality's feed version, which the bookings' triggers raise.
 */
export async function privateFeed({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { token: string; lang: string; origin: string };
}): Promise<BuiltFeed> {
  if (!TOKEN_PATTERN.test(input.token)) throw gone();
  const [token] = await ctx.db
    .select()
    .from(feedTokens)
    .where(and(eq(feedTokens.tokenHash, hashFeedToken(input.token)), isNull(feedTokens.revokedAt)));
  if (!token) throw gone();
  const scope: PrivateScope = { kind: token.scope, id: token.scopeId };
  const municipalityId = await municipalityOfScope(ctx.db, scope).catch(() => null);
  if (!municipalityId || !(await mayRead(ctx.db, token.userId, scope, municipalityId)))
    throw gone();
  if (!token.lastUsedAt || ctx.now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_EVERY_MS)
    await ctx.db
      .update(feedTokens)
      .set({ lastUsedAt: ctx.now })
      .where(
        and(
          eq(feedTokens.id, token.id),
          or(
            isNull(feedTokens.lastUsedAt),
            lt(feedTokens.lastUsedAt, new Date(ctx.now.getTime() - LAST_USED_EVERY_MS)),
          ),
        ),
      );

  return cachedFeed(
    ctx,
    `${input.origin}|${input.lang}|private:${scope.kind}:${scope.id}`,
    async () => ({
      municipalityId,
      build: (version, day) => buildPrivateFeed(ctx, { ...input, scope }, version, day),
    }),
  );
}

/** Which bookings a scope shows. */
const inScope = (scope: PrivateScope): SQL =>
  scope.kind === 'venue'
    ? eq(bookings.venueId, scope.id)
    : scope.kind === 'association'
      ? eq(bookings.associationId, scope.id)
      : eq(bookings.municipalityId, scope.id);

async function buildPrivateFeed(
  ctx: ServiceCtx,
  input: { scope: PrivateScope; lang: string; origin: string },
  version: FeedVersion,
  day: number,
): Promise<BuiltFeed> {
  const { scope, lang } = input;
  const since = new Date(day - KEPT_MS);
  const [m] = await ctx.db
    .select()
    .from(municipalities)
    .where(
      eq(
        municipalities.id,
        scope.kind === 'municipality' ? scope.id : await municipalityOfScope(ctx.db, scope),
      ),
    );
  if (!m) throw gone();
  const t = localizer(lang, m.languages);
  const text = privateFeedText(lang);

  const rows = await ctx.db
    .select({
      booking: bookings,
      venue: venues,
      building: buildings,
      space: spaces,
      association: associations,
    })
    .from(bookings)
    .innerJoin(venues, eq(venues.id, bookings.venueId))
    .innerJoin(buildings, eq(buildings.id, venues.buildingId))
    .innerJoin(spaces, eq(spaces.id, bookings.spaceId))
    .leftJoin(associations, eq(associations.id, bookings.associationId))
    .where(
      and(
        inScope(scope),
        gt(bookings.endsAt, since),
        // Holding ones while they last; the others a month after their last change, so
        // subscribers see them go (STATUS:CANCELLED).
        or(inArray(bookings.status, ['pending', 'approved']), gt(bookings.updatedAt, since)),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));

  let name: string;
  if (scope.kind === 'municipality') name = t.must(m.name).text;
  else if (scope.kind === 'venue') {
    const [v] = await ctx.db.select().from(venues).where(eq(venues.id, scope.id));
    name = t.must(v?.name).text;
  } else {
    const [a] = await ctx.db.select().from(associations).where(eq(associations.id, scope.id));
    name = t.must(a?.name).text;
  }

  const events: FeedEvent[] = rows.map(({ booking, venue, building, space, association }) => {
    const venueName = t.must(venue.name).text;
    const spaceName = t.must(space.name).text;
    const place = spaceName === venueName ? venueName : `${venueName}, ${spaceName}`;
    const who = association ? t.must(association.name).text : text.cityUse;
    return {
      uid: `feed-booking-${booking.id}@motesplats`,
      sequence: booking.sequence,
      start: booking.startsAt,
      end: booking.endsAt,
      stamp: booking.updatedAt,
      summary: `${who} – ${place}`,
      description: `${text.status}: ${text.statuses[booking.status]}\n${text.purpose}: ${booking.purpose}`,
      location: `${venueName}, ${t.must(building.name).text}, ${addressLine(building, t)}`,
      url: `${input.origin}/${lang}/bookings/${booking.requestId}`,
      status:
        booking.status === 'approved'
          ? 'confirmed'
          : booking.status === 'pending'
            ? 'tentative'
            : 'cancelled',
      ...(coordinatesOf(building) ? { geo: coordinatesOf(building)! } : {}),
    };
  });
  const body = buildVenueFeed({
    calendarName: `${name} – ${text.bookings} (Mötesplats)`,
    prodId: '//Motesplats//Private feed//EN',
    // No URL property: the feed's own address holds the token.
    zone: m.timeZone,
    events,
  });
  return builtFeed(body, {
    lastModified: new Date(Math.max(version.changedAt.getTime(), day)),
    municipalityId: m.id,
    version: version.version,
    day,
  });
}
