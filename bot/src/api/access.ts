import { MANAGER_ROLES, type Role } from '../domain/model';
import type { PersonStatus } from '../domain/status';
import { seesEveryone } from '../usecases/actor';
import type { View } from './contract';

/**
 * Who may see what (shared/domain.md): a practitioner their own records; a supervisor everyone below them in
 * the line; the PSW and service managers everyone in the tenant; business support training records, never
 * supervision content. Pure: the caller supplies the tenant's people.
 */
export type Reach = 'self' | 'line' | 'tenant' | 'training_only' | 'none';

const LINE_DEPTH = 12;
const IMPORTERS: readonly Role[] = ['principal_social_worker', 'service_manager', 'business_support'];

export function viewsFor(role: Role): View[] {
  const views: View[] = ['me'];
  if (MANAGER_ROLES.includes(role) || seesEveryone(role)) views.push('team');
  if (seesEveryone(role)) views.push('workforce');
  if (IMPORTERS.includes(role)) views.push('imports');
  return views;
}

export function reachOver(actor: PersonStatus, subject: PersonStatus, people: ReadonlyMap<string, PersonStatus>): Reach {
  if (actor.staffId === subject.staffId) return 'self';
  if (seesEveryone(actor.role)) return 'tenant';
  // Business support see training records, never supervision content, even of people they line-manage.
  if (actor.role === 'business_support') return 'training_only';
  if (isBelow(subject, actor.staffId, people)) return 'line';
  return 'none';
}

/** Whether `managerId` is above the person in the line (direct or further up). */
export function isBelow(person: PersonStatus, managerId: string, people: ReadonlyMap<string, PersonStatus>): boolean {
  let above = person.managerId;
  for (let depth = 0; above && depth < LINE_DEPTH; depth++) {
    if (above === managerId) return true;
    above = people.get(above)?.managerId;
  }
  return false;
}

/** Everyone below the manager in the line, leavers included. */
export function lineOf(managerId: string, people: ReadonlyMap<string, PersonStatus>): PersonStatus[] {
  return [...people.values()].filter((p) => isBelow(p, managerId, people));
}

export const canImport = (role: Role): boolean => IMPORTERS.includes(role);
