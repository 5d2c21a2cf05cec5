import type { associations, municipalities } from '@motesplats/db';
import type { Localizer } from '../shared/localize';

type Association = typeof associations.$inferSelect;
type Municipality = typeof municipalities.$inferSelect;

/** What anyone may see of a verified association: no contacts, no people. */
export const publicAssociation = (t: Localizer, a: Association, m: Municipality) => ({
  id: a.id,
  name: t.must(a.name),
  description: t(a.description),
  languages: a.languages,
  website: a.website,
  logo: a.logoUrl ? { url: a.logoUrl, alt: t(a.logoAlt) } : null,
  municipality: { slug: m.slug, name: t.must(m.name) },
});

/** What its members and the municipality's staff see besides: contacts and the verification. */
export const privateAssociation = (t: Localizer, a: Association, m: Municipality) => ({
  ...publicAssociation(t, a, m),
  texts: { name: a.name, description: a.description, logoAlt: a.logoAlt },
  businessId: a.businessId,
  contactEmail: a.contactEmail,
  contactPhone: a.contactPhone,
  verification: a.verification,
  verifiedAt: a.verifiedAt?.toISOString() ?? null,
  rejectionReason: a.rejectionReason,
  createdAt: a.createdAt.toISOString(),
});
