// The one door from the web app to the data: the public JSON API (docs/api-contract.md).
// Loads call these with `event.fetch` and `event.url.origin`; the handleFetch hook in
// hooks.server.ts hands same-origin /api/* requests to the Hono app in-process.
//
// Until @motesplats/api exports a typed `AppType` (built with @hono/zod-openapi), the
// wrappers build URLs themselves and return the contract's shapes from #lib/types. Once
// it does, each wrapper becomes one call on `hc<AppType>(origin, { fetch })`, e.g.
// `client.api.occurrences.$get({ query })`, and the signatures below stay as they are.
import type {
  Category,
  EventDetail,
  List,
  Municipality,
  Occurrence,
  Problem,
  VenueBusy,
  VenueDetail,
  VenueSummary,
} from '#lib/types.ts';

type Fetch = typeof globalThis.fetch;
type Query = Record<string, string | number | readonly string[] | undefined | null>;

/** The API answered with an error status (problem+json when it could). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.title ?? `API answered ${status}`);
    this.name = 'ApiError';
  }
}

const toSearch = (query: Query): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) search.set(key, value.join(','));
    } else {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

async function getJson<T>(fetch: Fetch, origin: string, path: string, query: Query): Promise<T> {
  const response = await fetch(new URL(path + toSearch(query), origin), {
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(response.status, problem);
  }
  return (await response.json()) as T;
}

/** Like getJson, but a 404 is an answer (`null`), not an error. */
async function getJsonOrNull<T>(
  fetch: Fetch,
  origin: string,
  path: string,
  query: Query,
): Promise<T | null> {
  try {
    return await getJson<T>(fetch, origin, path, query);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const id = (value: string) => encodeURIComponent(value);

export interface OccurrenceQuery {
  lang: string;
  municipality?: string | undefined;
  category?: string | undefined;
  language?: string | undefined;
  venue?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export const listOccurrences = (fetch: Fetch, origin: string, query: OccurrenceQuery) =>
  getJson<List<Occurrence>>(fetch, origin, '/api/occurrences', { ...query });

export const getEvent = (fetch: Fetch, origin: string, eventId: string, lang: string) =>
  getJsonOrNull<EventDetail>(fetch, origin, `/api/events/${id(eventId)}`, { lang });

export interface VenueQuery {
  lang: string;
  municipality?: string | undefined;
  minCapacity?: number | undefined;
  /** All of these are required. */
  accessibility?: readonly string[] | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export const listVenues = (fetch: Fetch, origin: string, query: VenueQuery) =>
  getJson<List<VenueSummary>>(fetch, origin, '/api/venues', { ...query });

export const getVenue = (fetch: Fetch, origin: string, venueId: string, lang: string) =>
  getJsonOrNull<VenueDetail>(fetch, origin, `/api/venues/${id(venueId)}`, { lang });

/** Free/busy for the local dates `from`..`to` (yyyy-MM-dd, in the venue's zone). */
export const getVenueBusy = (
  fetch: Fetch,
  origin: string,
  venueId: string,
  range: { from: string; to: string },
) => getJsonOrNull<VenueBusy>(fetch, origin, `/api/venues/${id(venueId)}/busy`, range);

export const listCategories = (fetch: Fetch, origin: string, lang: string) =>
  getJson<{ items: Category[] }>(fetch, origin, '/api/categories', { lang });

export const listMunicipalities = (fetch: Fetch, origin: string, lang: string) =>
  getJson<{ items: Municipality[] }>(fetch, origin, '/api/municipalities', { lang });
