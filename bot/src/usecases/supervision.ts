import { randomUUID } from 'node:crypto';
import type { LocalDate } from '../domain/dates';
import { FormReader, MAX_TEXT, type FieldErrors } from '../domain/form-input';
import type { PersonRef as Person, QualityFlag, SupervisionSession } from '../domain/model';
import type { PersonStatus } from '../domain/status';
import { MIN_ACTION_ROWS, MAX_ACTION_ROWS, readSupervisionForm, sessionsFromDraft } from '../domain/supervision-form';
import { ConflictError } from '../store/errors';
import type { Logger } from '../log';
import type { Store } from '../store/store';
import type { Stored } from '../store/tenant-container';
import type { Actor } from './actor';
import { directReports, inLineOf } from './line';
import type { ReferenceData } from './reference-data';

export interface SupervisionFormData {
  supervisees: Person[];
  owners: Person[];
  today: LocalDate;
  rows: number;
  values?: Record<string, unknown>;
  errors?: FieldErrors;
  prompts?: QualityFlag[];
}

export interface SupervisionDeps {
  store: Store;
  reference: ReferenceData;
  today: () => LocalDate;
  now: () => Date;
  log: Logger;
}

export class NotAllowed extends Error {}

const asPerson = (s: PersonStatus): Person => ({ id: s.staffId, name: s.name });

/**
 * Who the actor may record supervision for: their direct reports, plus `extra` when it is in their line; only
 * people whose role is supervised (business support are not, in Reflect), and never by business support.
 */
async function choosable(deps: SupervisionDeps, actor: Actor, extraIds: readonly string[]): Promise<Person[]> {
  if (actor.me.role === 'business_support') throw new NotAllowed('Business support record training, not supervision. Nothing was saved.');
  const { policy } = await deps.reference.get(actor.tenantId);
  const supervised = (p: PersonStatus) => p.active && policy.supervisionInterval[p.role] !== null;
  const people = new Map((await directReports(deps.store, actor)).filter(supervised).map((s) => [s.staffId, asPerson(s)]));
  for (const id of extraIds) {
    if (people.has(id)) continue;
    const person = await inLineOf(deps.store, actor, id);
    if (person && supervised(person)) people.set(id, asPerson(person));
  }
  return [...people.values()];
}

function rowsFrom(input: Record<string, unknown>): number {
  const n = Number(input.rows);
  return Number.isInteger(n) ? Math.min(MAX_ACTION_ROWS, Math.max(MIN_ACTION_ROWS, n)) : MIN_ACTION_ROWS;
}

const selectedIds = (input: Record<string, unknown>): string[] =>
  typeof input.supervisees === 'string' ? input.supervisees.split(',').map((s) => s.trim()).filter(Boolean).slice(0, 30) : [];

/** The empty form; `superviseeId` preselects a person (from the team view), who must be in the actor's line. */
export async function openSupervisionForm(deps: SupervisionDeps, actor: Actor, superviseeId?: string): Promise<SupervisionFormData> {
  const supervisees = await choosable(deps, actor, superviseeId ? [superviseeId] : []);
  if (superviseeId && !supervisees.some((p) => p.id === superviseeId)) throw new NotAllowed('You can only log supervision for people in your line.');
  if (supervisees.length === 0) throw new NotAllowed('Nobody reports to you in Reflect, so there is no supervision for you to log. If that is wrong, ask your Principal Social Worker to update the staff list.');
  return {
    supervisees,
    owners: [...supervisees, asPerson(actor.me)],
    today: deps.today(),
    rows: MIN_ACTION_ROWS,
    values: superviseeId ? { supervisees: superviseeId } : undefined,
  };
}

/** The same form with one more action row, keeping what was typed. */
export async function addActionRow(deps: SupervisionDeps, actor: Actor, input: Record<string, unknown>): Promise<SupervisionFormData> {
  const supervisees = await choosable(deps, actor, selectedIds(input));
  return { supervisees, owners: [...supervisees, asPerson(actor.me)], today: deps.today(), rows: Math.min(MAX_ACTION_ROWS, rowsFrom(input) + 1), values: input };
}

export type SaveSupervisionResult =
  | { ok: false; form: SupervisionFormData }
  | { ok: true; sessions: SupervisionSession[]; superviseeNames: string[]; flags: QualityFlag[]; nextDue?: LocalDate; unreachable: string[] };

/**
 * Validates and saves a supervision form. Errors come back with the form; quality prompts come back once, and
 * are saved with the record when the recorder chooses "save anyway". Nothing is written unless all is valid.
 * After saving, each supervisee is sent the record to agree or comment on.
 */
export async function saveSupervision(
  deps: SupervisionDeps,
  actor: Actor,
  input: Record<string, unknown>,
  notify: (session: SupervisionSession, supervisee: PersonStatus) => Promise<'sent' | 'unreachable' | 'stale'>,
): Promise<SaveSupervisionResult> {
  const requested = selectedIds(input);
  const supervisees = await choosable(deps, actor, requested);
  const outside = requested.filter((id) => !supervisees.some((p) => p.id === id));
  if (outside.length > 0 && requested.length > 0) {
    const known = await Promise.all(outside.map((id) => deps.store.status.get(actor.tenantId, id)));
    if (known.some(Boolean)) throw new NotAllowed('You can only log supervision for people in your line. Nothing was saved.');
  }
  const owners = [...supervisees, asPerson(actor.me)];
  const { policy } = await deps.reference.get(actor.tenantId);
  const today = deps.today();
  const form = (errors?: FieldErrors, prompts?: QualityFlag[]): SupervisionFormData => ({ supervisees, owners, today, rows: rowsFrom(input), values: input, errors, prompts });
  const result = readSupervisionForm(input, { today, superviseeIds: supervisees.map((p) => p.id), ownerIds: owners.map((p) => p.id), policy });
  if (!result.ok) return { ok: false, form: form(result.errors) };
  if (result.flags.length > 0 && input.saveAnyway !== true && input.saveAnyway !== 'true') return { ok: false, form: form(undefined, result.flags) };

  const sessions = sessionsFromDraft(result.draft, result.flags, {
    tenantId: actor.tenantId,
    supervisorId: actor.me.staffId,
    recordedAt: deps.now().toISOString(),
    newId: randomUUID,
  });
  await deps.store.supervision.create(sessions);

  const unreachable: string[] = [];
  const names: string[] = [];
  let nextDue: LocalDate | undefined;
  // The record is saved: what follows is courtesy, and a failure here must not tell the person it was not.
  for (const session of sessions) {
    const person = supervisees.find((p) => p.id === session.superviseeId);
    if (!person) continue;
    names.push(person.name);
    try {
      const supervisee = await deps.store.status.get(actor.tenantId, session.superviseeId);
      if (sessions.length === 1) nextDue = supervisee?.nextDue;
      if (session.status === 'held' && (!supervisee || (await notify(session, supervisee)) !== 'sent')) unreachable.push(person.name);
    } catch (error) {
      deps.log.warn('supervision saved but the supervisee could not be told', { error });
      if (session.status === 'held') unreachable.push(person.name);
    }
  }
  return { ok: true, sessions, superviseeNames: names, flags: result.flags, nextDue, unreachable };
}

export interface SessionDetail {
  session: Stored<SupervisionSession>;
  supervisorName: string;
  superviseeName: string;
  names: Record<string, string>;
}

/** A session with the names a card needs. */
export async function sessionDetail(store: Store, tenantId: string, session: Stored<SupervisionSession>): Promise<SessionDetail> {
  const ids = [...new Set([session.supervisorId, session.superviseeId, ...session.actions.map((a) => a.ownerId).filter((id): id is string => !!id)])];
  const people = await Promise.all(ids.map((id) => store.status.get(tenantId, id)));
  const names: Record<string, string> = {};
  people.forEach((p, i) => (names[ids[i]!] = p?.name ?? 'someone no longer listed'));
  return { session, supervisorName: names[session.supervisorId]!, superviseeName: names[session.superviseeId]!, names };
}

/** The supervisee's own record, for them to review; nobody else may answer for them. */
export async function ownSession(store: Store, actor: Actor, sessionId: unknown): Promise<Stored<SupervisionSession>> {
  const session = typeof sessionId === 'string' && sessionId.length <= 100 ? await store.supervision.get(actor.tenantId, sessionId) : undefined;
  if (!session) throw new NotAllowed('That supervision record could not be found.');
  if (session.superviseeId !== actor.me.staffId) throw new NotAllowed('Only the person supervised can agree to or comment on this record.');
  return session;
}

export type RespondResult = { ok: true; detail: SessionDetail } | { ok: false; detail: SessionDetail; errors: FieldErrors };

/** The supervisee agrees, or comments without agreeing (a comment is then required). */
export async function respondToSupervision(store: Store, actor: Actor, input: Record<string, unknown>, now: Date): Promise<RespondResult> {
  const session = await ownSession(store, actor, input.sessionId);
  const f = new FormReader(input, new Set(['sessionId', 'agreed', 'comment']));
  f.rejectUnknown();
  const agreed = f.flag('agreed');
  const comment = f.text('comment', 'your comment', { required: !agreed, max: MAX_TEXT / 2 });
  if (!f.ok) return { ok: false, detail: await sessionDetail(store, actor.tenantId, session), errors: f.errors };
  if (session.response) return { ok: true, detail: await sessionDetail(store, actor.tenantId, session) };
  try {
    const saved = await store.supervision.update({ ...session, response: { agreed, comment, at: now.toISOString() } }, session._etag);
    return { ok: true, detail: await sessionDetail(store, actor.tenantId, saved) };
  } catch (err) {
    // Answered twice at once (two devices): the first answer stands.
    if (err instanceof ConflictError) return { ok: true, detail: await sessionDetail(store, actor.tenantId, (await store.supervision.get(actor.tenantId, session.id))!) };
    throw err;
  }
}

/** Records waiting for the actor's response, newest first, with supervisor names. */
export async function pendingAcknowledgements(store: Store, actor: Actor): Promise<{ id: string; date: LocalDate; supervisorName: string }[]> {
  const sessions = await store.supervision.awaitingResponse(actor.tenantId, actor.me.staffId);
  const supervisors = new Map<string, string>();
  for (const id of new Set(sessions.map((s) => s.supervisorId))) supervisors.set(id, (await store.status.get(actor.tenantId, id))?.name ?? 'your supervisor');
  return sessions.map((s) => ({ id: s.id, date: s.date, supervisorName: supervisors.get(s.supervisorId)! }));
}
