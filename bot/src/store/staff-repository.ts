import type { Staff } from '../domain/model';
import type { Stored, TenantContainer } from './tenant-container';
import type { StatusRefresher } from './status-keeper';

export class StaffRepository {
  constructor(
    private readonly docs: TenantContainer<Staff>,
    private readonly status: StatusRefresher,
  ) {}

  get(tenantId: string, id: string): Promise<Stored<Staff> | undefined> {
    return this.docs.get(tenantId, id);
  }

  async byAadObjectId(tenantId: string, aadObjectId: string): Promise<Stored<Staff> | undefined> {
    const { items } = await this.docs.page(tenantId, 'c.aadObjectId = @oid', { oid: aadObjectId }, { pageSize: 2 });
    return items[0];
  }

  async byEmail(tenantId: string, email: string): Promise<Stored<Staff> | undefined> {
    const { items } = await this.docs.page(tenantId, 'c.email = @email', { email: email.toLowerCase() }, { pageSize: 2 });
    return items[0];
  }

  /** Direct reports (people whose line manager is `managerId`). */
  reports(tenantId: string, managerId: string): Promise<Stored<Staff>[]> {
    return this.docs.all(tenantId, 'c.managerId = @managerId', { managerId });
  }

  all(tenantId: string): Promise<Stored<Staff>[]> {
    return this.docs.all(tenantId);
  }

  /** Creates or updates a person; with `etag`, only if nobody changed them since. */
  async save(staff: Staff, etag?: string): Promise<Stored<Staff>> {
    const saved = etag ? await this.docs.replace(staff, etag) : await this.docs.upsert(staff);
    await this.status.refresh(staff.tenantId, [staff.id]);
    return saved;
  }

  /** Removes a person (data-protection purge only: leavers are otherwise kept and marked). */
  delete(tenantId: string, id: string): Promise<boolean> {
    return this.docs.delete(tenantId, id);
  }
}
