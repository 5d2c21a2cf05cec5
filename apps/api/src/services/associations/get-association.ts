import { DomainFailure, holds, notFound } from '@motesplats/domain';
import type { ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { privateAssociation, publicAssociation } from './association-views';
import { findAssociation } from './find-association';

/** A verified association's public page; unverified and rejected ones are not public (404). */
export async function getPublicAssociation({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  const { association, municipality } = await findAssociation(ctx, input.id);
  if (association.verification !== 'verified')
    throw new DomainFailure(notFound('association', input.id));
  return publicAssociation(
    localizer(input.lang, municipality.languages),
    association,
    municipality,
  );
}

/**
 * The association as its members and its municipality's staff see it (contacts, the
 * verification and a rejection's reason). Anyone else gets 404, as if it did not exist:
 * ids reveal nothing.
 */
export async function getAssociationDetails({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; lang: string };
}) {
  const { association, municipality } = await findAssociation(ctx, input.id);
  const allowed =
    holds(ctx.actor, { kind: 'member', associationId: association.id }) ||
    holds(ctx.actor, { kind: 'staff', municipalityId: association.municipalityId });
  if (!allowed) {
    if (ctx.actor.kind === 'anonymous') throw new DomainFailure({ kind: 'unauthenticated' });
    throw new DomainFailure(notFound('association', input.id));
  }
  return privateAssociation(
    localizer(input.lang, municipality.languages),
    association,
    municipality,
  );
}
