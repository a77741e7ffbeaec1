import type { JSONValue } from '@azure/cosmos';
import type { TenantScoped } from '../domain/model';
import type { Collections, Store } from '../store/store';
import type { Stored } from '../store/tenant-container';

/** The containers of the subject-access export, in the order it lists them. */
export type PersonDataKey = 'staff' | 'status' | 'supervision' | 'training' | 'cpd' | 'caseloads' | 'conversations' | 'nudges' | 'holds' | 'audit';

/**
 * One place that holds data about a person: a container and the WHERE fragment (run within the tenant) that finds
 * their documents. The subject-access export reads every location; the retention purge (usecases/retention.ts)
 * removes every location, so the two can never disagree about where a person's data lives.
 */
export interface PersonDataLocation {
  /** The key in the export. Several locations may share one (the audit entries about and by the person). */
  key: PersonDataKey;
  container: keyof Collections;
  where: string;
  params: Record<string, JSONValue>;
  orderBy?: string;
  /**
   * What the retention purge does: `delete` the documents, or `unlink` them, for records that belong to someone
   * else but name this person as the actor (the audit trail of their access to other people's records stays, as
   * the other person's record, without saying who the leaver was).
   */
  onPurge: 'delete' | 'unlink';
}

/**
 * Every place Reflect holds data about one person (UK GDPR subject access): their roster entry and status, the
 * supervision records where they are the supervisee, training, CPD, caseload snapshots, the Teams conversation
 * reference, nudges sent to them and holds on them, and the audit entries about them or made by them. Sessions
 * they held as a supervisor are their supervisees' records, not theirs. `aadObjectId` (from their staff record)
 * also finds a conversation reference saved before they were matched to a staff id.
 */
export function personDataLocations(staffId: string, aadObjectId?: string): PersonDataLocation[] {
  const byStaff = { id: staffId };
  return [
    { key: 'staff', container: 'staff', where: 'c.id = @id', params: byStaff, onPurge: 'delete' },
    { key: 'status', container: 'status', where: 'c.id = @id', params: byStaff, onPurge: 'delete' },
    { key: 'supervision', container: 'supervision', where: 'c.superviseeId = @id', params: byStaff, orderBy: 'c.date DESC', onPurge: 'delete' },
    { key: 'training', container: 'training', where: 'c.staffId = @id', params: byStaff, orderBy: 'c.date DESC', onPurge: 'delete' },
    { key: 'cpd', container: 'cpd', where: 'c.staffId = @id', params: byStaff, orderBy: 'c.date DESC', onPurge: 'delete' },
    { key: 'caseloads', container: 'caseloads', where: 'c.staffId = @id', params: byStaff, orderBy: 'c.date DESC', onPurge: 'delete' },
    aadObjectId
      ? { key: 'conversations', container: 'conversations', where: 'c.aadObjectId = @oid OR c.staffId = @id', params: { oid: aadObjectId, id: staffId }, onPurge: 'delete' }
      : { key: 'conversations', container: 'conversations', where: 'c.staffId = @id', params: byStaff, onPurge: 'delete' },
    { key: 'nudges', container: 'nudges', where: "c.docType = 'nudge' AND c.recipientId = @id", params: byStaff, onPurge: 'delete' },
    { key: 'holds', container: 'holds', where: "(c.docType = 'snooze' OR c.docType = 'booking') AND c.staffId = @id", params: byStaff, onPurge: 'delete' },
    { key: 'audit', container: 'audit', where: 'c.subjectId = @id', params: byStaff, orderBy: 'c.at DESC', onPurge: 'delete' },
    { key: 'audit', container: 'audit', where: 'c.actorId = @id', params: byStaff, orderBy: 'c.at DESC', onPurge: 'unlink' },
  ];
}

/** The documents at one location (within the tenant). */
export function readLocation(store: Store, tenantId: string, location: PersonDataLocation): Promise<Stored<TenantScoped>[]> {
  const docs = store.collections[location.container] as unknown as Collections['staff'];
  return docs.all(tenantId, location.where, location.params, location.orderBy) as Promise<Stored<TenantScoped>[]>;
}

/** Everything Reflect holds about one person, from every container (see personDataLocations). */
export async function subjectAccessData(store: Store, tenantId: string, staffId: string): Promise<Record<string, unknown[]>> {
  const staff = await store.collections.staff.get(tenantId, staffId);
  const locations = personDataLocations(staffId, staff?.aadObjectId);
  const found = await Promise.all(locations.map((l) => (l.key === 'staff' ? (staff ? [staff] : []) : readLocation(store, tenantId, l))));
  const strip = <T extends object>(docs: T[]): Omit<T, '_etag'>[] => docs.map(({ _etag, ...doc }: T & { _etag?: string }) => doc);
  const out: Record<string, unknown[]> = {};
  const seen = new Map<string, Set<string>>();
  locations.forEach((location, i) => {
    // An entry both about and by the person (e.g. their own export) is listed once.
    const ids = seen.get(location.key) ?? seen.set(location.key, new Set()).get(location.key)!;
    const docs = found[i]!.filter((d) => !ids.has(d.id));
    for (const d of docs) ids.add(d.id);
    out[location.key] = [...(out[location.key] ?? []), ...strip(docs)];
  });
  return out;
}
