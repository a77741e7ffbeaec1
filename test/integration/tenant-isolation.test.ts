/**
 * Records never cross tenants (shared/domain.md "Who may see what"). Every repository on Store and every raw
 * collection is given the SAME ids in two tenants with different content, plus ids that exist in one tenant
 * only; then every read method is called for each tenant and must return nothing of the other, point reads of
 * an id held only by the other tenant must come back undefined, and writes and deletes in one tenant must
 * leave the other's copy as it was.
 *
 * The methods were enumerated from the repository files (bot/src/store/*-repository.ts, status-keeper.ts,
 * tenant-container.ts); the last describe block checks that list against the classes' prototypes, so a method
 * added later without an isolation test fails here.
 */
import { emptyCounts } from '../../bot/src/domain/caseload';
import type { CaseloadSnapshot, Course, CpdEntry, Staff, SupervisionSession, TrainingRecord } from '../../bot/src/domain/model';
import { AuditRepository } from '../../bot/src/store/audit-repository';
import { CaseloadRepository, snapshotId } from '../../bot/src/store/caseload-repository';
import { ConversationRepository } from '../../bot/src/store/conversation-repository';
import { CpdRepository } from '../../bot/src/store/cpd-repository';
import { nudgeId, NudgeLogRepository } from '../../bot/src/store/nudge-log-repository';
import { SettingsRepository } from '../../bot/src/store/settings-repository';
import { StaffRepository } from '../../bot/src/store/staff-repository';
import { StatusKeeper } from '../../bot/src/store/status-keeper';
import { StatusRepository } from '../../bot/src/store/status-repository';
import type { Collections, Store } from '../../bot/src/store/store';
import { SupervisionRepository } from '../../bot/src/store/supervision-repository';
import { TenantContainer } from '../../bot/src/store/tenant-container';
import { CourseRepository, courseId, TrainingRepository } from '../../bot/src/store/training-repository';
import { openTestStore } from '../support/store';

const TODAY = '2026-11-23';
const AT = '2026-11-23T09:00:00.000Z';
const A = 'aaaaaaaa-1111-4000-8000-00000000000a';
const B = 'bbbbbbbb-2222-4000-8000-00000000000b';
type Tenant = typeof A | typeof B;
const TENANTS: Tenant[] = [A, B];
const other = (t: Tenant): Tenant => (t === A ? B : A);
/** Content that marks a document as the tenant's own: it must never show up in the other tenant's reads. */
const MARK: Record<Tenant, string> = { [A]: 'ALPHA', [B]: 'BRAVO' };
const label = (t: Tenant): string => (t === A ? 'tenant A' : 'tenant B');

// Ids written into BOTH tenants.
const MGR = 'iso-mgr';
const SW = 'iso-sw';
const OID_MGR = '00000000-0000-4000-8000-0000000150a0';
const OID_SW = '00000000-0000-4000-8000-0000000150a1';
const EMAIL_SW = 'worker@iso.example.gov.uk';
const SUP = 'iso-sup-1';
const TR = 'iso-tr-1';
const CPD = 'iso-cpd-1';
const CASE_DATE = '2026-11-01';
const COURSE = 'ISO-1';
const NUDGE_KIND = 'supervision_overdue';
const SNOOZE_KIND = 'cpd_short';
const LEASE = 'sweep';
const AUDIT_ID = 'iso-audit-1';
/** Held session dates differ by tenant, so a status computed from the wrong tenant's records would show. */
const SESSION_DATE: Record<Tenant, string> = { [A]: '2026-11-02', [B]: '2026-10-05' };
const DUE_SOON: Record<Tenant, number> = { [A]: 5, [B]: 9 };
const CIN: Record<Tenant, number> = { [A]: 5, [B]: 9 };

// Ids written into ONE tenant only.
const only = (t: Tenant, what: string): string => `only-${MARK[t].toLowerCase()}-${what}`;
const ONLY_OID: Record<Tenant, string> = { [A]: '00000000-0000-4000-8000-00000000a11a', [B]: '00000000-0000-4000-8000-00000000b22b' };
const onlyEmail = (t: Tenant): string => `${only(t, 'staff')}@iso.example.gov.uk`;
const ONLY_CASE_DATE: Record<Tenant, string> = { [A]: '2026-10-01', [B]: '2026-09-01' };

let store: Store;

function staff(t: Tenant, id: string, over: Partial<Staff>): Staff {
  return {
    id, tenantId: t, name: `${MARK[t]} ${id}`, email: `${id}@iso.example.gov.uk`, role: 'social_worker', team: `${MARK[t]} Team`,
    startDate: '2022-01-03', fte: 1, employment: 'permanent', status: 'active', ...over,
  };
}

function session(t: Tenant, id: string, date: string): SupervisionSession {
  return {
    id, tenantId: t, superviseeId: SW, supervisorId: MGR, date, type: 'individual', durationMinutes: 90, status: 'held',
    functions: ['management', 'development', 'support', 'mediation'], experience: `${MARK[t]} experience`, reflection: `${MARK[t]} reflection`,
    analysis: `${MARK[t]} analysis`, plan: `${MARK[t]} plan`, caseIds: [`LCS-${MARK[t]}`], wellbeingDiscussed: true,
    actions: [{ text: `${MARK[t]} action`, ownerId: SW, due: '2026-12-18', status: 'open' }], qualityFlags: [], recordedBy: MGR, recordedAt: `${date}T16:00:00.000Z`,
  };
}

const training = (t: Tenant, id: string, date: string): TrainingRecord => ({
  id, tenantId: t, staffId: SW, courseCode: 'SOS-INTRO', date, status: 'completed', hours: 12, note: `${MARK[t]} note`, recordedBy: MGR, recordedAt: `${date}T16:00:00.000Z`,
});
const cpd = (t: Tenant, id: string, date: string): CpdEntry => ({
  id, tenantId: t, staffId: SW, date, type: 'reading', learning: `${MARK[t]} learning`, impact: `${MARK[t]} impact`, peerReflected: true, peerName: `${MARK[t]} peer`, recordedAt: `${date}T16:00:00.000Z`,
});
const snapshot = (t: Tenant, date: string): CaseloadSnapshot => ({ id: snapshotId(SW, date), tenantId: t, staffId: SW, date, counts: { ...emptyCounts(), cin: CIN[t] } });
const course = (t: Tenant, code: string): Course => ({ id: courseId(code), tenantId: t, code, title: `${MARK[t]} course ${code}`, category: 'core_skills', hours: 6 });

/** One tenant's world: the shared ids with this tenant's content, and a few ids no other tenant has. */
async function writeWorld(t: Tenant): Promise<void> {
  const s = store;
  await s.courses.save(course(t, COURSE));
  await s.courses.save(course(t, only(t, 'course').toUpperCase()));
  await s.settings.save(t, { dueSoonDays: DUE_SOON[t] }, AT);
  await s.staff.save(staff(t, MGR, { role: 'team_manager', aadObjectId: OID_MGR }));
  await s.staff.save(staff(t, SW, { managerId: MGR, aadObjectId: OID_SW, email: EMAIL_SW }));
  await s.staff.save(staff(t, only(t, 'staff'), { managerId: MGR, aadObjectId: ONLY_OID[t], email: onlyEmail(t) }));
  await s.supervision.create([session(t, SUP, SESSION_DATE[t]), session(t, only(t, 'sup'), '2026-08-03')]);
  await s.training.save([training(t, TR, '2026-06-01'), training(t, only(t, 'tr'), '2026-05-01')]);
  await s.cpd.save(cpd(t, CPD, '2026-03-02'));
  await s.cpd.save(cpd(t, only(t, 'cpd'), '2026-02-02'));
  await s.caseloads.save([snapshot(t, CASE_DATE), snapshot(t, ONLY_CASE_DATE[t])]);
  const reference = (oid: string) => ({ serviceUrl: `https://${MARK[t].toLowerCase()}.example/`, conversation: { id: `a:${MARK[t]}-${oid}` }, user: { aadObjectId: oid } });
  await s.conversations.save({ tenantId: t, aadObjectId: OID_SW, staffId: SW, reference: reference(OID_SW), updatedAt: AT });
  await s.conversations.save({ tenantId: t, aadObjectId: ONLY_OID[t], staffId: only(t, 'staff'), reference: reference(ONLY_OID[t]), updatedAt: AT });
  const claimed = (await s.nudges.claim(t, SW, NUDGE_KIND, TODAY, AT))!;
  await s.nudges.settle(claimed, 'sent', AT, `${MARK[t]} detail`);
  await s.nudges.claim(t, only(t, 'staff'), NUDGE_KIND, TODAY, AT);
  await s.nudges.snooze(t, SW, SNOOZE_KIND, '2026-11-30', AT);
  await s.nudges.book(t, SW, '2026-11-27', MGR, AT);
  await s.nudges.book(t, only(t, 'staff'), '2026-11-28', MGR, AT);
  expect(await s.nudges.acquireLease(t, LEASE, `${MARK[t]}-holder`, AT, '2026-11-23T10:00:00.000Z')).toBe(true);
  expect(await s.nudges.acquireLease(t, only(t, 'lease'), `${MARK[t]}-holder`, AT, '2026-11-23T10:00:00.000Z')).toBe(true);
  await s.audit.record({ tenantId: t, at: AT, actorId: MGR, action: 'read_supervision', subjectId: SW, details: { marker: MARK[t], view: 'person' } });
  await s.collections.audit.upsert({ id: AUDIT_ID, tenantId: t, at: AT, actorId: MGR, action: 'export', subjectId: SW, details: { marker: MARK[t] } });
  await s.audit.record({ tenantId: t, at: AT, actorId: only(t, 'staff'), action: 'read_supervision', subjectId: only(t, 'staff'), details: { marker: MARK[t] } });
}

beforeAll(async () => {
  store = await openTestStore(TODAY);
  for (const t of TENANTS) await writeWorld(t);
}, 60_000);
afterAll(() => store.close());

/** Nothing of the other tenant: neither its id (on every document) nor its content marker. */
function ownOnly(value: unknown, t: Tenant): string {
  const json = JSON.stringify(value instanceof Map ? [...value.values()] : value ?? null);
  expect(json).not.toContain(other(t));
  expect(json).not.toContain(MARK[other(t)]);
  return json;
}
const idsOf = (docs: readonly { id: string }[]): string[] => docs.map((d) => d.id).sort();
const sorted = (ids: string[]): string[] => [...ids].sort();
const tenantsOf = (docs: readonly { tenantId: string }[]): string[] => [...new Set(docs.map((d) => d.tenantId))];

type ReadCase = [method: string, check: (t: Tenant) => Promise<void>];

const READS: ReadCase[] = [
  // StaffRepository
  ['staff.get (shared id)', async (t) => {
    const p = await store.staff.get(t, SW);
    expect(ownOnly(p, t)).toContain(MARK[t]);
    expect(p).toMatchObject({ tenantId: t, name: `${MARK[t]} ${SW}` });
  }],
  ['staff.get (id only in the other tenant) is undefined', async (t) => expect(await store.staff.get(t, only(other(t), 'staff'))).toBeUndefined()],
  ['staff.byAadObjectId (shared oid)', async (t) => expect(ownOnly(await store.staff.byAadObjectId(t, OID_SW), t)).toContain(`${MARK[t]} ${SW}`)],
  ['staff.byAadObjectId (oid only in the other tenant) is undefined', async (t) => expect(await store.staff.byAadObjectId(t, ONLY_OID[other(t)])).toBeUndefined()],
  ['staff.byEmail (shared email)', async (t) => expect(ownOnly(await store.staff.byEmail(t, EMAIL_SW.toUpperCase()), t)).toContain(`${MARK[t]} ${SW}`)],
  ['staff.byEmail (email only in the other tenant) is undefined', async (t) => expect(await store.staff.byEmail(t, onlyEmail(other(t)))).toBeUndefined()],
  ['staff.reports', async (t) => {
    const r = await store.staff.reports(t, MGR);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([SW, only(t, 'staff')]));
  }],
  ['staff.all', async (t) => {
    const r = await store.staff.all(t);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([MGR, SW, only(t, 'staff')]));
  }],
  // StatusRepository
  ['status.get (shared id), computed from the tenant\'s own records', async (t) => {
    const s = await store.status.get(t, SW);
    ownOnly(s, t);
    expect(s).toMatchObject({ tenantId: t, name: `${MARK[t]} ${SW}`, lastSupervision: SESSION_DATE[t], caseload: { date: CASE_DATE, total: CIN[t] } });
    expect(s!.actions.map((a) => a.text)).toEqual([`${MARK[t]} action`, `${MARK[t]} action`]);
  }],
  ['status.get (id only in the other tenant) is undefined', async (t) => expect(await store.status.get(t, only(other(t), 'staff'))).toBeUndefined()],
  ['status.byAadObjectId (shared oid)', async (t) => expect((await store.status.byAadObjectId(t, OID_SW))).toMatchObject({ tenantId: t, staffId: SW, name: `${MARK[t]} ${SW}` })],
  ['status.byAadObjectId (oid only in the other tenant) is undefined', async (t) => expect(await store.status.byAadObjectId(t, ONLY_OID[other(t)])).toBeUndefined()],
  ['status.page', async (t) => {
    const seen: string[] = [];
    let continuation: string | undefined;
    do {
      const page = await store.status.page(t, 2, continuation);
      ownOnly(page.items, t);
      seen.push(...page.items.map((s) => s.id));
      continuation = page.continuation;
    } while (continuation);
    expect(seen.sort()).toEqual(sorted([MGR, SW, only(t, 'staff')]));
  }],
  ['status.all', async (t) => {
    const r = await store.status.all(t);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([MGR, SW, only(t, 'staff')]));
  }],
  ['status.reports', async (t) => {
    const r = await store.status.reports(t, MGR);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([SW, only(t, 'staff')]));
  }],
  // SupervisionRepository
  ['supervision.get (shared id)', async (t) => {
    const s = await store.supervision.get(t, SUP);
    ownOnly(s, t);
    expect(s).toMatchObject({ tenantId: t, date: SESSION_DATE[t], reflection: `${MARK[t]} reflection`, caseIds: [`LCS-${MARK[t]}`] });
  }],
  ['supervision.get (id only in the other tenant) is undefined', async (t) => expect(await store.supervision.get(t, only(other(t), 'sup'))).toBeUndefined()],
  ['supervision.forSupervisee', async (t) => {
    const r = await store.supervision.forSupervisee(t, SW);
    ownOnly(r, t);
    expect(r.map((s) => s.id)).toEqual([SUP, only(t, 'sup')]);
  }],
  ['supervision.forSupervisor', async (t) => {
    const r = await store.supervision.forSupervisor(t, MGR, '2026-01-01');
    ownOnly(r, t);
    expect(r.map((s) => s.id)).toEqual([SUP, only(t, 'sup')]);
  }],
  ['supervision.heldBetween', async (t) => {
    const { items } = await store.supervision.heldBetween(t, '2026-01-01', '2026-12-31');
    ownOnly(items, t);
    expect(idsOf(items)).toEqual(sorted([SUP, only(t, 'sup')]));
  }],
  ['supervision.awaitingResponse', async (t) => {
    const r = await store.supervision.awaitingResponse(t, SW);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([SUP, only(t, 'sup')]));
  }],
  // CourseRepository
  ['courses.catalogue', async (t) => {
    const c = await store.courses.catalogue(t);
    ownOnly(c, t);
    expect([...c.keys()].sort()).toEqual(sorted([COURSE, only(t, 'course').toUpperCase()]));
    expect(c.get(COURSE)?.title).toBe(`${MARK[t]} course ${COURSE}`);
  }],
  // TrainingRepository
  ['training.get (shared id)', async (t) => expect(await store.training.get(t, TR)).toMatchObject({ tenantId: t, note: `${MARK[t]} note` })],
  ['training.get (id only in the other tenant) is undefined', async (t) => expect(await store.training.get(t, only(other(t), 'tr'))).toBeUndefined()],
  ['training.forStaff', async (t) => {
    const r = await store.training.forStaff(t, SW);
    ownOnly(r, t);
    expect(r.map((x) => x.id)).toEqual([TR, only(t, 'tr')]);
  }],
  // CpdRepository
  ['cpd.get (shared id)', async (t) => expect(await store.cpd.get(t, CPD)).toMatchObject({ tenantId: t, learning: `${MARK[t]} learning` })],
  ['cpd.get (id only in the other tenant) is undefined', async (t) => expect(await store.cpd.get(t, only(other(t), 'cpd'))).toBeUndefined()],
  ['cpd.forStaff', async (t) => {
    const r = await store.cpd.forStaff(t, SW);
    ownOnly(r, t);
    expect(r.map((x) => x.id)).toEqual([CPD, only(t, 'cpd')]);
  }],
  // CaseloadRepository
  ['caseloads.recent', async (t) => {
    const r = await store.caseloads.recent(t, SW, 5);
    ownOnly(r, t);
    expect(r.map((x) => [x.date, x.counts.cin])).toEqual([[CASE_DATE, CIN[t]], [ONLY_CASE_DATE[t], CIN[t]]]);
  }],
  ['caseloads.latest', async (t) => expect(await store.caseloads.latest(t, SW)).toMatchObject({ tenantId: t, date: CASE_DATE, counts: { cin: CIN[t] } })],
  ['caseloads.forStaff', async (t) => {
    const r = await store.caseloads.forStaff(t, SW);
    ownOnly(r, t);
    expect(r.map((x) => x.date)).toEqual([CASE_DATE, ONLY_CASE_DATE[t]]);
  }],
  // ConversationRepository
  ['conversations.get (shared oid)', async (t) => expect(ownOnly(await store.conversations.get(t, OID_SW), t)).toContain(`https://${MARK[t].toLowerCase()}.example/`)],
  ['conversations.get (oid only in the other tenant) is undefined', async (t) => expect(await store.conversations.get(t, ONLY_OID[other(t)])).toBeUndefined()],
  ['conversations.reachability', async (t) => {
    const r = await store.conversations.reachability(t);
    ownOnly(r, t);
    expect(r.map((x) => x.aadObjectId).sort()).toEqual(sorted([OID_SW, ONLY_OID[t]]));
  }],
  ['conversations.all', async (t) => {
    const r = await store.conversations.all(t);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([OID_SW, ONLY_OID[t]]));
  }],
  // NudgeLogRepository
  ['nudges.get (shared id)', async (t) => expect(await store.nudges.get(t, SW, NUDGE_KIND, TODAY)).toMatchObject({ tenantId: t, state: 'sent', detail: `${MARK[t]} detail` })],
  ['nudges.get (id only in the other tenant) is undefined', async (t) => expect(await store.nudges.get(t, only(other(t), 'staff'), NUDGE_KIND, TODAY)).toBeUndefined()],
  ['nudges.onDate', async (t) => {
    const r = await store.nudges.onDate(t, TODAY);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([nudgeId(SW, NUDGE_KIND, TODAY), nudgeId(only(t, 'staff'), NUDGE_KIND, TODAY)]));
  }],
  ['nudges.forRecipient', async (t) => {
    const r = await store.nudges.forRecipient(t, SW);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual([nudgeId(SW, NUDGE_KIND, TODAY)]);
  }],
  ['nudges.holds', async (t) => {
    const r = await store.nudges.holds(t, TODAY);
    ownOnly(r, t);
    expect(idsOf(r)).toEqual(sorted([`snooze:${SW}:${SNOOZE_KIND}`, `booking:${SW}`, `booking:${only(t, 'staff')}`]));
  }],
  // AuditRepository
  ['audit.about', async (t) => {
    const r = await store.audit.about(t, SW);
    expect(ownOnly(r, t)).toContain(MARK[t]);
    expect(r).toHaveLength(2);
    expect(r.map((e) => e.id)).toContain(AUDIT_ID);
  }],
  ['audit.about (subject only in the other tenant) is empty', async (t) => expect(await store.audit.about(t, only(other(t), 'staff'))).toEqual([])],
  ['audit.byActor', async (t) => {
    const r = await store.audit.byActor(t, MGR);
    ownOnly(r, t);
    expect(r).toHaveLength(2);
    expect(await store.audit.byActor(t, only(other(t), 'staff'))).toEqual([]);
  }],
  ['audit.ofAction', async (t) => {
    const r = await store.audit.ofAction(t, 'read_supervision');
    ownOnly(r, t);
    expect(r.map((e) => e.subjectId).sort()).toEqual(sorted([SW, only(t, 'staff')]));
  }],
  // SettingsRepository
  ['settings.policy', async (t) => expect((await store.settings.policy(t)).dueSoonDays).toBe(DUE_SOON[t])],
  ['settings.get', async (t) => {
    const s = await store.settings.get(t);
    ownOnly(s, t);
    expect(s).toMatchObject({ tenantId: t, policy: { dueSoonDays: DUE_SOON[t] } });
  }],
];

describe.each(TENANTS.map((t) => [label(t), t] as const))('reads for %s return nothing of the other tenant', (_name, t) => {
  it.each(READS)('%s', async (_method, check) => {
    await check(t);
  });
});

describe('the one cross-tenant read answers tenant ids only', () => {
  it('settings.tenants lists both tenants, ids only', async () => {
    const tenants = await store.settings.tenants();
    expect(tenants).toEqual(expect.arrayContaining([A, B]));
    expect(tenants.every((x) => typeof x === 'string' && /^[0-9a-f-]{36}$/.test(x))).toBe(true);
  });
});

describe.each(TENANTS.map((t) => [label(t), t] as const))('writes in %s leave the other tenant\'s copy as it was', (_name, t) => {
  const o = other(t);

  it('staff.save (with etag) and statusKeeper.refresh', async () => {
    const mine = (await store.staff.get(t, MGR))!;
    await store.staff.save({ ...mine, team: `${MARK[t]} Renamed` }, mine._etag);
    expect((await store.staff.get(o, MGR))?.team).toBe(`${MARK[o]} Team`);
    expect((await store.status.get(o, MGR))?.team).toBe(`${MARK[o]} Team`);
    await store.statusKeeper.refresh(t, [SW, only(o, 'staff')]);
    expect(await store.status.get(t, only(o, 'staff'))).toBeUndefined();
    expect((await store.status.get(t, SW))?.lastSupervision).toBe(SESSION_DATE[t]);
    expect((await store.status.get(o, SW))?.lastSupervision).toBe(SESSION_DATE[o]);
    const renamed = (await store.staff.get(t, MGR))!;
    await store.staff.save({ ...renamed, team: `${MARK[t]} Team` }, renamed._etag);
  });

  it('supervision.update and supervision.create', async () => {
    const mine = (await store.supervision.get(t, SUP))!;
    await store.supervision.update({ ...mine, response: { agreed: false, comment: `${MARK[t]} comment`, at: AT } }, mine._etag);
    const theirs = await store.supervision.get(o, SUP);
    expect(theirs?.response).toBeUndefined();
    expect(theirs?.reflection).toBe(`${MARK[o]} reflection`);
    await store.supervision.update({ ...(await store.supervision.get(t, SUP))!, response: undefined }, (await store.supervision.get(t, SUP))!._etag);
    await store.supervision.create([session(t, `iso-new-${MARK[t]}`, '2026-07-06')]);
    expect(await store.supervision.get(o, `iso-new-${MARK[t]}`)).toBeUndefined();
    expect((await store.status.get(o, SW))?.lastSupervision).toBe(SESSION_DATE[o]);
    await store.supervision.delete(t, `iso-new-${MARK[t]}`);
  });

  it('training.save, cpd.save, caseloads.save, courses.save', async () => {
    await store.training.save([{ ...training(t, TR, '2026-06-01'), note: `${MARK[t]} rewritten` }]);
    await store.cpd.save({ ...cpd(t, CPD, '2026-03-02'), learning: `${MARK[t]} rewritten` });
    await store.caseloads.save([{ ...snapshot(t, CASE_DATE), counts: { ...emptyCounts(), cin: 40 } }]);
    await store.courses.save({ ...course(t, COURSE), title: `${MARK[t]} rewritten` });
    expect((await store.training.get(o, TR))?.note).toBe(`${MARK[o]} note`);
    expect((await store.cpd.get(o, CPD))?.learning).toBe(`${MARK[o]} learning`);
    expect((await store.caseloads.latest(o, SW))?.counts.cin).toBe(CIN[o]);
    expect((await store.courses.catalogue(o)).get(COURSE)?.title).toBe(`${MARK[o]} course ${COURSE}`);
    // Put this tenant back as it was, for the other direction.
    await store.training.save([training(t, TR, '2026-06-01')]);
    await store.cpd.save(cpd(t, CPD, '2026-03-02'));
    await store.caseloads.save([snapshot(t, CASE_DATE)]);
    await store.courses.save(course(t, COURSE));
  });

  it('conversations.save and conversations.markStale', async () => {
    await store.conversations.markStale(t, OID_SW, AT);
    expect((await store.conversations.get(t, OID_SW))?.staleSince).toBe(AT);
    expect((await store.conversations.get(o, OID_SW))?.staleSince).toBeUndefined();
    await store.conversations.markStale(t, ONLY_OID[o], AT);
    expect(await store.conversations.get(t, ONLY_OID[o])).toBeUndefined();
    expect((await store.conversations.get(o, ONLY_OID[o]))?.staleSince).toBeUndefined();
    const mine = (await store.conversations.get(t, OID_SW))!;
    await store.conversations.save({ tenantId: t, aadObjectId: OID_SW, staffId: SW, reference: mine.reference, updatedAt: AT });
    expect((await store.conversations.get(t, OID_SW))?.staleSince).toBeUndefined();
  });

  it('nudges.claim, reclaim, settle, snooze, book', async () => {
    // The other tenant holds this nudge id already: claiming it here still succeeds, in this tenant only.
    const fresh = await store.nudges.claim(t, only(o, 'staff'), NUDGE_KIND, TODAY, AT);
    expect(fresh).toMatchObject({ tenantId: t, state: 'claimed' });
    expect(await store.nudges.claim(t, only(o, 'staff'), NUDGE_KIND, TODAY, AT)).toBeUndefined();
    await store.nudges.settle(fresh!, 'failed', AT, `${MARK[t]} failed`);
    const failed = (await store.nudges.get(t, only(o, 'staff'), NUDGE_KIND, TODAY))!;
    await store.nudges.reclaim(failed, AT);
    expect(await store.nudges.get(o, only(o, 'staff'), NUDGE_KIND, TODAY)).toMatchObject({ tenantId: o, state: 'claimed', updatedAt: AT });
    expect(ownOnly(await store.nudges.get(o, only(o, 'staff'), NUDGE_KIND, TODAY), o)).not.toContain('failed');
    await store.collections.nudges.delete(t, nudgeId(only(o, 'staff'), NUDGE_KIND, TODAY));
    expect(await store.nudges.get(o, only(o, 'staff'), NUDGE_KIND, TODAY)).toBeDefined();

    await store.nudges.snooze(t, SW, SNOOZE_KIND, '2026-12-31', AT);
    await store.nudges.book(t, SW, '2026-12-30', MGR, AT);
    const theirs = await store.nudges.holds(o, TODAY);
    expect(theirs.find((h) => h.id === `snooze:${SW}:${SNOOZE_KIND}`)?.date).toBe('2026-11-30');
    expect(theirs.find((h) => h.id === `booking:${SW}`)?.date).toBe('2026-11-27');
    await store.nudges.snooze(t, SW, SNOOZE_KIND, '2026-11-30', AT);
    await store.nudges.book(t, SW, '2026-11-27', MGR, AT);
  });

  it('nudges.acquireLease and releaseLease', async () => {
    // The other tenant's lease (held, not expired) does not block this tenant's lease of the same name.
    expect(await store.nudges.acquireLease(t, only(o, 'lease'), `${MARK[t]}-holder`, AT, '2026-11-23T10:00:00.000Z')).toBe(true);
    expect((await store.collections.leases.get(o, `lease:${only(o, 'lease')}`))?.holder).toBe(`${MARK[o]}-holder`);
    await store.nudges.releaseLease(t, only(o, 'lease'), `${MARK[t]}-holder`);
    expect(await store.collections.leases.get(t, `lease:${only(o, 'lease')}`)).toBeUndefined();
    expect((await store.collections.leases.get(o, `lease:${only(o, 'lease')}`))?.holder).toBe(`${MARK[o]}-holder`);
    // Releasing with the other tenant's holder name does nothing to either.
    await store.nudges.releaseLease(t, LEASE, `${MARK[o]}-holder`);
    expect((await store.collections.leases.get(t, `lease:${LEASE}`))?.holder).toBe(`${MARK[t]}-holder`);
    expect((await store.collections.leases.get(o, `lease:${LEASE}`))?.holder).toBe(`${MARK[o]}-holder`);
    // Someone else may not take this tenant's live lease, whatever the other tenant holds.
    expect(await store.nudges.acquireLease(t, LEASE, 'intruder', AT, '2026-11-23T11:00:00.000Z')).toBe(false);
  });

  it('audit.record', async () => {
    const entry = await store.audit.record({ tenantId: t, at: AT, actorId: 'iso-auditor', action: 'export', subjectId: SW, details: { marker: MARK[t] } });
    expect(await store.collections.audit.get(o, entry.id)).toBeUndefined();
    expect(await store.audit.byActor(o, 'iso-auditor')).toEqual([]);
    await store.collections.audit.delete(t, entry.id);
  });

  it('settings.save and settings.ensure', async () => {
    await store.settings.save(t, { dueSoonDays: 1 }, AT);
    expect((await store.settings.policy(o)).dueSoonDays).toBe(DUE_SOON[o]);
    await store.settings.ensure(t, AT);
    await store.settings.save(t, { dueSoonDays: DUE_SOON[t] }, AT);
    expect((await store.settings.policy(t)).dueSoonDays).toBe(DUE_SOON[t]);
    expect((await store.settings.policy(o)).dueSoonDays).toBe(DUE_SOON[o]);
  });
});

type DeleteCase = [method: string, write: (t: Tenant, id: string) => Promise<unknown>, remove: (t: Tenant, id: string) => Promise<boolean>, read: (t: Tenant, id: string) => Promise<unknown>];

const DELETES: DeleteCase[] = [
  ['staff.delete', (t, id) => store.staff.save(staff(t, id, {})), (t, id) => store.staff.delete(t, id), (t, id) => store.staff.get(t, id)],
  ['supervision.delete', (t, id) => store.supervision.create([session(t, id, '2026-04-06')]), (t, id) => store.supervision.delete(t, id), (t, id) => store.supervision.get(t, id)],
  ['training.delete', (t, id) => store.training.save([training(t, id, '2026-04-06')]), (t, id) => store.training.delete(t, id), (t, id) => store.training.get(t, id)],
  ['cpd.delete', (t, id) => store.cpd.save(cpd(t, id, '2026-04-06')), (t, id) => store.cpd.delete(t, id), (t, id) => store.cpd.get(t, id)],
  [
    'caseloads.delete',
    (t, id) => store.caseloads.save([{ ...snapshot(t, '2026-04-06'), id }]),
    (t, id) => store.caseloads.delete(t, id),
    async (t, id) => (await store.caseloads.forStaff(t, SW)).find((s) => s.id === id),
  ],
  [
    'conversations.delete',
    (t, id) => store.conversations.save({ tenantId: t, aadObjectId: id, reference: { marker: MARK[t] }, updatedAt: AT }),
    (t, id) => store.conversations.delete(t, id),
    (t, id) => store.conversations.get(t, id),
  ],
];

describe.each(TENANTS.map((t) => [label(t), t] as const))('deleting in %s leaves the other tenant\'s copy', (_name, t) => {
  const o = other(t);
  it.each(DELETES)('%s', async (method, write, remove, read) => {
    const shared = `del-${method}-${t === A ? 1 : 2}`;
    const theirsOnly = `del-only-${method}-${MARK[o]}`;
    await write(t, shared);
    await write(o, shared);
    await write(o, theirsOnly);
    expect(await remove(t, shared)).toBe(true);
    expect(await read(t, shared)).toBeUndefined();
    expect(ownOnly(await read(o, shared), o)).toContain(o);
    // An id held only by the other tenant cannot be deleted from here.
    expect(await remove(t, theirsOnly)).toBe(false);
    expect(await read(o, theirsOnly)).toBeDefined();
    await remove(o, shared);
    await remove(o, theirsOnly);
  });
});

describe('every raw collection keeps tenants apart', () => {
  // Two fresh tenants, so nothing above is disturbed.
  const C = 'cccccccc-3333-4000-8000-00000000000c';
  const D = 'dddddddd-4444-4000-8000-00000000000d';
  const RAW_MARK: Record<string, string> = { [C]: 'CHARLIE', [D]: 'DELTA' };
  const names = [
    'staff', 'status', 'supervision', 'training', 'courses', 'cpd', 'caseloads', 'conversations', 'nudges', 'leases', 'holds', 'audit', 'settings',
  ] as const satisfies readonly (keyof Collections)[];

  it('covers every collection on Store.collections', () => {
    expect([...names].sort()).toEqual(Object.keys(store.collections).sort());
  });

  const raw = (t: string, id: string, set: string, extra: Record<string, unknown> = {}) => ({ id, tenantId: t, rawSet: set, marker: RAW_MARK[t], ...extra }) as never;

  it.each(names.map((n) => [n]))(
    'collections.%s: create, upsert, bulkUpsert, get, page, all, project, count, replace, delete, tenantsHolding',
    async (name) => {
      const c = store.collections[name] as unknown as TenantContainer<{ id: string; tenantId: string; rawSet: string; marker: string; n?: number }>;
      // The nudges, leases and holds collections share one container: ids are per collection name.
      const set = `raw-${name}`;
      const shared = `${set}-shared`;
      const bulk = `${set}-bulk`;
      const onlyIn = (t: string) => `${set}-only-${RAW_MARK[t]!.toLowerCase()}`;
      for (const t of [C, D]) {
        await c.create(raw(t, shared, set));
        await c.upsert(raw(t, onlyIn(t), set));
        await c.bulkUpsert([raw(t, bulk, set)]);
      }
      for (const [t, o] of [[C, D], [D, C]] as const) {
        const own = (value: unknown) => {
          const json = JSON.stringify(value ?? null);
          expect(json).not.toContain(o);
          expect(json).not.toContain(RAW_MARK[o]);
          return json;
        };
        expect(own(await c.get(t, shared))).toContain(RAW_MARK[t]);
        expect(await c.get(t, onlyIn(o))).toBeUndefined();
        const where = 'c.rawSet = @set';
        const all = await c.all(t, where, { set });
        own(all);
        expect(idsOf(all)).toEqual(sorted([shared, bulk, onlyIn(t)]));
        const page = await c.page(t, where, { set }, { pageSize: 10, orderBy: 'c.id' });
        own(page.items);
        expect(page.items.map((d) => d.id)).toEqual(sorted([shared, bulk, onlyIn(t)]));
        const projected = await c.project(t, ['id', 'marker'], where, { set });
        own(projected);
        expect(projected.map((d) => d.marker)).toEqual([RAW_MARK[t], RAW_MARK[t], RAW_MARK[t]]);
        expect(await c.count(t, where, { set })).toBe(3);
        expect(await c.count(t, 'c.id = @id', { id: onlyIn(o) })).toBe(0);
        expect(tenantsOf(all)).toEqual([t]);
      }
      // A create of an id the other tenant holds is not a conflict; a second in the same tenant is.
      await expect(c.create(raw(C, shared, set))).rejects.toThrow();
      // replace and delete in C leave D's copy.
      const mine = (await c.get(C, shared))!;
      await c.replace({ ...mine, n: 1 }, mine._etag);
      expect((await c.get(D, shared))?.n).toBeUndefined();
      expect(await c.delete(C, shared)).toBe(true);
      expect(await c.get(C, shared)).toBeUndefined();
      expect((await c.get(D, shared))?.marker).toBe(RAW_MARK[D]);
      expect(await c.delete(C, onlyIn(D))).toBe(false);
      expect(await c.get(D, onlyIn(D))).toBeDefined();
      // The one query across tenants answers tenant ids, never content.
      expect(await c.tenantsHolding(bulk)).toEqual([C, D].sort());
      expect(await c.tenantsHolding(shared)).toEqual([D]);
    },
  );
});

describe('the isolation tests cover every method', () => {
  // Public methods found in the repository files, as tested above ('%s' names).
  const COVERED: [string, { prototype: object }, string[]][] = [
    ['StaffRepository', StaffRepository, ['get', 'byAadObjectId', 'byEmail', 'reports', 'all', 'save', 'delete']],
    ['StatusRepository', StatusRepository, ['get', 'byAadObjectId', 'page', 'all', 'reports']],
    ['SupervisionRepository', SupervisionRepository, ['get', 'forSupervisee', 'forSupervisor', 'heldBetween', 'awaitingResponse', 'create', 'update', 'delete']],
    ['CourseRepository', CourseRepository, ['catalogue', 'save']],
    ['TrainingRepository', TrainingRepository, ['get', 'forStaff', 'save', 'delete']],
    ['CpdRepository', CpdRepository, ['get', 'forStaff', 'save', 'delete']],
    ['CaseloadRepository', CaseloadRepository, ['recent', 'latest', 'forStaff', 'save', 'delete']],
    ['ConversationRepository', ConversationRepository, ['get', 'save', 'markStale', 'reachability', 'all', 'delete']],
    ['NudgeLogRepository', NudgeLogRepository, ['snooze', 'book', 'holds', 'claim', 'reclaim', 'settle', 'get', 'onDate', 'forRecipient', 'acquireLease', 'releaseLease']],
    ['AuditRepository', AuditRepository, ['record', 'about', 'byActor', 'ofAction']],
    ['SettingsRepository', SettingsRepository, ['policy', 'get', 'ensure', 'tenants', 'save']],
    ['StatusKeeper', StatusKeeper, ['refresh']],
    ['TenantContainer', TenantContainer, ['get', 'create', 'upsert', 'replace', 'delete', 'page', 'all', 'tenantsHolding', 'project', 'count', 'bulkUpsert']],
  ];
  // Not data access: the container's name, its retry wrapper, and the status keeper's per-person step (run by refresh).
  const INTERNAL = new Set(['constructor', 'name', 'call', 'refreshOne']);

  it.each(COVERED)('%s: every method is in the isolation tests', (_name, cls, methods) => {
    const actual = Object.getOwnPropertyNames(cls.prototype).filter((m) => !INTERNAL.has(m));
    expect(actual.sort()).toEqual([...methods].sort());
  });

  it('every repository on Store is listed', () => {
    const repos = ['staff', 'status', 'supervision', 'training', 'courses', 'cpd', 'caseloads', 'conversations', 'nudges', 'audit', 'settings', 'statusKeeper', 'collections'];
    const notRepositories = ['embedded', 'endpoint', 'roundTrips', 'statusChanges', 'ping', 'close'];
    const onStore = Object.keys(store).filter((k) => !notRepositories.includes(k));
    expect(onStore.sort()).toEqual(repos.sort());
  });
});
