import { emptyCounts } from '../../../bot/src/domain/caseload';
import type { CaseloadSnapshot, SupervisionAction } from '../../../bot/src/domain/model';
import { DEFAULT_POLICY } from '../../../bot/src/domain/policy';
import { computeStatus, type PersonRecords } from '../../../bot/src/domain/status';
import { DEFAULT_CATALOGUE } from '../../../bot/src/domain/training';
import { catalogueOf, cpd, session, staff, TENANT, training } from './fixtures';

const policy = DEFAULT_POLICY;
const catalogue = catalogueOf(DEFAULT_CATALOGUE);
const today = '2026-02-10'; // Tuesday

const action = (status: SupervisionAction['status'], due?: string, ownerId = 'staff-1'): SupervisionAction => ({ text: 'Update chronology for LCS-123', ownerId, due, status });

const snapshot = (date: string, n: Partial<CaseloadSnapshot['counts']>): CaseloadSnapshot => ({
  id: `caseload-${date}`,
  tenantId: TENANT,
  staffId: 'staff-1',
  date,
  counts: { ...emptyCounts(), ...n },
});

/** A social worker with a bit of everything. */
function samsRecords(): PersonRecords {
  return {
    staff: staff({ id: 'staff-1', aadObjectId: 'aad-1', role: 'social_worker', team: 'Assessment East', managerId: 'manager-1', startDate: '2024-04-01' }),
    sessions: [
      session({ date: '2025-12-12', response: { agreed: true, at: '2025-12-13T10:00:00Z' }, actions: [action('done', '2026-01-05')] }),
      session({ date: '2025-12-20', status: 'cancelled', cancellationReason: 'Court' }), // before the last formal session
      session({
        date: '2026-01-13',
        actions: [
          action('open', '2026-02-09'), // overdue (yesterday)
          action('open', today), // due today: not overdue
          action('open', '2026-03-01'),
          action('open'), // no due date
          action('dropped', '2026-01-20'),
        ],
      }), // no response yet
      session({ date: '2026-01-27', type: 'case_consultation', caseIds: ['LCS-123'] }), // no response yet, does not reset the clock
      session({ date: '2026-02-03', status: 'cancelled', cancellationReason: 'Supervisor off sick' }),
      session({ date: '2026-02-06', status: 'cancelled', cancellationReason: 'Duty' }),
    ],
    training: [
      training('SOS-INTRO', '2024-06-10'),
      training('CS-ASSESS', '2024-09-01'),
      training('CS-CHRON', '2024-10-01'),
      training('CS-DIRECT', '2025-01-15'),
      training('CS-DA', '2022-01-10'), // 36-month renewal: expired on 10 Jan 2025
      training('CS-COURT', '2026-03-04', 'booked'),
      training('KSS-CFP-1', '2025-05-01'),
      training('KSS-CFP-9', '2025-06-01'),
    ],
    cpd: [cpd('2025-11-20', true), cpd('2025-12-15'), cpd('2026-01-20', true)],
    latestCaseload: snapshot('2026-02-01', { cin: 6, cp: 5, cla: 4, pre_proceedings: 2 }),
  };
}

describe('computeStatus', () => {
  it('summarises a social worker', () => {
    const s = computeStatus(samsRecords(), catalogue, policy, today);
    expect(s.actions.map((a) => a.due)).toEqual(['2026-02-09', '2026-02-10', '2026-03-01', undefined].slice(0, s.actions.length));
    expect(s.actions).toHaveLength(4);
    expect(s.coreSkills.filter((c) => c.state !== 'done').map((c) => c.code)).toEqual(['CS-DA', 'CS-EXPLOIT', 'CS-COURT']);
    expect(s.kss?.covered).toHaveLength(2);
    const { actions, coreSkills, ...rest } = s;
    void actions;
    void coreSkills;
    expect(rest).toEqual({
      id: 'staff-1',
      tenantId: TENANT,
      kind: 'status',
      staffId: 'staff-1',
      aadObjectId: 'aad-1',
      name: 'Sam Worker',
      role: 'social_worker',
      team: 'Assessment East',
      managerId: 'manager-1',
      employment: 'permanent',
      active: true,
      startDate: '2024-04-01',
      programmeStart: undefined,
      // Held sessions only (formal or not), oldest first: cancelled ones never count towards the trend.
      recentSessions: [
        { id: 'session-1', date: '2025-12-12', formal: true },
        { id: 'session-3', date: '2026-01-13', formal: true },
        { id: 'session-4', date: '2026-01-27', formal: false },
      ],
      lastSupervision: '2026-01-13',
      nextDue: '2026-02-13',
      cancelledSinceLast: 2,
      awaitingResponse: 2,
      openActions: 4,
      overdueActions: 1,
      signsOfSafety: { held: 'intro_2day', required: 'intro_2day', met: true },
      kss: { frameworkId: 'cfp-2014', covered: s.kss!.covered, total: 10 },
      cpd: { required: true, yearStart: '2025-12-01', entries: 2, peerReflected: 1, met: true },
      caseload: { date: '2026-02-01', counts: { cin: 6, cp: 5, cla: 4, care_leaver: 0, pre_proceedings: 2, early_help: 0 }, total: 17, weighted: 17, threshold: 18 },
      computedOn: today,
    });
  });

  it('a leaver has no next due date and is not active', () => {
    const r = samsRecords();
    const s = computeStatus({ ...r, staff: { ...r.staff, status: 'leaver', leavingDate: '2026-01-31' } }, catalogue, policy, today);
    expect(s.active).toBe(false);
    expect(s.nextDue).toBeUndefined();
    expect(s.lastSupervision).toBe('2026-01-13');
  });

  it('someone never supervised: due from the start date, and every cancellation counts', () => {
    const s = computeStatus(
      {
        staff: staff({ role: 'social_worker', startDate: '2026-01-13' }),
        sessions: [session({ date: '2026-02-03', status: 'cancelled' }), session({ date: '2026-02-05', type: 'case_consultation' })],
        training: [],
        cpd: [],
      },
      catalogue,
      policy,
      today,
    );
    expect(s).toMatchObject({ lastSupervision: undefined, nextDue: '2026-02-13', cancelledSinceLast: 1, awaitingResponse: 1, openActions: 0, overdueActions: 0 });
    expect(s.caseload).toBeUndefined();
    expect(s.coreSkills.filter((c) => c.state !== 'done')).toHaveLength(6);
    expect(s.signsOfSafety.met).toBe(false);
    expect(s.cpd).toEqual({ required: true, yearStart: '2025-12-01', entries: 0, peerReflected: 0, met: false });
  });

  it('an ASYE: programme start recorded, weekly due date, ramped caseload threshold on the snapshot date', () => {
    const s = computeStatus(
      {
        staff: staff({ role: 'asye', startDate: '2025-12-15', programme: 'asye', programmeStart: '2026-01-05' }),
        sessions: [session({ date: '2026-02-05' })],
        training: [],
        cpd: [],
        latestCaseload: snapshot('2026-02-01', { cin: 3, cla: 1 }),
      },
      catalogue,
      policy,
      today,
    );
    expect(s.programmeStart).toBe('2026-01-05');
    expect(s.nextDue).toBe('2026-02-12'); // day 31: weekly
    expect(s.caseload).toMatchObject({ total: 4, weighted: 4, threshold: 4 }); // 25% of 18
  });

  it('business support: not supervised, no KSS, no CPD owed, no caseload threshold', () => {
    const s = computeStatus(
      { staff: staff({ role: 'business_support' }), sessions: [], training: [], cpd: [], latestCaseload: snapshot('2026-02-01', {}) },
      catalogue,
      policy,
      today,
    );
    expect(s.nextDue).toBeUndefined();
    expect(s.kss).toBeUndefined();
    expect(s.signsOfSafety).toEqual({ held: undefined, required: null, met: true });
    expect(s.coreSkills.filter((c) => c.state !== 'done')).toEqual([]);
    expect(s.cpd.required).toBe(false);
    expect(s.cpd.met).toBe(true);
    expect(s.caseload).toEqual({ date: '2026-02-01', counts: emptyCounts(), total: 0, weighted: 0, threshold: undefined });
  });

  it('a part-time family practitioner over their threshold', () => {
    const s = computeStatus(
      {
        staff: staff({ role: 'family_practitioner', fte: 0.5 }),
        sessions: [session({ date: '2026-01-30' })],
        training: [],
        cpd: [],
        latestCaseload: snapshot('2026-02-01', { early_help: 7 }),
      },
      catalogue,
      policy,
      today,
    );
    expect(s.caseload).toMatchObject({ total: 7, threshold: 6 });
    expect(s.nextDue).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
    expect(s.cpd.required).toBe(false);
    expect(s.kss).toBeUndefined();
  });

  it('uses the staff id and tenant as the document id and partition', () => {
    const r = samsRecords();
    const s = computeStatus({ ...r, staff: { ...r.staff, id: 'staff-99', tenantId: 'tenant-9' } }, catalogue, policy, today);
    expect(s).toMatchObject({ id: 'staff-99', staffId: 'staff-99', tenantId: 'tenant-9', kind: 'status' });
  });
});
