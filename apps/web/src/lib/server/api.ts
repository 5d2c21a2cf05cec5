// The one door from the web app to the data: the public JSON API (docs/api-contract.md),
// reached through hono's typed client over the API's own route types (AppType). Loads call
// these with `event.fetch` and `event.url.origin`; the handleFetch hook in hooks.server.ts
// hands same-origin /api/* requests to the Hono app in-process.
//
// An answer other than 200 becomes a SvelteKit error with a message in the reader's
// language: 404 stays 404, 400 (a bad filter in the address) stays 400, another 4xx/5xx of the API is a 502 (the page could not be built from
// the API's answer), a network failure a 500.
import { error } from '@sveltejs/kit';
import { hc } from 'hono/client';
import { logError } from './log.ts';
import { PAGING } from '@motesplats/domain';
import type { AppType } from '@motesplats/api/types';
import type { Audience, ContentLanguage } from '@motesplats/domain';
import { m } from '#lib/paraglide/messages.js';
import type { Locale } from '#lib/locale.ts';

type Fetch = typeof globalThis.fetch;

const client = (fetch: Fetch, origin: string) => hc<AppType>(origin, { fetch });

/** The API answered with something other than 200. */
export class ApiError extends Error {
  constructor(readonly status: number) {
    super(`API answered ${status}`);
    this.name = 'ApiError';
  }
}

type Answer = { status: number; json(): Promise<unknown> };

/** RFC 9457 problem details as the API sends them (apps/api/src/http/problem.ts). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  /**
   * Values the code is said with: a 409's `{ events: 3 }`; `not_pending`: the date;
   * `past_cancellation_deadline`: date, hours, deadline.
   */
  params?: Record<string, string | number | boolean>;
  retryAfterSeconds?: number;
  errors?: Issue[];
  /** 422 of a booking request: every rule it breaks (also in `errors`). */
  issues?: Issue[];
  /** 409 of a booking request: the dates that clash, what holds them, free slots near each. */
  clashes?: Clash[];
  /** 409 of a booking request: the nearest free slots for the first clashing date. */
  suggestions?: Slot[];
  /** 409 of a booking request: the dates of a series that are free. */
  free?: (Slot & { date: string })[];
}
/** A time range as the API sends it: ISO instants. */
export interface Slot {
  start: string;
  end: string;
}
/** A date of a booking request that another booking holds (never saying whose). */
export interface Clash extends Slot {
  date: string;
  taken: Slot;
  suggestions: Slot[];
}
/** One refused field: a code and its parameters, rendered in the reader's language (#lib/issues.ts). */
export interface Issue {
  path: string;
  code?: string;
  params?: Record<string, string | number | boolean>;
  message: string;
}

/** The body of a typed answer's success variants (2xx). */
type SuccessBody<R extends Answer> = R extends { status: 200 | 201 | 202 }
  ? Awaited<ReturnType<R['json']>>
  : null;

/**
 * A write's answer, typed for every status: a success with its body (null for 204), or a
 * refusal with its problem+json, for a form action to answer `fail(status, …)`. Only an
 * answer that is neither (a 5xx, no problem body) throws.
 */
export type ApiResult<R extends Answer> =
  | { ok: true; status: number; data: SuccessBody<R> }
  | { ok: false; status: number; problem: Problem };

async function result<R extends Answer>(request: Promise<R>): Promise<ApiResult<R>> {
  const response = (await request) as unknown as Response;
  if (response.status >= 200 && response.status < 300) {
    const data = response.status === 204 ? null : await response.json();
    return { ok: true, status: response.status, data: data as SuccessBody<R> };
  }
  const type = response.headers.get('content-type') ?? '';
  if (response.status < 500 && type.includes('application/problem+json')) {
    return { ok: false, status: response.status, problem: (await response.json()) as Problem };
  }
  throw new ApiError(response.status);
}
/** The body type of a typed answer's 200 variant. */
type OkBody<R extends Answer> = Awaited<ReturnType<Extract<R, { status: 200 }>['json']>>;

/** A typed answer's body when it is a 200, else an ApiError with its status. */
async function body<R extends Answer>(request: Promise<R>): Promise<OkBody<R>> {
  const response = await request;
  if (response.status !== 200) throw new ApiError(response.status);
  return (await response.json()) as OkBody<R>;
}

/**
 * Runs API calls for a page load and turns their failures into SvelteKit errors the reader
 * can read: 404 → 404, any other API status → 502, no answer at all → 500.
 */
export async function orPageError<T>(calls: Promise<T>): Promise<T> {
  try {
    return await calls;
  } catch (e) {
    if (e instanceof ApiError) {
      if (e.status === 404) error(404, m.error_text_404());
      if (e.status === 401) error(401, m.error_sign_in_required());
      if (e.status === 403) error(403, m.error_forbidden());
      // The API refused a parameter that came from the page's own address (a hand-edited filter).
      if (e.status === 400) error(400, m.error_text_400());
      // The database is away (the API's 503): the page says so with the same status.
      if (e.status === 503) error(503, m.error_text_other());
      error(502, m.error_text_other());
    }
    // One line, never a stack (issue 12).
    logError('The API could not be reached', e);
    error(500, m.error_text_other());
  }
}

/**
 * The API offset of a page number (1-based). A page past what the API can serve does not
 * exist: a 404 like any other missing page, not a 400 about the address.
 */
export function pageOffset(page: number, pageSize: number): number {
  const offset = (page - 1) * pageSize;
  if (offset > PAGING.maxOffset) error(404, m.error_text_404());
  return offset;
}

/** Page 2 and later of an empty result do not exist either. */
export function mustExist(page: number, items: readonly unknown[]): void {
  if (page > 1 && items.length === 0) error(404, m.error_text_404());
}

const optional = (value: string | number | undefined) =>
  value === undefined || value === '' ? undefined : String(value);

export interface OccurrenceQuery {
  lang: Locale;
  municipality?: string | undefined;
  category?: string | undefined;
  language?: string | undefined;
  venue?: string | undefined;
  association?: string | undefined;
  audience?: Audience | '' | undefined;
  /** Only free of charge. */
  free?: boolean | undefined;
  /** Words in any language (2–100 characters). */
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The calendar's filters as both occurrence endpoints take them. */
const filterQuery = (q: Omit<OccurrenceQuery, 'from' | 'to' | 'limit' | 'offset'>) => ({
  lang: q.lang,
  municipality: optional(q.municipality),
  category: optional(q.category),
  language: optional(q.language),
  venue: optional(q.venue),
  association: optional(q.association),
  audience: q.audience || undefined,
  free: q.free ? ('true' as const) : undefined,
  q: optional(q.q),
});

export const listOccurrences = (fetch: Fetch, origin: string, q: OccurrenceQuery) =>
  body(
    client(fetch, origin).api.occurrences.$get({
      query: {
        ...filterQuery(q),
        from: optional(q.from),
        to: optional(q.to),
        limit: optional(q.limit),
        offset: optional(q.offset),
      },
    }),
  );

/**
 * The occurrences of a period (a month, a week) in one answer: up to
 * PERIOD_LIMITS.maxOccurrences, and how many the period has; or, with perDay, the first few
 * of each day and each day's count.
 */
export const listPeriodOccurrences = (
  fetch: Fetch,
  origin: string,
  q: Omit<OccurrenceQuery, 'limit' | 'offset' | 'from' | 'to'> & {
    from: string;
    to: string;
    /** Only the first few of each day, and each day's count (a month view). */
    perDay?: number | undefined;
  },
) =>
  body(
    client(fetch, origin).api.occurrences.period.$get({
      query: {
        ...filterQuery(q),
        from: q.from,
        to: q.to,
        perDay: optional(q.perDay),
      },
    }),
  );

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id from the page's URL that is no UUID names nothing: a 404, not the API's 400. */
const mustBeUuid = (id: string) => {
  if (!UUID.test(id)) throw new ApiError(404);
};

export const getEvent = async (fetch: Fetch, origin: string, id: string, lang: Locale) => {
  mustBeUuid(id);
  return body(client(fetch, origin).api.events[':id'].$get({ param: { id }, query: { lang } }));
};

export interface VenueQuery {
  lang: Locale;
  municipality?: string | undefined;
  minCapacity?: number | undefined;
  /** All of these are required. */
  accessibility?: readonly string[] | undefined;
  equipment?: readonly string[] | undefined;
  /** Free at: a date, or a weekday with from and until; with start and end (local times). */
  date?: string | undefined;
  weekday?: string | undefined;
  from?: string | undefined;
  until?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The catalogue, or the API's refusal (a "free at" slot that cannot be, typed into the form). */
export const listVenues = (fetch: Fetch, origin: string, q: VenueQuery) =>
  result(
    client(fetch, origin).api.venues.$get({
      query: {
        lang: q.lang,
        municipality: optional(q.municipality),
        minCapacity: optional(q.minCapacity),
        accessibility: optional(q.accessibility?.join(',')),
        equipment: optional(q.equipment?.join(',')),
        date: optional(q.date),
        weekday: optional(q.weekday),
        from: optional(q.from),
        until: optional(q.until),
        start: optional(q.start),
        end: optional(q.end),
        limit: optional(q.limit),
        offset: optional(q.offset),
      },
    }),
  );

export const getVenue = async (fetch: Fetch, origin: string, id: string, lang: Locale) => {
  mustBeUuid(id);
  return body(client(fetch, origin).api.venues[':id'].$get({ param: { id }, query: { lang } }));
};

/** Free/busy per space for the local dates `from`..`to` (yyyy-MM-dd, in the venue's zone). */
export const getVenueBusy = (
  fetch: Fetch,
  origin: string,
  id: string,
  query: { from: string; to: string; lang: Locale },
) => body(client(fetch, origin).api.venues[':id'].busy.$get({ param: { id }, query }));

export const listCategories = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.categories.$get({ query: { lang } }));

export const listMunicipalities = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.municipalities.$get({ query: { lang } }));

/** The installation's public facts (the accessibility statement's feedback address). */
export const getSite = (fetch: Fetch, origin: string) =>
  body(client(fetch, origin).api.site.$get());

// Session and account (docs/api-contract.md "Session and account").

export type SessionView = OkBody<
  Awaited<ReturnType<ReturnType<typeof client>['api']['session']['$get']>>
>;

/** The signed-in visitor with their roles, or null (no session, or it expired). */
export async function getSession(fetch: Fetch, origin: string): Promise<SessionView | null> {
  const response = await client(fetch, origin).api.session.$get();
  if (response.status === 401) return null;
  if (response.status !== 200) throw new ApiError((response as Response).status);
  return (await response.json()) as SessionView;
}

export const signIn = (fetch: Fetch, origin: string, json: { email: string; password: string }) =>
  result(client(fetch, origin).api.session.$post({ json }));

/** The municipality's identity provider for staff, or null when none is configured. */
export async function getOidcProvider(
  fetch: Fetch,
  origin: string,
): Promise<{ name: string } | null> {
  const response = await client(fetch, origin).api.session.oidc.$get();
  if (response.status === 404) return null;
  if (response.status !== 200) throw new ApiError((response as Response).status);
  return (await response.json()) as { name: string };
}

/** Starts a staff sign-in at the identity provider: its authorization URL (the state cookie travels back). */
export const startOidcSignIn = (
  fetch: Fetch,
  origin: string,
  json: { locale: Locale; returnTo?: string },
) => result(client(fetch, origin).api.session.oidc.$post({ json }));

export const signOut = (fetch: Fetch, origin: string) =>
  result(client(fetch, origin).api.session.$delete());

export const signOutEverywhere = (fetch: Fetch, origin: string) =>
  result(client(fetch, origin).api.sessions.$delete());

export const signUp = (
  fetch: Fetch,
  origin: string,
  json: { name: string; email: string; password: string; locale: Locale },
) => result(client(fetch, origin).api.account.$post({ json }));

export const forgotPassword = (fetch: Fetch, origin: string, json: { email: string }) =>
  result(client(fetch, origin).api.password.forgot.$post({ json }));

export const resetPassword = (
  fetch: Fetch,
  origin: string,
  json: { token: string; password: string },
) => result(client(fetch, origin).api.password.reset.$post({ json }));

export const changePassword = (
  fetch: Fetch,
  origin: string,
  json: { currentPassword: string; newPassword: string },
) => result(client(fetch, origin).api.account.password.$put({ json }));

export const changeEmail = (fetch: Fetch, origin: string, json: { newEmail: string }) =>
  result(client(fetch, origin).api.account.email.$put({ json }));

export const deleteAccount = (fetch: Fetch, origin: string, json: { password: string }) =>
  result(client(fetch, origin).api.account.$delete({ json }));

export interface AuditQuery {
  municipality: string;
  from?: string | undefined;
  to?: string | undefined;
  actor?: string | undefined;
  entity?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export const listAudit = (fetch: Fetch, origin: string, q: AuditQuery) =>
  body(
    client(fetch, origin).api.staff.audit.$get({
      query: {
        municipality: q.municipality,
        from: optional(q.from),
        to: optional(q.to),
        actor: optional(q.actor),
        entity: optional(q.entity),
        limit: optional(q.limit),
        offset: optional(q.offset),
      },
    }),
  );

// Staff: the municipality's venues (docs: OpenAPI tag "Staff: venues").

export const listStaffVenues = (fetch: Fetch, origin: string, lang: Locale) =>
  result(client(fetch, origin).api.staff.venues.$get({ query: { lang } }));

export const getStaffVenue = async (fetch: Fetch, origin: string, id: string, lang: Locale) => {
  mustBeUuid(id);
  return result(
    client(fetch, origin).api.staff.venues[':id'].$get({ param: { id }, query: { lang } }),
  );
};

type VenueRoute = ReturnType<typeof client>['api']['staff']['venues'][':id'];
export type StaffVenuePatch = Parameters<VenueRoute['$patch']>[0]['json'];

export const updateStaffVenue = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  json: StaffVenuePatch,
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].$patch({ param: { id }, query: { lang }, json }),
  );

export const setVenueBookable = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  bookable: boolean,
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].bookable.$put({
      param: { id },
      query: { lang },
      json: { bookable },
    }),
  );

export const addVenuePhoto = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  form: { file: File; alt: string },
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].photos.$post({
      param: { id },
      query: { lang },
      form,
    }),
  );

export const removeVenuePhoto = (
  fetch: Fetch,
  origin: string,
  id: string,
  photoId: string,
  lang: Locale,
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].photos[':photoId'].$delete({
      param: { id, photoId },
      query: { lang },
    }),
  );

export type NewVenue = Parameters<
  ReturnType<typeof client>['api']['staff']['venues']['$post']
>[0]['json'];

export const createStaffVenue = (fetch: Fetch, origin: string, json: NewVenue) =>
  result(client(fetch, origin).api.staff.venues.$post({ json }));

export const addVenueSpace = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  json: { name: Record<string, string>; capacity: number | null },
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].spaces.$post({
      param: { id },
      query: { lang },
      json,
    }),
  );

export const removeVenueSpace = (
  fetch: Fetch,
  origin: string,
  id: string,
  spaceId: string,
  lang: Locale,
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].spaces[':spaceId'].$delete({
      param: { id, spaceId },
      query: { lang },
    }),
  );

type PhotoRoute = ReturnType<typeof client>['api']['staff']['venues'][':id']['photos'][':photoId'];
export type VenuePhotoPatch = Parameters<PhotoRoute['$patch']>[0]['json'];

/** A photo's alt text (every language at once) or its place in the order (0 = first). */
export const updateVenuePhoto = (
  fetch: Fetch,
  origin: string,
  id: string,
  photoId: string,
  lang: Locale,
  json: VenuePhotoPatch,
) =>
  result(
    client(fetch, origin).api.staff.venues[':id'].photos[':photoId'].$patch({
      param: { id, photoId },
      query: { lang },
      json,
    }),
  );

export type BuildingPatch = Parameters<
  ReturnType<typeof client>['api']['staff']['buildings'][':id']['$patch']
>[0]['json'];

export const updateStaffBuilding = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: BuildingPatch,
) => result(client(fetch, origin).api.staff.buildings[':id'].$patch({ param: { id }, json }));

// Associations (apps/api/src/routes/associations/associations.routes.ts; /api/openapi.json).

export interface AssociationQuery {
  lang: Locale;
  municipality?: string | undefined;
  language?: ContentLanguage | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

/** The public directory: verified associations only. */
export const listAssociations = (fetch: Fetch, origin: string, q: AssociationQuery) =>
  body(
    client(fetch, origin).api.associations.$get({
      query: {
        lang: q.lang,
        municipality: optional(q.municipality),
        language: q.language || undefined,
        q: optional(q.q),
        limit: optional(q.limit),
        offset: optional(q.offset),
      },
    }),
  );

/** A verified association's public profile (404 for any other). */
export const getAssociation = async (fetch: Fetch, origin: string, id: string, lang: Locale) => {
  mustBeUuid(id);
  return body(
    client(fetch, origin).api.associations[':id'].$get({ param: { id }, query: { lang } }),
  );
};

/** The association with contacts and verification, for its members and its staff (else 404). */
export const getAssociationDetails = async (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
) => {
  mustBeUuid(id);
  return body(
    client(fetch, origin).api.associations[':id'].details.$get({ param: { id }, query: { lang } }),
  );
};

/** The profile as the API takes it (packages/domain AssociationProfile). */
export interface AssociationProfileInput {
  name: Partial<Record<ContentLanguage, string>>;
  description: Partial<Record<ContentLanguage, string>>;
  languages: ContentLanguage[];
  businessId?: string | undefined;
  website?: string | undefined;
  contactEmail: string;
  contactPhone?: string | undefined;
}

export const registerAssociation = (
  fetch: Fetch,
  origin: string,
  json: AssociationProfileInput & { municipality: string },
) => result(client(fetch, origin).api.associations.$post({ json }));

export const updateAssociation = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: AssociationProfileInput,
) => result(client(fetch, origin).api.associations[':id'].$put({ param: { id }, json }));

export const decideAssociation = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { decision: 'verify' } | { decision: 'reject'; reason: string },
) => result(client(fetch, origin).api.associations[':id'].decision.$post({ param: { id }, json }));

/** The associations of the caller's municipalities (staff), optionally by verification state. */
export const listStaffAssociations = (
  fetch: Fetch,
  origin: string,
  query: { lang: Locale; verification?: 'unverified' | 'pending' | 'verified' | 'rejected' },
) => body(client(fetch, origin).api.staff.associations.$get({ query }));

export const listMembers = (fetch: Fetch, origin: string, id: string) =>
  body(client(fetch, origin).api.associations[':id'].members.$get({ param: { id } }));

export const inviteMember = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { email: string; role: 'admin' | 'member'; locale: Locale },
) =>
  result(client(fetch, origin).api.associations[':id'].invitations.$post({ param: { id }, json }));

export const removeMember = (fetch: Fetch, origin: string, id: string, userId: string) =>
  result(
    client(fetch, origin).api.associations[':id'].members[':userId'].$delete({
      param: { id, userId },
    }),
  );

export const acceptInvitation = (fetch: Fetch, origin: string, token: string) =>
  result(client(fetch, origin).api.invitations.accept.$post({ json: { token } }));

/** Uploads the association's logo with its alt text (JSON per language); replaces the old one. */
export const setAssociationLogo = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  form: { file: File; alt: string },
) =>
  result(
    client(fetch, origin).api.associations[':id'].logo.$put({
      param: { id },
      query: { lang },
      form,
    }),
  );

export const removeAssociationLogo = (fetch: Fetch, origin: string, id: string, lang: Locale) =>
  result(
    client(fetch, origin).api.associations[':id'].logo.$delete({ param: { id }, query: { lang } }),
  );

// Administration of the installation (OpenAPI tag "Administration").

type AdminApi = ReturnType<typeof client>['api']['admin'];
export type MunicipalityInput = Parameters<AdminApi['municipalities']['$post']>[0]['json'];
export type MunicipalityPatch = Parameters<AdminApi['municipalities'][':id']['$patch']>[0]['json'];
export type CategoryInput = Parameters<AdminApi['categories']['$post']>[0]['json'];
export type CategoryPatch = Parameters<AdminApi['categories'][':slug']['$patch']>[0]['json'];
export type StaffRoleKind = 'staff' | 'admin';

export const listAdminMunicipalities = (fetch: Fetch, origin: string, lang: Locale) =>
  result(client(fetch, origin).api.admin.municipalities.$get({ query: { lang } }));

export const getAdminMunicipality = async (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
) => {
  mustBeUuid(id);
  return result(
    client(fetch, origin).api.admin.municipalities[':id'].$get({ param: { id }, query: { lang } }),
  );
};

export const createMunicipality = (fetch: Fetch, origin: string, json: MunicipalityInput) =>
  result(client(fetch, origin).api.admin.municipalities.$post({ json }));

export const updateMunicipality = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  json: MunicipalityPatch,
) =>
  result(
    client(fetch, origin).api.admin.municipalities[':id'].$patch({
      param: { id },
      query: { lang },
      json,
    }),
  );

export const grantStaffRole = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  json: { email: string; role: StaffRoleKind },
) =>
  result(
    client(fetch, origin).api.admin.municipalities[':id']['staff-roles'].$post({
      param: { id },
      query: { lang },
      json,
    }),
  );

export const revokeStaffRole = (
  fetch: Fetch,
  origin: string,
  id: string,
  lang: Locale,
  userId: string,
  role: StaffRoleKind,
) =>
  result(
    client(fetch, origin).api.admin.municipalities[':id']['staff-roles'][':userId'][
      ':role'
    ].$delete({ param: { id, userId, role }, query: { lang } }),
  );

export const listAdminCategories = (fetch: Fetch, origin: string, lang: Locale) =>
  result(client(fetch, origin).api.admin.categories.$get({ query: { lang } }));

export const createCategory = (fetch: Fetch, origin: string, lang: Locale, json: CategoryInput) =>
  result(client(fetch, origin).api.admin.categories.$post({ query: { lang }, json }));

export const updateCategory = (
  fetch: Fetch,
  origin: string,
  slug: string,
  lang: Locale,
  json: CategoryPatch,
) =>
  result(
    client(fetch, origin).api.admin.categories[':slug'].$patch({
      param: { slug },
      query: { lang },
      json,
    }),
  );

export const deleteCategory = (fetch: Fetch, origin: string, slug: string) =>
  result(client(fetch, origin).api.admin.categories[':slug'].$delete({ param: { slug } }));

// Booking requests (apps/api/src/routes/bookings/bookings.routes.ts; decision 013).

type BookingsRoute = ReturnType<typeof client>['api']['bookings'];
export type NewBookingRequest = Parameters<BookingsRoute['$post']>[0]['json'];

/** Ask for a room (201), or a clash (409 with `clashes`), broken rules (422 with `issues`). */
export const createBooking = (
  fetch: Fetch,
  origin: string,
  lang: Locale,
  json: NewBookingRequest,
) => result(client(fetch, origin).api.bookings.$post({ query: { lang }, json }));

/** The requests of the visitor's associations and their own, newest first. */
export const listMyBookings = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.bookings.$get({ query: { lang, mine: '' } }));

/** One request with its dates, decisions and history (404, or 403 for a stranger). */
export const getBooking = async (fetch: Fetch, origin: string, id: string, lang: Locale) => {
  mustBeUuid(id);
  return body(client(fetch, origin).api.bookings[':id'].$get({ param: { id }, query: { lang } }));
};

// The three changes share one route factory whose path is a template (`/bookings/{id}/${path}`),
// so the typed client knows them only by an index signature: hence the `!`.

/** Some dates of a request (local yyyy-MM-dd); all of them when left out. */
export interface BookingChange {
  dates?: string[] | undefined;
  reason?: string | undefined;
}

/** One of the three changes of a request's dates: 200 with the request, or its refusal. */
const changeBooking =
  <Change extends BookingChange>(path: 'withdraw' | 'cancel' | 'decision') =>
  (fetch: Fetch, origin: string, id: string, lang: Locale, json: Change) =>
    result(
      client(fetch, origin).api.bookings[':id'][path]!.$post({
        param: { id },
        query: { lang },
        json,
      }),
    );

/** A member withdraws pending dates. */
export const withdrawBooking = changeBooking<BookingChange>('withdraw');
/** A member (up to the venue's deadline) or staff (with a reason) cancel approved dates. */
export const cancelBooking = changeBooking<BookingChange>('cancel');
/** Staff approve or reject pending dates. */
export const decideBooking = changeBooking<BookingChange & { decision: 'approve' | 'reject' }>(
  'decision',
);

/** Staff: pending requests of their municipalities, oldest first, with rules and the same days. */
export const staffBookingQueue = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.staff.bookings.$get({ query: { lang } }));

// Events: writing and managing (apps/api/src/routes/events/event-writes.routes.ts; issue 8).

type EventsRoute = ReturnType<typeof client>['api']['events'];
export type NewEvent = Parameters<EventsRoute['$post']>[0]['json'];
export type EventPatch = Parameters<EventsRoute[':id']['$patch']>[0]['json'];

/** A draft (201 ManagedEvent), or refused fields (400), dates outside the bookings (422 `issues`). */
export const createEvent = (fetch: Fetch, origin: string, json: NewEvent) =>
  result(client(fetch, origin).api.events.$post({ json }));

/** The events of the visitor's associations, and for staff of their municipalities. */
export const listMyEvents = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.events.mine.$get({ query: { lang } }));

/** An event as its organizer sees it (every text, each date's booking and participants). */
export type ManagedEventView = NonNullable<SuccessBody<Awaited<ReturnType<EventsRoute['$post']>>>>;

/**
 * The event for its organizer and staff (404, 401, 403 as ApiError). Its path sits beside
 * the template paths of the event actions, which leave it untyped in the client: fetched
 * plainly, typed by the create route's answer (the same ManagedEvent schema).
 */
export const getManagedEvent = async (fetch: Fetch, origin: string, id: string) => {
  mustBeUuid(id);
  const response = await fetch(new URL(`/api/events/${id}/manage`, origin));
  if (response.status !== 200) throw new ApiError(response.status);
  return (await response.json()) as ManagedEventView;
};

export const updateEvent = (fetch: Fetch, origin: string, id: string, json: EventPatch) =>
  result(client(fetch, origin).api.events[':id'].$patch({ param: { id }, json }));

/**
 * Uploads the event's image with its alt text (JSON per language); replaces the old one.
 * Its path is hidden from the typed client by the event actions' template paths (see
 * getManagedEvent): sent plainly, answered as any write.
 */
export const setEventImage = (
  fetch: Fetch,
  origin: string,
  id: string,
  form: { file: File; alt: string },
) => {
  mustBeUuid(id);
  const body = new FormData();
  body.set('file', form.file);
  body.set('alt', form.alt);
  return result(fetch(new URL(`/api/events/${id}/image`, origin), { method: 'PUT', body }));
};

export const removeEventImage = (fetch: Fetch, origin: string, id: string) => {
  mustBeUuid(id);
  return result(fetch(new URL(`/api/events/${id}/image`, origin), { method: 'DELETE' }));
};

// The event and occurrence actions share route factories whose paths are templates, so the
// typed client knows them only by an index signature: hence the `!`.

export const publishEvent = (fetch: Fetch, origin: string, id: string) =>
  result(client(fetch, origin).api.events[':id'].publish!.$post({ param: { id } }));

// Their bodies are left untyped too (the factory's schema is a plain z.ZodType): the body
// travels beside the typed `param`.
const withBody = (id: string, json: unknown) => ({ param: { id }, json });

export const cancelEvent = (fetch: Fetch, origin: string, id: string, json: { reason?: string }) =>
  result(client(fetch, origin).api.events[':id'].cancel!.$post(withBody(id, json)));

/** Staff take a published event off the calendar; the reason is required. */
export const unpublishEvent = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { reason: string },
) => result(client(fetch, origin).api.events[':id'].unpublish!.$post(withBody(id, json)));

export const cancelOccurrence = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { reason?: string },
) => result(client(fetch, origin).api.occurrences[':id'].cancel!.$post(withBody(id, json)));

/** A date to a new time (ISO instants with offset); at a venue, inside a booking (else 422). */
export const moveOccurrence = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { start: string; end: string },
) => result(client(fetch, origin).api.occurrences[':id'].move!.$post(withBody(id, json)));

export const recordAttendance = (
  fetch: Fetch,
  origin: string,
  id: string,
  json: { participants: number },
) => result(client(fetch, origin).api.occurrences[':id'].attendance!.$put(withBody(id, json)));

/** Staff: past dates in their municipalities with no participant count yet. */
export const listUncountedOccurrences = (fetch: Fetch, origin: string, lang: Locale) =>
  body(client(fetch, origin).api.staff.attendance.$get({ query: { lang } }));

/** My live private calendar links (never their tokens). */
export const listFeedTokens = (fetch: Fetch, origin: string) =>
  result(client(fetch, origin).api['feed-tokens'].$get());

/** Makes (or renews) my private link for a scope: the answer holds the link, this once. */
export const createFeedToken = (
  fetch: Fetch,
  origin: string,
  lang: Locale,
  scope: { kind: 'venue' | 'municipality' | 'association'; id: string },
) => result(client(fetch, origin).api['feed-tokens'].$post({ query: { lang }, json: { scope } }));

export const revokeFeedToken = (fetch: Fetch, origin: string, id: string) =>
  result(client(fetch, origin).api['feed-tokens'][':id'].$delete({ param: { id } }));

// Staff reports (issue 11; apps/api/src/routes/reports; docs/decisions/018-reports.md).

/** A report's scope and period as the API takes them: a municipality, a region or neither (all). */
export interface ReportQuery {
  lang: Locale;
  municipality?: string | undefined;
  region?: string | undefined;
  year?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The indicators, or the API's refusal (400 naming the period field that is wrong). */
export const getReportIndicators = (fetch: Fetch, origin: string, q: ReportQuery) =>
  result(
    client(fetch, origin).api.reports.indicators.$get({
      query: {
        lang: q.lang,
        municipality: optional(q.municipality),
        region: optional(q.region),
        year: optional(q.year),
        from: optional(q.from),
        to: optional(q.to),
      },
    }),
  );

/** The indicators' JSON (the route's 200 also describes its CSV, a string: left out). */
export type ReportView = Exclude<
  NonNullable<
    SuccessBody<
      Awaited<ReturnType<ReturnType<typeof client>['api']['reports']['indicators']['$get']>>
    >
  >,
  string
>;
