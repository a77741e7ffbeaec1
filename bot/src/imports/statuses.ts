import { groupBy } from '../domain/group-by';
import type { JSONValue } from '@azure/cosmos';
import type { LocalDate } from '../domain/dates';
import type { CaseloadSnapshot, Staff, TenantScoped, TrainingRecord } from '../domain/model';
import { computeStatus, type PersonStatus } from '../domain/status';
import type { Store } from '../store/store';
import type { Stored, TenantContainer } from '../store/tenant-container';

export interface StatusRefreshOptions {
  today: LocalDate;
  /** People recomputed together: one query per source per batch. */
  batchSize?: number;
  /** Batches in flight at once. */
  concurrency?: number;
  /** The people as the caller already holds them (current after the writes): the staff container is not read. */
  staff?: ReadonlyMap<string, Staff>;
  /** Training records the caller already holds for these people (a training import): the container is not read. */
  trainingOf?: (staffIds: readonly string[]) => Map<string, TrainingRecord[]>;
  onProgress?: (done: number, total: number) => void;
}

const PAGE = 100_000;

async function everything<T extends TenantScoped>(docs: TenantContainer<T>, tenantId: string, where: string, params: Record<string, JSONValue>): Promise<Stored<T>[]> {
  const out: Stored<T>[] = [];
  let continuation: string | undefined;
  do {
    const page = await docs.page(tenantId, where, params, { pageSize: PAGE, continuation });
    out.push(...page.items);
    continuation = page.continuation;
  } while (continuation);
  return out;
}

/**
 * Recomputes the status documents of many people after an import, in batches: per batch one query per source
 * (staff, supervision, training, CPD, caseloads) for everyone in it, the same computeStatus the StatusKeeper
 * uses, and one bulk write; each person once. StatusKeeper.refresh costs six queries a person, which for an
 * import of thousands of people is thousands of round trips (and on the embedded server each query scans the
 * whole container). Unlike the StatusKeeper it does not write with etags: a record saved in chat for someone in
 * the batch while it runs can be missing from their status until the next write for them. Returns how many
 * status documents were written.
 */
export async function refreshStatuses(store: Store, tenantId: string, staffIds: readonly string[], options: StatusRefreshOptions): Promise<number> {
  const ids = [...new Set(staffIds)];
  if (ids.length === 0) return 0;
  const c = store.collections;
  const [catalogue, policy] = await Promise.all([store.courses.catalogue(tenantId), store.settings.policy(tenantId)]);
  const size = options.batchSize ?? 250;
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += size) batches.push(ids.slice(i, i + size));
  let written = 0;
  let done = 0;
  const one = async (batch: string[]): Promise<void> => {
    const params = { ids: batch };
    const [staff, sessions, training, cpd, caseloads] = await Promise.all([
      options.staff ? Promise.resolve(batch.flatMap((id) => (options.staff!.has(id) ? [options.staff!.get(id)!] : []))) : everything(c.staff, tenantId, 'ARRAY_CONTAINS(@ids, c.id)', params),
      everything(c.supervision, tenantId, 'ARRAY_CONTAINS(@ids, c.superviseeId)', params),
      options.trainingOf ? Promise.resolve(undefined) : everything(c.training, tenantId, 'ARRAY_CONTAINS(@ids, c.staffId)', params),
      everything(c.cpd, tenantId, 'ARRAY_CONTAINS(@ids, c.staffId)', params),
      everything(c.caseloads, tenantId, 'ARRAY_CONTAINS(@ids, c.staffId)', params),
    ]);
    const trainingBy = options.trainingOf ? options.trainingOf(batch) : groupBy(training ?? [], (t) => t.staffId);
    const sessionsBy = groupBy(sessions, (s) => s.superviseeId);
    const cpdBy = groupBy(cpd, (e) => e.staffId);
    const latest = new Map<string, CaseloadSnapshot>();
    for (const snap of caseloads) {
      const seen = latest.get(snap.staffId);
      if (!seen || snap.date > seen.date) latest.set(snap.staffId, snap);
    }
    const statuses: PersonStatus[] = staff.map((s) =>
      computeStatus(
        { staff: s, sessions: sessionsBy.get(s.id) ?? [], training: trainingBy.get(s.id) ?? [], cpd: cpdBy.get(s.id) ?? [], latestCaseload: latest.get(s.id) },
        catalogue,
        policy,
        options.today,
      ),
    );
    await c.status.bulkUpsert(statuses);
    written += statuses.length;
    done += batch.length;
    options.onProgress?.(done, ids.length);
  };
  const concurrency = Math.max(1, options.concurrency ?? 2);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, batches.length) }, async () => {
      while (next < batches.length) await one(batches[next++]!);
    }),
  );
  return written;
}
