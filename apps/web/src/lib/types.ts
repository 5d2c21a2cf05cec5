// Response shapes of the public JSON API, read off the API's own route types through
// hono's typed client (the same client lib/server/api.ts calls), and the vocabularies the
// web app has words for (lib/labels.ts), which the API sends as plain strings.
import type { hc, InferResponseType } from 'hono/client';
import type { AppType } from '@motesplats/api/types';

type Api = ReturnType<typeof hc<AppType>>['api'];

// Response shapes, read off the API's own schemas.
export type OccurrencePage = InferResponseType<Api['occurrences']['$get'], 200>;
export type Occurrence = OccurrencePage['items'][number];
export type Page = OccurrencePage['page'];
export type EventDetail = InferResponseType<Api['events'][':id']['$get'], 200>;
export type VenuePage = InferResponseType<Api['venues']['$get'], 200>;
export type VenueSummary = VenuePage['items'][number];
export type VenueDetail = InferResponseType<Api['venues'][':id']['$get'], 200>;
export type VenueBusy = InferResponseType<Api['venues'][':id']['busy']['$get'], 200>;
export type Interval = VenueBusy['busy'][number];
export type BusySpace = VenueBusy['spaces'][number];
export type FreeAt = NonNullable<VenuePage['freeAt']>;
export type Category = InferResponseType<Api['categories']['$get'], 200>['items'][number];
export type Municipality = InferResponseType<Api['municipalities']['$get'], 200>['items'][number];
export type Localized = Occurrence['event']['title'];
export type AssociationPage = InferResponseType<Api['associations']['$get'], 200>;
export type AssociationSummary = AssociationPage['items'][number];
export type AssociationDetail = InferResponseType<
  Api['associations'][':id']['details']['$get'],
  200
>;

// The vocabularies come from the domain, the one list the API validates with.
export {
  AUDIENCES,
  type Audience,
  ACCESSIBILITY as ACCESSIBILITY_FEATURES,
  EQUIPMENT,
  ACCESS_METHODS,
  type AccessibilityFeature,
  type Equipment,
  type AccessMethod as Access,
} from '@motesplats/domain/client';

// Staff pages.
export type StaffPremises = InferResponseType<Api['staff']['venues']['$get'], 200>;
export type StaffVenue = InferResponseType<Api['staff']['venues'][':id']['$get'], 200>;

// Administration.
export type AdminMunicipalities = InferResponseType<Api['admin']['municipalities']['$get'], 200>;
export type AdminMunicipality = InferResponseType<
  Api['admin']['municipalities'][':id']['$get'],
  200
>;
export type AdminCategory = InferResponseType<
  Api['admin']['categories']['$get'],
  200
>['items'][number];

// Booking requests.
export type BookingRequestView = InferResponseType<Api['bookings'][':id']['$get'], 200>;
export type BookingDate = BookingRequestView['bookings'][number];
export type BookingStatus = BookingDate['status'];
export type BookingQueueItem = InferResponseType<
  Api['staff']['bookings']['$get'],
  200
>['items'][number];
