/**
 * The JSON the tab API returns: the one description both the service (bot/src/api) and the tab (tabs/src)
 * compile against. Dates are LocalDate strings (YYYY-MM-DD, Europe/London); the tab formats them as "3 Feb 2026".
 * Every error is `ApiError` with a status of 400, 401, 403, 404, 503 (database unreachable) or 500.
 */
import type { CaseloadBand } from '../domain/caseload';
import type { LocalDate } from '../domain/dates';
import type { QualityFlag, Role, SignsOfSafetyLevel, SupervisionType } from '../domain/model';
import type { SupervisionState } from '../domain/supervision';
import type { CourseState } from '../domain/training';

export interface ApiError {
  error: 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'unavailable' | 'internal';
  /** A sentence for the person: what went wrong and, where possible, what to do. */
  reason: string;
}

export type View = 'me' | 'team' | 'workforce' | 'imports';

/** GET /api/me — who the tab is talking to and which pages they may open. */
export interface WhoAmI {
  staffId: string;
  name: string;
  role: Role;
  roleLabel: string;
  team: string;
  views: View[];
  /** True only when the service runs in local dev mode and the caller used the dev sign-in. */
  devMode: boolean;
  today: LocalDate;
}

/** GET /api/dev/users — the demo people the dev-mode tab can act as (404 unless the service is in local dev mode). */
export interface DevUser {
  aadObjectId: string;
  tenantId: string;
  name: string;
  roleLabel: string;
}

export interface PersonLink {
  staffId: string;
  name: string;
  team: string;
  roleLabel: string;
}

export interface OverdueRow extends PersonLink {
  managerName?: string;
  lastSupervision?: LocalDate;
  due: LocalDate;
  daysOverdue: number;
}

export interface TeamSupervisionRow {
  team: string;
  supervised: number;
  withinPolicy: number;
  overdue: number;
  /** withinPolicy / supervised, 0–100, one decimal place. */
  percent: number;
}

export interface TrendPoint {
  /** The month, as YYYY-MM. */
  month: string;
  /** The last day of the month (or today for the current month): the figure is as of that day. */
  asOf: LocalDate;
  supervised: number;
  withinPolicy: number;
  percent: number;
}

export interface SignsOfSafetyRow {
  level: SignsOfSafetyLevel;
  label: string;
  /** People whose role requires this level. */
  required: number;
  /** Of those, how many hold it (or a higher level). */
  held: number;
  percent: number;
}

export interface CoreSkillRow {
  code: string;
  title: string;
  done: number;
  booked: number;
  expired: number;
  missing: number;
  /** done / everyone the course applies to. */
  percent: number;
}

export interface KssRow {
  framework: string;
  area: string;
  covered: number;
  people: number;
  percent: number;
}

export interface CaseloadBucket {
  /** Inclusive range of children, e.g. 15–19; the last bucket has no upper bound. */
  from: number;
  to?: number;
  label: string;
  count: number;
}

export interface CaseloadRow extends PersonLink {
  total: number;
  weighted: number;
  threshold?: number;
  band?: CaseloadBand;
  asOf: LocalDate;
}

export interface CpdRow extends PersonLink {
  entries: number;
  peerReflected: number;
  met: boolean;
}

export interface AsyeRow extends PersonLink {
  start: LocalDate;
  weeks: number;
  months: number;
  cadence: string;
  supervision: SupervisionState;
  lastSupervision?: LocalDate;
  due?: LocalDate;
  daysOverdue: number;
  signsOfSafetyMet: boolean;
  caseload?: number;
  caseloadThreshold?: number;
}

/** GET /api/workforce (PSW, service managers) and GET /api/team (managers: their line) — same shape. */
export interface WorkforceReport {
  scope: 'workforce' | 'team';
  asOf: LocalDate;
  filters: { team?: string; role?: Role };
  /** What the filters may be set to, within the caller's scope. */
  options: { teams: string[]; roles: { value: Role; label: string }[] };
  /** Active people in scope after filtering. */
  people: number;
  supervision: {
    /** People Reflect expects to be supervised (business support are not). */
    supervised: number;
    withinPolicy: number;
    percent: number;
    /** Most overdue first. */
    overdue: OverdueRow[];
    byTeam: TeamSupervisionRow[];
    /** The last 12 months, oldest first. */
    trend: TrendPoint[];
  };
  training: { signsOfSafety: SignsOfSafetyRow[]; coreSkills: CoreSkillRow[]; kss: KssRow[] };
  caseloads: {
    nationalAverage: number;
    /** The full-time threshold of each role in scope (e.g. 12 for family practitioners, 18 for social workers). */
    thresholds: number[];
    distribution: CaseloadBucket[];
    /** How many people in scope have a caseload (the distribution counts them all). */
    withCaseload: number;
    /** People near or over their threshold, fullest against their threshold first. */
    people: CaseloadRow[];
    median?: number;
  };
  /** `people`: those short of the CPD minimum this registration year, fewest entries first. */
  cpd: { yearLabel: string; required: number; met: number; percent: number; people: CpdRow[] };
  asye: AsyeRow[];
}

/** GET /api/workforce/audit-sample?n=&seed=&from=&to= — the same seed over the same records gives the same sample. */
export interface AuditSample {
  seed: string;
  n: number;
  from: LocalDate;
  to: LocalDate;
  /** Held supervision records in the period the sample was drawn from. */
  population: number;
  records: AuditRecord[];
}

export interface AuditRecord {
  sessionId: string;
  date: LocalDate;
  supervisee: PersonLink;
  supervisorName: string;
  type: SupervisionType;
  typeLabel: string;
  durationMinutes: number;
  /** How many of the four functions (management, development, support, mediation) the record covers. */
  functions: number;
  /** How many of the four stages of the reflective cycle the record has text for. */
  cycle: number;
  actions: number;
  /** Actions with both an owner and a due date. */
  specificActions: number;
  qualityFlags: QualityFlag[];
  response: 'agreed' | 'commented' | 'none';
}

export interface SessionSummary {
  id: string;
  date: LocalDate;
  type: SupervisionType;
  typeLabel: string;
  status: 'held' | 'cancelled';
  supervisorName: string;
  durationMinutes: number;
  cancellationReason?: string;
  actions: { text: string; ownerName?: string; due?: LocalDate; status: 'open' | 'done' | 'dropped' }[];
  response?: { agreed: boolean; comment?: string };
}

/** GET /api/people/:staffId (yourself; your line; everyone for the PSW and service managers). */
export interface PersonReport {
  person: PersonLink & { role: Role; managerName?: string };
  supervision: {
    state: SupervisionState;
    last?: LocalDate;
    due?: LocalDate;
    daysOverdue: number;
    awaitingResponse: number;
    /** Newest first. Absent for business support looking at someone else (training only). */
    history?: SessionSummary[];
  };
  actions: { text: string; due?: LocalDate; overdue: boolean; sessionDate: LocalDate }[];
  signsOfSafety: { held?: SignsOfSafetyLevel; heldLabel?: string; required: SignsOfSafetyLevel | null; requiredLabel?: string; met: boolean };
  coreSkills: { code: string; title: string; state: CourseState; stateLabel: string }[];
  kss?: { framework: string; covered: string[]; total: number };
  training: { date: LocalDate; course: string; status: string; hours: number }[];
  cpd: { yearLabel: string; required: boolean; entries: number; peerReflected: number; minimumEntries: number; minimumPeerReflected: number; met: boolean };
  caseload?: { asOf: LocalDate; total: number; weighted: number; threshold?: number; band?: CaseloadBand; nationalAverage: number; trend: { date: LocalDate; total: number }[] };
  earlyCareer?: { start: LocalDate; weeks: number; months: number; cadence: string };
}

/**
 * GET /api/people/:staffId/supervision/:sessionId/card — one supervision record as an Adaptive Card 1.5
 * (the tab renders it with the adaptivecards library, loaded only when asked for).
 */
export interface RecordCard {
  card: Record<string, unknown>;
}

/** GET /api/people/:staffId/export — subject access: everything Reflect holds about the person, from every container. */
export interface SubjectAccessExport {
  exportedAt: string;
  tenantId: string;
  staffId: string;
  containers: Record<string, unknown[]>;
}

/** GET /api/imports (the PSW, service managers and business support) — the kinds of CSV file they can import. */
export interface ImportKinds {
  kinds: ImportKindInfo[];
  /** The largest file the service accepts, in bytes. */
  maxBytes: number;
}

export interface ImportKindInfo {
  kind: import('../imports/layouts').ImportKind;
  /** What the page calls it ("Training register"). */
  label: string;
  /** What one row of the file is. */
  row: string;
  /** The template's columns, in order; `required`: the header must have the column. */
  columns: { name: string; required: boolean }[];
  /** GET /api/imports/:kind/template downloads as this. */
  templateFileName: string;
}

/**
 * POST /api/imports/:kind/preview (body: the CSV file, Content-Type text/csv) checks a file and saves nothing;
 * POST /api/imports/:kind/apply?hash=<fileHash of the preview>[&onlyValidRows=true] applies the same file.
 * Both answer the import's report as it is; a refusal is an ImportApiError.
 */
export type ImportReport = import('../imports/report').ImportReport;
export type ImportRowError = import('../imports/cells').RowError;

/**
 * An ApiError, plus the import's own refusals: `conflict` (409, the file is not the one previewed),
 * `too_large` (413), `unsupported_media_type` (415) and `has_errors` (422, nothing applied; the report says why).
 */
export interface ImportApiError {
  error: ApiError['error'] | 'conflict' | 'too_large' | 'unsupported_media_type' | 'has_errors';
  reason: string;
  report?: ImportReport;
}
