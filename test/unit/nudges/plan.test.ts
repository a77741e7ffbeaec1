import { resolvePolicy } from '../../../bot/src/domain/policy';
import { planNudges, type Nudge } from '../../../bot/src/domain/nudges';
import type { PersonStatus } from '../../../bot/src/domain/status';

const policy = resolvePolicy();
const TUESDAY = '2026-11-24';
const MONDAY = '2026-11-23';

function person(staffId: string, o: Partial<PersonStatus> = {}): PersonStatus {
  return {
    id: staffId,
    tenantId: 't',
    kind: 'status',
    staffId,
    aadObjectId: `aad-${staffId}`,
    name: `Person ${staffId}`,
    role: 'social_worker',
    team: 'Assessment 1',
    employment: 'permanent',
    active: true,
    startDate: '2020-09-01',
    recentSessions: [],
    nextDue: '2026-12-20',
    cancelledSinceLast: 0,
    awaitingResponse: 0,
    openActions: 0,
    overdueActions: 0,
    actions: [],
    signsOfSafety: { required: 'intro_2day', met: true },
    coreSkills: [],
    cpd: { required: true, yearStart: '2025-12-01', entries: 2, peerReflected: 1, met: true },
    computedOn: '2026-11-23',
    ...o,
  };
}

const org = (): PersonStatus[] => [
  person('gm', { role: 'group_manager', nextDue: '2026-12-10' }),
  person('tm', { role: 'team_manager', managerId: 'gm', nextDue: '2026-12-10' }),
  person('a', { managerId: 'tm', nextDue: '2026-11-26' }), // due in 2 days
  person('b', { managerId: 'tm', nextDue: '2026-11-01' }), // 23 days overdue: escalates
  person('c', { managerId: 'tm', nextDue: '2026-11-20' }), // 4 days overdue
  person('d', { managerId: 'tm' }), // in date
  person('psw', { role: 'principal_social_worker', nextDue: '2026-12-10' }),
];
const noHolds = { snoozedUntil: new Map(), bookedFor: new Map() };
const options = (today: string, reachable = ['gm', 'tm', 'a', 'b', 'c', 'd', 'psw']) => ({ today, policy, escalateAfterDays: 14, reachable: new Set(reachable), stale: new Set<string>() });
const byKind = (ns: Nudge[], kind: Nudge['kind']) => ns.filter((n) => n.kind === kind);

describe('planNudges', () => {
  it('reminds each person due soon or overdue, and sends each manager one digest with escalations above', () => {
    const ns = planNudges(org(), noHolds, options(TUESDAY));
    expect(byKind(ns, 'practitioner').map((n) => n.recipientId).sort()).toEqual(['a', 'b', 'c']);
    const digests = byKind(ns, 'manager_digest') as Extract<Nudge, { kind: 'manager_digest' }>[];
    expect(digests.map((d) => d.recipientId).sort()).toEqual(['gm', 'tm']);
    const tm = digests.find((d) => d.recipientId === 'tm')!;
    expect(tm.supervisees.map((s) => [s.staffId, s.standing.daysOverdue])).toEqual([['b', 23], ['c', 4], ['a', 0]]);
    const gm = digests.find((d) => d.recipientId === 'gm')!;
    expect(gm.supervisees).toEqual([]);
    expect(gm.escalated.map((s) => [s.staffId, s.managerName])).toEqual([['b', 'Person tm']]);
    expect(byKind(ns, 'psw_weekly')).toEqual([]); // not a Monday
  });

  it('holds back a supervisee whose session is booked, until the booked date', () => {
    const ns = planNudges(org(), { snoozedUntil: new Map(), bookedFor: new Map([['b', '2026-11-27']]) }, options(TUESDAY));
    expect(byKind(ns, 'practitioner').map((n) => n.recipientId).sort()).toEqual(['a', 'c']);
    expect(byKind(ns, 'manager_digest').map((n) => n.recipientId)).toEqual(['tm']);
    const later = planNudges(org(), { snoozedUntil: new Map(), bookedFor: new Map([['b', '2026-11-23']]) }, options(TUESDAY));
    expect(byKind(later, 'practitioner').map((n) => n.recipientId)).toContain('b');
  });

  it('respects "remind me tomorrow"', () => {
    const snoozed = { snoozedUntil: new Map([['tm:manager_digest', '2026-11-25'], ['a:practitioner', '2026-11-25']]), bookedFor: new Map() };
    const ns = planNudges(org(), snoozed, options(TUESDAY));
    expect(ns.map((n) => `${n.recipientId}:${n.kind}`)).not.toContain('tm:manager_digest');
    expect(ns.map((n) => `${n.recipientId}:${n.kind}`)).not.toContain('a:practitioner');
    const nextDay = planNudges(org(), snoozed, options('2026-11-25'));
    expect(nextDay.map((n) => `${n.recipientId}:${n.kind}`)).toEqual(expect.arrayContaining(['tm:manager_digest', 'a:practitioner']));
  });

  it('on Mondays adds overdue actions, CPD short in the renewal window, and the PSW weekly digest with unreachable staff', () => {
    const people = org();
    people.push(person('e', { managerId: 'tm', actions: [{ sessionId: 's', sessionDate: '2026-10-01', text: 'Write the chronology', ownerId: 'e', due: '2026-11-01' }] }));
    people.push(person('f', { managerId: 'tm', cpd: { required: true, yearStart: '2025-12-01', entries: 1, peerReflected: 0, met: false } }));
    people.push(person('g', { role: 'family_practitioner', managerId: 'tm', cpd: { required: false, yearStart: '2025-12-01', entries: 0, peerReflected: 0, met: true } }));
    const ns = planNudges(people, noHolds, options(MONDAY, ['gm', 'tm', 'a', 'psw']));
    const e = ns.find((n) => n.recipientId === 'e') as Extract<Nudge, { kind: 'practitioner' }>;
    expect(e.overdueActions).toEqual([{ text: 'Write the chronology', due: '2026-11-01' }]);
    const f = ns.find((n) => n.recipientId === 'f') as Extract<Nudge, { kind: 'practitioner' }>;
    expect(f.cpdShort).toEqual({ entries: 1, peerReflected: 0, yearLabel: '2025–26' });
    expect(ns.find((n) => n.recipientId === 'g')).toBeUndefined();
    const weekly = byKind(ns, 'psw_weekly')[0] as Extract<Nudge, { kind: 'psw_weekly' }>;
    expect(weekly.recipientId).toBe('psw');
    expect(weekly.unreachable.map((u) => u.staffId).sort()).toEqual(['b', 'c', 'd', 'e', 'f', 'g']);
    expect(weekly.figures).toMatchObject({ overdue: 2, dueSoon: 1 });
    // Not on a Tuesday.
    expect(planNudges(people, noHolds, options(TUESDAY)).find((n) => n.recipientId === 'e')).toBeUndefined();
  });

  it('leaves out leavers', () => {
    const people = org().map((p) => (p.staffId === 'b' ? { ...p, active: false } : p));
    expect(planNudges(people, noHolds, options(TUESDAY)).map((n) => n.recipientId)).not.toContain('b');
  });
});
