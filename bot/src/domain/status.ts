import { caseloadStanding, caseloadThreshold } from './caseload';
import { cpdStanding } from './cpd';
import { plusMonths, type LocalDate } from './dates';
import type {
  CaseCounts,
  CaseloadSnapshot,
  Course,
  CpdEntry,
  Role,
  SignsOfSafetyLevel,
  Staff,
  SupervisionSession,
  TenantScoped,
  TrainingRecord,
} from './model';
import type { TenantPolicy } from './policy';
import { isFormalHeld, lastFormalSession, supervisionDue } from './supervision';
import { trainingStanding, type CourseState } from './training';

/**
 * One small document per person, rewritten on every write that concerns them, so that the dashboard and the
 * nightly sweep read one partition query instead of a query per person. Its id is the staff id.
 * Values that age with the calendar (training currency, the CPD year) are as of `computedOn`.
 */
export interface PersonStatus extends TenantScoped {
  kind: 'status';
  staffId: string;
  aadObjectId?: string;
  name: string;
  role: Role;
  team: string;
  managerId?: string;
  employment: Staff['employment'];
  active: boolean;
  startDate: LocalDate;
  leavingDate?: LocalDate;
  programme?: Staff['programme'];
  programmeStart?: LocalDate;
  lastSupervision?: LocalDate;
  nextDue?: LocalDate;
  cancelledSinceLast: number;
  awaitingResponse: number;
  openActions: number;
  overdueActions: number;
  /** The open actions themselves (from held sessions), soonest due first, so summaries need no other read. */
  actions: OpenAction[];
  /** Held sessions of the last 13 months, oldest first: the dashboard's 12-month trend and audit samples read these. */
  recentSessions: RecentSession[];
  signsOfSafety: { held?: SignsOfSafetyLevel; required: SignsOfSafetyLevel | null; met: boolean };
  coreSkills: { code: string; state: CourseState }[];
  kss?: { frameworkId: string; covered: string[]; total: number };
  cpd: { required: boolean; yearStart: LocalDate; entries: number; peerReflected: number; met: boolean };
  caseload?: { date: LocalDate; counts: CaseCounts; total: number; weighted: number; threshold?: number };
  computedOn: LocalDate;
}

export interface OpenAction {
  sessionId: string;
  sessionDate: LocalDate;
  text: string;
  ownerId?: string;
  due?: LocalDate;
}

export interface RecentSession {
  id: string;
  date: LocalDate;
  /** Individual or group: the kinds that reset the due date (case consultations do not). */
  formal: boolean;
}

/** Enough history for a 12-month trend that starts from the supervision before its first month. */
export const RECENT_MONTHS = 13;

export interface PersonRecords {
  staff: Staff;
  sessions: readonly SupervisionSession[];
  training: readonly TrainingRecord[];
  cpd: readonly CpdEntry[];
  latestCaseload?: CaseloadSnapshot;
}

export function computeStatus(
  records: PersonRecords,
  catalogue: ReadonlyMap<string, Course>,
  policy: TenantPolicy,
  today: LocalDate,
): PersonStatus {
  const { staff, sessions } = records;
  const last = lastFormalSession(sessions);
  const actions: OpenAction[] = sessions
    .filter((s) => s.status === 'held')
    .flatMap((s) => s.actions.filter((a) => a.status === 'open').map((a) => ({ sessionId: s.id, sessionDate: s.date, text: a.text, ownerId: a.ownerId, due: a.due })))
    // Fully ordered, so the document is the same whichever order the sessions were read in.
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.sessionDate.localeCompare(b.sessionDate) || a.sessionId.localeCompare(b.sessionId) || a.text.localeCompare(b.text));
  const training = trainingStanding(staff, records.training, catalogue, today, policy);
  const cpd = cpdStanding(staff, records.cpd, today, policy);
  const snapshot = records.latestCaseload;
  const threshold = snapshot && caseloadThreshold(staff, snapshot.date, policy);
  const standing = snapshot && caseloadStanding(snapshot.counts, threshold, policy);
  return {
    id: staff.id,
    tenantId: staff.tenantId,
    kind: 'status',
    staffId: staff.id,
    aadObjectId: staff.aadObjectId,
    name: staff.name,
    role: staff.role,
    team: staff.team,
    managerId: staff.managerId,
    employment: staff.employment,
    active: staff.status === 'active',
    startDate: staff.startDate,
    leavingDate: staff.leavingDate,
    programme: staff.programme,
    programmeStart: staff.programme ? (staff.programmeStart ?? staff.startDate) : undefined,
    lastSupervision: last,
    nextDue: staff.status === 'active' ? supervisionDue(staff, last, policy) : undefined,
    cancelledSinceLast: sessions.filter((s) => s.status === 'cancelled' && (!last || s.date > last)).length,
    awaitingResponse: sessions.filter((s) => s.status === 'held' && !s.response).length,
    openActions: actions.length,
    overdueActions: actions.filter((a) => a.due !== undefined && a.due < today).length,
    actions,
    recentSessions: recentSessions(sessions, today),
    signsOfSafety: training.signsOfSafety,
    coreSkills: training.coreSkills,
    kss: training.kss,
    cpd: { required: cpd.required, yearStart: cpd.year.start, entries: cpd.entries, peerReflected: cpd.peerReflected, met: cpd.met },
    caseload: snapshot && standing && {
      date: snapshot.date,
      counts: snapshot.counts,
      total: standing.total,
      weighted: standing.weighted,
      threshold: standing.threshold,
    },
    computedOn: today,
  };
}

function recentSessions(sessions: readonly SupervisionSession[], today: LocalDate): RecentSession[] {
  const since = plusMonths(today, -RECENT_MONTHS);
  return sessions
    .filter((s) => s.status === 'held' && s.date >= since && s.date <= today)
    .map((s) => ({ id: s.id, date: s.date, formal: isFormalHeld(s) }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
}
