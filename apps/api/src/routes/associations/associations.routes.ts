import { createRoute, z } from '@hono/zod-openapi';
import { CONTENT_LANGUAGES, PHOTO_MAX_BYTES } from '@motesplats/domain';
import { RegisterAssociationInput } from '../../services/associations/register-association';
import { DecisionInput } from '../../services/associations/decide-association';
import { InviteInput } from '../../services/associations/members';
import { AssociationProfile } from '@motesplats/domain';
import { ImageForm } from '../shared/image-form';
import {
  IdParams,
  Lang,
  Localized,
  PageMeta,
  Paging,
  Uuid,
  json,
  problems,
  problem,
  jsonBody,
} from '../shared/schemas';

const Verification = z.enum(['unverified', 'pending', 'verified', 'rejected']);

export const AssociationPublic = z
  .object({
    id: z.uuid(),
    name: Localized,
    description: Localized.nullable(),
    languages: z.array(z.string()),
    website: z.string().nullable(),
    logo: z.object({ url: z.string(), alt: Localized.nullable() }).nullable(),
    municipality: z.object({ slug: z.string(), name: Localized }),
  })
  .openapi('Association');

export const AssociationPage = z.object({ items: z.array(AssociationPublic), page: PageMeta });

export const AssociationPrivate = AssociationPublic.extend({
  /** Every language as written, for the edit form. */
  texts: z.object({
    name: z.partialRecord(z.string(), z.string()),
    description: z.partialRecord(z.string(), z.string()),
    logoAlt: z.partialRecord(z.string(), z.string()),
  }),
  businessId: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  verification: Verification,
  verifiedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  createdAt: z.string(),
}).openapi('AssociationDetails');

export const AssociationState = z.object({
  id: z.uuid(),
  verification: Verification,
  rejectionReason: z.string().nullable().optional(),
});

export const Members = z
  .object({
    members: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        email: z.string(),
        role: z.enum(['admin', 'member']),
        since: z.string(),
      }),
    ),
    invitations: z.array(
      z.object({
        id: z.uuid(),
        email: z.string(),
        role: z.enum(['admin', 'member']),
        expiresAt: z.string(),
      }),
    ),
  })
  .openapi('Members');

export const Invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.enum(['admin', 'member']),
  expiresAt: z.string(),
});

const signedIn = {
  401: problem('Not signed in'),
  403: problem('Not allowed for this actor (`code` names the scope), or wrong origin'),
};

export const listAssociationsRoute = createRoute({
  method: 'get',
  path: '/associations',
  tags: ['Associations'],
  summary: 'The public directory: verified associations, searchable and filtered by language',
  request: {
    query: z.object({
      lang: Lang,
      municipality: z
        .string()
        .regex(/^[a-z0-9-]{1,63}$/, 'must be a municipality slug')
        .optional(),
      language: z.enum(CONTENT_LANGUAGES).optional(),
      q: z.string().trim().max(100).optional(),
      ...Paging,
    }),
  },
  responses: { 200: json(AssociationPage, 'A page of associations'), 400: problems[400] },
});

export const getAssociationRoute = createRoute({
  method: 'get',
  path: '/associations/{id}',
  tags: ['Associations'],
  summary: 'A verified association’s public profile',
  request: { params: IdParams, query: z.object({ lang: Lang }) },
  responses: {
    200: json(AssociationPublic, 'The association'),
    400: problems[400],
    404: problems[404],
  },
});

export const getAssociationDetailsRoute = createRoute({
  method: 'get',
  path: '/associations/{id}/details',
  tags: ['Associations'],
  summary:
    'The association with its contacts and verification: for its members and its municipality’s staff',
  request: { params: IdParams, query: z.object({ lang: Lang }) },
  responses: {
    200: json(AssociationPrivate, 'The association'),
    401: problem('Not signed in'),
    404: problems[404],
  },
});

export const registerAssociationRoute = createRoute({
  method: 'post',
  path: '/associations',
  tags: ['Associations'],
  summary: 'Register an association (it waits for the municipality’s staff to verify it)',
  request: jsonBody(RegisterAssociationInput),
  responses: {
    201: json(AssociationState, 'Registered, pending verification'),
    400: problems[400],
    ...signedIn,
  },
});

export const updateAssociationRoute = createRoute({
  method: 'put',
  path: '/associations/{id}',
  tags: ['Associations'],
  summary: 'Edit the profile (the association’s administrators)',
  request: { params: IdParams, ...jsonBody(AssociationProfile) },
  responses: {
    200: json(AssociationState, 'Saved'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
  },
});

export const decideAssociationRoute = createRoute({
  method: 'post',
  path: '/associations/{id}/decision',
  tags: ['Associations'],
  summary: 'Verify, or reject with a reason (staff of the association’s municipality)',
  request: { params: IdParams, ...jsonBody(DecisionInput) },
  responses: {
    200: json(AssociationState, 'Decided'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
    409: problem('Already verified'),
  },
});

export const staffAssociationsRoute = createRoute({
  method: 'get',
  path: '/staff/associations',
  tags: ['Associations'],
  summary:
    'The associations of the municipalities where the caller is staff (the verification queue)',
  request: { query: z.object({ lang: Lang, verification: Verification.optional() }) },
  responses: {
    200: json(z.object({ items: z.array(AssociationPrivate) }), 'Associations'),
    400: problems[400],
    401: problem('Not signed in'),
  },
});

export const listMembersRoute = createRoute({
  method: 'get',
  path: '/associations/{id}/members',
  tags: ['Associations'],
  summary: 'Members and open invitations (the association’s administrators)',
  request: { params: IdParams },
  responses: { 200: json(Members, 'Members'), ...signedIn, 404: problems[404] },
});

export const inviteRoute = createRoute({
  method: 'post',
  path: '/associations/{id}/invitations',
  tags: ['Associations'],
  summary: 'Invite someone by e-mail (the association’s administrators)',
  request: { params: IdParams, ...jsonBody(InviteInput) },
  responses: {
    201: json(Invitation, 'Invited; the link is mailed'),
    400: problems[400],
    ...signedIn,
    404: problems[404],
    409: problem('Already a member'),
  },
});

export const removeMemberRoute = createRoute({
  method: 'delete',
  path: '/associations/{id}/members/{userId}',
  tags: ['Associations'],
  summary: 'Remove a member (the association’s administrators; the last administrator stays)',
  request: { params: z.object({ id: Uuid('id'), userId: Uuid('userId') }) },
  responses: {
    204: { description: 'Removed' },
    ...signedIn,
    404: problems[404],
    409: problem('The last administrator cannot be removed'),
  },
});

export const acceptInvitationRoute = createRoute({
  method: 'post',
  path: '/invitations/accept',
  tags: ['Associations'],
  summary: 'Join an association by the mailed link (signed in with the invited address)',
  request: jsonBody(z.object({ token: z.string().min(1).max(200) })),
  responses: {
    200: json(z.object({ associationId: z.uuid(), role: z.enum(['admin', 'member']) }), 'Joined'),
    400: problems[400],
    ...signedIn,
    404: problem('No such open invitation for this address'),
  },
});

export const setLogoRoute = createRoute({
  method: 'put',
  path: '/associations/{id}/logo',
  tags: ['Associations'],
  summary: `Upload the association’s logo (at most ${PHOTO_MAX_BYTES / 1024 / 1024} MB) with alt text; replaces the previous one`,
  request: {
    params: IdParams,
    query: z.object({ lang: Lang }),
    body: { content: { 'multipart/form-data': { schema: ImageForm } }, required: true },
  },
  responses: {
    200: json(AssociationPrivate, 'The association with its new logo'),
    400: problem(
      'Not an image (`not_an_image`), an SVG with scripts (`unsafe_svg`), an empty file, or alt text missing',
    ),
    ...signedIn,
    404: problems[404],
    413: problem('The upload is larger than the limit (`file_too_large`)'),
  },
});

export const removeLogoRoute = createRoute({
  method: 'delete',
  path: '/associations/{id}/logo',
  tags: ['Associations'],
  summary: 'Remove the association’s logo and its stored files',
  request: { params: IdParams, query: z.object({ lang: Lang }) },
  responses: {
    200: json(AssociationPrivate, 'The association without a logo'),
    ...signedIn,
    404: problems[404],
  },
});
