import { MANAGER_ROLES, type Role } from '../domain/model';
import type { PersonStatus } from '../domain/status';
import type { Store } from '../store/store';

/** The person behind a request, as found on the roster of their own tenant. */
export interface Actor {
  tenantId: string;
  aadObjectId: string;
  me: PersonStatus;
}

const MAX_REMEMBERED = 50_000;

/**
 * Finds the active staff member for an Entra object id within the tenant. Which staff id an Entra id belongs to
 * almost never changes, so it is remembered: a turn then costs one point read of the status document instead
 * of a query. A remembered id that no longer matches (roster changed) falls back to the query.
 */
export class ActorFinder {
  private readonly staffIds = new Map<string, string>();

  constructor(private readonly store: Store) {}

  async find(tenantId: string | undefined, aadObjectId: string | undefined): Promise<Actor | undefined> {
    if (!tenantId || !aadObjectId) return undefined;
    const key = `${tenantId}|${aadObjectId}`;
    const known = this.staffIds.get(key);
    let me = known ? await this.store.status.get(tenantId, known) : undefined;
    if (!me || me.aadObjectId !== aadObjectId) {
      me = await this.store.status.byAadObjectId(tenantId, aadObjectId);
      if (me) {
        if (this.staffIds.size >= MAX_REMEMBERED) this.staffIds.clear();
        this.staffIds.set(key, me.staffId);
      } else this.staffIds.delete(key);
    }
    return me && me.active ? { tenantId, aadObjectId, me } : undefined;
  }
}

const TENANT_WIDE: readonly Role[] = ['principal_social_worker', 'service_manager'];

export const seesEveryone = (role: Role): boolean => TENANT_WIDE.includes(role);
export const isManager = (role: Role): boolean => MANAGER_ROLES.includes(role) || seesEveryone(role);
