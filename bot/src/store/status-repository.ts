import type { PersonStatus } from '../domain/status';
import type { Page, Stored, TenantContainer } from './tenant-container';

/** Read side of the per-person status documents (StatusKeeper writes them). */
export class StatusRepository {
  constructor(private readonly docs: TenantContainer<PersonStatus>) {}

  get(tenantId: string, staffId: string): Promise<Stored<PersonStatus> | undefined> {
    return this.docs.get(tenantId, staffId);
  }

  async byAadObjectId(tenantId: string, aadObjectId: string): Promise<Stored<PersonStatus> | undefined> {
    const { items } = await this.docs.page(tenantId, 'c.aadObjectId = @oid', { oid: aadObjectId }, { pageSize: 2 });
    return items[0];
  }

  /** Everyone in the tenant, a page at a time (dashboards and the sweep). */
  page(tenantId: string, pageSize = 1000, continuation?: string): Promise<Page<PersonStatus>> {
    return this.docs.page(tenantId, 'true', {}, { pageSize, continuation });
  }

  all(tenantId: string): Promise<Stored<PersonStatus>[]> {
    return this.docs.all(tenantId);
  }

  reports(tenantId: string, managerId: string): Promise<Stored<PersonStatus>[]> {
    return this.docs.all(tenantId, 'c.managerId = @id', { id: managerId });
  }
}
