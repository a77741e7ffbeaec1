import type { LocalDate } from './dates';

/** Every role a member of staff can hold; see shared/domain.md "People and roles". */
export const ROLES = [
  'asye',
  'ecdp',
  'social_worker',
  'senior_practitioner',
  'advanced_practitioner',
  'family_practitioner',
  'team_manager',
  'practice_manager',
  'group_manager',
  'service_manager',
  'principal_social_worker',
  'business_support',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  asye: 'ASYE social worker',
  ecdp: 'Early career social worker',
  social_worker: 'Social worker',
  senior_practitioner: 'Senior practitioner',
  advanced_practitioner: 'Advanced practitioner',
  family_practitioner: 'Family practitioner',
  team_manager: 'Team manager',
  practice_manager: 'Practice manager',
  group_manager: 'Group manager',
  service_manager: 'Service manager',
  principal_social_worker: 'Principal social worker',
  business_support: 'Business support',
};

export const EARLY_CAREER_ROLES: readonly Role[] = ['asye', 'ecdp'];
export const MANAGER_ROLES: readonly Role[] = ['team_manager', 'practice_manager', 'group_manager', 'service_manager'];
/** Roles whose holders carry a caseload of children. */
export const CASE_HOLDING_ROLES: readonly Role[] = [
  'asye',
  'ecdp',
  'social_worker',
  'senior_practitioner',
  'advanced_practitioner',
  'family_practitioner',
];
/** Roles that must be registered with Social Work England (and so owe CPD). */
export const REGISTERED_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'family_practitioner' && r !== 'business_support');

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export type EarlyCareerProgramme = 'asye' | 'ecdp';

/** The fields every stored document carries: Cosmos partitions by tenant. */
export interface TenantScoped {
  id: string;
  tenantId: string;
}

/** A person as a form lists them. */
export interface PersonRef {
  id: string;
  name: string;
}

export interface Staff extends TenantScoped {
  /** Entra (AAD) object id; absent until the person is matched to an account. */
  aadObjectId?: string;
  name: string;
  email: string;
  role: Role;
  team: string;
  /** Staff id of the line manager (supervisor). */
  managerId?: string;
  /** Staff id of a professional supervisor, when the line manager is not a registered social worker. */
  professionalSupervisorId?: string;
  startDate: LocalDate;
  programme?: EarlyCareerProgramme;
  programmeStart?: LocalDate;
  fte: number;
  employment: 'permanent' | 'agency';
  sweNumber?: string;
  status: 'active' | 'leaver';
  leavingDate?: LocalDate;
}

export const SUPERVISION_TYPES = ['individual', 'group', 'case_consultation'] as const;
export type SupervisionType = (typeof SUPERVISION_TYPES)[number];

export const SUPERVISION_FUNCTIONS = ['management', 'development', 'support', 'mediation'] as const;
export type SupervisionFunction = (typeof SUPERVISION_FUNCTIONS)[number];

export interface SupervisionAction {
  text: string;
  /** Staff id of the person who owns the action. */
  ownerId?: string;
  due?: LocalDate;
  status: 'open' | 'done' | 'dropped';
}

/** Prompts about record quality raised at recording time; the record keeps them when saved anyway. */
export type QualityFlag = 'no_reflection' | 'no_analysis' | 'action_without_owner' | 'action_without_due_date' | 'short_session';

export interface SupervisionSession extends TenantScoped {
  /** Staff id of the person supervised (one record per supervisee, also for group sessions). */
  superviseeId: string;
  supervisorId: string;
  date: LocalDate;
  type: SupervisionType;
  durationMinutes: number;
  status: 'held' | 'cancelled';
  cancellationReason?: string;
  functions: SupervisionFunction[];
  /** The reflective cycle (4x4x4): experience, reflection, analysis, action planning. */
  experience?: string;
  reflection?: string;
  analysis?: string;
  plan?: string;
  /** Case-management system ids only: never a child's name, date of birth or narrative. */
  caseIds: string[];
  wellbeingDiscussed: boolean;
  actions: SupervisionAction[];
  qualityFlags: QualityFlag[];
  /** Links the records of one group session. */
  groupId?: string;
  response?: { agreed: boolean; comment?: string; at: string };
  recordedBy: string;
  recordedAt: string;
}

export const COURSE_CATEGORIES = ['signs_of_safety', 'core_skills', 'kss', 'other'] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

export const SIGNS_OF_SAFETY_LEVELS = ['intro_2day', 'manager_overview', 'advanced', 'practice_lead', 'trainer_licensed'] as const;
export type SignsOfSafetyLevel = (typeof SIGNS_OF_SAFETY_LEVELS)[number];

export interface Course extends TenantScoped {
  /** Short code, unique in the tenant (the id is derived from it). */
  code: string;
  title: string;
  category: CourseCategory;
  /** For Signs of Safety: the level; for KSS: the area id. */
  level?: string;
  hours: number;
  /** Months after which the course must be taken again. */
  renewalMonths?: number;
}

export const TRAINING_STATUSES = ['booked', 'attended', 'completed', 'did_not_attend'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export interface TrainingRecord extends TenantScoped {
  staffId: string;
  courseCode: string;
  date: LocalDate;
  status: TrainingStatus;
  hours: number;
  note?: string;
  /** KSS accreditation outcome, kept optional since the national scheme closed in 2022. */
  accreditedOn?: LocalDate;
  recordedBy: string;
  recordedAt: string;
}

export const CPD_TYPES = ['course', 'reading', 'supervision', 'peer_learning', 'research', 'shadowing', 'other'] as const;
export type CpdType = (typeof CPD_TYPES)[number];

export interface CpdEntry extends TenantScoped {
  staffId: string;
  date: LocalDate;
  type: CpdType;
  learning: string;
  impact: string;
  peerReflected: boolean;
  peerName?: string;
  recordedAt: string;
}

export const CASE_TYPES = ['cin', 'cp', 'cla', 'care_leaver', 'pre_proceedings', 'early_help'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export type CaseCounts = Record<CaseType, number>;

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  cin: 'Child in need',
  cp: 'Child protection',
  cla: 'Child looked after',
  care_leaver: 'Care leaver',
  pre_proceedings: 'Pre-proceedings / court',
  early_help: 'Early help',
};

export interface CaseloadSnapshot extends TenantScoped {
  staffId: string;
  date: LocalDate;
  counts: CaseCounts;
}
