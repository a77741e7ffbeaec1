import { formatDate, type LocalDate } from '../domain/dates';
import type { FieldErrors } from '../domain/form-input';
import { CPD_FIELDS } from '../domain/cpd-form';
import { CPD_TYPES, type Course, type CourseCategory } from '../domain/model';
import { TRAINING_FIELDS } from '../domain/training-form';
import {
  adaptiveCard,
  choiceInput,
  dateInput,
  errorSummary,
  execute,
  good,
  heading,
  numberInput,
  stringValue,
  subtle,
  text,
  textInput,
  toggleInput,
  type Card,
  type Json,
} from './card';
import { CPD_TYPE_LABELS, TRAINING_STATUS_LABELS, choicesOf } from './labels';
import type { PersonRef as Person } from '../domain/model';

export const RECORD_VERBS = { saveTraining: 'training.save', saveCpd: 'cpd.save' } as const;

const CATEGORY_LABELS: Record<CourseCategory, string> = { signs_of_safety: 'Signs of Safety', core_skills: 'Core skills', kss: 'KSS', other: 'Other' };

export interface TrainingFormView {
  courses: Course[];
  today: LocalDate;
  /** Business support recording a register: choose the attendees. */
  attendees?: Person[];
  values?: Json;
  errors?: FieldErrors;
}

export function trainingFormCard(view: TrainingFormView): Card {
  const F = TRAINING_FIELDS;
  const value = (field: string): string | undefined => stringValue(view.values, field);
  const courseChoices = view.courses.map((c) => ({ title: `${CATEGORY_LABELS[c.category]}: ${c.title}`, value: c.code }));
  return adaptiveCard(
    [
      heading(view.attendees ? 'Record a training register' : 'Log training'),
      ...errorSummary(view.errors),
      ...choiceInput(F.course, 'Course', courseChoices, value(F.course), view.errors, { style: 'filtered', isRequired: true, errorMessage: 'Choose a course.' }),
      ...(view.attendees
        ? choiceInput(F.attendees, 'Attendees', view.attendees.map((p) => ({ title: p.name, value: p.id })), value(F.attendees), view.errors, { isMultiSelect: true, style: 'filtered', isRequired: true, errorMessage: 'Choose the attendees.' })
        : []),
      ...dateInput(F.date, 'Date', value(F.date) ?? view.today, view.errors, { isRequired: true, errorMessage: 'Enter the date.' }),
      ...choiceInput(F.status, 'Status', choicesOf(TRAINING_STATUS_LABELS), value(F.status) ?? 'completed', view.errors, { style: 'compact', isRequired: true, errorMessage: 'Choose the status.' }),
      ...numberInput(F.hours, 'Hours (leave empty for the course length)', value(F.hours), view.errors, { min: 0, max: 200 }),
      ...textInput(F.note, 'Evidence or note (optional)', value(F.note), view.errors, { isMultiline: true, maxLength: 1000 }),
    ],
    [execute('Save', RECORD_VERBS.saveTraining, view.attendees ? { register: true } : {}, 'positive')],
  );
}

export function trainingReceiptCard(course: string, date: LocalDate, status: string, people: string[]): Card {
  return adaptiveCard([
    heading('Training saved'),
    good(`${course} on ${formatDate(date)} (${status.toLowerCase()}) is recorded${people.length > 1 ? ` for ${people.length} people` : ''}.`),
    ...(people.length > 1 ? [subtle(people.join(', '))] : []),
  ]);
}

export interface CpdFormView {
  today: LocalDate;
  values?: Json;
  errors?: FieldErrors;
}

export function cpdFormCard(view: CpdFormView): Card {
  const F = CPD_FIELDS;
  const value = (field: string): string | undefined => stringValue(view.values, field);
  return adaptiveCard(
    [
      heading('Log CPD'),
      subtle('Social Work England asks for at least two pieces of CPD each registration year (1 December to 30 November), one of them reflected on with a peer. Reflective supervision counts.'),
      ...errorSummary(view.errors),
      ...dateInput(F.date, 'Date', value(F.date) ?? view.today, view.errors, { isRequired: true, errorMessage: 'Enter the date.' }),
      ...choiceInput(F.type, 'Type of CPD', CPD_TYPES.map((t) => ({ title: CPD_TYPE_LABELS[t], value: t })), value(F.type), view.errors, { style: 'compact', isRequired: true, errorMessage: 'Choose the type of CPD.' }),
      ...textInput(F.learning, 'What did you learn?', value(F.learning), view.errors, { isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Say what you learnt.' }),
      ...textInput(F.impact, 'What difference has it made to your practice?', value(F.impact), view.errors, { isMultiline: true, isRequired: true, maxLength: 4000, errorMessage: 'Say what difference it made.' }),
      ...toggleInput(F.peerReflected, 'I reflected on this with a peer', value(F.peerReflected) === 'true', view.errors),
      ...textInput(F.peerName, 'Who you reflected with (a name or a role)', value(F.peerName), view.errors, { maxLength: 200 }),
    ],
    [execute('Save', RECORD_VERBS.saveCpd, {}, 'positive')],
  );
}

export function cpdReceiptCard(date: LocalDate, entries: number, peerReflected: number, yearLabel: string, met: boolean): Card {
  return adaptiveCard([
    heading('CPD saved'),
    good(`Your CPD from ${formatDate(date)} is recorded.`),
    text(`This registration year (${yearLabel}): ${entries} ${entries === 1 ? 'piece' : 'pieces'} of CPD, ${peerReflected} reflected on with a peer.`),
    ...(met ? [good('You meet the Social Work England minimum for this year.')] : [text('You are not yet at the Social Work England minimum (two pieces, one reflected on with a peer).')]),
  ]);
}
