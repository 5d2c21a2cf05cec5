import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '@motesplats/db';

/** A built feed as it is served: its bytes (plain and gzipped), validators and what it was built from. */
export interface BuiltFeed {
  body: Buffer;
  gzip: Buffer;
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
