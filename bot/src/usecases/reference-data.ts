import type { Course } from '../domain/model';
import type { TenantPolicy } from '../domain/policy';
import type { Store } from '../store/store';

const TTL_MS = 60_000;

interface Entry {
  policy: TenantPolicy;
  catalogue: Map<string, Course>;
  at: number;
}

/**
 * A tenant's policy and course catalogue change rarely but are needed on almost every turn; keeping them for a
 * minute saves two Cosmos round trips a turn. Another instance sees a change within the minute.
 */
export class ReferenceData {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async get(tenantId: string): Promise<Entry> {
    const cached = this.entries.get(tenantId);
    if (cached && this.now() - cached.at < TTL_MS) return cached;
    const [policy, catalogue] = await Promise.all([this.store.settings.policy(tenantId), this.store.courses.catalogue(tenantId)]);
    const entry = { policy, catalogue, at: this.now() };
    this.entries.set(tenantId, entry);
    return entry;
  }

  forget(tenantId: string): void {
    this.entries.delete(tenantId);
  }
}
