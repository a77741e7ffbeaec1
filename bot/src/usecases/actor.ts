import { MANAGER_ROLES, type Role } from '../domain/model';
import type { PersonStatus } from '../domain/status';
import type { Store } from '../store/store';

/** The person behind a request, as found on the roster of their own tenant. */
export interface Actor {
  tenantId: string;
  aadObjectId: string;
  me: PersonStatus;
}

/** Finds the active staff member for an Entra object id within the tenant; undefined when not on the roster. */
export async function findActor(store: Store, tenantId: string | undefined, aadObjectId: string | undefined): Promise<Actor | undefined> {
  if (!tenantId || !aadObjectId) return undefined;
  const me = await store.status.byAadObjectId(tenantId, aadObjectId);
  return me && me.active ? { tenantId, aadObjectId, me } : undefined;
}

const TENANT_WIDE: readonly Role[] = ['principal_social_worker', 'service_manager'];

export const seesEveryone = (role: Role): boolean => TENANT_WIDE.includes(role);
export const isManager = (role: Role): boolean => MANAGER_ROLES.includes(role) || seesEveryone(role);
