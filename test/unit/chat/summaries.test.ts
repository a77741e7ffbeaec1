import { DEFAULT_POLICY, resolvePolicy } from '../../../bot/src/domain/policy';
import { computeStatus } from '../../../bot/src/domain/status';
import { caseloadSummary, developmentSummary, teamRows } from '../../../bot/src/domain/summaries';
import { CATALOGUE, MANAGER, PRIYA, SAM, TENANT, counts, session, staff, status } from './fixtures';

const policy = DEFAULT_POLICY;
const TODAY = '2026-02-03'; // a Tuesday; registration year 2025–26 started 1 Dec 2025

describe('developmentSummary', () => {
  test('from a status computed for an ASYE in her first weeks', () => {
    const priya = staff({ id: PRIYA.id, name: PRIYA.name, role: 'asye', programme: 'asye', startDate: '2026-01-05', programmeStart: '2026-01-05' });
    const s = computeStatus(
      {
        staff: priya,
        sessions: [
          session({ superviseeId: PRIYA.id, date: '2026-01-26', actions: [
            { text: 'Read the chronology guidance', ownerId: PRIYA.id, due: '2026-02-01', status: 'open' },
            { text: 'Shadow a strategy meeting', ownerId: PRIYA.id, due: '2026-02-20', status: 'open' },
            { text: 'Dropped one', ownerId: PRIYA.id, due: '2026-01-30', status: 'dropped' },
          ], response: { agreed: true, at: '2026-01-27T09:00:00Z' } }),
          session({ superviseeId: PRIYA.id, date: '2026-01-30', status: 'cancelled', cancellationReason: 'Court' }),
        ],
        training: [
          { id: 't1', tenantId: TENANT, staffId: PRIYA.id, courseCode: 'SOS-INTRO', date: '2026-01-15', status: 'completed', hours: 12, recordedBy: PRIYA.id, recordedAt: '2026-01-15T17:00:00Z' },
          { id: 't2', tenantId: TENANT, staffId: PRIYA.id, courseCode: 'KSS-CFP-2', date: '2026-01-16', status: 'completed', hours: 3, recordedBy: PRIYA.id, recordedAt: '2026-01-16T17:00:00Z' },
        ],
        cpd: [{ id: 'c1', tenantId: TENANT, staffId: PRIYA.id, date: '2026-01-20', type: 'reading', learning: 'l', impact: 'i', peerReflected: true, peerName: 'Sam', recordedAt: '2026-01-20T12:00:00Z' }],
      },
      CATALOGUE,
      policy,
      TODAY,
    );
    const d = developmentSummary(s, CATALOGUE, policy, TODAY);
    // Weekly in the first six weeks: due Mon 2 Feb, so one day overdue on Tue 3 Feb.
    expect(d.supervision).toMatchObject({ state: 'overdue', due: '2026-02-02', daysOverdue: 1, last: '2026-01-26', cancelledSinceLast: 1, awaitingResponse: 0 });
    expect(d.actions.map((a) => [a.text, a.overdue])).toEqual([
      ['Read the chronology guidance', true],
      ['Shadow a strategy meeting', false],
    ]);
    expect(d.signsOfSafety).toEqual({ held: 'intro_2day', required: 'intro_2day', met: true });
    expect(d.coreSkills.map((c) => [c.title, c.state])).toEqual([
      ['Assessment and analysis', 'missing'],
      ['Chronologies', 'missing'],
      ['Direct work with children', 'missing'],
      ['Domestic abuse', 'missing'],
      ['Child exploitation', 'missing'],
      ['Court skills', 'missing'],
    ]);
    expect(d.kss).toEqual({ framework: 'Child and family practitioner', covered: ['Communication'], total: 10 });
    expect(d.cpd).toEqual({ required: true, yearLabel: '2025–26', entries: 1, peerReflected: 1, minimumEntries: 2, minimumPeerReflected: 1, met: false, shortInRenewalWindow: false });
    expect(d.earlyCareer).toEqual({ start: '2026-01-05', weeks: 4, months: 0, cadence: 'weekly' });
  });

  test('an action due today is not overdue; one without a due date never is', () => {
    const d = developmentSummary(
      status({ actions: [
        { sessionId: 's1', sessionDate: '2026-01-13', text: 'Today', due: TODAY },
        { sessionId: 's1', sessionDate: '2026-01-13', text: 'Undated' },
        { sessionId: 's1', sessionDate: '2026-01-13', text: 'Yesterday', due: '2026-02-02' },
      ] }),
      CATALOGUE,
      policy,
      TODAY,
    );
    expect(d.actions.map((a) => a.overdue)).toEqual([false, false, true]);
  });

  test('supervision states come from the stored due date against today', () => {
    const state = (nextDue: string | undefined) => developmentSummary(status({ nextDue }), CATALOGUE, policy, TODAY).supervision;
    expect(state('2026-02-13')).toMatchObject({ state: 'in_date', daysUntilDue: 10 });
    expect(state('2026-02-06')).toMatchObject({ state: 'due_soon', daysUntilDue: 3 });
    expect(state('2026-01-24')).toMatchObject({ state: 'overdue', daysOverdue: 10 });
    expect(state(undefined)).toMatchObject({ state: 'not_supervised', daysOverdue: 0 });
  });

  test('core skills show the catalogue title, or the code when the course is unknown', () => {
    const d = developmentSummary(status({ coreSkills: [{ code: 'CS-DA', state: 'expired' }, { code: 'LOCAL-99', state: 'booked' }] }), CATALOGUE, policy, TODAY);
    expect(d.coreSkills).toEqual([
      { code: 'CS-DA', title: 'Domestic abuse', state: 'expired' },
      { code: 'LOCAL-99', title: 'LOCAL-99', state: 'booked' },
    ]);
  });

  test('CPD counts from this registration year are kept', () => {
    const d = developmentSummary(status({ cpd: { required: true, yearStart: '2025-12-01', entries: 3, peerReflected: 1, met: true } }), CATALOGUE, policy, TODAY);
    expect(d.cpd).toMatchObject({ entries: 3, peerReflected: 1, met: true, yearLabel: '2025–26' });
  });

  test('CPD counts reset when the status document is from a previous registration year', () => {
    const stale = status({ computedOn: '2025-11-28', cpd: { required: true, yearStart: '2024-12-01', entries: 4, peerReflected: 2, met: true } });
    expect(developmentSummary(stale, CATALOGUE, policy, TODAY).cpd).toMatchObject({ entries: 0, peerReflected: 0, met: false, yearLabel: '2025–26' });
    // On 1 December the new year starts from nothing too.
    expect(developmentSummary(stale, CATALOGUE, policy, '2025-12-01').cpd).toMatchObject({ entries: 0, met: false, shortInRenewalWindow: false });
  });

  test('short in the renewal window (September to November)', () => {
    const s = status({ cpd: { required: true, yearStart: '2025-12-01', entries: 1, peerReflected: 0, met: false } });
    expect(developmentSummary(s, CATALOGUE, policy, '2026-08-31').cpd.shortInRenewalWindow).toBe(false);
    expect(developmentSummary(s, CATALOGUE, policy, '2026-09-01').cpd.shortInRenewalWindow).toBe(true);
    expect(developmentSummary(s, CATALOGUE, policy, '2026-11-30').cpd.shortInRenewalWindow).toBe(true);
  });

  test('CPD is met whatever the counts for a role that owes none', () => {
    const d = developmentSummary(status({ role: 'family_practitioner', cpd: { required: false, yearStart: '2024-12-01', entries: 0, peerReflected: 0, met: true } }), CATALOGUE, policy, '2026-10-01');
    expect(d.cpd).toMatchObject({ required: false, met: true, shortInRenewalWindow: false });
  });

  test('early career cadence moves from weekly to fortnightly to monthly', () => {
    const ec = (programmeStart: string) => developmentSummary(status({ role: 'asye', programmeStart }), CATALOGUE, policy, TODAY).earlyCareer;
    expect(ec('2026-01-06')).toEqual({ start: '2026-01-06', weeks: 4, months: 0, cadence: 'weekly' });
    expect(ec('2025-12-01')).toEqual({ start: '2025-12-01', weeks: 9, months: 2, cadence: 'fortnightly' });
    expect(ec('2025-06-01')).toMatchObject({ months: 8, cadence: 'monthly' });
  });

  test('no early career section without a programme', () => {
    expect(developmentSummary(status(), CATALOGUE, policy, TODAY).earlyCareer).toBeUndefined();
  });

  test('a KSS framework id that is not known is left out', () => {
    expect(developmentSummary(status({ kss: { frameworkId: 'gone-1999', covered: [], total: 3 } }), CATALOGUE, policy, TODAY).kss).toBeUndefined();
  });
});

describe('caseloadSummary', () => {
  const snaps = [
    { date: '2026-02-01', counts: counts({ cin: 8, cp: 5, cla: 4 }) },
    { date: '2026-01-01', counts: counts({ cin: 8, cp: 4 }) },
    { date: '2025-12-01', counts: counts({ cin: 6 }) },
    { date: '2025-11-01', counts: counts({ cin: 1 }) },
  ];

  test('the latest snapshot against a threshold, with a trend of at most three, oldest first', () => {
    expect(caseloadSummary(snaps, 18, policy)).toEqual({
      latest: { date: '2026-02-01', counts: snaps[0]!.counts, total: 17, weighted: 17, threshold: 18, band: 'near' },
      trend: [
        { date: '2025-12-01', total: 6 },
        { date: '2026-01-01', total: 12 },
        { date: '2026-02-01', total: 17 },
      ],
      nationalAverage: 15.4,
    });
  });

  test('bands: within, near (90%), over', () => {
    expect(caseloadSummary(snaps, 20, policy).latest?.band).toBe('within');
    expect(caseloadSummary(snaps, 17, policy).latest?.band).toBe('near');
    expect(caseloadSummary(snaps, 16, policy).latest?.band).toBe('over');
  });

  test('without a threshold there is no band', () => {
    const latest = caseloadSummary(snaps.slice(0, 1), undefined, policy).latest;
    expect(latest).toEqual({ date: '2026-02-01', counts: snaps[0]!.counts, total: 17, weighted: 17 });
  });

  test('weights from the policy apply', () => {
    const weighted = resolvePolicy({ caseWeights: { cp: 1.5 } });
    expect(caseloadSummary(snaps, 18, weighted).latest).toMatchObject({ total: 17, weighted: 19.5, band: 'over' });
  });

  test('no snapshots', () => {
    expect(caseloadSummary([], 18, policy)).toEqual({ latest: undefined, trend: [], nationalAverage: 15.4 });
  });
});

describe('teamRows', () => {
  const person = (id: string, name: string, nextDue: string | undefined, extra: Parameters<typeof status>[0] = {}) =>
    status({ id, staffId: id, name, nextDue, lastSupervision: '2026-01-05', ...extra });

  const statuses = [
    person('s-aaron', 'Aaron', '2026-03-01'),
    person('s-bea', 'Bea', '2026-02-05'),
    person('s-zed', 'Zed', '2026-02-01'),
    person('s-al', 'Al', undefined, { lastSupervision: undefined }),
    person('s-amy', 'Amy', '2026-01-24', { caseload: { date: '2026-02-01', counts: counts({ cp: 20 }), total: 20, weighted: 20, threshold: 18 } }),
    person('s-gone', 'Gone', '2025-06-01', { active: false }),
    person('s-abe', 'Abe', '2026-02-06'),
    person('s-yan', 'Yan', '2026-01-20'),
  ];

  test('overdue first (most overdue at the top), then due soon, then in date, then not supervised; by name within', () => {
    const rows = teamRows(statuses, policy, TODAY);
    expect(rows.map((r) => [r.name, r.supervision.state, r.supervision.daysOverdue])).toEqual([
      ['Yan', 'overdue', 14],
      ['Amy', 'overdue', 10],
      ['Zed', 'overdue', 2],
      ['Abe', 'due_soon', 0],
      ['Bea', 'due_soon', 0],
      ['Aaron', 'in_date', 0],
      ['Al', 'not_supervised', 0],
    ]);
  });

  test('inactive staff are left out', () => {
    expect(teamRows(statuses, policy, TODAY).map((r) => r.staffId)).not.toContain('s-gone');
  });

  test('a row carries the last session, caseload band and Signs of Safety', () => {
    const amy = teamRows(statuses, policy, TODAY).find((r) => r.name === 'Amy')!;
    expect(amy).toEqual({
      staffId: 's-amy',
      name: 'Amy',
      role: 'social_worker',
      supervision: { state: 'overdue', due: '2026-01-24', daysOverdue: 10, daysUntilDue: -10, last: '2026-01-05' },
      caseload: { total: 20, threshold: 18, band: 'over' },
      signsOfSafety: { held: 'intro_2day', met: true },
    });
    const al = teamRows(statuses, policy, TODAY).find((r) => r.name === 'Al')!;
    expect(al.caseload).toBeUndefined();
    expect(al.supervision.last).toBeUndefined();
  });

  test('the same names in a different input order give the same rows', () => {
    const a = teamRows(statuses, policy, TODAY).map((r) => r.staffId);
    const b = teamRows([...statuses].reverse(), policy, TODAY).map((r) => r.staffId);
    expect(b).toEqual(a);
  });

  test('an empty team', () => {
    expect(teamRows([], policy, TODAY)).toEqual([]);
  });

  test('works for a team computed from staff records', () => {
    const s = computeStatus({ staff: staff({ id: MANAGER.id, name: MANAGER.name, role: 'team_manager', managerId: undefined }), sessions: [], training: [], cpd: [] }, CATALOGUE, policy, TODAY);
    const rows = teamRows([s, status({ id: SAM.id })], policy, TODAY);
    // Never supervised since starting in April 2023: overdue by years, so first.
    expect(rows[0]!.staffId).toBe(MANAGER.id);
    expect(rows[0]!.supervision.state).toBe('overdue');
    expect(rows[0]!.signsOfSafety).toEqual({ held: undefined, met: false });
  });
});
