import type { CaseloadSnapshot } from '../domain/model';
import type { StatusRefresher } from './status-keeper';
import type { Stored, TenantContainer } from './tenant-container';

export const snapshotId = (staffId: string, date: string): string => `${staffId}:${date}`;

export class CaseloadRepository {
  constructor(
    private readonly docs: TenantContainer<CaseloadSnapshot>,
    private readonly status: StatusRefresher,
  ) {}

  /** A person's snapshots, newest first (`limit` of them). */
  async recent(tenantId: string, staffId: string, limit: number): Promise<Stored<CaseloadSnapshot>[]> {
    const { items } = await this.docs.page(tenantId, 'c.staffId = @id', { id: staffId }, { pageSize: limit, orderBy: 'c.date DESC' });
    return items;
  }

  async latest(tenantId: string, staffId: string): Promise<Stored<CaseloadSnapshot> | undefined> {
    return (await this.recent(tenantId, staffId, 1))[0];
  }

  forStaff(tenantId: string, staffId: string): Promise<Stored<CaseloadSnapshot>[]> {
    return this.docs.all(tenantId, 'c.staffId = @id', { id: staffId }, 'c.date DESC');
  }

  /** Saves a snapshot per person (ids are `<staff>:<date>`, so re-importing a date replaces it). */
  async save(snapshots: readonly CaseloadSnapshot[]): Promise<void> {
    await this.docs.bulkUpsert(snapshots);
    if (snapshots[0]) await this.status.refresh(snapshots[0].tenantId, [...new Set(snapshots.map((s) => s.staffId))]);
  }

  delete(tenantId: string, id: string): Promise<boolean> {
    return this.docs.delete(tenantId, id);
  }
}
