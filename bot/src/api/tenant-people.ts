import type { PersonStatus } from '../domain/status';
import type { Store } from '../store/store';

export interface TenantPeople {
  byId: ReadonlyMap<string, PersonStatus>;
  all: readonly PersonStatus[];
  /** Results computed from exactly these people (dashboards), dropped with them. */
  derived: Map<string, unknown>;
}

const TTL_MS = 30_000;
const MAX_DERIVED = 200;

interface Entry {
  people: Promise<TenantPeople>;
  version: number;
  at: number;
  refreshing?: Promise<unknown>;
}

/**
 * Every status document of a tenant, held in memory for the dashboards: one partition read serves many
 * requests. A status write made by this process (a logged session, an import) makes the copy stale at once and
 * the next request waits for a fresh read, so people see their own changes. Writes by another instance show
 * within TTL_MS: an older copy is still served while a fresh one is read in the background.
 */
export class TenantPeopleCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get(tenantId: string): Promise<TenantPeople> {
    const version = this.store.statusChanges.of(tenantId);
    const cached = this.entries.get(tenantId);
    if (cached && cached.version === version) {
      if (this.now() - cached.at >= TTL_MS && !cached.refreshing) cached.refreshing = this.reload(tenantId, version).catch(() => (cached.refreshing = undefined));
      return cached.people;
    }
    return this.reload(tenantId, version);
  }

  /** A result computed from the tenant's people, remembered until they change. */
  async derive<T>(tenantId: string, key: string, compute: (people: TenantPeople) => T): Promise<T> {
    const people = await this.get(tenantId);
    if (people.derived.has(key)) return people.derived.get(key) as T;
    const value = compute(people);
    if (people.derived.size >= MAX_DERIVED) people.derived.clear();
    people.derived.set(key, value);
    return value;
  }

  private reload(tenantId: string, version: number): Promise<TenantPeople> {
    const people = this.load(tenantId);
    const entry: Entry = { people, version, at: this.now() };
    // A fresh copy replaces the old one only once it has arrived; a failed read is not remembered.
    if (!this.entries.has(tenantId) || this.entries.get(tenantId)!.version !== version) this.entries.set(tenantId, entry);
    return people.then(
      (p) => {
        const current = this.entries.get(tenantId);
        if (!current || current.version <= version) this.entries.set(tenantId, { ...entry, people: Promise.resolve(p) });
        return p;
      },
      (err: unknown) => {
        if (this.entries.get(tenantId) === entry) this.entries.delete(tenantId);
        throw err;
      },
    );
  }

  private async load(tenantId: string): Promise<TenantPeople> {
    const all = await this.store.status.all(tenantId);
    return { all, byId: new Map(all.map((p) => [p.staffId, p])), derived: new Map() };
  }
}
