import type { CaseloadSnapshot, CpdEntry, Staff, TrainingRecord } from '../../bot/src/domain/model';
import { silentLogger } from '../../bot/src/log';
import type { AuditEntry } from '../../bot/src/store/audit-repository';
import type { Store } from '../../bot/src/store/store';
import { PURGED_ACTOR, RETENTION_ACTOR, purgeAllTenants, purgeEntryId, purgeExpiredLeavers, runRetention, type RetentionDeps } from '../../bot/src/usecases/retention';
import { subjectAccessData } from '../../bot/src/usecases/subject-access';
import { aSession, aStaff, openTestStore } from '../support/store';

const TODAY = '2026-11-23';
const A = 'aaaaaaaa-0000-4000-8000-0000000000aa';
const B = 'bbbbbbbb-0000-4000-8000-0000000000bb';
const NOW = new Date('2026-11-23T02:00:00Z');
const CONTAINERS = ['staff', 'status', 'supervision', 'training', 'courses', 'cpd', 'caseloads', 'conversations', 'nudges', 'audit', 'settings'] as const;

// The same people, with the same ids, in both tenants.
const M = 'manager';
const X = 'expired-leaver'; // left over 6 years ago: purged
const R = 'recent-leaver'; // left under 6 years ago: kept
const Y = 'active-worker';
const U = 'undated-leaver'; // a leaver with no leaving date: kept and reported

let store: Store;
const deps = (): RetentionDeps => ({ store, log: silentLogger, now: () => NOW, instanceId: 'instance-1', retentionYears: 6 });

const plusYear = (date: string): string => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/** Something in every container about `staffId`, as the service would have written it while they worked. */
async function recordsFor(tenantId: string, person: Staff, managerId: string, workedUntil: string): Promise<void> {
  const c = store.collections;
  const id = person.id;
  await store.staff.save(person);
  await c.supervision.bulkUpsert([aSession(tenantId, id, managerId, '2018-03-01', { actions: [{ text: 'Update the plan', ownerId: id, due: plusYear('2018-03-01'), status: 'open' }] }), aSession(tenantId, id, managerId, workedUntil, { actions: [{ text: 'Update the plan', ownerId: id, due: plusYear(workedUntil), status: 'open' }] })]);
  const training: TrainingRecord[] = [1, 2].map((n) => ({ id: `tr-${id}-${n}`, tenantId, staffId: id, courseCode: `C${n}`, date: workedUntil, status: 'completed', hours: 6, recordedBy: managerId, recordedAt: `${workedUntil}T10:00:00.000Z` }));
  await c.training.bulkUpsert(training);
  const cpd: CpdEntry = { id: `cpd-${id}`, tenantId, staffId: id, date: workedUntil, type: 'reading', learning: 'Read the research summary.', impact: 'Changed how I plan visits.', peerReflected: false, recordedAt: `${workedUntil}T10:00:00.000Z` };
  await c.cpd.upsert(cpd);
  const caseloads: CaseloadSnapshot[] = ['2018-01-31', workedUntil].map((date) => ({ id: `cl-${id}-${date}`, tenantId, staffId: id, date, counts: { cin: 5, cp: 3, cla: 2, care_leaver: 0, pre_proceedings: 1, early_help: 0 } }));
  await c.caseloads.bulkUpsert(caseloads);
  await store.conversations.save({ tenantId, aadObjectId: person.aadObjectId!, staffId: id, reference: { conversation: { id: `a:${id}` } }, updatedAt: `${workedUntil}T09:00:00.000Z` });
  await store.nudges.claim(tenantId, id, 'practitioner', workedUntil, `${workedUntil}T09:00:00.000Z`);
  await store.nudges.claim(tenantId, id, 'practitioner', '2018-03-05', '2018-03-05T09:00:00.000Z');
  await store.nudges.snooze(tenantId, id, 'practitioner', workedUntil, `${workedUntil}T09:00:00.000Z`);
  await store.nudges.book(tenantId, id, workedUntil, managerId, `${workedUntil}T09:00:00.000Z`);
  await store.audit.record({ tenantId, at: `${workedUntil}T11:00:00.000Z`, actorId: managerId, action: 'read_supervision', subjectId: id, details: { view: 'record' } });
  await store.audit.record({ tenantId, at: `${workedUntil}T12:00:00.000Z`, actorId: id, action: 'export', subjectId: id });
}

async function seedTenant(tenantId: string): Promise<void> {
  await store.settings.ensure(tenantId, '2017-01-01T00:00:00.000Z');
  const staff = (id: string, n: number, o: Partial<Staff>): Staff => aStaff(tenantId, { id, aadObjectId: `00000000-0000-4000-9000-00000000000${n}`, startDate: '2017-01-09', managerId: id === M ? undefined : M, ...o });
  await recordsFor(tenantId, staff(M, 1, { role: 'team_manager' }), M, '2026-11-02');
  await recordsFor(tenantId, staff(X, 2, { status: 'leaver', leavingDate: '2019-06-28' }), M, '2019-06-20');
  await recordsFor(tenantId, staff(R, 3, { status: 'leaver', leavingDate: '2022-01-14' }), M, '2022-01-10');
  await recordsFor(tenantId, staff(Y, 4, {}), M, '2026-11-02');
  await recordsFor(tenantId, staff(U, 5, { status: 'leaver' }), M, '2020-05-01');
  // The expired leaver also supervised someone and read their record: that session is Y's record and stays.
  await store.collections.supervision.upsert(aSession(tenantId, Y, X, '2019-05-01', { actions: [{ text: 'Update the plan', ownerId: Y, due: plusYear('2019-05-01'), status: 'open' }] }));
  await store.audit.record({ tenantId, at: '2019-05-02T10:00:00.000Z', actorId: X, action: 'read_supervision', subjectId: Y, details: { view: 'record' } });
  await store.nudges.book(tenantId, Y, '2019-06-01', X, '2019-05-02T10:00:00.000Z');
}

type Snapshot = Record<string, Map<string, string>>;

/** Every document of a tenant, by container and id (without etags). */
async function snapshot(tenantId: string): Promise<Snapshot> {
  const out: Snapshot = {};
  for (const name of CONTAINERS) {
    const docs = await (store.collections[name] as unknown as Store['collections']['staff']).all(tenantId);
    out[name] = new Map(docs.map(({ _etag, ...doc }) => [doc.id, JSON.stringify(doc)]));
  }
  return out;
}

const counts = (s: Snapshot): Record<string, number> => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v.size]));

beforeAll(async () => {
  store = await openTestStore(TODAY);
  await seedTenant(A);
  await seedTenant(B);
}, 60_000);
afterAll(() => store.close());

describe('retention purge', () => {
  let beforeA: Snapshot;
  let beforeB: Snapshot;
  let exportBefore: Record<string, unknown[]>;

  it('deletes everything held about an expired leaver, leaves one audit entry, and touches nobody else', async () => {
    beforeA = await snapshot(A);
    beforeB = await snapshot(B);
    exportBefore = await subjectAccessData(store, A, X);
    expect(Object.values(exportBefore).every((docs) => docs.length > 0)).toBe(true); // something in every container

    const report = await runRetention(deps(), A, TODAY);
    expect(report.leaseHeld).toBe(false);
    expect(report.purged.map((p) => p.staffId)).toEqual([X]);
    expect(report.undated).toEqual([U]);
    const expected = { staff: 1, status: 1, supervision: 2, training: 2, cpd: 1, caseloads: 2, conversations: 1, nudges: 2, holds: 2, audit: 2, auditUnlinked: 1 };
    expect(report.purged[0]).toEqual({ staffId: X, leavingDate: '2019-06-28', retainedUntil: '2025-06-28', counts: expected });
    // The export's counts are the purge's: nothing about them was missed, nothing else was taken.
    const { audit: exportedAudit, ...exported } = exportBefore;
    for (const [key, docs] of Object.entries(exported)) expect([key, docs.length]).toEqual([key, expected[key as keyof typeof expected]]);
    expect(exportedAudit).toHaveLength(expected.audit + expected.auditUnlinked);

    // Nothing left about them: the export holds only the purge's audit entry.
    const exportAfter = await subjectAccessData(store, A, X);
    const { audit, ...rest } = exportAfter;
    expect(Object.values(rest).every((docs) => docs.length === 0)).toBe(true);
    expect(audit).toHaveLength(1);
    const entry = audit![0] as AuditEntry;
    expect(entry).toEqual({
      id: purgeEntryId(X, '2019-06-28'),
      tenantId: A,
      at: NOW.toISOString(),
      actorId: RETENTION_ACTOR,
      action: 'purge',
      subjectId: X,
      details: { leavingDate: '2019-06-28', retainedUntil: '2025-06-28', retentionYears: 6, counts: expected },
    });
    const person = beforeA.staff!.get(X)!;
    const { name, email } = JSON.parse(person) as Staff;
    expect(JSON.stringify(entry)).not.toContain(name);
    expect(JSON.stringify(entry)).not.toContain(email);
    expect(await store.audit.ofAction(A, 'purge')).toHaveLength(1);

    // Everyone else's documents are exactly as they were; the audit of X reading Y's record stays, without X.
    const afterA = await snapshot(A);
    const exportedIds = new Set(Object.values(exportBefore).flatMap((docs) => docs.map((d) => (d as { id: string }).id)));
    const unlinked = (exportBefore.audit as AuditEntry[]).filter((e) => e.subjectId !== X);
    for (const name of CONTAINERS) {
      for (const [id, doc] of beforeA[name]!) {
        if (exportedIds.has(id) && !unlinked.some((e) => e.id === id)) expect([name, id, afterA[name]!.has(id)]).toEqual([name, id, false]);
        else if (!unlinked.some((e) => e.id === id)) expect([name, id, afterA[name]!.get(id)]).toEqual([name, id, doc]);
      }
    }
    for (const e of unlinked) expect(JSON.parse(afterA.audit!.get(e.id)!)).toEqual({ ...e, actorId: PURGED_ACTOR });
    expect(afterA.supervision!.has(`sup-${Y}-2019-05-01`)).toBe(true); // a session X held as supervisor is Y's record
    expect(await store.staff.get(A, R)).toBeDefined();
    expect(await store.staff.get(A, U)).toBeDefined();
    const purgedTotal = Object.values(expected).reduce((a, b) => a + b, 0) - expected.auditUnlinked;
    const before = counts(beforeA);
    expect(counts(afterA)).toEqual({ ...before, staff: before.staff! - 1, status: before.status! - 1, supervision: before.supervision! - 2, training: before.training! - 2, cpd: before.cpd! - 1, caseloads: before.caseloads! - 2, conversations: before.conversations! - 1, nudges: before.nudges! - 4, audit: before.audit! - 2 + 1 });
    expect(Object.values(before).reduce((a, b) => a + b, 0) - Object.values(counts(afterA)).reduce((a, b) => a + b, 0)).toBe(purgedTotal - 1);

    // Tenant isolation: the other council's person with the same id, and everything else there, is untouched.
    expect(await snapshot(B)).toEqual(beforeB);
  });

  it('purges nothing and writes no audit entry on a second run', async () => {
    const before = await snapshot(A);
    const report = await purgeExpiredLeavers(store, A, TODAY, { retentionYears: 6, now: () => new Date('2026-11-24T02:00:00Z'), log: silentLogger });
    expect(report.purged).toEqual([]);
    expect(report.undated).toEqual([U]);
    expect(await snapshot(A)).toEqual(before);
  });

  it('finishes a purge that stopped part-way on the next run, with one audit entry counting everything', async () => {
    // Tenant B's expired leaver: the database fails after the supervision records and one training record went.
    const exportBefore = await subjectAccessData(store, B, X);
    const training = store.collections.training;
    const realDelete = training.delete.bind(training);
    let deletes = 0;
    const spy = jest.spyOn(training, 'delete').mockImplementation(async (tenantId, id) => {
      if (++deletes > 1) throw new Error('database is unavailable');
      return realDelete(tenantId, id);
    });
    await expect(purgeExpiredLeavers(store, B, TODAY, { retentionYears: 6, now: () => NOW, log: silentLogger })).rejects.toThrow('database is unavailable');
    spy.mockRestore();
    const half = await subjectAccessData(store, B, X);
    expect(half.supervision).toHaveLength(0);
    expect(half.training!.length).toBeLessThan(exportBefore.training!.length);
    expect(half.staff).toHaveLength(1); // still there, so still due
    // The entry was written before the first deletion: it already says what the purge covers.
    expect(await store.audit.ofAction(B, 'purge')).toHaveLength(1);

    // And again, with everything else gone but the staff record: the next run updates that same entry.
    const staffDelete = jest.spyOn(store.staff, 'delete').mockRejectedValueOnce(new Error('database is unavailable'));
    await expect(purgeExpiredLeavers(store, B, TODAY, { retentionYears: 6, now: () => NOW, log: silentLogger })).rejects.toThrow('database is unavailable');
    staffDelete.mockRestore();
    expect(await store.audit.ofAction(B, 'purge')).toHaveLength(1);
    expect(await store.staff.get(B, X)).toBeDefined();

    const report = await purgeExpiredLeavers(store, B, TODAY, { retentionYears: 6, now: () => NOW, log: silentLogger });
    expect(report.purged.map((p) => p.staffId)).toEqual([X]);
    const after = await subjectAccessData(store, B, X);
    expect(Object.entries(after).filter(([, docs]) => docs.length > 0).map(([k]) => k)).toEqual(['audit']);
    const entries = await store.audit.ofAction(B, 'purge');
    expect(entries).toHaveLength(1);
    // The entry, written before the first deletion, counts everything the export held before.
    expect(entries[0]!.details!.counts).toEqual({ staff: 1, status: 1, supervision: 2, training: 2, cpd: 1, caseloads: 2, conversations: 1, nudges: 2, holds: 2, audit: 2, auditUnlinked: 1 });
    expect(await store.staff.get(B, R)).toBeDefined();
  });

  it('runs every tenant under a lease: an instance that does not hold it purges nothing', async () => {
    const C = 'cccccccc-0000-4000-8000-0000000000cc';
    await seedTenant(C);
    const before = await snapshot(C);
    const date = '2026-11-24';
    expect(await store.nudges.acquireLease(C, `retention:${date}`, 'instance-2', NOW.toISOString(), '2026-11-24T03:00:00.000Z')).toBe(true);
    const reports = await purgeAllTenants(deps(), date);
    expect(reports.map((r) => [r.tenantId, r.leaseHeld, r.purged.length])).toEqual([
      [A, false, 0],
      [B, false, 0],
      [C, true, 0],
    ]);
    const { nudges, ...rest } = await snapshot(C);
    const { nudges: nudgesBefore, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
    expect(nudges!.size).toBe(nudgesBefore!.size + 1); // instance-2's lease

    await store.nudges.releaseLease(C, `retention:${date}`, 'instance-2');
    const [, , c] = await purgeAllTenants(deps(), date);
    expect(c!.purged.map((p) => p.staffId)).toEqual([X]);
    expect((await subjectAccessData(store, C, X)).staff).toHaveLength(0);
  });
});
