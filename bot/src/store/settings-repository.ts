import type { TenantScoped } from '../domain/model';
import { resolvePolicy, type PolicyOverrides, type TenantPolicy } from '../domain/policy';
import type { Stored, TenantContainer } from './tenant-container';

export interface TenantSettings extends TenantScoped {
  id: 'settings';
  policy: PolicyOverrides;
  updatedAt: string;
}

export class SettingsRepository {
  constructor(private readonly docs: TenantContainer<TenantSettings>) {}

  /** The tenant's policy: defaults with its stored overrides. */
  async policy(tenantId: string): Promise<TenantPolicy> {
    const settings = await this.docs.get(tenantId, 'settings');
    return resolvePolicy(settings?.policy);
  }

  get(tenantId: string): Promise<Stored<TenantSettings> | undefined> {
    return this.docs.get(tenantId, 'settings');
  }

  /** Registers a tenant (for the scheduler) without changing any settings it has. */
  async ensure(tenantId: string, at: string): Promise<void> {
    if (!(await this.docs.get(tenantId, 'settings'))) await this.docs.upsert({ id: 'settings', tenantId, policy: {}, updatedAt: at });
  }

  /** Every tenant that has used Reflect. */
  tenants(): Promise<string[]> {
    return this.docs.tenantsHolding('settings');
  }

  /** Stores overrides after checking they resolve to a valid policy (PolicyError otherwise). */
  async save(tenantId: string, policy: PolicyOverrides, at: string): Promise<Stored<TenantSettings>> {
    resolvePolicy(policy);
    return await this.docs.upsert({ id: 'settings', tenantId, policy, updatedAt: at });
  }
}
