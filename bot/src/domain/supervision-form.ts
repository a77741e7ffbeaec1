import { checkCaseIds } from './case-ids';
import { plusMonths, type LocalDate } from './dates';
import { FormReader, MAX_SHORT_TEXT, type FieldErrors } from './form-input';
import {
  SUPERVISION_FUNCTIONS,
  SUPERVISION_TYPES,
  type QualityFlag,
  type SupervisionAction,
  type SupervisionSession,
} from './model';
import type { TenantPolicy } from './policy';

/** Input ids of the supervision form (cards/supervision.ts renders them). */
export const SUPERVISION_FIELDS = {
  supervisees: 'supervisees',
  date: 'date',
  type: 'type',
  duration: 'duration',
  status: 'status',
  cancellationReason: 'cancellationReason',
  functions: 'functions',
  experience: 'experience',
  reflection: 'reflection',
  analysis: 'analysis',
  plan: 'plan',
  caseIds: 'caseIds',
  wellbeing: 'wellbeing',
} as const;

export const MIN_ACTION_ROWS = 3;
export const MAX_ACTION_ROWS = 10;
export const actionField = (row: number, part: 'text' | 'owner' | 'due'): string => `action${row}${part[0]!.toUpperCase()}${part.slice(1)}`;
/** Data the form's buttons carry alongside the inputs. */
const CONTROL_FIELDS = new Set(['rows', 'saveAnyway', 'superviseeId']);
const ACTION_FIELD = /^action([1-9]\d?)(Text|Owner|Due)$/;

/** What a valid form describes, before ids and timestamps are added. */
export type SupervisionDraft = Pick<
  SupervisionSession,
  'date' | 'type' | 'durationMinutes' | 'status' | 'cancellationReason' | 'functions' | 'experience' | 'reflection' | 'analysis' | 'plan' | 'caseIds' | 'wellbeingDiscussed' | 'actions'
> & { superviseeIds: string[] };

export type SupervisionFormResult = { ok: true; draft: SupervisionDraft; flags: QualityFlag[] } | { ok: false; errors: FieldErrors };

export interface SupervisionFormContext {
  today: LocalDate;
  /** Who may be chosen as supervisees (the recorder's line). */
  superviseeIds: readonly string[];
  /** Who may own an action: the supervisees and the recorder. */
  ownerIds: readonly string[];
  policy: TenantPolicy;
}

/** Reads and checks a submitted supervision form: every problem against its field, or a draft and its quality flags. */
export function readSupervisionForm(input: Record<string, unknown>, ctx: SupervisionFormContext): SupervisionFormResult {
  const f = new FormReader(input, (key) => Object.values<string>(SUPERVISION_FIELDS).includes(key) || CONTROL_FIELDS.has(key) || actionRow(key) !== undefined);
  f.rejectUnknown();
  const F = SUPERVISION_FIELDS;
  const superviseeIds = f.choices(F.supervisees, 'person supervised', ctx.superviseeIds, { required: true, max: 30 });
  const type = f.choice(F.type, 'the type of supervision', SUPERVISION_TYPES, { required: true });
  if (type === 'individual' && superviseeIds.length > 1) f.fail(F.supervisees, 'An individual session is with one person: choose one, or make it a group session.');
  const date = f.date(F.date, 'the date of the session', {
    required: true,
    notAfter: ctx.today,
    notBefore: plusMonths(ctx.today, -12),
    afterMessage: 'The session date cannot be in the future: record sessions once they have happened.',
    beforeMessage: 'The session date is more than a year ago: ask your Principal Social Worker to add older records.',
  });
  const status = f.choice(F.status, 'whether the session was held', ['held', 'cancelled'] as const, { required: true });
  const held = status !== 'cancelled';
  const durationMinutes = held ? f.number(F.duration, 'the length in minutes', { required: true, min: 5, max: 480, whole: true }) : 0;
  const cancellationReason = f.text(F.cancellationReason, 'why it was cancelled', { required: !held, max: MAX_SHORT_TEXT });
  const functions = f.choices(F.functions, 'function covered', SUPERVISION_FUNCTIONS);
  if (held && functions.length === 0) f.fail(F.functions, 'Tick the functions of supervision the session covered.');
  const experience = f.text(F.experience, 'the experience');
  const reflection = f.text(F.reflection, 'the reflection');
  const analysis = f.text(F.analysis, 'the analysis');
  const plan = f.text(F.plan, 'the plan');
  const cases = checkCaseIds(f.text(F.caseIds, 'the case ids', { max: 500 }));
  if (!cases.ok) f.fail(F.caseIds, cases.message);
  const wellbeingDiscussed = f.flag(F.wellbeing);
  const actions = readActions(f, input, ctx, date ?? ctx.today);
  if (!f.ok || !date || !type || !status || durationMinutes === undefined) return { ok: false, errors: f.errors };

  const draft: SupervisionDraft = {
    superviseeIds,
    date,
    type,
    durationMinutes,
    status,
    cancellationReason: held ? undefined : cancellationReason,
    functions: held ? functions : [],
    experience,
    reflection,
    analysis,
    plan,
    caseIds: cases.ok ? cases.ids : [],
    wellbeingDiscussed,
    actions: held ? actions : [],
  };
  return { ok: true, draft, flags: qualityFlags(draft, ctx.policy) };
}

function actionRow(key: string): number | undefined {
  const m = ACTION_FIELD.exec(key);
  const row = m ? Number(m[1]) : NaN;
  return row >= 1 && row <= MAX_ACTION_ROWS ? row : undefined;
}

function readActions(f: FormReader, input: Record<string, unknown>, ctx: SupervisionFormContext, sessionDate: LocalDate): SupervisionAction[] {
  const rows = new Set(Object.keys(input).map(actionRow).filter((r): r is number => r !== undefined));
  const actions: SupervisionAction[] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const text = f.text(actionField(row, 'text'), 'the action', { max: 500 });
    const ownerId = f.choice(actionField(row, 'owner'), 'who owns the action', ctx.ownerIds);
    const due = f.date(actionField(row, 'due'), 'the due date', {
      notBefore: sessionDate,
      notAfter: plusMonths(sessionDate, 12),
      beforeMessage: 'An action cannot be due before the session.',
      afterMessage: 'Set a due date within a year of the session.',
    });
    if (!text) {
      if (ownerId || due) f.fail(actionField(row, 'text'), 'Describe the action, or clear its owner and date.');
      continue;
    }
    actions.push({ text, ownerId, due, status: 'open' });
  }
  return actions;
}

/**
 * The prompts Ofsted's findings call for, raised when the record is made: no reflection or analysis, an action
 * without an owner or a date, a formal session shorter than policy. The recorder may save anyway; the record
 * keeps the flags.
 */
export function qualityFlags(
  s: Pick<SupervisionDraft, 'status' | 'type' | 'durationMinutes' | 'reflection' | 'analysis' | 'actions'>,
  policy: Pick<TenantPolicy, 'minimumSessionMinutes'>,
): QualityFlag[] {
  if (s.status !== 'held') return [];
  const flags: QualityFlag[] = [];
  if (!s.reflection) flags.push('no_reflection');
  if (!s.analysis) flags.push('no_analysis');
  if (s.actions.some((a) => !a.ownerId)) flags.push('action_without_owner');
  if (s.actions.some((a) => !a.due)) flags.push('action_without_due_date');
  if (s.type !== 'case_consultation' && s.durationMinutes < policy.minimumSessionMinutes) flags.push('short_session');
  return flags;
}

export const QUALITY_PROMPTS: Record<QualityFlag, string> = {
  no_reflection: 'There is no reflection: what did the worker think and feel, and why?',
  no_analysis: 'There is no analysis: what does it mean for the child, and what are the options?',
  action_without_owner: 'An action has no owner: who will do it?',
  action_without_due_date: 'An action has no due date: by when?',
  short_session: 'The session was shorter than the 90 minutes policy expects for formal supervision.',
};

/** The stored records of a valid draft: one per supervisee, linked by `groupId` for a group session. */
export function sessionsFromDraft(
  draft: SupervisionDraft,
  flags: QualityFlag[],
  meta: { tenantId: string; supervisorId: string; recordedAt: string; newId: () => string },
): SupervisionSession[] {
  const groupId = draft.superviseeIds.length > 1 ? meta.newId() : undefined;
  return draft.superviseeIds.map((superviseeId) => ({
    id: meta.newId(),
    tenantId: meta.tenantId,
    superviseeId,
    supervisorId: meta.supervisorId,
    date: draft.date,
    type: draft.type,
    durationMinutes: draft.durationMinutes,
    status: draft.status,
    cancellationReason: draft.cancellationReason,
    functions: draft.functions,
    experience: draft.experience,
    reflection: draft.reflection,
    analysis: draft.analysis,
    plan: draft.plan,
    caseIds: draft.caseIds,
    wellbeingDiscussed: draft.wellbeingDiscussed,
    // In a group, an action owned by one member belongs on that member's record only.
    actions: draft.actions.filter((a) => !a.ownerId || a.ownerId === superviseeId || !draft.superviseeIds.includes(a.ownerId)),
    qualityFlags: flags,
    groupId,
    recordedBy: meta.supervisorId,
    recordedAt: meta.recordedAt,
  }));
}
