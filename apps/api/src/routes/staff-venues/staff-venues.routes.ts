import { createRoute, z } from '@hono/zod-openapi';
import { ACCESS_METHODS, PHOTO_MAX_BYTES } from '@motesplats/domain';
import { CreateBuildingInput } from '../../services/venues-admin/create-building';
import { UpdateBuildingInput } from '../../services/venues-admin/update-building';
import { CreateVenueInput } from '../../services/venues-admin/create-venue';
import { UpdateVenueInput } from '../../services/venues-admin/update-venue';
import { SetBookableInput } from '../../services/venues-admin/set-bookable';
import { AddSpaceInput, UpdateSpaceInput } from '../../services/venues-admin/spaces';
import { UpdatePhotoInput } from '../../services/venues-admin/photos';
import { Lang, Localized, Uuid, json, problem } from '../shared/schemas';

/** Staff's own premises (issue 6 §5): every route answers only staff of the municipality. */
const Texts = z.partialRecord(z.string(), z.string()).openapi('LocalizedTexts', {
  description: 'Texts per language as stored, e.g. {"sv": "Festsalen", "fi": "Juhlasali"}',
});

export const StaffVenue = z
  .object({
    id: z.uuid(),
    municipality: z.object({
      id: z.uuid(),
      slug: z.string(),
      name: Localized,
      languages: z.array(z.string()),
      timeZone: z.string(),
    }),
    building: z.object({
      id: z.uuid(),
      name: Texts,
      street: z.string(),
      postalCode: z.string(),
      city: z.string(),
      coordinates: z.object({ lat: z.number(), lon: z.number() }).nullable(),
    }),
    name: Texts,
    description: Texts,
    capacity: z.number().int(),
    accessibility: z.array(z.string()),
    equipment: z.array(z.string()),
    openingHours: z.array(
      z.object({ weekday: z.number().int(), opens: z.string(), closes: z.string() }),
    ),
    minDurationMinutes: z.number().int(),
    maxDurationMinutes: z.number().int(),
    horizonDays: z.number().int(),
    leadTimeHours: z.number().int(),
    bufferMinutes: z.number().int(),
    maxOpenRequests: z.number().int(),
    cancellationDeadlineHours: z.number().int(),
    blackoutDates: z.array(z.string()),
    termsOfUse: Texts,
    accessMethod: z.enum(ACCESS_METHODS),
    accessInstructions: Texts.openapi({ description: 'Never public: for approved bookers only' }),
    bookable: z.boolean(),
    spaces: z.array(
      z.object({
        id: z.uuid(),
        parentId: z.uuid().nullable(),
        name: Texts,
        capacity: z.number().int().nullable(),
      }),
    ),
    photos: z.array(
      z.object({ id: z.uuid(), url: z.string(), alt: Texts, position: z.number().int() }),
    ),
    updatedAt: z.string(),
  })
  .openapi('StaffVenue');

export const StaffPremises = z
  .object({
    municipalities: z.array(
      z.object({
        id: z.uuid(),
        slug: z.string(),
        name: Localized,
        languages: z.array(z.string()),
        buildings: z.array(
          z.object({ id: z.uuid(), name: Localized, street: z.string(), city: z.string() }),
        ),
        venues: z.array(
          z.object({
            id: z.uuid(),
            name: Localized,
            building: Localized,
            capacity: z.number().int(),
            bookable: z.boolean(),
            photos: z.number().int(),
          }),
        ),
      }),
    ),
  })
  .openapi('StaffPremises');

export const Created = z.object({ id: z.uuid() }).openapi('Created');
export const Changed = z.object({ id: z.uuid(), changed: z.array(z.string()) }).openapi('Changed');
export const PhotoAdded = z.object({ photoId: z.uuid(), venue: StaffVenue });

const guarded = {
  401: problem('Not signed in'),
  403: problem(
    'Not staff (`code: staff`), or the request came from another origin (`code: origin`)',
  ),
};
const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const VenueParams = z.object({ id: Uuid('id') });
const LangQuery = z.object({ lang: Lang });

export const listStaffVenuesRoute = createRoute({
  method: 'get',
  path: '/staff/venues',
  tags: ['Staff: venues'],
  summary: "The buildings and venues of the signed-in staff member's municipalities",
  request: { query: LangQuery },
  responses: { 200: json(StaffPremises, 'Premises by municipality'), ...guarded },
});

export const getStaffVenueRoute = createRoute({
  method: 'get',
  path: '/staff/venues/{id}',
  tags: ['Staff: venues'],
  summary: 'A venue as its staff edit it, access instructions included',
  request: { params: VenueParams, query: LangQuery },
  responses: {
    200: json(StaffVenue, 'The venue'),
    ...guarded,
    404: problem("No such venue among the staff member's municipalities"),
  },
});

export const createBuildingRoute = createRoute({
  method: 'post',
  path: '/staff/buildings',
  tags: ['Staff: venues'],
  summary: 'Add a building to a municipality the staff member works for',
  request: jsonBody(CreateBuildingInput),
  responses: {
    201: json(Created, 'The new building'),
    400: problem('A field is invalid; `errors` names it'),
    ...guarded,
  },
});

export const updateBuildingRoute = createRoute({
  method: 'patch',
  path: '/staff/buildings/{id}',
  tags: ['Staff: venues'],
  summary: "Change a building's name, address or coordinates",
  request: { params: VenueParams, ...jsonBody(UpdateBuildingInput) },
  responses: {
    200: json(Changed, 'What changed'),
    400: problem('A field is invalid; `errors` names it'),
    ...guarded,
    404: problem("No such building among the staff member's municipalities"),
  },
});

export const createVenueRoute = createRoute({
  method: 'post',
  path: '/staff/venues',
  tags: ['Staff: venues'],
  summary: 'Add a venue to one of the staff member’s buildings',
  request: jsonBody(CreateVenueInput),
  responses: {
    201: json(Created, 'The new venue'),
    400: problem('A field is invalid; `errors` names it with a code'),
    ...guarded,
    404: problem('No such building among the staff member’s municipalities'),
  },
});

export const updateVenueRoute = createRoute({
  method: 'patch',
  path: '/staff/venues/{id}',
  tags: ['Staff: venues'],
  summary: 'Change any of a venue’s texts, facts, opening hours, booking rules or blackout dates',
  request: { params: VenueParams, query: LangQuery, ...jsonBody(UpdateVenueInput) },
  responses: {
    200: json(StaffVenue, 'The venue as changed'),
    400: problem(
      'A field is invalid (e.g. `overlapping_span`, `empty_span`, `max_below_min`); `errors` names it',
    ),
    ...guarded,
    404: problem('No such venue among the staff member’s municipalities'),
  },
});

export const setBookableRoute = createRoute({
  method: 'put',
  path: '/staff/venues/{id}/bookable',
  tags: ['Staff: venues'],
  summary: 'Take a venue out of booking, or back in; nothing is deleted',
  request: { params: VenueParams, query: LangQuery, ...jsonBody(SetBookableInput) },
  responses: {
    200: json(StaffVenue, 'The venue'),
    400: problem('`bookable` must be true or false'),
    ...guarded,
    404: problem('No such venue among the staff member’s municipalities'),
  },
});

export const addSpaceRoute = createRoute({
  method: 'post',
  path: '/staff/venues/{id}/spaces',
  tags: ['Staff: venues'],
  summary: 'Divide a hall: add a part that can be booked on its own',
  description:
    'Pending and approved bookings of the whole hall that have not ended claim the new part too, in the same transaction.',
  request: { params: VenueParams, query: LangQuery, ...jsonBody(AddSpaceInput) },
  responses: {
    201: json(StaffVenue, 'The venue with its spaces'),
    400: problem('A field is invalid'),
    ...guarded,
    404: problem('No such venue among the staff member’s municipalities'),
    409: problem(
      'Bookings of the whole hall would then overlap a booking of a part (`claims_overlap`, `params.bookings`, `params.date`, `params.requests`): only where claims were left behind by an earlier edit',
    ),
  },
});

export const updateSpaceRoute = createRoute({
  method: 'patch',
  path: '/staff/venues/{id}/spaces/{spaceId}',
  tags: ['Staff: venues'],
  summary: 'Rename a space or change its capacity',
  request: {
    params: VenueParams.extend({ spaceId: Uuid('spaceId') }),
    query: LangQuery,
    ...jsonBody(UpdateSpaceInput),
  },
  responses: {
    200: json(StaffVenue, 'The venue with its spaces'),
    400: problem('A field is invalid'),
    ...guarded,
    404: problem('No such venue or space'),
  },
});

export const removeSpaceRoute = createRoute({
  method: 'delete',
  path: '/staff/venues/{id}/spaces/{spaceId}',
  tags: ['Staff: venues'],
  summary:
    'Remove a part of a divisible hall and the parts under it; the root space removes the whole division',
  description:
    'Refused while a pending or approved booking uses a removed space (or claims it through the whole hall), and for good when any booking, whatever its status, names it: bookings keep their history.',
  request: { params: VenueParams.extend({ spaceId: Uuid('spaceId') }), query: LangQuery },
  responses: {
    200: json(StaffVenue, 'The venue with the spaces left'),
    ...guarded,
    404: problem('No such venue or space'),
    409: problem(
      'A holding booking uses it (`space_in_use`, `params.bookings`, their local dates in `params.date` and requests in `params.requests`, comma-separated), bookings of it are kept as history (`space_has_bookings`), the venue is not divided (`space_not_divided`), or the claims that follow would overlap (`claims_overlap`)',
    ),
  },
});

export const PhotoForm = z.object({
  file: z.any().openapi({
    type: 'string',
    format: 'binary',
    description: 'JPEG, PNG, WebP, GIF, AVIF or plain SVG',
  }),
  alt: z
    .string()
    .openapi({ description: 'Alt text per language as JSON, e.g. {"sv":"…","fi":"…"}' }),
});

export const addPhotoRoute = createRoute({
  method: 'post',
  path: '/staff/venues/{id}/photos',
  tags: ['Staff: venues'],
  summary: `Upload a photo (at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB): stored as WebP without metadata`,
  request: {
    params: VenueParams,
    query: LangQuery,
    body: { content: { 'multipart/form-data': { schema: PhotoForm } }, required: true },
  },
  responses: {
    201: json(PhotoAdded, 'The photo and the venue'),
    400: problem(
      'Not an image (`not_an_image`), an SVG with scripts (`unsafe_svg`), an empty file, or alt text missing',
    ),
    ...guarded,
    404: problem('No such venue among the staff member’s municipalities'),
    413: problem('The upload is larger than the limit (`file_too_large`)'),
  },
});

const PhotoParams = VenueParams.extend({ photoId: Uuid('photoId') });

export const updatePhotoRoute = createRoute({
  method: 'patch',
  path: '/staff/venues/{id}/photos/{photoId}',
  tags: ['Staff: venues'],
  summary: 'Change a photo’s alt text, or move it (`position` 0 is shown first)',
  request: { params: PhotoParams, query: LangQuery, ...jsonBody(UpdatePhotoInput) },
  responses: {
    200: json(StaffVenue, 'The venue'),
    400: problem('A field is invalid'),
    ...guarded,
    404: problem('No such venue or photo'),
  },
});

export const removePhotoRoute = createRoute({
  method: 'delete',
  path: '/staff/venues/{id}/photos/{photoId}',
  tags: ['Staff: venues'],
  summary: 'Remove a photo and its stored files',
  request: { params: PhotoParams, query: LangQuery },
  responses: {
    200: json(StaffVenue, 'The venue'),
    ...guarded,
    404: problem('No such venue or photo'),
  },
});
