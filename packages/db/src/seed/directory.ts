import { randomUUID } from 'node:crypto';
import type * as s from '../schema/index';
import type { AssociationKey } from './associations';
import { ASSOCIATIONS } from './associations';
import { CATEGORIES } from './categories';
import { EXTRA_DEMO_USERS, isDemoAddress } from './demo-accounts';
import type { SeedWindow } from './clock';
import { daysBefore, holidayBlackouts } from './clock';
import type { MunicipalityKey } from './municipalities';
import { MUNICIPALITIES } from './municipalities';
import type { PlannedSpace } from './planner';
import type { VenueSeed } from './premises';
import { BORGA_BUILDINGS, BORGA_VENUES } from './premises-borga';
import { REGION_BUILDINGS, REGION_VENUES } from './premises-region';

type Row<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Ids of what the schedule refers to, by seed key. */
export interface Directory {
  municipality: Map<MunicipalityKey, { id: string; staffUserId: string }>;
  venue: Map<string, PlacedVenue>;
  association: Map<AssociationKey, { id: string; municipalityId: string; memberUserId: string }>;
  /** Every space with its parent, for the planner. */
  spaces: PlannedSpace[];
}

export interface PlacedVenue {
  id: string;
  municipalityId: string;
  seed: VenueSeed;
  rootSpaceId: string;
  spaceIds: Map<string, string>;
  blackouts: ReadonlySet<string>;
}

export interface BaseRows {
  municipalities: Row<typeof s.municipalities>[];
  categories: Row<typeof s.categories>[];
  buildings: Row<typeof s.buildings>[];
  venues: Row<typeof s.venues>[];
  spaces: Row<typeof s.spaces>[];
  venuePhotos: Row<typeof s.venuePhotos>[];
  users: Row<typeof s.users>[];
  staffRoles: Row<typeof s.staffRoles>[];
  associations: Row<typeof s.associations>[];
  associationMembers: Row<typeof s.associationMembers>[];
  /** Password accounts of the demo users (filled by seedDemo, which has the hasher). */
  accounts: Row<typeof s.accounts>[];
  auditLog: Row<typeof s.auditLog>[];
}

const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`Seed data refers to an unknown ${what}.`);
  return value;
};

/** Municipalities, premises, associations and people, with fresh ids. */
export function buildDirectory(window: SeedWindow): { rows: BaseRows; dir: Directory } {
  // Everything that the history needs existed before it began.
  const since = window.historyStart.minus({ days: 60 }).toJSDate();
  const rows: BaseRows = {
    municipalities: [],
    categories: CATEGORIES.map((c, position) => ({ ...c, pictogram: c.slug, position })),
    buildings: [],
    venues: [],
    spaces: [],
    venuePhotos: [],
    users: [],
    staffRoles: [],
    associations: [],
    associationMembers: [],
    accounts: [],
    auditLog: [],
  };
  const dir: Directory = {
    municipality: new Map(),
    venue: new Map(),
    association: new Map(),
    spaces: [],
  };

  for (const m of MUNICIPALITIES) {
    const id = randomUUID();
    const staffUserId = randomUUID();
    const { staff, ...fields } = m;
    rows.municipalities.push({ id, ...fields, timeZone: 'Europe/Helsinki', createdAt: since });
    const { role: _role, ...person } = staff;
    rows.users.push(demoUser(staffUserId, person, since));
    rows.staffRoles.push({
      userId: staffUserId,
      municipalityId: id,
      role: staff.role,
      grantedAt: since,
    });
    dir.municipality.set(m.slug, { id, staffUserId });
  }

  const buildingIds = new Map<string, string>();
  for (const { key, municipality, ...fields } of [...BORGA_BUILDINGS, ...REGION_BUILDINGS]) {
    const id = randomUUID();
    const municipalityId = need(dir.municipality.get(municipality), municipality).id;
    buildingIds.set(key, id);
    rows.buildings.push({ id, municipalityId, ...fields, createdAt: since });
  }

  const blackouts = holidayBlackouts(window);
  for (const venue of [...BORGA_VENUES, ...REGION_VENUES]) {
    const { key, building, spaces, photo, ...fields } = venue;
    const buildingId = need(buildingIds.get(building), building);
    const municipalityId = need(
      rows.buildings.find((b) => b.id === buildingId),
      building,
    ).municipalityId;
    const id = randomUUID();
    rows.venues.push({
      id,
      municipalityId,
      buildingId,
      ...fields,
      blackoutDates: blackouts,
      createdAt: since,
      updatedAt: since,
    });
    const parts = spaces ?? [{ key: 'root', name: venue.name, capacity: venue.capacity }];
    const spaceIds = new Map(parts.map((p) => [p.key, randomUUID()] as const));
    for (const p of parts) {
      const space = {
        id: need(spaceIds.get(p.key), p.key),
        venueId: id,
        parentId: p.parent === undefined ? null : need(spaceIds.get(p.parent), p.parent),
      };
      dir.spaces.push(space);
      rows.spaces.push({ ...space, municipalityId, name: p.name, capacity: p.capacity });
    }
    if (photo) {
      const url = `/venues/${photo.file}.svg`;
      rows.venuePhotos.push({ municipalityId, venueId: id, url, alt: photo.alt, position: 0 });
    }
    const rootSpaceId = need(spaceIds.get(parts[0]?.key ?? ''), `${key} root space`);
    dir.venue.set(key, {
      id,
      municipalityId,
      seed: venue,
      rootSpaceId,
      spaceIds,
      blackouts: new Set(blackouts),
    });
  }

  for (const [index, a] of ASSOCIATIONS.entries()) {
    const id = randomUUID();
    const memberUserId = randomUUID();
    const { key, municipality, member, verification, ...fields } = a;
    const { id: municipalityId, staffUserId } = need(
      dir.municipality.get(municipality),
      municipality,
    );
    const { role: memberRole = 'member', ...person } = member;
    if (verification) {
      // A registration of the last weeks: waiting in the queue, or rejected with a reason.
      const registeredAt = daysBefore(window.now, verification.registeredDaysAgo);
      const rejected = verification.state === 'rejected' ? verification : null;
      const decidedAt = rejected ? daysBefore(window.now, rejected.decidedDaysAgo) : registeredAt;
      rows.associations.push({
        id,
        municipalityId,
        ...fields,
        verification: verification.state,
        rejectionReason: rejected?.reason ?? null,
        createdBy: memberUserId,
        createdAt: registeredAt,
        updatedAt: decidedAt,
      });
      rows.users.push(demoUser(memberUserId, person, registeredAt));
      rows.auditLog.push({
        municipalityId,
        actorUserId: memberUserId,
        action: 'association.register',
        entity: 'association',
        entityId: id,
        data: { businessId: a.businessId },
        at: registeredAt,
      });
      if (rejected)
        rows.auditLog.push({
          municipalityId,
          actorUserId: staffUserId,
          action: 'association.reject',
          entity: 'association',
          entityId: id,
          data: { reason: rejected.reason },
          at: decidedAt,
        });
    } else {
      // Verified in the weeks before the history starts, one after another.
      const verifiedAt = window.historyStart.minus({ days: 40 - index * 3 }).toJSDate();
      rows.associations.push({
        id,
        municipalityId,
        ...fields,
        verification: 'verified',
        verifiedAt,
        createdAt: since,
      });
      rows.users.push(demoUser(memberUserId, person, since));
      rows.auditLog.push({
        municipalityId,
        actorUserId: staffUserId,
        action: 'association.verify',
        entity: 'association',
        entityId: id,
        data: { businessId: a.businessId },
        at: verifiedAt,
      });
    }
    rows.associationMembers.push({
      associationId: id,
      userId: memberUserId,
      municipalityId,
      role: memberRole,
      createdAt: verification ? daysBefore(window.now, verification.registeredDaysAgo) : since,
    });
    dir.association.set(key, { id, municipalityId, memberUserId });
  }

  for (const { key: _key, ...person } of EXTRA_DEMO_USERS) {
    rows.users.push({ ...demoUser(randomUUID(), person, since), isAdmin: person.isAdmin });
  }

  return { rows, dir };
}

/** A seeded person; demo addresses are verified (they sign in with the demo password). */
const demoUser = (
  id: string,
  person: { name: string; email: string; locale: string },
  since: Date,
): Row<typeof s.users> => ({
  id,
  ...person,
  emailVerified: isDemoAddress(person.email),
  createdAt: since,
  updatedAt: since,
});
