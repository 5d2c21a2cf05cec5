import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '@motesplats/db';
import type { ServiceCtx } from '../context';
import { feedVersionOf, type FeedVersion } from './feed-version';

/** A built feed as it is served: its bytes (plain and gzipped), validators and what it was built from. */
export interface BuiltFeed {
  /** Served as they are, never copied per request (a 1,000-date feed is ~570 kB). */
  body: Buffer<ArrayBuffer>;
  gzip: Buffer<ArrayBuffer>;
  /** Strong validator: a hash of the bytes, so the same data gives the same ETag anywhere. */
  etag: string;
  lastModified: Date;
  /** The scope's municipality (null: all of them), the feed version and the day it was built for. */
  municipalityId: string | null;
  version: string;
  day: number;
}

export const builtFeed = (
  text: string,
  meta: Pick<BuiltFeed, 'lastModified' | 'municipalityId' | 'version' | 'day'>,
): BuiltFeed => {
  const body = Buffer.from(text, 'utf8');
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { ...meta, body, gzip: gzipSync(body), etag: `"${hash}"` };
};

const MAX_ENTRIES = 2_000;
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Built feeds by scope and language, least recently used first out, bounded in entries and
 * bytes. An entry is only ever served for the feed version it was built under (the caller
 * compares), so several processes serving one database each keep a cache that stays right.
 */
export class FeedCache {
  private readonly entries = new Map<string, BuiltFeed>();
  private bytes = 0;
  /** How many feeds were built (cache misses): tests and the bench read it. */
  builds = 0;
  /** Builds under way, by scope and version: polls that arrive meanwhile wait for the one build. */
  readonly building = new Map<string, Promise<BuiltFeed>>();

  get(key: string): BuiltFeed | undefined {
    const found = this.entries.get(key);
    if (found) {
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: string, feed: BuiltFeed): void {
    this.delete(key);
    this.entries.set(key, feed);
    this.bytes += feed.body.length + feed.gzip.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= MAX_ENTRIES && this.bytes <= MAX_BYTES) break;
      if (entry === feed) break;
      this.delete(oldest);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length + old.gzip.length;
  }
}

const caches = new WeakMap<Db, FeedCache>();

/** The cache of one database handle (one per app: tests run many apps on many databases). */
export function feedCacheFor(db: Db): FeedCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new FeedCache();
    caches.set(db, cache);
  }
  return cache;
}

const DAY = 86_400_000;

/** What a feed is built from, once its scope is resolved (or a not_found failure). */
export interface FeedSource {
  /** The scope's municipality, whose feed version the feed is kept under (null: all). */
  municipalityId: string | null;
  build: (version: FeedVersion, day: number) => Promise<BuiltFeed>;
}

/**
 * Every feed, public or private, is served through here: the built bytes are kept under
 * `key` (origin, language, scope; never a token) with the feed version and the UTC day
 * (the windows move once a day), so a poll of an unchanged feed costs one index lookup and
 * no build, and a conditional poll is answered from that. The version is read before the
 * rows: a change committed in between only makes the next poll build again, never keeps a
 * feed under a version it does not show. Whoever may see the feed is checked by the caller,
 * before this, at every request.
 */
export async function cachedFeed(
  ctx: ServiceCtx,
  key: string,
  resolve: () => Promise<FeedSource>,
): Promise<BuiltFeed> {
  const cache = feedCacheFor(ctx.db);
  const day = Math.floor(ctx.now.getTime() / DAY) * DAY;
  const known = cache.get(key);
  if (known && known.day === day) {
    const current = await feedVersionOf(ctx.db, known.municipalityId);
    if (current.version === known.version) return known;
  }

  const source = await resolve();
  const version = await feedVersionOf(ctx.db, source.municipalityId);
  // After a change, the many subscribers polling one feed share a single build.
  const flight = `${key}|${version.version}|${day}`;
  const underway = cache.building.get(flight);
  if (underway) return underway;
  // Or one finished while this poll was resolving its scope.
  const fresh = cache.get(key);
  if (fresh && fresh.version === version.version && fresh.day === day) return fresh;
  const build = source.build(version, day).then((feed) => {
    cache.set(key, feed);
    cache.builds += 1;
    return feed;
  });
  cache.building.set(flight, build);
  try {
    return await build;
  } finally {
    cache.building.delete(flight);
  }
}
