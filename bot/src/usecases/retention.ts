import { dateIn, instantAt, plusDays, type LocalDate } from '../domain/dates';
import { dueForPurge, type DuePurge } from '../domain/retention';
import type { Logger } from '../log';
import type { AuditEntry } from '../store/audit-repository';
import type { Store } from '../store/store';
import type { TenantContainer } from '../store/tenant-container';
import { personDataLocations, readLocation, type PersonDataKey } from './subject-access';
import { forEachTenant } from '../daily-job';

/** Who the purge's audit entries name as the actor. */
export const RETENTION_ACTOR = 'system:retention';
/** What an audit entry made by a purged leaver names as its actor instead of them. */
export const PURGED_ACTOR = 'purged-leaver';
/** Local time of the daily purge: at night, away from the working day and the 09:00 nudge sweep. */
export const RETENTION_TIME = '02:00';

/** Documents removed per container (the subject-access export's keys), and audit entries by them unlinked. */
export type PurgeCounts = Record<PersonDataKey | 'auditUnlinked', number>;

export interface PersonPurge extends DuePurge {
  counts: PurgeCounts;
}

export interface RetentionReport {
  tenantId: string;
  date: LocalDate;
  retentionYears: number;
  /** Counted what would go, deleted nothing. */
  dryRun: boolean;
  /** Another instance holds the lease: this one did nothing. */
  leaseHeld: boolean;
  purged: PersonPurge[];
  /** Leavers with no leaving date: kept, and reported every run until someone records the date. */
  undated: string[];
  roundTrips: number;
}

export interface RetentionOptions {
  /** Whole years after the leaving date (config RETENTION_YEARS). */
  retentionYears: number;
  /** The actor of the purge audit entry. */
  actorId?: string;
  now: () => Date;
  log: Logger;
  /** Count what would be deleted and delete nothing. */
  dryRun?: boolean;
  /** Called before each person (the scheduled job renews its lease); false stops the run. */
  beforeEach?: () => Promise<boolean>;
}

const DELETES_IN_FLIGHT = 8;

const zeroCounts = (): PurgeCounts => ({ staff: 0, status: 0, supervision: 0, training: 0, cpd: 0, caseloads: 0, conversations: 0, nudges: 0, holds: 0, audit: 0, auditUnlinked: 0 });

/** The one purge audit entry per person and leaving date: a resumed purge updates it rather than adding another. */
export const purgeEntryId = (staffId: string, leavingDate: LocalDate): string => `purge:${staffId}:${leavingDate}`;

/**
 * Deletes the records of every leaver whose retention period has ended on `today`, from every container that
 * holds data about them (the subject-access export's locations, so nothing is missed), and leaves one audit entry
 * per person: ids and counts, no names or content.
 *
 * The audit entry is written before anything is deleted, with what was found: if a run stops part-way, the entry
 * already says what the purge covers. Idempotent and resumable: a person's staff record is deleted last, so a run
 * that stops part-way leaves them still due, and the next run deletes what is left and updates the same entry
 * (keeping the first attempt's larger counts). A second run on a finished tenant finds nobody due and writes nothing.
 */
export async function purgeExpiredLeavers(store: Store, tenantId: string, today: LocalDate, options: RetentionOptions): Promise<RetentionReport> {
  const { log, retentionYears, dryRun = false } = options;
  const tripsBefore = store.roundTrips.count;
  const leavers = await store.collections.staff.project(tenantId, ['id', 'status', 'leavingDate'], "c.status = 'leaver'");
  const { due, undated } = dueForPurge(leavers, today, retentionYears);
  const report: RetentionReport = { tenantId, date: today, retentionYears, dryRun, leaseHeld: false, purged: [], undated, roundTrips: 0 };
  if (undated.length) log.warn('leavers with no leaving date are kept until one is recorded', { tenantId, staffIds: undated });
  if (due.length) log.info('retention purge started', { tenantId, date: today, retentionYears, due: due.length, dryRun });
  for (const person of due) {
    if (options.beforeEach && !(await options.beforeEach())) {
      log.warn('retention purge stopped: the lease was lost; the next run finishes it', { tenantId, done: report.purged.length, of: due.length });
      break;
    }
    const counts = await purgePerson(store, tenantId, person, options);
    report.purged.push({ ...person, counts });
    log.info(dryRun ? 'leaver due for purge (dry run)' : 'leaver purged', { tenantId, staffId: person.staffId, leavingDate: person.leavingDate, counts });
  }
  report.roundTrips = store.roundTrips.count - tripsBefore;
  if (due.length) log.info('retention purge finished', { tenantId, date: today, purged: report.purged.length, undated: undated.length, dryRun, roundTrips: report.roundTrips });
  return report;
}

async function purgePerson(store: Store, tenantId: string, person: DuePurge, options: RetentionOptions): Promise<PurgeCounts> {
  const { staffId, leavingDate } = person;
  const staff = await store.collections.staff.get(tenantId, staffId);
  // Left alone, deliberately: supervision sessions this person held as a supervisor (their supervisees' records),
  // actions they owned in those, and holds they booked for others. None is data about them in the export's sense.
  const locations = personDataLocations(staffId, staff?.aadObjectId).filter((l) => l.key !== 'staff');
  const found = await Promise.all(
    locations.map(async (location) =>
      // Earlier purge entries about them stay: they are the record that the purge happened. An entry both about
      // and by them (their own export) is deleted as one about them.
      (await readLocation(store, tenantId, location)).filter((d) => {
        const entry = d as Partial<AuditEntry>;
        return location.key !== 'audit' || (entry.action !== 'purge' && (location.onPurge === 'delete' || entry.subjectId !== staffId));
      }),
    ),
  );
  const counts = zeroCounts();
  counts.staff = staff ? 1 : 0;
  locations.forEach((location, i) => (counts[location.onPurge === 'unlink' ? 'auditUnlinked' : location.key] += found[i]!.length));
  if (options.dryRun) return counts;

  // The audit entry first, with what was found. A resumed purge finds less (some went in the run that stopped) and
  // keeps the larger counts of the two in the same entry, rather than writing a second one.
  const entryId = purgeEntryId(staffId, leavingDate);
  const before = ((await store.collections.audit.get(tenantId, entryId))?.details?.counts ?? {}) as Partial<PurgeCounts>;
  for (const key of Object.keys(counts) as (keyof PurgeCounts)[]) counts[key] = Math.max(before[key] ?? 0, counts[key]);
  await store.collections.audit.upsert({
    id: entryId,
    tenantId,
    at: options.now().toISOString(),
    actorId: options.actorId ?? RETENTION_ACTOR,
    action: 'purge',
    subjectId: staffId,
    details: { leavingDate, retainedUntil: person.retainedUntil, retentionYears: options.retentionYears, counts },
  });

  // The status document after the records, the staff record last: until it goes, the person is still due.
  const order = (i: number): number => (locations[i]!.key === 'status' ? 1 : 0);
  for (const i of locations.map((_, i) => i).sort((a, b) => order(a) - order(b))) {
    const location = locations[i]!;
    const docs = found[i]!;
    const container = store.collections[location.container] as unknown as TenantContainer<AuditEntry>;
    for (let j = 0; j < docs.length; j += DELETES_IN_FLIGHT) {
      await Promise.all(
        docs.slice(j, j + DELETES_IN_FLIGHT).map((d) =>
          location.onPurge === 'unlink' ? container.upsert({ ...(d as unknown as AuditEntry), actorId: PURGED_ACTOR }) : container.delete(tenantId, d.id),
        ),
      );
    }
  }
  if (staff) await store.staff.delete(tenantId, staffId);
  return counts;
}

export interface RetentionDeps {
  store: Store;
  log: Logger;
  now: () => Date;
  /** Identifies this service instance in the lease. */
  instanceId: string;
  retentionYears: number;
  /** How long one run may hold a tenant's lease before another instance may take over (renewed per person). */
  leaseMinutes?: number;
}

/** One tenant's purge for `date`, under a lease so that only one instance purges. */
export async function runRetention(deps: RetentionDeps, tenantId: string, date: LocalDate): Promise<RetentionReport> {
  const { store, log } = deps;
  const leaseName = `retention:${date}`;
  const lease = async (): Promise<boolean> => {
    const now = deps.now();
    return store.nudges.acquireLease(tenantId, leaseName, deps.instanceId, now.toISOString(), new Date(now.getTime() + (deps.leaseMinutes ?? 15) * 60_000).toISOString());
  };
  if (!(await lease())) {
    log.info('retention purge skipped: another instance holds the lease', { tenantId, date });
    return { tenantId, date, retentionYears: deps.retentionYears, dryRun: false, leaseHeld: true, purged: [], undated: [], roundTrips: 0 };
  }
  try {
    return await purgeExpiredLeavers(store, tenantId, date, { retentionYears: deps.retentionYears, actorId: RETENTION_ACTOR, now: deps.now, log, beforeEach: lease });
  } finally {
    await store.nudges.releaseLease(tenantId, leaseName, deps.instanceId).catch(() => undefined);
  }
}

/** Purges every tenant; one tenant's failure does not stop the others (the next run finishes it). */
export async function purgeAllTenants(deps: RetentionDeps, date: LocalDate): Promise<RetentionReport[]> {
  return forEachTenant(await deps.store.settings.tenants(), 'retention purge', date, deps.log, (tenantId) => runRetention(deps, tenantId, date));
}

/** The next moment after `after` that it is `time` local time (every day: retention does not wait for working days). */
export function nextPurgeAt(after: Date, time: string, timeZone: string): { date: LocalDate; at: Date } {
  let date = dateIn(after, timeZone);
  for (let i = 0; i < 3; i++, date = plusDays(date, 1)) {
    const at = instantAt(date, time, timeZone);
    if (at.getTime() > after.getTime()) return { date, at };
  }
  throw new Error('no purge time within 3 days');
}
