import { groupBy } from '../domain/group-by';
import type { LocalDate } from '../domain/dates';
import { resolvePolicy } from '../domain/policy';
import { computeStatus } from '../domain/status';
import type { CaseloadSnapshot, CpdEntry, SupervisionSession, TrainingRecord } from '../domain/model';
import { generateDemoBorough, type DemoBorough } from './demo-borough';
import type { Store } from './store';

export interface SeedSummary {
  tenantId: string;
  staff: number;
  teams: number;
  sessions: number;
  training: number;
  cpd: number;
  caseloads: number;
  ms: number;
}

/**
 * Writes the deterministic demo borough into a tenant with bulk upserts, computing the status documents in
 * memory (the same computeStatus the StatusKeeper uses) instead of refreshing them one write at a time.
 */
export function seedDemoBorough(store: Store, tenantId: string, today: LocalDate, onProgress?: (step: string) => void): Promise<SeedSummary> {
  return seedBorough(store, tenantId, generateDemoBorough({ tenantId, today }), today, onProgress);
}

/** Writes a generated borough (the demo, or a larger one for benchmarks) into its tenant. */
export async function seedBorough(store: Store, tenantId: string, demo: DemoBorough, today: LocalDate, onProgress?: (step: string) => void): Promise<SeedSummary> {
  const started = Date.now();
  const policy = resolvePolicy();
  const catalogue = new Map(demo.courses.map((c) => [c.code, c]));
  const sessions = groupBy<SupervisionSession>(demo.sessions, (s) => s.superviseeId);
  const training = groupBy<TrainingRecord>(demo.training, (t) => t.staffId);
  const cpd = groupBy<CpdEntry>(demo.cpd, (e) => e.staffId);
  const latest = new Map<string, CaseloadSnapshot>();
  for (const snap of demo.caseloads) {
    const seen = latest.get(snap.staffId);
    if (!seen || snap.date > seen.date) latest.set(snap.staffId, snap);
  }
  const statuses = demo.staff.map((staff) =>
    computeStatus(
      { staff, sessions: sessions.get(staff.id) ?? [], training: training.get(staff.id) ?? [], cpd: cpd.get(staff.id) ?? [], latestCaseload: latest.get(staff.id) },
      catalogue,
      policy,
      today,
    ),
  );
  await store.settings.ensure(tenantId, `${today}T00:00:00.000Z`);
  const c = store.collections;
  const write = async <T extends { id: string; tenantId: string }>(name: string, container: { bulkUpsert(d: readonly T[]): Promise<void> }, docs: readonly T[]): Promise<void> => {
    await container.bulkUpsert(docs);
    onProgress?.(`${name}: ${docs.length}`);
  };
  await Promise.all([
    write('staff', c.staff, demo.staff),
    write('courses', c.courses, demo.courses),
    write('supervision sessions', c.supervision, demo.sessions),
    write('training records', c.training, demo.training),
    write('CPD entries', c.cpd, demo.cpd),
    write('caseload snapshots', c.caseloads, demo.caseloads),
    write('status documents', c.status, statuses),
  ]);
  return {
    tenantId,
    staff: demo.staff.length,
    teams: new Set(demo.staff.map((s) => s.team)).size,
    sessions: demo.sessions.length,
    training: demo.training.length,
    cpd: demo.cpd.length,
    caseloads: demo.caseloads.length,
    ms: Date.now() - started,
  };
}
