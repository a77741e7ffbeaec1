import { reachOver, lineOf, viewsFor } from '../../../bot/src/api/access';
import { trend, workforceReport } from '../../../bot/src/api/workforce-report';
import { drawSample } from '../../../bot/src/domain/audit-sample';
import { resolvePolicy } from '../../../bot/src/domain/policy';
import type { PersonStatus } from '../../../bot/src/domain/status';

const policy = resolvePolicy();
const TODAY = '2026-11-23';

function person(staffId: string, o: Partial<PersonStatus> = {}): PersonStatus {
  return {
    id: staffId, tenantId: 't', kind: 'status', staffId, name: `Person ${staffId}`, role: 'social_worker', team: 'Team A', employment: 'permanent', active: true,
    startDate: '2020-01-06', recentSessions: [], cancelledSinceLast: 0, awaitingResponse: 0, openActions: 0, overdueActions: 0, actions: [],
    signsOfSafety: { required: 'intro_2day', met: true }, coreSkills: [], cpd: { required: true, yearStart: '2025-12-01', entries: 2, peerReflected: 1, met: true }, computedOn: TODAY,
    ...o,
  };
}

describe('supervision trend', () => {
  it('counts a person within policy only in the months their last session covered', () => {
    // Monthly cadence: held on 10 Sep 2026, nothing since. Due 12 Oct 2026 (10 Oct is a Saturday).
    const p = person('a', { lastSupervision: '2026-09-10', nextDue: '2026-10-12', recentSessions: [{ id: 'x', date: '2026-09-10', formal: true }] });
    const points = trend([p], policy, TODAY);
    expect(points.map((x) => x.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const byMonth = Object.fromEntries(points.map((x) => [x.month, x.withinPolicy]));
    expect(byMonth['2026-09']).toBe(1); // 30 Sep: due 12 Oct, within
    expect(byMonth['2026-10']).toBe(0); // 31 Oct: past 12 Oct
    expect(byMonth['2026-08']).toBe(0); // 31 Aug: no session in the window before then: due from the start date, long past
    expect(points.at(-1)).toMatchObject({ asOf: TODAY, supervised: 1, withinPolicy: 0 });
  });

  it('leaves out people before they started and after they left', () => {
    const starter = person('s', { startDate: '2026-10-05' });
    const leaver = person('l', { active: false, leavingDate: '2026-03-31', lastSupervision: '2026-03-20', recentSessions: [{ id: 'y', date: '2026-03-20', formal: true }] });
    const points = Object.fromEntries(trend([starter, leaver], policy, TODAY).map((x) => [x.month, x.supervised]));
    expect(points['2026-02']).toBe(1); // the leaver only
    expect(points['2026-04']).toBe(0); // gone; the starter not yet in post
    expect(points['2026-10']).toBe(1); // the starter
  });
});

describe('workforce report', () => {
  const people = [
    person('m', { role: 'team_manager', team: 'Team A', nextDue: '2026-12-01' }),
    person('a', { managerId: 'm', nextDue: '2026-11-01', lastSupervision: '2026-10-01', caseload: { date: '2026-11-01', counts: { cin: 20, cp: 2, cla: 0, care_leaver: 0, pre_proceedings: 0, early_help: 0 }, total: 22, weighted: 22, threshold: 18 } }),
    person('b', { managerId: 'm', team: 'Team B', nextDue: '2026-12-10', caseload: { date: '2026-11-01', counts: { cin: 5, cp: 0, cla: 0, care_leaver: 0, pre_proceedings: 0, early_help: 0 }, total: 5, weighted: 5, threshold: 18 } }),
    person('bs', { role: 'business_support', team: 'Team B' }),
    person('gone', { active: false, leavingDate: '2026-01-31' }),
  ];
  const input = { scope: 'workforce' as const, people, names: new Map([['m', 'Manager M']]), catalogue: new Map(), policy, today: TODAY, filters: {} };

  it('reports supervision within policy, the overdue list and the per-team table', () => {
    const r = workforceReport(input);
    expect(r.people).toBe(4);
    expect(r.supervision).toMatchObject({ supervised: 3, withinPolicy: 2, percent: 66.7 });
    expect(r.supervision.overdue).toEqual([expect.objectContaining({ staffId: 'a', daysOverdue: 22, managerName: 'Manager M', due: '2026-11-01' })]);
    expect(r.supervision.byTeam).toEqual([
      { team: 'Team A', supervised: 2, withinPolicy: 1, overdue: 1, percent: 50 },
      { team: 'Team B', supervised: 1, withinPolicy: 1, overdue: 0, percent: 100 },
    ]);
  });

  it('buckets caseloads, fullest first, with the national average', () => {
    const r = workforceReport(input);
    // Only those near or over their threshold are listed; the distribution counts everyone.
    expect(r.caseloads.people.map((p) => p.staffId)).toEqual(['a']);
    expect(r.caseloads.withCaseload).toBe(2);
    expect(r.caseloads.people[0]!.band).toBe('over');
    expect(r.caseloads.distribution.find((b) => b.label === '20–24')!.count).toBe(1);
    expect(r.caseloads.distribution.find((b) => b.label === '5–9')!.count).toBe(1);
    expect(r.caseloads).toMatchObject({ nationalAverage: 15.4, thresholds: [18], median: 13.5 });
  });

  it('applies the team and role filters but offers every team in scope', () => {
    const r = workforceReport({ ...input, filters: { team: 'Team B' } });
    expect(r.people).toBe(2);
    expect(r.options.teams).toEqual(['Team A', 'Team B']);
    expect(workforceReport({ ...input, filters: { role: 'team_manager' } }).people).toBe(1);
  });
});

describe('access', () => {
  const psw = person('p', { role: 'principal_social_worker' });
  const gm = person('g', { role: 'group_manager' });
  const tm = person('m', { role: 'team_manager', managerId: 'g' });
  const sw = person('s', { managerId: 'm' });
  const other = person('o', { managerId: 'x' });
  const bs = person('b', { role: 'business_support' });
  const people = new Map([psw, gm, tm, sw, other, bs].map((p) => [p.staffId, p]));

  it('follows shared/domain.md: self, the line (all the way down), the tenant for the PSW, training only for business support', () => {
    expect(reachOver(sw, sw, people)).toBe('self');
    expect(reachOver(tm, sw, people)).toBe('line');
    expect(reachOver(gm, sw, people)).toBe('line');
    expect(reachOver(tm, other, people)).toBe('none');
    expect(reachOver(sw, tm, people)).toBe('none');
    expect(reachOver(psw, other, people)).toBe('tenant');
    expect(reachOver(bs, sw, people)).toBe('training_only');
    expect(lineOf('g', people).map((p) => p.staffId).sort()).toEqual(['m', 's']);
  });

  it('opens the pages each role needs', () => {
    expect(viewsFor('social_worker')).toEqual(['me']);
    expect(viewsFor('team_manager')).toEqual(['me', 'team']);
    expect(viewsFor('principal_social_worker')).toEqual(['me', 'team', 'workforce', 'imports']);
    expect(viewsFor('business_support')).toEqual(['me', 'imports']);
  });
});

describe('audit sample', () => {
  const records = Array.from({ length: 200 }, (_, i) => ({ id: `sup-${i}` }));

  it('is the same for the same seed, different for another, and stable when records are added', () => {
    const a = drawSample(records, 10, 'Q4');
    expect(drawSample([...records].reverse(), 10, 'Q4')).toEqual(a);
    expect(drawSample(records, 10, 'Q1')).not.toEqual(a);
    expect(new Set(a.map((r) => r.id)).size).toBe(10);
    const more = drawSample([...records, ...Array.from({ length: 20 }, (_, i) => ({ id: `new-${i}` }))], 10, 'Q4');
    // Every earlier pick that is still drawn keeps its place relative to the others.
    const kept = more.filter((r) => !r.id.startsWith('new-'));
    expect(kept).toEqual(a.slice(0, kept.length));
  });

  it('draws everything when asked for more than there is, and nothing from nothing', () => {
    expect(drawSample(records.slice(0, 3), 10, 's')).toHaveLength(3);
    expect(drawSample([], 10, 's')).toEqual([]);
  });
});
