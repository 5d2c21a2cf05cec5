import { associationInvitations, associationMembers, users } from '@motesplats/db';
import {
  DomainFailure,
  EMAIL_MAX_LENGTH,
  normalizeEmail,
  notFound,
  composeMail,
  BASE_LOCALE,
  UI_LOCALES,
} from '@motesplats/domain';
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { audit, inTransaction, requireScope, requireUser, type ServiceCtx } from '../context';
import { localizer } from '../shared/localize';
import { findAssociation } from './find-association';

export const INVITATION_TTL_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export const InviteInput = z.object({
  email: z.email().max(EMAIL_MAX_LENGTH),
  role: z.enum(['member', 'admin']).default('member'),
  locale: z.enum(UI_LOCALES).default(BASE_LOCALE),
});

/** The members and open invitations of an association, for its administrators. */
export async function listMembers({ ctx, input }: { ctx: ServiceCtx; input: { id: string } }) {
  const { association } = await findAssociation(ctx, input.id);
  requireScope(ctx, { kind: 'association_admin', associationId: association.id });
  const [members, invitations] = await Promise.all([
    ctx.db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: associationMembers.role,
        since: associationMembers.createdAt,
      })
      .from(associationMembers)
      .innerJoin(users, eq(users.id, associationMembers.userId))
      .where(eq(associationMembers.associationId, association.id))
      .orderBy(asc(users.name)),
    ctx.db
      .select()
      .from(associationInvitations)
      .where(
        and(
          eq(associationInvitations.associationId, association.id),
          isNull(associationInvitations.acceptedAt),
          gt(associationInvitations.expiresAt, ctx.now),
        ),
      )
      .orderBy(asc(associationInvitations.createdAt)),
  ]);
  return {
    members: members.map((m) => ({ ...m, since: m.since.toISOString() })),
    invitations: invitations.map((i) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
    })),
  };
}

/**
 * An administrator invites someone by e-mail. The link carries a random token (only its
 * hash is stored); the invitee opens it signed in with that address, signing up first if
 * need be. Invitation and mail are one transaction.
 */
export async function inviteMember({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; body: unknown; origin: string };
}) {
  const { email: given, role, locale } = InviteInput.parse(input.body);
  const email = normalizeEmail(given);
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const { association, municipality } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'association_admin', associationId: association.id });
    const [already] = await tx.db
      .select({ userId: associationMembers.userId })
      .from(associationMembers)
      .innerJoin(users, eq(users.id, associationMembers.userId))
      .where(
        and(
          eq(associationMembers.associationId, association.id),
          sql`lower(${users.email}) = ${email}`,
        ),
      );
    if (already)
      throw new DomainFailure({
        kind: 'conflict',
        code: 'already_member',
        message: 'already a member',
      });
    const token = randomBytes(24).toString('base64url');
    const [row] = await tx.db
      .insert(associationInvitations)
      .values({
        associationId: association.id,
        municipalityId: association.municipalityId,
        email,
        role,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt: new Date(tx.now.getTime() + INVITATION_TTL_DAYS * DAY_MS),
        createdAt: tx.now,
      })
      .returning();
    const associationName = localizer(locale, municipality.languages).must(association.name).text;
    const mail = composeMail('invitation', locale, {
      associationName,
      inviterName: actor.name,
      url: `${input.origin}/${locale}/invitations/${token}`,
    });
    await tx.mailer.enqueue(tx.db, {
      to: email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      municipalityId: municipality.id,
      at: tx.now,
    });
    await audit(tx, {
      municipalityId: association.municipalityId,
      action: 'association.invite',
      entity: 'association',
      entityId: association.id,
      data: { invitationId: row!.id, role },
    });
    return { id: row!.id, email, role, expiresAt: row!.expiresAt.toISOString() };
  });
}

/**
 * The invitee, signed in with the invited address, joins. A used, expired or unknown
 * token, or another signed-in address, answers 404 (the token tells nothing about who).
 */
export async function acceptInvitation({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { token: string };
}) {
  const actor = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const [invitation] = await tx.db
      .select()
      .from(associationInvitations)
      .where(eq(associationInvitations.tokenHash, hashToken(input.token)))
      .for('update');
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.expiresAt <= tx.now ||
      normalizeEmail(invitation.email) !== normalizeEmail(actor.email)
    ) {
      throw new DomainFailure(notFound('invitation', 'token'));
    }
    await tx.db
      .insert(associationMembers)
      .values({
        associationId: invitation.associationId,
        userId: actor.userId,
        municipalityId: invitation.municipalityId,
        role: invitation.role,
        createdAt: tx.now,
      })
      .onConflictDoUpdate({
        target: [associationMembers.associationId, associationMembers.userId],
        set: { role: invitation.role },
      });
    await tx.db
      .update(associationInvitations)
      .set({ acceptedAt: tx.now })
      .where(eq(associationInvitations.id, invitation.id));
    await audit(tx, {
      municipalityId: invitation.municipalityId,
      action: 'association.member_join',
      entity: 'association',
      entityId: invitation.associationId,
      data: { userId: actor.userId, role: invitation.role, invitationId: invitation.id },
    });
    return { associationId: invitation.associationId, role: invitation.role };
  });
}

/** An administrator removes a member; the last administrator cannot remove themself. */
export async function removeMember({
  ctx,
  input,
}: {
  ctx: ServiceCtx;
  input: { id: string; userId: string };
}) {
  return inTransaction(ctx, async (tx) => {
    const { association } = await findAssociation(tx, input.id, true);
    requireScope(tx, { kind: 'association_admin', associationId: association.id });
    const members = await tx.db
      .select()
      .from(associationMembers)
      .where(eq(associationMembers.associationId, association.id));
    const member = members.find((m) => m.userId === input.userId);
    if (!member) throw new DomainFailure(notFound('member', input.userId));
    const admins = members.filter((m) => m.role === 'admin');
    if (member.role === 'admin' && admins.length === 1)
      throw new DomainFailure({
        kind: 'conflict',
        code: 'last_admin',
        message: 'the last administrator stays',
      });
    await tx.db
      .delete(associationMembers)
      .where(
        and(
          eq(associationMembers.associationId, association.id),
          eq(associationMembers.userId, input.userId),
        ),
      );
    await audit(tx, {
      municipalityId: association.municipalityId,
      action: 'association.member_remove',
      entity: 'association',
      entityId: association.id,
      data: { userId: input.userId, role: member.role },
    });
  });
}
