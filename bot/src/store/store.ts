import type { LocalDate } from '../domain/dates';
import type { CaseloadSnapshot, Course, CpdEntry, Staff, SupervisionSession, TrainingRecord } from '../domain/model';
import type { PersonStatus } from '../domain/status';
import { AuditRepository, type AuditEntry } from './audit-repository';
import { CaseloadRepository } from './caseload-repository';
import { ConversationRepository, type ConversationRecord } from './conversation-repository';
import { connectCosmos, type CosmosSettings } from './cosmos';
import { CpdRepository } from './cpd-repository';
import { NudgeLogRepository, type HoldRecord, type LeaseRecord, type NudgeRecord } from './nudge-log-repository';
import { SettingsRepository, type TenantSettings } from './settings-repository';
import { StaffRepository } from './staff-repository';
import { StatusKeeper } from './status-keeper';
import { StatusRepository } from './status-repository';
import { SupervisionRepository } from './supervision-repository';
import { RoundTrips, TenantContainer } from './tenant-container';
import { withRetry } from './retry';
import { CourseRepository, TrainingRepository } from './training-repository';

/** Raw per-container access, for bulk loads (seed, imports) that write many documents at once. */
export interface Collections {
  staff: TenantContainer<Staff>;
  status: TenantContainer<PersonStatus>;
  supervision: TenantContainer<SupervisionSession>;
  training: TenantContainer<TrainingRecord>;
  courses: TenantContainer<Course>;
  cpd: TenantContainer<CpdEntry>;
  caseloads: TenantContainer<CaseloadSnapshot>;
  conversations: TenantContainer<ConversationRecord>;
  nudges: TenantContainer<NudgeRecord>;
  leases: TenantContainer<LeaseRecord>;
  holds: TenantContainer<HoldRecord>;
  audit: TenantContainer<AuditEntry>;
  settings: TenantContainer<TenantSettings>;
}

export interface Store {
  embedded: boolean;
  endpoint: string;
  staff: StaffRepository;
  status: StatusRepository;
  supervision: SupervisionRepository;
  training: TrainingRepository;
  courses: CourseRepository;
  cpd: CpdRepository;
  caseloads: CaseloadRepository;
  conversations: ConversationRepository;
  nudges: NudgeLogRepository;
  audit: AuditRepository;
  settings: SettingsRepository;
  statusKeeper: StatusKeeper;
  collections: Collections;
  /** Every request made to Cosmos so far. */
  roundTrips: RoundTrips;
  /** Counts status-document writes made by this process, per tenant (the dashboards' cache key). */
  statusChanges: ChangeCounter;
  /** Resolves when the database answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** A per-tenant count of writes: a reader that remembers the count it loaded at can tell its copy is stale. */
export class ChangeCounter {
  private readonly counts = new Map<string, number>();

  bump(tenantId: string): void {
    this.counts.set(tenantId, (this.counts.get(tenantId) ?? 0) + 1);
  }

  of(tenantId: string): number {
    return this.counts.get(tenantId) ?? 0;
  }
}

export interface StoreOptions {
  /** Today's date where the service runs (Europe/London by default): status documents are as of it. */
  today: () => LocalDate;
}

export async function openStore(settings: CosmosSettings, options: StoreOptions): Promise<Store> {
  const conn = await connectCosmos(settings);
  const trips = new RoundTrips();
  const statusChanges = new ChangeCounter();
  const c = conn.containers;
  const collections: Collections = {
    staff: new TenantContainer(c.staff, trips),
    status: new TenantContainer(c.status, trips, (tenantId) => statusChanges.bump(tenantId)),
    supervision: new TenantContainer(c.supervision, trips),
    training: new TenantContainer(c.training, trips),
    courses: new TenantContainer(c.courses, trips),
    cpd: new TenantContainer(c.cpd, trips),
    caseloads: new TenantContainer(c.caseloads, trips),
    conversations: new TenantContainer(c.conversations, trips),
    nudges: new TenantContainer(c.nudges, trips),
    leases: new TenantContainer(c.nudges, trips),
    holds: new TenantContainer(c.nudges, trips),
    audit: new TenantContainer(c.audit, trips),
    settings: new TenantContainer(c.settings, trips),
  };
  const courses = new CourseRepository(collections.courses);
  const settingsRepo = new SettingsRepository(collections.settings);
  const statusKeeper = new StatusKeeper({ ...collections, courses, settings: settingsRepo }, options.today);
  return {
    embedded: conn.embedded,
    endpoint: conn.endpoint,
    staff: new StaffRepository(collections.staff, statusKeeper),
    status: new StatusRepository(collections.status),
    supervision: new SupervisionRepository(collections.supervision, statusKeeper),
    training: new TrainingRepository(collections.training, statusKeeper),
    courses,
    cpd: new CpdRepository(collections.cpd, statusKeeper),
    caseloads: new CaseloadRepository(collections.caseloads, statusKeeper),
    conversations: new ConversationRepository(collections.conversations),
    nudges: new NudgeLogRepository(collections.nudges, collections.leases, collections.holds),
    audit: new AuditRepository(collections.audit),
    settings: settingsRepo,
    statusKeeper,
    collections,
    roundTrips: trips,
    statusChanges,
    ping: async () => {
      await withRetry(() => conn.database.read(), { maxAttempts: 2, maxDelayMs: 500, baseDelayMs: 100 });
    },
    close: () => conn.close(),
  };
}
