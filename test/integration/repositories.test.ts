import { ConflictError } from '../../bot/src/store/errors';
import type { Store } from '../../bot/src/store/store';
import { aSession, aStaff, openTestStore } from '../support/store';

const A = 'aaaaaaaa-0000-4000-8000-00000000000a';
const B = 'bbbbbbbb-0000-4000-8000-00000000000b';

let store: Store;
beforeAll(async () => {
  store = await openTestStore();
});
afterAll(() => store.close());


describe('staff repository', () => {
  it('creates, reads, updates and deletes', async () => {
    const person = aStaff(A);
    const created = await store.staff.save(person);
    expect(created._etag).toBeTruthy();
    expect(await store.staff.get(A, person.id)).toMatchObject({ name: person.name });
    expect(await store.staff.byAadObjectId(A, person.aadObjectId!)).toMatchObject({ id: person.id });
    expect(await store.staff.byEmail(A, person.email)).toMatchObject({ id: person.id });
    const updated = await store.staff.save({ ...created, team: 'Assessment 2' }, created._etag);
    expect(updated.team).toBe('Assessment 2');
    expect(await store.staff.delete(A, person.id)).toBe(true);
    expect(await store.staff.get(A, person.id)).toBeUndefined();
    expect(await store.staff.delete(A, person.id)).toBe(false);
  });

  it('refuses an update with a stale etag as a conflict', async () => {
    const created = await store.staff.save(aStaff(A));
    await store.staff.save({ ...created, team: 'Fostering' }, created._etag);
    await expect(store.staff.save({ ...created, team: 'Early Help 1' }, created._etag)).rejects.toBeInstanceOf(ConflictError);
    expect((await store.staff.get(A, created.id))?.team).toBe('Fostering');
  });

  it('never returns another tenant\'s documents', async () => {
    const inA = await store.staff.save(aStaff(A, { managerId: 'shared-manager' }));
    const inB = await store.staff.save(aStaff(B, { managerId: 'shared-manager', aadObjectId: inA.aadObjectId, email: inA.email }));
    expect(await store.staff.get(B, inA.id)).toBeUndefined();
    expect((await store.staff.byAadObjectId(B, inA.aadObjectId!))?.id).toBe(inB.id);
    expect((await store.staff.byEmail(A, inA.email))?.id).toBe(inA.id);
    expect((await store.staff.reports(A, 'shared-manager')).map((s) => s.id)).toEqual([inA.id]);
    expect((await store.staff.all(B)).every((s) => s.tenantId === B)).toBe(true);
    expect((await store.status.all(B)).every((s) => s.tenantId === B)).toBe(true);
  });
});

describe('paging', () => {
  it('returns every item exactly once across continuation tokens', async () => {
    const tenant = 'cccccccc-0000-4000-8000-00000000000c';
    const docs = Array.from({ length: 257 }, (_, i) => aStaff(tenant, { id: `page-${i}` }));
    await store.collections.staff.bulkUpsert(docs);
    await store.collections.staff.bulkUpsert([aStaff(A, { id: 'page-other-tenant' })]);
    const seen: string[] = [];
    let continuation: string | undefined;
    let pages = 0;
    do {
      const page = await store.collections.staff.page(tenant, 'true', {}, { pageSize: 50, continuation });
      seen.push(...page.items.map((d) => d.id));
      continuation = page.continuation;
      pages++;
    } while (continuation);
    expect(pages).toBe(6);
    expect(seen).toHaveLength(257);
    expect(new Set(seen).size).toBe(257);
    expect(seen).not.toContain('page-other-tenant');
    expect(await store.collections.staff.count(tenant)).toBe(257);
  });
});

describe('supervision repository and the status document', () => {
  it('keeps the supervisee\'s status current on every write', async () => {
    const manager = await store.staff.save(aStaff(A, { role: 'team_manager' }));
    const worker = await store.staff.save(aStaff(A, { managerId: manager.id, startDate: '2025-01-06' }));
    const before = await store.status.get(A, worker.id);
    expect(before?.lastSupervision).toBeUndefined();

    await store.supervision.create([aSession(A, worker.id, manager.id, '2026-10-01')]);
    let status = await store.status.get(A, worker.id);
    expect(status).toMatchObject({ lastSupervision: '2026-10-01', nextDue: '2026-11-02', openActions: 1, awaitingResponse: 1 });

    // A cancelled session does not reset the clock.
    await store.supervision.create([aSession(A, worker.id, manager.id, '2026-11-02', { status: 'cancelled', cancellationReason: 'Court', id: 'cancelled-1' })]);
    status = await store.status.get(A, worker.id);
    expect(status).toMatchObject({ lastSupervision: '2026-10-01', nextDue: '2026-11-02', cancelledSinceLast: 1 });

    const session = (await store.supervision.forSupervisee(A, worker.id)).find((s) => s.status === 'held')!;
    await store.supervision.update({ ...session, response: { agreed: true, at: '2026-10-02T09:00:00Z' }, actions: [{ ...session.actions[0]!, status: 'done' }] }, session._etag);
    status = await store.status.get(A, worker.id);
    expect(status).toMatchObject({ awaitingResponse: 0, openActions: 0 });
    await expect(store.supervision.update({ ...session, durationMinutes: 10 }, session._etag)).rejects.toBeInstanceOf(ConflictError);

    expect(await store.supervision.get(B, session.id)).toBeUndefined();
    expect(await store.supervision.forSupervisee(B, worker.id)).toEqual([]);
    expect((await store.supervision.forSupervisor(A, manager.id, '2026-01-01')).length).toBe(2);
    const held = await store.supervision.heldBetween(A, '2026-09-01', '2026-12-31');
    expect(held.items.map((s) => s.id)).toContain(session.id);
    expect(await store.supervision.delete(A, session.id)).toBe(true);
    expect((await store.status.get(A, worker.id))?.lastSupervision).toBe('2026-10-01'); // deletes do not refresh: purge only
  });

  it('lists sessions still awaiting the supervisee\'s response', async () => {
    const worker = await store.staff.save(aStaff(A));
    await store.supervision.create([aSession(A, worker.id, 'm', '2026-11-10'), aSession(A, worker.id, 'm', '2026-10-10', { response: { agreed: true, at: '2026-10-11T10:00:00Z' } })]);
    expect((await store.supervision.awaitingResponse(A, worker.id)).map((s) => s.date)).toEqual(['2026-11-10']);
  });
});

describe('training, courses, CPD and caseloads', () => {
  it('stores records and reflects them in the status document', async () => {
    const worker = await store.staff.save(aStaff(A));
    const catalogue = await store.courses.catalogue(A);
    expect(catalogue.get('SOS-INTRO')?.category).toBe('signs_of_safety');

    await store.training.save([{ id: `tr-${worker.id}`, tenantId: A, staffId: worker.id, courseCode: 'SOS-INTRO', date: '2026-03-02', status: 'completed', hours: 12, recordedBy: 'bs-1', recordedAt: '2026-03-02T17:00:00Z' }]);
    expect((await store.training.forStaff(A, worker.id)).length).toBe(1);
    expect(await store.training.get(B, `tr-${worker.id}`)).toBeUndefined();
    expect((await store.status.get(A, worker.id))?.signsOfSafety).toMatchObject({ held: 'intro_2day', met: true });

    await store.cpd.save({ id: `cpd-1-${worker.id}`, tenantId: A, staffId: worker.id, date: '2026-02-10', type: 'reading', learning: 'Read research on neglect', impact: 'Used in assessments', peerReflected: false, recordedAt: '2026-02-10T12:00:00Z' });
    await store.cpd.save({ id: `cpd-2-${worker.id}`, tenantId: A, staffId: worker.id, date: '2026-06-10', type: 'supervision', learning: 'Reflected on a complex case', impact: 'Clearer plans', peerReflected: true, peerName: 'Team manager', recordedAt: '2026-06-10T12:00:00Z' });
    expect((await store.cpd.forStaff(A, worker.id)).map((e) => e.date)).toEqual(['2026-06-10', '2026-02-10']);
    expect((await store.status.get(A, worker.id))?.cpd).toMatchObject({ entries: 2, peerReflected: 1, met: true });

    const counts = { cin: 8, cp: 6, cla: 4, care_leaver: 0, pre_proceedings: 1, early_help: 0 };
    await store.caseloads.save([
      { id: `${worker.id}:2026-10-01`, tenantId: A, staffId: worker.id, date: '2026-10-01', counts: { ...counts, cin: 5 } },
      { id: `${worker.id}:2026-11-02`, tenantId: A, staffId: worker.id, date: '2026-11-02', counts },
    ]);
    expect((await store.caseloads.latest(A, worker.id))?.date).toBe('2026-11-02');
    expect((await store.caseloads.recent(A, worker.id, 5)).map((s) => s.date)).toEqual(['2026-11-02', '2026-10-01']);
    expect(await store.caseloads.latest(B, worker.id)).toBeUndefined();
    expect((await store.status.get(A, worker.id))?.caseload).toMatchObject({ total: 19, threshold: 18, date: '2026-11-02' });
  });

  it('lets a tenant replace the default catalogue', async () => {
    const tenant = 'dddddddd-0000-4000-8000-00000000000d';
    await store.courses.save({ id: 'course-x1', tenantId: tenant, code: 'X1', title: 'Local course', category: 'other', hours: 2 });
    expect([...(await store.courses.catalogue(tenant)).keys()]).toEqual(['X1']);
    expect((await store.courses.catalogue(A)).has('X1')).toBe(false);
  });
});

describe('conversations, nudges, audit and settings', () => {
  it('stores and marks conversation references stale', async () => {
    await store.conversations.save({ tenantId: A, aadObjectId: 'oid-1', reference: { serviceUrl: 'https://smba.example/' }, updatedAt: '2026-11-23T09:00:00Z' });
    expect((await store.conversations.get(A, 'oid-1'))?.staleSince).toBeUndefined();
    expect(await store.conversations.get(B, 'oid-1')).toBeUndefined();
    await store.conversations.markStale(A, 'oid-1', '2026-11-23T09:05:00Z');
    expect((await store.conversations.get(A, 'oid-1'))?.staleSince).toBe('2026-11-23T09:05:00Z');
    await store.conversations.save({ tenantId: A, aadObjectId: 'oid-1', reference: { serviceUrl: 'https://smba.example/' }, updatedAt: '2026-11-24T09:00:00Z' });
    expect((await store.conversations.get(A, 'oid-1'))?.staleSince).toBeUndefined();
    expect(await store.conversations.delete(A, 'oid-1')).toBe(true);
  });

  it('claims each nudge once per recipient, kind and date', async () => {
    const first = await store.nudges.claim(A, 'p1', 'supervision_due', '2026-11-23', '2026-11-23T09:00:00Z');
    expect(first).toBeDefined();
    expect(await store.nudges.claim(A, 'p1', 'supervision_due', '2026-11-23', '2026-11-23T09:00:01Z')).toBeUndefined();
    expect(await store.nudges.claim(B, 'p1', 'supervision_due', '2026-11-23', '2026-11-23T09:00:01Z')).toBeDefined();
    await store.nudges.settle(first!, 'sent', '2026-11-23T09:00:02Z');
    expect((await store.nudges.get(A, 'p1', 'supervision_due', '2026-11-23'))?.state).toBe('sent');
    expect((await store.nudges.onDate(A, '2026-11-23')).map((n) => n.recipientId)).toEqual(['p1']);
    expect((await store.nudges.forRecipient(B, 'p1')).length).toBe(1);
  });

  it('gives a lease to one holder at a time', async () => {
    const results = await Promise.all([
      store.nudges.acquireLease(A, 'sweep', 'one', '2026-11-23T09:00:00Z', '2026-11-23T09:05:00Z'),
      store.nudges.acquireLease(A, 'sweep', 'two', '2026-11-23T09:00:00Z', '2026-11-23T09:05:00Z'),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results[0] ? 'one' : 'two';
    const loser = winner === 'one' ? 'two' : 'one';
    expect(await store.nudges.acquireLease(A, 'sweep', loser, '2026-11-23T09:01:00Z', '2026-11-23T09:06:00Z')).toBe(false);
    expect(await store.nudges.acquireLease(A, 'sweep', loser, '2026-11-23T09:06:00Z', '2026-11-23T09:11:00Z')).toBe(true);
    await store.nudges.releaseLease(A, 'sweep', loser);
    expect(await store.nudges.acquireLease(A, 'sweep', winner, '2026-11-23T09:07:00Z', '2026-11-23T09:12:00Z')).toBe(true);
  });

  it('appends audit entries per tenant', async () => {
    await store.audit.record({ tenantId: A, at: '2026-11-23T10:00:00Z', actorId: 'psw', action: 'read_supervision', subjectId: 'p9' });
    expect((await store.audit.about(A, 'p9')).map((e) => e.actorId)).toEqual(['psw']);
    expect(await store.audit.about(B, 'p9')).toEqual([]);
    expect((await store.audit.byActor(A, 'psw')).length).toBe(1);
    expect((await store.audit.ofAction(A, 'read_supervision')).length).toBe(1);
  });

  it('stores policy overrides per tenant and rejects invalid ones', async () => {
    await store.settings.save(A, { dueSoonDays: 5, caseloadThreshold: { social_worker: 16 } }, '2026-11-23T10:00:00Z');
    const policy = await store.settings.policy(A);
    expect(policy.dueSoonDays).toBe(5);
    expect(policy.caseloadThreshold).toMatchObject({ social_worker: 16, family_practitioner: 12 });
    expect((await store.settings.policy(B)).dueSoonDays).toBe(3);
    await expect(store.settings.save(A, { dueSoonDays: -1 }, '2026-11-23T10:00:00Z')).rejects.toThrow('dueSoonDays');
    expect((await store.settings.policy(A)).dueSoonDays).toBe(5);
  });
});
