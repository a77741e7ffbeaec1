import { plusMonths, type LocalDate } from './dates';
import { FormReader, MAX_SHORT_TEXT, type FieldErrors } from './form-input';
import { TRAINING_STATUSES, type Course, type TrainingStatus } from './model';

export const TRAINING_FIELDS = { course: 'course', date: 'date', status: 'status', hours: 'hours', note: 'note', attendees: 'attendees' } as const;

export interface TrainingDraft {
  courseCode: string;
  date: LocalDate;
  status: TrainingStatus;
  hours: number;
  note?: string;
  /** Staff ids the record is for: the recorder, or a register's attendees. */
  staffIds: string[];
}

export type TrainingFormResult = { ok: true; draft: TrainingDraft } | { ok: false; errors: FieldErrors };

export interface TrainingFormContext {
  today: LocalDate;
  catalogue: ReadonlyMap<string, Course>;
  /** Who the record may be for; with `register`, a list of attendees is expected instead of the recorder alone. */
  attendeeIds: readonly string[];
  register: boolean;
  recorderId: string;
}

/** Reads a training form (one's own training, or a business support register of many attendees). */
export function readTrainingForm(input: Record<string, unknown>, ctx: TrainingFormContext): TrainingFormResult {
  const F = TRAINING_FIELDS;
  const allowed = new Set<string>([F.course, F.date, F.status, F.hours, F.note, ...(ctx.register ? [F.attendees] : [])]);
  const f = new FormReader(input, allowed);
  f.rejectUnknown();
  const courseCode = f.choice(F.course, 'a course', [...ctx.catalogue.keys()], { required: true });
  const status = f.choice(F.status, 'the status', TRAINING_STATUSES, { required: true });
  // Booked places are in the future; anything else has happened.
  const date = f.date(F.date, 'the date', {
    required: true,
    notAfter: status === 'booked' ? plusMonths(ctx.today, 24) : ctx.today,
    notBefore: status === 'booked' ? ctx.today : plusMonths(ctx.today, -120),
    afterMessage: status === 'booked' ? 'A booking can be at most two years ahead.' : 'Training that is attended, completed or missed cannot be in the future: choose "booked".',
    beforeMessage: status === 'booked' ? 'A booking cannot be in the past: choose attended, completed or did not attend.' : 'The date is more than ten years ago.',
  });
  const course = courseCode ? ctx.catalogue.get(courseCode) : undefined;
  const hours = f.number(F.hours, 'the hours', { min: 0, max: 200 }) ?? (status === 'did_not_attend' ? 0 : course?.hours ?? 0);
  const note = f.text(F.note, 'the note', { max: MAX_SHORT_TEXT * 5 });
  const staffIds = ctx.register ? f.choices(F.attendees, 'attendee', ctx.attendeeIds, { required: true, max: 200 }) : [ctx.recorderId];
  if (!f.ok || !courseCode || !status || !date) return { ok: false, errors: f.errors };
  return { ok: true, draft: { courseCode, date, status, hours, note, staffIds } };
}
