import { randomUUID } from 'node:crypto';
import { cpdStanding } from '../domain/cpd';
import { readCpdForm } from '../domain/cpd-form';
import type { LocalDate } from '../domain/dates';
import type { FieldErrors } from '../domain/form-input';
import type { Course, PersonRef, TrainingRecord } from '../domain/model';
import { readTrainingForm } from '../domain/training-form';
import type { Store } from '../store/store';
import type { Actor } from './actor';
import type { ReferenceData } from './reference-data';

export interface RecordDeps {
  store: Store;
  reference: ReferenceData;
  today: () => LocalDate;
  now: () => Date;
}

/** Business support record registers for others; everyone else records their own training. */
export const recordsRegisters = (actor: Actor): boolean => actor.me.role === 'business_support';

export interface TrainingFormData {
  courses: Course[];
  today: LocalDate;
  attendees?: PersonRef[];
  values?: Record<string, unknown>;
  errors?: FieldErrors;
}

async function attendeesFor(deps: RecordDeps, actor: Actor): Promise<PersonRef[] | undefined> {
  if (!recordsRegisters(actor)) return undefined;
  const everyone = await deps.store.status.all(actor.tenantId);
  return everyone.filter((s) => s.active && s.role !== 'business_support').map((s) => ({ id: s.staffId, name: s.name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

export async function openTrainingForm(deps: RecordDeps, actor: Actor): Promise<TrainingFormData> {
  const { catalogue } = await deps.reference.get(actor.tenantId);
  return { courses: [...catalogue.values()], today: deps.today(), attendees: await attendeesFor(deps, actor) };
}

export type SaveTrainingResult = { ok: false; form: TrainingFormData } | { ok: true; course: Course; records: TrainingRecord[]; people: string[] };

export async function saveTraining(deps: RecordDeps, actor: Actor, input: Record<string, unknown>): Promise<SaveTrainingResult> {
  const { catalogue } = await deps.reference.get(actor.tenantId);
  const attendees = await attendeesFor(deps, actor);
  const register = attendees !== undefined;
  const { register: _flag, ...fields } = input;
  void _flag;
  const result = readTrainingForm(fields, { today: deps.today(), catalogue, attendeeIds: attendees?.map((a) => a.id) ?? [], register, recorderId: actor.me.staffId });
  if (!result.ok) return { ok: false, form: { courses: [...catalogue.values()], today: deps.today(), attendees, values: input, errors: result.errors } };
  const d = result.draft;
  const recordedAt = deps.now().toISOString();
  const records: TrainingRecord[] = d.staffIds.map((staffId) => ({
    id: randomUUID(),
    tenantId: actor.tenantId,
    staffId,
    courseCode: d.courseCode,
    date: d.date,
    status: d.status,
    hours: d.hours,
    note: d.note,
    recordedBy: actor.me.staffId,
    recordedAt,
  }));
  await deps.store.training.save(records);
  const names = new Map(attendees?.map((a) => [a.id, a.name]) ?? [[actor.me.staffId, actor.me.name]]);
  return { ok: true, course: catalogue.get(d.courseCode)!, records, people: d.staffIds.map((id) => names.get(id) ?? id) };
}

export type SaveCpdResult =
  | { ok: false; values: Record<string, unknown>; errors: FieldErrors }
  | { ok: true; date: LocalDate; entries: number; peerReflected: number; yearLabel: string; met: boolean };

export async function saveCpd(deps: RecordDeps, actor: Actor, input: Record<string, unknown>): Promise<SaveCpdResult> {
  const today = deps.today();
  const result = readCpdForm(input, today);
  if (!result.ok) return { ok: false, values: input, errors: result.errors };
  await deps.store.cpd.save({ id: randomUUID(), tenantId: actor.tenantId, staffId: actor.me.staffId, ...result.draft, recordedAt: deps.now().toISOString() });
  const { policy } = await deps.reference.get(actor.tenantId);
  const standing = cpdStanding(actor.me, await deps.store.cpd.forStaff(actor.tenantId, actor.me.staffId), today, policy);
  return { ok: true, date: result.draft.date, entries: standing.entries, peerReflected: standing.peerReflected, yearLabel: standing.year.label, met: standing.met };
}
