import type { PersonStatus } from '../domain/status';
import type { Store } from '../store/store';
import type { Actor } from './actor';

const MAX_DEPTH = 12;

/**
 * Whether `staffId` is in the actor's line: a direct report, or below someone who is (group managers record
 * for everyone below them). This decides what someone may record; the PSW and service managers may read
 * everyone's records (api/access.ts) but record supervision only for their own line. Returns the person when so.
 */
export async function inLineOf(store: Store, actor: Actor, staffId: string): Promise<PersonStatus | undefined> {
  const person = await store.status.get(actor.tenantId, staffId);
  if (!person || person.staffId === actor.me.staffId) return undefined;
  let managerId = person.managerId;
  for (let depth = 0; managerId && depth < MAX_DEPTH; depth++) {
    if (managerId === actor.me.staffId) return person;
    managerId = (await store.status.get(actor.tenantId, managerId))?.managerId;
  }
  return undefined;
}

/** The people the actor supervises directly (active ones). */
export async function directReports(store: Store, actor: Actor): Promise<PersonStatus[]> {
  return (await store.status.reports(actor.tenantId, actor.me.staffId)).filter((p) => p.active).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}
