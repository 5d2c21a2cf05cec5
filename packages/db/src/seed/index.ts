import { DateTime } from 'luxon';
import type { Db } from '../client';
import * as s from '../schema/index';
import { ZONE, isoDate, seedWindow } from './clock';
import { DEMO_PASSWORD, isDemoAddress } from './demo-accounts';
import { buildDirectory } from './directory';
import { defaultSeedImagesFolder, imageRows } from './event-images';
import { hasMunicipalities, SEED_UNTOUCHED_LINE } from './has-municipalities';
import { insertAll } from './insert';
import { buildSchedule } from './schedule';

export interface SeedDemoOptions {
  /** The clock: every date of the demo is placed relative to it. */
  now: Date;
  /** The app's password hasher (argon2id); the demo accounts get DEMO_PASSWORD through it. */
  hashPassword: (password: string) => Promise<string>;
  log?: (line: string) => void;
  /** Where the demo events' image files are (default: packages/db/seed-images beside this code). */
  imagesFolder?: string;
}

export interface SeedDemoResult {
  seeded: boolean;
  counts: Record<string, number>;
}

function untouched(log: (line: string) => void): SeedDemoResult {
  log(SEED_UNTOUCHED_LINE);
  return { seeded: false, counts: {} };
}

const localDate = (d: Date): string => DateTime.fromJSDate(d, { zone: ZONE }).toISODate() ?? '';

/**
 * Loads the demo municipalities (Borgå, Lovisa, Vasa, Pargas) with their premises,
 * associations, people, events and bookings from about four weeks before `now` to about
 * twelve weeks after, and before that about fifteen months of history (past bookings,
 * requests, event dates with attendance) for the yearly report, in one transaction. A database that already has a municipality is
 * left untouched. Apart from the generated ids the result depends only on `now`.
 */
export async function seedDemo(db: Db, options: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = options.log ?? (() => {});
  const started = performance.now();
  // Every start of a seeded database ends here, before the plan, the password hash (argon2
  // is slow and memory-hard by design) and the image files. The same check inside the
  // transaction below settles two processes seeding an empty database at once.
  if (await hasMunicipalities(db)) return untouched(log);
  const window = seedWindow(options.now);
  const { rows: base, dir } = buildDirectory(window);
  const plan = buildSchedule(window, dir);
  const images = imageRows(plan.images, options.imagesFolder ?? defaultSeedImagesFolder());
  const demoHash = await options.hashPassword(DEMO_PASSWORD);
  base.accounts = base.users
    .filter((u) => isDemoAddress(u.email))
    .map((u) => ({
      userId: u.id!,
      providerId: 'credential',
      accountId: u.id!,
      password: demoHash,
      createdAt: u.createdAt,
      updatedAt: u.createdAt,
    }));

  const counts: Record<string, number> = {
    municipalities: base.municipalities.length,
    categories: base.categories.length,
    buildings: base.buildings.length,
    venues: base.venues.length,
    spaces: base.spaces.length,
    venuePhotos: base.venuePhotos.length,
    users: base.users.length,
    staffRoles: base.staffRoles.length,
    associations: base.associations.length,
    associationMembers: base.associationMembers.length,
    demoAccounts: base.accounts.length,
    events: plan.events.length,
    eventImages: plan.images.length,
    eventOccurrences: plan.eventOccurrences.length,
    bookings: plan.bookings.length,
    attendance: plan.attendance.length,
    auditLog: base.auditLog.length + plan.auditLog.length,
  };

  const seeded = await db.transaction(async (tx) => {
    if (await hasMunicipalities(tx)) return false;
    await insertAll(tx, s.municipalities, base.municipalities);
    await insertAll(tx, s.categories, base.categories);
    await insertAll(tx, s.buildings, base.buildings);
    await insertAll(tx, s.venues, base.venues);
    // Roots before their parts, so the self-reference is satisfied row by row on any engine.
    const roots = base.spaces.filter((x) => x.parentId === null);
    await insertAll(tx, s.spaces, roots);
    await insertAll(
      tx,
      s.spaces,
      base.spaces.filter((x) => x.parentId !== null),
    );
    await insertAll(tx, s.venuePhotos, base.venuePhotos);
    await insertAll(tx, s.users, base.users);
    await insertAll(tx, s.accounts, base.accounts);
    await insertAll(tx, s.staffRoles, base.staffRoles);
    await insertAll(tx, s.associations, base.associations);
    await insertAll(tx, s.associationMembers, base.associationMembers);
    await insertAll(tx, s.bookingRequests, plan.bookingRequests);
    await insertAll(tx, s.bookings, plan.bookings);
    await insertAll(tx, s.media, images, 20);
    await insertAll(tx, s.events, plan.events);
    await insertAll(tx, s.eventOccurrences, plan.eventOccurrences);
    await insertAll(tx, s.attendance, plan.attendance);
    await insertAll(tx, s.auditLog, [...base.auditLog, ...plan.auditLog]);
    return true;
  });

  if (!seeded) return untouched(log);

  const starts = plan.eventOccurrences.map((o) => o.startsAt.getTime());
  const byStatus = (status: string) => plan.bookings.filter((b) => b.status === status).length;
  const cancelled = plan.eventOccurrences.filter((o) => o.status === 'cancelled').length;
  log(
    `Demo data: ${counts.municipalities} municipalities, ${counts.buildings} buildings, ` +
      `${counts.venues} venues (${counts.spaces} spaces, ${counts.venuePhotos} photos), ` +
      `${counts.categories} categories, ${counts.associations} associations, ${counts.users} users.`,
  );
  log(
    `Demo data: ${counts.events} events (${counts.eventImages} with an image), ${counts.eventOccurrences} event occurrences from ` +
      `${localDate(new Date(Math.min(...starts)))} to ${localDate(new Date(Math.max(...starts)))} ` +
      `(${cancelled} cancelled), ${counts.attendance} attendance records.`,
  );
  log(
    `Demo data: ${counts.bookings} bookings (${byStatus('approved')} approved, ` +
      `${byStatus('pending')} pending, ${byStatus('cancelled')} cancelled); ` +
      `${plan.skippedBookings} weekly slots skipped where the room was taken.`,
  );
  const past = window.start.toJSDate();
  const old = <T extends { startsAt: Date }>(list: readonly T[]) =>
    list.filter((x) => x.startsAt < past);
  const oldOccurrences = new Set(old(plan.eventOccurrences).map((o) => o.id));
  log(
    `Demo data: history from ${isoDate(window.historyStart)} to ${isoDate(window.start)}: ` +
      `${old(plan.eventOccurrences).length} past event occurrences ` +
      `(${plan.attendance.filter((a) => oldOccurrences.has(a.occurrenceId)).length} with attendance), ` +
      `${old(plan.bookings).length} past bookings.`,
  );
  log(
    `Demo data: ${counts.demoAccounts} demo accounts (…@demo.example, password "${DEMO_PASSWORD}"; see README).`,
  );
  log(`Demo data: loaded in one transaction in ${Math.round(performance.now() - started)} ms.`);
  return { seeded: true, counts };
}
export { DEMO_DOMAIN, DEMO_PASSWORD, isDemoAddress } from './demo-accounts';
