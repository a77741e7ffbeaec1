import { isDeepStrictEqual } from 'node:util';

import { caseloadThreshold, totalCases } from '../../bot/src/domain/caseload';
import { cpdStanding } from '../../bot/src/domain/cpd';
import { daysBetween, isWorkingDay, onOrAfterWorkingDay, plusDays, plusMonths, type LocalDate } from '../../bot/src/domain/dates';
import { CASE_HOLDING_ROLES, type Staff, type SupervisionSession } from '../../bot/src/domain/model';
import { DEFAULT_POLICY } from '../../bot/src/domain/policy';
import { lastFormalSession, supervisionDue, supervisionInterval } from '../../bot/src/domain/supervision';
import { DEMO_TENANT_ID, DEMO_USERS, generateDemoBorough, type DemoBorough } from '../../bot/src/store/demo-borough';

const TODAY = '2026-11-23';

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

const activeSupervised = (demo: DemoBorough, today: LocalDate): Staff[] =>
  demo.staff.filter((p) => p.status === 'active' && supervisionInterval(p, today, DEFAULT_POLICY) !== null);

function overdueShare(demo: DemoBorough, today: LocalDate): number {
  const sessions = groupBy(demo.sessions, (s) => s.superviseeId);
  const people = activeSupervised(demo, today);
  const overdue = people.filter((p) => {
    const due = supervisionDue(p, lastFormalSession(sessions.get(p.id) ?? []), DEFAULT_POLICY);
    return due !== undefined && due < today;
  });
  return overdue.length / people.length;
}

describe('generateDemoBorough', () => {
  let demo: DemoBorough;
  let firstRunMs: number;

  beforeAll(() => {
    const started = performance.now();
    demo = generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: TODAY });
    firstRunMs = performance.now() - started;
  });

  it('is deterministic for the same tenant, date and seed, and differs by seed', () => {
    // node's deep equality: jest's toEqual takes seconds on ~12,000 documents.
    expect(isDeepStrictEqual(generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: TODAY }), demo)).toBe(true);
    const other = generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: TODAY, seed: 2 });
    expect(isDeepStrictEqual(other, demo)).toBe(false);
    expect(other.staff.map((p) => p.name)).not.toEqual(demo.staff.map((p) => p.name));
  });

  it('generates well under a second', () => {
    const started = performance.now();
    generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: TODAY, seed: 3 });
    const warmMs = performance.now() - started;
    // The first run also loads bank holidays and warms the JIT; generous bound against slow CI machines.
    expect(firstRunMs).toBeLessThan(2000);
    expect(warmMs).toBeLessThan(1000);
  });

  it('rejects a malformed date', () => {
    expect(() => generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: '23/11/2026' })).toThrow(/YYYY-MM-DD/);
  });

  it('has a borough-sized workforce', () => {
    const count = (role: Staff['role']): number => demo.staff.filter((p) => p.role === role).length;
    expect(demo.staff.length).toBeGreaterThanOrEqual(380);
    expect(demo.staff.length).toBeLessThanOrEqual(420);
    const teams = new Set(demo.staff.map((p) => p.team));
    expect(teams.size).toBeGreaterThanOrEqual(25);
    expect(teams.size).toBeLessThanOrEqual(35);
    expect(count('asye')).toBeGreaterThanOrEqual(25);
    expect(count('asye')).toBeLessThanOrEqual(35);
    expect(count('principal_social_worker')).toBe(1);
    expect(count('service_manager')).toBe(2);
    expect(count('group_manager')).toBeGreaterThanOrEqual(4);
    expect(count('business_support')).toBeGreaterThanOrEqual(12);
    const leavers = demo.staff.filter((p) => p.status === 'leaver');
    expect(leavers.length).toBeGreaterThanOrEqual(5);
    for (const p of leavers) {
      expect(p.leavingDate! <= TODAY && p.leavingDate! >= plusMonths(TODAY, -12)).toBe(true);
    }
    const agency = demo.staff.filter((p) => p.employment === 'agency').length / demo.staff.length;
    expect(agency).toBeGreaterThan(0.04);
    expect(agency).toBeLessThan(0.12);
  });

  it('gives ASYEs programme starts spread over the last year', () => {
    const starts = demo.staff.filter((p) => p.role === 'asye').map((p) => daysBetween(p.programmeStart!, TODAY));
    expect(demo.staff.filter((p) => p.role === 'asye').every((p) => p.programme === 'asye')).toBe(true);
    expect(starts.every((d) => d >= 0 && d <= 366)).toBe(true);
    expect(starts.some((d) => d < 42)).toBe(true);
    expect(starts.some((d) => d >= 42 && d < 182)).toBe(true);
    expect(starts.some((d) => d >= 182)).toBe(true);
  });

  it('has a line of management that resolves and never loops', () => {
    const byId = new Map(demo.staff.map((p) => [p.id, p]));
    const dangling = demo.staff.filter((p) => p.managerId !== undefined && !byId.has(p.managerId));
    expect(dangling).toEqual([]);
    const inCycle = demo.staff.filter((p) => {
      const seen = new Set<string>([p.id]);
      for (let m = p.managerId; m; m = byId.get(m)?.managerId) {
        if (seen.has(m)) return true;
        seen.add(m);
      }
      return false;
    });
    expect(inCycle).toEqual([]);
    const psw = demo.staff.find((p) => p.role === 'principal_social_worker')!;
    expect(byId.get(psw.managerId!)?.role).toBe('service_manager');
    expect(demo.staff.filter((p) => p.role === 'service_manager').every((p) => !p.managerId)).toBe(true);
    for (const p of demo.staff.filter((p) => ['social_worker', 'asye', 'senior_practitioner'].includes(p.role))) {
      expect(byId.get(p.managerId!)?.role).toBe('team_manager');
    }
  });

  it('has unique ids and emails, and a valid identity for everyone', () => {
    const all = [...demo.staff, ...demo.courses, ...demo.sessions, ...demo.training, ...demo.cpd, ...demo.caseloads];
    expect(new Set(all.map((d) => d.id)).size).toBe(all.length);
    expect(new Set(demo.staff.map((p) => p.email)).size).toBe(demo.staff.length);
    expect(new Set(demo.staff.map((p) => p.aadObjectId)).size).toBe(demo.staff.length);
    const invalid = demo.staff.filter((p) => {
      const registered = p.role !== 'family_practitioner' && p.role !== 'business_support';
      return (
        !/^[a-z]+\.[a-z]+\d*@demo-borough\.gov\.uk$/.test(p.email) ||
        !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(p.aadObjectId ?? '') ||
        (registered ? !/^SW\d{6}$/.test(p.sweNumber ?? '') : p.sweNumber !== undefined)
      );
    });
    expect(invalid).toEqual([]);
  });

  it('puts every document in the tenant', () => {
    const all = [...demo.staff, ...demo.courses, ...demo.sessions, ...demo.training, ...demo.cpd, ...demo.caseloads];
    expect(all.every((d) => d.tenantId === DEMO_TENANT_ID)).toBe(true);
    const other = generateDemoBorough({ tenantId: 'another-tenant', today: TODAY });
    expect(other.sessions.every((s) => s.tenantId === 'another-tenant')).toBe(true);
  });

  it('has the demo identities', () => {
    const byId = new Map(demo.staff.map((p) => [p.id, p]));
    for (const user of Object.values(DEMO_USERS)) {
      const person = byId.get(user.staffId);
      expect(person).toMatchObject({ aadObjectId: user.aadObjectId, role: user.role, status: 'active' });
    }
    expect(byId.get(DEMO_USERS.manager.staffId)?.role).toBe('team_manager');
    expect(byId.get(DEMO_USERS.psw.staffId)?.role).toBe('principal_social_worker');
    expect(byId.get(DEMO_USERS.practitioner.staffId)).toMatchObject({ role: 'social_worker', managerId: DEMO_USERS.manager.staffId });
    expect(demo.staff[0]?.id).toBe(DEMO_USERS.manager.staffId);
    // The manager's dashboard has something to show: a team with supervision history and someone overdue.
    const team = demo.staff.filter((p) => p.managerId === DEMO_USERS.manager.staffId && p.status === 'active');
    const sessions = groupBy(demo.sessions, (s) => s.superviseeId);
    expect(team.length).toBeGreaterThan(8);
    expect(team.some((p) => supervisionDue(p, lastFormalSession(sessions.get(p.id) ?? []), DEFAULT_POLICY)! < TODAY)).toBe(true);
    expect(sessions.get(DEMO_USERS.practitioner.staffId)?.length).toBeGreaterThan(8);
  });

  describe('supervision', () => {
    it('dates every session within the last year, on a working day, while the person was employed', () => {
      const byId = new Map(demo.staff.map((p) => [p.id, p]));
      const yearAgo = plusMonths(TODAY, -12);
      const wrong = demo.sessions.filter((s) => {
        const person = byId.get(s.superviseeId)!;
        return (
          s.date > TODAY ||
          s.date < yearAgo ||
          !isWorkingDay(s.date) ||
          s.date < person.startDate ||
          (person.leavingDate !== undefined && s.date > person.leavingDate) ||
          s.supervisorId !== person.managerId ||
          s.recordedBy !== s.supervisorId ||
          s.recordedAt !== `${s.date}T16:00:00.000Z`
        );
      });
      expect(wrong).toEqual([]);
      expect(demo.sessions.some((s) => byId.get(s.superviseeId)?.role === 'business_support')).toBe(false);
    });

    it('has about 15-20% of active supervised staff overdue today', () => {
      const share = overdueShare(demo, TODAY);
      expect(share).toBeGreaterThanOrEqual(0.1);
      expect(share).toBeLessThanOrEqual(0.3);
    });

    it('has a few people never supervised since they started', () => {
      const supervisees = new Set(demo.sessions.filter((s) => s.status === 'held').map((s) => s.superviseeId));
      const never = activeSupervised(demo, TODAY).filter((p) => p.managerId && !supervisees.has(p.id) && daysBetween(p.startDate, TODAY) > 31);
      expect(never.length).toBeGreaterThanOrEqual(1);
      expect(never.length).toBeLessThanOrEqual(8);
    });

    it('references cases by case-system id only', () => {
      expect(demo.sessions.filter((s) => s.caseIds.length > 4 || !s.caseIds.every((id) => /^LCS-\d{7}$/.test(id)))).toEqual([]);
      expect(demo.sessions.some((s) => s.caseIds.length > 0)).toBe(true);
    });

    it('has cancellations, group sessions and case consultations', () => {
      const cancelled = demo.sessions.filter((s) => s.status === 'cancelled');
      expect(cancelled.length).toBeGreaterThan(0);
      expect(cancelled.every((s) => s.cancellationReason)).toBe(true);
      expect(demo.sessions.some((s) => s.type === 'case_consultation')).toBe(true);
      const groups = groupBy(demo.sessions.filter((s) => s.groupId), (s) => s.groupId!);
      expect(groups.size).toBeGreaterThan(10);
      for (const members of groups.values()) {
        expect(members.length).toBeGreaterThanOrEqual(2);
        expect(new Set(members.map((s) => s.superviseeId)).size).toBe(members.length);
        expect(new Set(members.map((s) => `${s.date} ${s.supervisorId} ${s.type}`)).size).toBe(1);
        expect(members[0]?.type).toBe('group');
      }
    });

    it('keeps quality flags consistent with the record', () => {
      const held = demo.sessions.filter((s) => s.status === 'held');
      const inconsistent = held.filter((s) => {
        const flags = new Set(s.qualityFlags);
        return (
          flags.has('no_reflection') !== !s.reflection ||
          flags.has('no_analysis') !== !s.analysis ||
          flags.has('action_without_owner') !== s.actions.some((a) => !a.ownerId) ||
          flags.has('action_without_due_date') !== s.actions.some((a) => !a.due) ||
          flags.has('short_session') !== (s.type !== 'case_consultation' && s.durationMinutes < DEFAULT_POLICY.minimumSessionMinutes) ||
          s.actions.length > 3
        );
      });
      expect(inconsistent).toEqual([]);
      for (const flag of ['no_reflection', 'no_analysis', 'action_without_owner', 'action_without_due_date', 'short_session'] as const) {
        expect(held.some((s) => s.qualityFlags.includes(flag))).toBe(true);
      }
      const formal = held.filter((s) => s.type !== 'case_consultation');
      const long = formal.filter((s) => s.durationMinutes >= 90).length / formal.length;
      expect(long).toBeGreaterThan(0.7);
      expect(long).toBeLessThan(0.95);
      const monthAgo = plusDays(TODAY, -30);
      const older = held.filter((s) => s.date < monthAgo);
      expect(older.filter((s) => s.response?.agreed).length / older.length).toBeGreaterThan(0.8);
    });
  });

  describe('training', () => {
    it('uses the default catalogue and records training on real courses', () => {
      const codes = new Set(demo.courses.map((c) => c.code));
      expect(demo.courses.every((c) => c.id === `course-${c.code.toLowerCase()}`)).toBe(true);
      const recorders = new Set(demo.staff.filter((p) => p.role === 'business_support').map((p) => p.id));
      const twoMonths = plusMonths(TODAY, 2);
      const wrong = demo.training.filter(
        (t) =>
          !codes.has(t.courseCode) ||
          !recorders.has(t.recordedBy) ||
          t.recordedAt.slice(0, 10) > TODAY ||
          (t.date > TODAY && (t.status !== 'booked' || t.date > twoMonths)),
      );
      expect(wrong).toEqual([]);
      expect(demo.training.some((t) => t.status === 'booked' && t.date > TODAY)).toBe(true);
    });

    it('has most practitioners through the Signs of Safety introduction and partial core skills', () => {
      const practitioners = demo.staff.filter((p) => p.status === 'active' && CASE_HOLDING_ROLES.includes(p.role));
      const has = (staffId: string, code: string): boolean =>
        demo.training.some((t) => t.staffId === staffId && t.courseCode === code && (t.status === 'attended' || t.status === 'completed'));
      const intro = practitioners.filter((p) => has(p.id, 'SOS-INTRO')).length / practitioners.length;
      expect(intro).toBeGreaterThan(0.75);
      expect(intro).toBeLessThan(0.95);
      const registered = practitioners.filter((p) => p.role !== 'family_practitioner');
      const assess = registered.filter((p) => has(p.id, 'CS-ASSESS')).length / registered.length;
      expect(assess).toBeGreaterThan(0.55);
      expect(assess).toBeLessThan(0.9);
      expect(demo.training.some((t) => t.status === 'did_not_attend')).toBe(true);
      expect(demo.training.some((t) => t.courseCode.startsWith('KSS-'))).toBe(true);
    });
  });

  it('has about a quarter of registered social workers short of CPD this registration year', () => {
    const cpd = groupBy(demo.cpd, (e) => e.staffId);
    const registered = demo.staff.filter((p) => p.status === 'active' && p.sweNumber);
    const short = registered.filter((p) => !cpdStanding(p, cpd.get(p.id) ?? [], TODAY, DEFAULT_POLICY).met).length / registered.length;
    expect(short).toBeGreaterThan(0.15);
    expect(short).toBeLessThan(0.35);
    expect(demo.cpd.every((e) => e.date <= TODAY && e.date >= plusMonths(TODAY, -12))).toBe(true);
  });

  describe('caseloads', () => {
    it('snapshots the first working day of each month, never after today', () => {
      const dates = [...new Set(demo.caseloads.map((c) => c.date))].sort();
      expect(dates).toHaveLength(12);
      for (const date of dates) {
        expect(date <= TODAY).toBe(true);
        expect(date).toBe(onOrAfterWorkingDay(`${date.slice(0, 7)}-01`));
      }
      const holders = new Set(demo.staff.filter((p) => CASE_HOLDING_ROLES.includes(p.role)).map((p) => p.id));
      expect(demo.caseloads.every((c) => holders.has(c.staffId))).toBe(true);
    });

    it('has social workers near the national average, a few over 20, and ASYEs within their protected caseload', () => {
      const byId = new Map(demo.staff.map((p) => [p.id, p]));
      const lastDate = demo.caseloads.map((s) => s.date).sort().pop();
      const latest = demo.caseloads.filter((c) => c.date === lastDate);
      const totals = (role: Staff['role']): number[] => latest.filter((c) => byId.get(c.staffId)?.role === role).map((c) => totalCases(c.counts));
      const social = totals('social_worker');
      const average = social.reduce((a, b) => a + b, 0) / social.length;
      expect(average).toBeGreaterThanOrEqual(15);
      expect(average).toBeLessThanOrEqual(17);
      expect(social.filter((n) => n > 20).length).toBeGreaterThan(0);
      expect(social.filter((n) => n > 20).length).toBeLessThan(social.length * 0.15);
      const asye = demo.caseloads.filter((s) => byId.get(s.staffId)?.role === 'asye');
      expect(asye.filter((c) => totalCases(c.counts) > caseloadThreshold(byId.get(c.staffId)!, c.date, DEFAULT_POLICY)!)).toEqual([]);
      const care = latest.filter((c) => byId.get(c.staffId)?.team.startsWith('Children in Care'));
      expect(care.every((c) => c.counts.cla > 0 && c.counts.early_help === 0)).toBe(true);
    });
  });

  it.each(['2026-12-25', '2027-01-04', '2027-06-01'])('keeps its invariants on %s', (today) => {
    const other = generateDemoBorough({ tenantId: DEMO_TENANT_ID, today, seed: 7 });
    const share = overdueShare(other, today);
    expect(share).toBeGreaterThanOrEqual(0.1);
    expect(share).toBeLessThanOrEqual(0.3);
    expect(other.sessions.every((s: SupervisionSession) => s.date <= today && isWorkingDay(s.date))).toBe(true);
    expect(other.caseloads.every((c) => c.date <= today)).toBe(true);
    expect(new Set(other.caseloads.map((c) => c.date)).size).toBe(12);
  });
});

