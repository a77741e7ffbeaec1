import type { LocalDate } from '../domain/dates';
import type { CaseloadSnapshot, CpdEntry, Staff, SupervisionSession, TrainingRecord } from '../domain/model';
import { computeStatus, type PersonStatus } from '../domain/status';
import { ConflictError } from './errors';
import type { SettingsRepository } from './settings-repository';
import type { TenantContainer } from './tenant-container';
import type { CourseRepository } from './training-repository';

export interface StatusRefresher {
  /** Recomputes the status documents of these people from their records. */
  refresh(tenantId: string, staffIds: readonly string[]): Promise<void>;
}

export interface StatusSources {
  staff: TenantContainer<Staff>;
  supervision: TenantContainer<SupervisionSession>;
  training: TenantContainer<TrainingRecord>;
  cpd: TenantContainer<CpdEntry>;
  caseloads: TenantContainer<CaseloadSnapshot>;
  status: TenantContainer<PersonStatus>;
  courses: CourseRepository;
  settings: SettingsRepository;
}

const MAX_RACES = 5;

/**
 * Keeps each person's status document in step with their records. It recomputes from the records rather
 * than patching, so a lost race only costs a recomputation: the write uses the etag it read, and on a
 * conflict it reads everything again.
 */
export class StatusKeeper implements StatusRefresher {
  constructor(
    private readonly sources: StatusSources,
    private readonly today: () => LocalDate,
  ) {}

  async refresh(tenantId: string, staffIds: readonly string[]): Promise<void> {
    if (staffIds.length === 0) return;
    const [catalogue, policy] = await Promise.all([this.sources.courses.catalogue(tenantId), this.sources.settings.policy(tenantId)]);
    for (const staffId of staffIds) {
      for (let race = 0; ; race++) {
        try {
          await this.refreshOne(tenantId, staffId, catalogue, policy);
          break;
        } catch (err) {
          if (!(err instanceof ConflictError) || race >= MAX_RACES) throw err;
        }
      }
    }
  }

  private async refreshOne(
    tenantId: string,
    staffId: string,
    catalogue: Awaited<ReturnType<CourseRepository['catalogue']>>,
    policy: Awaited<ReturnType<SettingsRepository['policy']>>,
  ): Promise<void> {
    const s = this.sources;
    const byStaff = { id: staffId };
    const [staff, existing, sessions, training, cpd, caseloads] = await Promise.all([
      s.staff.get(tenantId, staffId),
      s.status.get(tenantId, staffId),
      s.supervision.all(tenantId, 'c.superviseeId = @id', byStaff),
      s.training.all(tenantId, 'c.staffId = @id', byStaff),
      s.cpd.all(tenantId, 'c.staffId = @id', byStaff),
      s.caseloads.page(tenantId, 'c.staffId = @id', byStaff, { pageSize: 1, orderBy: 'c.date DESC' }),
    ]);
    if (!staff) {
      if (existing) await s.status.delete(tenantId, staffId);
      return;
    }
    const status = computeStatus({ staff, sessions, training, cpd, latestCaseload: caseloads.items[0] }, catalogue, policy, this.today());
    if (existing) await s.status.replace(status, existing._etag);
    else await s.status.create(status);
  }
}
