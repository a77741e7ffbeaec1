import type { CpdEntry } from '../domain/model';
import type { StatusRefresher } from './status-keeper';
import type { Stored, TenantContainer } from './tenant-container';

export class CpdRepository {
  constructor(
    private readonly docs: TenantContainer<CpdEntry>,
    private readonly status: StatusRefresher,
  ) {}

  get(tenantId: string, id: string): Promise<Stored<CpdEntry> | undefined> {
    return this.docs.get(tenantId, id);
  }

  forStaff(tenantId: string, staffId: string): Promise<Stored<CpdEntry>[]> {
    return this.docs.all(tenantId, 'c.staffId = @id', { id: staffId }, 'c.date DESC');
  }

  async save(entry: CpdEntry): Promise<Stored<CpdEntry>> {
    const saved = await this.docs.upsert(entry);
    await this.status.refresh(entry.tenantId, [entry.staffId]);
    return saved;
  }

  delete(tenantId: string, id: string): Promise<boolean> {
    return this.docs.delete(tenantId, id);
  }
}
