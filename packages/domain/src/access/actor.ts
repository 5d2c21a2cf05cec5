/**
 * Who is acting, and with which roles where (DESIGN.md "Shape": ctx carries the actor).
 * Built once per request from the session; every use case decides with these rules.
 */
export type MemberRole = 'admin' | 'member';
export type StaffRole = 'staff' | 'admin';

export interface Membership {
  associationId: string;
  municipalityId: string;
  role: MemberRole;
  /** Only verified associations book and publish. */
  verified: boolean;
}

export interface StaffGrant {
  municipalityId: string;
  role: StaffRole;
}

export interface SignedInActor {
  kind: 'user';
  userId: string;
  email: string;
  name: string;
  locale: string;
  emailVerified: boolean;
  /** Administrator of the installation: municipalities, staff roles, categories. */
  administrator: boolean;
  staff: StaffGrant[];
  memberships: Membership[];
}

export type Actor = { kind: 'anonymous' } | SignedInActor;

export const ANONYMOUS: Actor = Object.freeze({ kind: 'anonymous' });

/** What a use case may demand of its actor. */
export type Scope =
  | { kind: 'signed_in' }
  | { kind: 'administrator' }
  | { kind: 'staff'; municipalityId: string }
  | { kind: 'member'; associationId: string }
  | { kind: 'association_admin'; associationId: string };

export const isSignedIn = (actor: Actor): actor is SignedInActor => actor.kind === 'user';

export const isStaffOf = (actor: Actor, municipalityId: string): boolean =>
  isSignedIn(actor) && actor.staff.some((s) => s.municipalityId === municipalityId);

export const membershipOf = (actor: Actor, associationId: string): Membership | undefined =>
  isSignedIn(actor) ? actor.memberships.find((m) => m.associationId === associationId) : undefined;

/**
 * Whether the actor holds the scope. Administrators manage the installation (municipalities,
 * staff roles, categories) but are not thereby staff of a municipality nor members of an
 * association: staff act only within their own municipality (issue 6 §3).
 */
export function holds(actor: Actor, scope: Scope): boolean {
  if (!isSignedIn(actor)) return false;
  switch (scope.kind) {
    case 'signed_in':
      return true;
    case 'administrator':
      return actor.administrator;
    case 'staff':
      return isStaffOf(actor, scope.municipalityId);
    case 'member':
      return membershipOf(actor, scope.associationId) !== undefined;
    case 'association_admin':
      return membershipOf(actor, scope.associationId)?.role === 'admin';
  }
}
