import { dateIn, formatDate, type LocalDate } from '../domain/dates';
import type { FieldErrors } from '../domain/form-input';
import { SUPERVISION_FUNCTIONS, type PersonRef as Person, type QualityFlag, type SupervisionSession } from '../domain/model';
import { MAX_ACTION_ROWS, QUALITY_PROMPTS, SUPERVISION_FIELDS as F, actionField } from '../domain/supervision-form';
import {
  adaptiveCard,
  attention,
  choiceInput,
  columns,
  container,
  dateInput,
  errorSummary,
  execute,
  facts,
  good,
  heading,
  numberInput,
  stringValue,
  subheading,
  subtle,
  text,
  textInput,
  toggleInput,
  type Card,
  type Json,
} from './card';
import { FUNCTION_LABELS, SUPERVISION_TYPE_LABELS, choicesOf } from './labels';

export const VERBS = {
  openSupervision: 'supervision.open',
  saveSupervision: 'supervision.save',
  addActionRow: 'supervision.addRow',
  reviewSupervision: 'supervision.review',
  respond: 'supervision.respond',
} as const;


export interface SupervisionFormView {
  supervisees: Person[];
  /** Who can own an action: the supervisees and the recorder. */
  owners: Person[];
  today: LocalDate;
  values?: Json;
  errors?: FieldErrors;
  /** Quality prompts to show, with a "save anyway" button. */
  prompts?: QualityFlag[];
  rows: number;
}

/** The supervision recording form: the 4x4x4 prompts, case ids, wellbeing flag and time-bound actions. */
export function supervisionFormCard(view: SupervisionFormView): Card {
  const v = view.values;
  const value = (field: string): string | undefined => stringValue(v, field);
  const people = (list: Person[]): { title: string; value: string }[] => list.map((p) => ({ title: p.name, value: p.id }));
  const body: Json[] = [
    heading('Log supervision'),
    subtle('Case ids only (e.g. LCS-1234567): the discussion and decisions about a child belong on the child\'s record.'),
    ...errorSummary(view.errors),
    ...(view.prompts && view.prompts.length > 0 ? [qualityPromptBox(view.prompts)] : []),
    ...choiceInput(F.supervisees, 'Who was supervised (several for a group session)', people(view.supervisees), value(F.supervisees), view.errors, {
      isMultiSelect: true,
      style: 'filtered',
      isRequired: true,
      errorMessage: 'Choose who was supervised.',
    }),
    ...choiceInput(F.type, 'Type', choicesOf(SUPERVISION_TYPE_LABELS), value(F.type) ?? 'individual', view.errors, { style: 'compact', isRequired: true, errorMessage: 'Choose the type of session.' }),
    ...dateInput(F.date, 'Date', value(F.date) ?? view.today, view.errors, { isRequired: true, max: view.today, errorMessage: 'Enter the date of the session.' }),
    ...choiceInput(F.status, 'Held or cancelled', [{ title: 'Held', value: 'held' }, { title: 'Cancelled', value: 'cancelled' }], value(F.status) ?? 'held', view.errors, { style: 'expanded' }),
    ...numberInput(F.duration, 'Length in minutes (formal supervision: at least 90)', value(F.duration) ?? '90', view.errors, { min: 5, max: 480 }),
    ...textInput(F.cancellationReason, 'If cancelled: why (a cancelled session does not reset the due date)', value(F.cancellationReason), view.errors, { maxLength: 200 }),
    subheading('Functions covered'),
    ...choiceInput(F.functions, 'Functions of supervision covered', SUPERVISION_FUNCTIONS.map((fn) => ({ title: FUNCTION_LABELS[fn], value: fn })), value(F.functions), view.errors, {
      isMultiSelect: true,
      style: 'expanded',
    }),
    subheading('The reflective cycle'),
    ...textInput(F.experience, 'Experience: what happened, what the worker brought', value(F.experience), view.errors, { isMultiline: true, maxLength: 4000 }),
    ...textInput(F.reflection, 'Reflection: what the worker thought and felt, and why', value(F.reflection), view.errors, { isMultiline: true, maxLength: 4000 }),
    ...textInput(F.analysis, 'Analysis: what it means for the child; hypotheses and options', value(F.analysis), view.errors, { isMultiline: true, maxLength: 4000 }),
    ...textInput(F.plan, 'Action planning: what happens next', value(F.plan), view.errors, { isMultiline: true, maxLength: 4000 }),
    ...textInput(F.caseIds, 'Case ids discussed, separated by commas (ids only)', value(F.caseIds), view.errors, { placeholder: 'LCS-1234567, LCS-7654321', maxLength: 500 }),
    ...toggleInput(F.wellbeing, 'Wellbeing was discussed (only the fact is recorded, no details)', value(F.wellbeing) === 'true', view.errors),
    subheading('Actions: specific, with an owner and a due date'),
  ];
  for (let row = 1; row <= view.rows; row++) body.push(actionRowInputs(row, view, people(view.owners)));
  const data = { rows: view.rows };
  const actions: Json[] = [execute('Save', VERBS.saveSupervision, data, 'positive')];
  if (view.prompts && view.prompts.length > 0) actions.push(execute('Save anyway', VERBS.saveSupervision, { ...data, saveAnyway: true }));
  if (view.rows < MAX_ACTION_ROWS) actions.push(execute('Add an action row', VERBS.addActionRow, data));
  return adaptiveCard(body, actions);
}

function actionRowInputs(row: number, view: SupervisionFormView, owners: { title: string; value: string }[]): Json {
  const id = (part: 'text' | 'owner' | 'due'): string => actionField(row, part);
  const value = (field: string): string | undefined => stringValue(view.values, field);
  return container(
    [
      ...textInput(id('text'), `Action ${row}`, value(id('text')), view.errors, { maxLength: 500 }),
      columns([
        { items: choiceInput(id('owner'), `Action ${row} owner`, owners, value(id('owner')), view.errors, { style: 'compact', placeholder: 'Who' }) },
        { items: dateInput(id('due'), `Action ${row} due`, value(id('due')), view.errors) },
      ]),
    ],
    { separator: row > 1, spacing: 'Medium' },
  );
}

function qualityPromptBox(flags: QualityFlag[]): Json {
  return container(
    [
      text('Before you save, consider:', { weight: 'Bolder' }),
      ...flags.map((f) => text(`• ${QUALITY_PROMPTS[f]}`)),
      subtle('Fix the record and press Save, or press "Save anyway": the record will keep these notes.'),
    ],
    { style: 'warning' },
  );
}

export interface SavedSupervisionView {
  supervisees: string[];
  date: LocalDate;
  status: 'held' | 'cancelled';
  flags: QualityFlag[];
  nextDue?: LocalDate;
  /** People who could not be asked to agree (never opened Reflect). */
  unreachable: string[];
}

export function supervisionReceiptCard(view: SavedSupervisionView): Card {
  const who = view.supervisees.join(', ');
  const asked = view.supervisees.filter((name) => !view.unreachable.includes(name));
  return adaptiveCard([
    heading(view.status === 'held' ? 'Supervision saved' : 'Cancelled session saved'),
    good(`${view.status === 'held' ? 'Supervision' : 'A cancelled session'} with ${who} on ${formatDate(view.date)} is recorded.`),
    ...(view.status === 'held'
      ? asked.length > 0
        ? [text(`${asked.length > 1 ? `${asked.join(', ')} have` : `${asked[0]} has`} been asked to read the record and agree or comment.`)]
        : []
      : [text('A cancelled session does not reset the due date: please rebook.')]),
    ...(view.nextDue ? [text(`Next supervision due: ${formatDate(view.nextDue)}.`)] : []),
    ...(view.flags.length > 0 ? [subtle(`Saved with notes: ${view.flags.map((f) => QUALITY_PROMPTS[f]).join(' ')}`)] : []),
    ...(view.unreachable.length > 0 ? [attention(`${view.unreachable.join(', ')} ${view.unreachable.length === 1 ? 'has' : 'have'} not opened Reflect yet, so could not be asked to agree. Ask them to open Reflect in Teams.`)] : []),
  ]);
}

export interface SessionView {
  session: SupervisionSession;
  supervisorName: string;
  superviseeName: string;
  /** Names of action owners by staff id. */
  names: Record<string, string>;
}

function sessionBody(view: SessionView): Json[] {
  const s = view.session;
  const sections: [string, string | undefined][] = [
    ['Experience', s.experience],
    ['Reflection', s.reflection],
    ['Analysis', s.analysis],
    ['Action planning', s.plan],
  ];
  return [
    facts([
      ['Date', formatDate(s.date)],
      ['Supervisor', view.supervisorName],
      ['Supervisee', view.superviseeName],
      ['Type', SUPERVISION_TYPE_LABELS[s.type]],
      ...(s.status === 'held' ? ([['Length', `${s.durationMinutes} minutes`]] as [string, string][]) : ([['Cancelled', s.cancellationReason ?? '']] as [string, string][])),
      ['Functions', s.functions.map((f) => FUNCTION_LABELS[f].split(' (')[0]).join(', ') || 'none recorded'],
      ['Cases', s.caseIds.join(', ') || 'none'],
      ['Wellbeing', s.wellbeingDiscussed ? 'discussed' : 'not discussed'],
    ]),
    ...sections.filter(([, body]) => body).flatMap(([title, body]) => [text(title, { weight: 'Bolder', spacing: 'Medium' }), text(body!)]),
    ...(s.actions.length > 0
      ? [
          text('Actions', { weight: 'Bolder', spacing: 'Medium' }),
          ...s.actions.map((a) => text(`• ${a.text} (${a.ownerId ? (view.names[a.ownerId] ?? 'owner not found') : 'no owner'}; ${a.due ? `by ${formatDate(a.due)}` : 'no due date'})`)),
        ]
      : []),
  ];
}

/** Sent to the supervisee after a session is saved: the record, and a way to agree or comment. */
export function acknowledgementRequestCard(view: SessionView, errors?: FieldErrors): Card {
  const data = { sessionId: view.session.id };
  return adaptiveCard(
    [
      heading('Your supervision record'),
      text(`${view.supervisorName} recorded your supervision on ${formatDate(view.session.date)}. Please read it and agree, or add a comment: your voice is part of the record.`),
      ...errorSummary(errors),
      ...sessionBody(view),
      ...textInput('comment', 'Your comment (optional when you agree)', undefined, errors, { isMultiline: true, maxLength: 2000 }),
    ],
    [execute('Agree', VERBS.respond, { ...data, agreed: true }, 'positive'), execute('Add comment without agreeing', VERBS.respond, { ...data, agreed: false })],
  );
}

/** The record with the supervisee's response, replacing the request once answered. */
export function acknowledgedCard(view: SessionView): Card {
  const r = view.session.response;
  return adaptiveCard([
    heading('Your supervision record'),
    ...(r ? [good(`You ${r.agreed ? 'agreed' : 'commented on'} this record on ${formatDate(dateIn(new Date(r.at)))}.`)] : []),
    ...(r?.comment ? [text(`Your comment: ${r.comment}`)] : []),
    ...sessionBody(view),
  ]);
}

export interface PendingView {
  sessions: { id: string; date: LocalDate; supervisorName: string }[];
}

export function pendingCard(view: PendingView): Card {
  if (view.sessions.length === 0) return adaptiveCard([heading('Pending acknowledgements'), good('Nothing waiting: you have responded to all your supervision records.')]);
  return adaptiveCard([
    heading('Pending acknowledgements'),
    text(`${view.sessions.length} supervision ${view.sessions.length === 1 ? 'record is' : 'records are'} waiting for you to agree or comment.`),
    ...view.sessions.map((s) =>
      columns([
        { items: [text(`${formatDate(s.date)} with ${s.supervisorName}`)] },
        { width: 'auto', items: [{ type: 'ActionSet', actions: [execute('Open', VERBS.reviewSupervision, { sessionId: s.id })] }] },
      ]),
    ),
  ]);
}


/** One record as the tab shows it (read-only): the record, and the supervisee's response if there is one. */
export function supervisionRecordCard(view: SessionView): Card {
  const r = view.session.response;
  return adaptiveCard([
    heading('Supervision record'),
    r ? good(`${view.superviseeName} ${r.agreed ? 'agreed' : 'commented on'} this record on ${formatDate(dateIn(new Date(r.at)))}.`) : text(`${view.superviseeName} has not responded yet.`, { isSubtle: true }),
    ...(r?.comment ? [text(`Supervisee's comment: ${r.comment}`)] : []),
    ...sessionBody(view),
  ]);
}
