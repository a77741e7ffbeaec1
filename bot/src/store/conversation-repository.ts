import type { TenantScoped } from '../domain/model';
import type { Stored, TenantContainer } from './tenant-container';

/**
 * Where to send a proactive message to one person: the Teams conversation reference as JSON, kept by
 * Entra object id. A send refused with 403/404 marks it stale rather than retrying forever.
 */
export interface ConversationRecord extends TenantScoped {
  aadObjectId: string;
  staffId?: string;
  reference: Record<string, unknown>;
  updatedAt: string;
  staleSince?: string;
}

export class ConversationRepository {
  constructor(private readonly docs: TenantContainer<ConversationRecord>) {}

  get(tenantId: string, aadObjectId: string): Promise<Stored<ConversationRecord> | undefined> {
    return this.docs.get(tenantId, aadObjectId);
  }

  /** Stores or refreshes a reference; a fresh reference clears any stale mark. */
  save(record: Omit<ConversationRecord, 'id' | 'staleSince'>): Promise<Stored<ConversationRecord>> {
    return this.docs.upsert({ ...record, id: record.aadObjectId });
  }

  async markStale(tenantId: string, aadObjectId: string, at: string): Promise<void> {
    const existing = await this.docs.get(tenantId, aadObjectId);
    if (existing && !existing.staleSince) await this.docs.upsert({ ...existing, staleSince: at });
  }

  /** Who can be reached (and whose reference went stale), without the references themselves. */
  reachability(tenantId: string): Promise<Pick<ConversationRecord, 'aadObjectId' | 'staffId' | 'staleSince'>[]> {
    return this.docs.project(tenantId, ['aadObjectId', 'staffId', 'staleSince']);
  }

  all(tenantId: string): Promise<Stored<ConversationRecord>[]> {
    return this.docs.all(tenantId);
  }

  delete(tenantId: string, aadObjectId: string): Promise<boolean> {
    return this.docs.delete(tenantId, aadObjectId);
  }
}
