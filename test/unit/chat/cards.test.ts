import { cardProblems, cardText } from '../../support/cards';
import { adaptiveCard, errorSummary, fieldError, stringValue, type Card } from '../../../bot/src/cards/card';
import { helpCard, notAllowedCard, notOnRosterCard, tryAgainCard, unknownCommandCard, welcomeCard, COMMAND_MENU } from '../../../bot/src/cards/messages';
import { cpdFormCard, cpdReceiptCard, trainingFormCard, trainingReceiptCard, RECORD_VERBS } from '../../../bot/src/cards/records';
import { actionsCard, caseloadCard, developmentCard, dueLine, teamCard } from '../../../bot/src/cards/summaries';
import {
  acknowledgedCard,
  acknowledgementRequestCard,
  pendingCard,
  supervisionFormCard,
  supervisionReceiptCard,
  VERBS,
  type SessionView,
  type SupervisionFormView,
} from '../../../bot/src/cards/supervision';
import { readCpdForm } from '../../../bot/src/domain/cpd-form';
import { DEFAULT_POLICY } from '../../../bot/src/domain/policy';
import { caseloadSummary, developmentSummary, teamRows } from '../../../bot/src/domain/summaries';
import { MAX_ACTION_ROWS, readSupervisionForm } from '../../../bot/src/domain/supervision-form';
import { readTrainingForm } from '../../../bot/src/domain/training-form';
import { CATALOGUE, MANAGER, PRIYA, SAM, counts, nodes, session, status, textBlocks, actionSets } from './fixtures';

const policy = DEFAULT_POLICY;
const TODAY = '2026-02-03';
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
const courses = [...CATALOGUE.values()];

// ---------- representative data ----------

const formView = (extra: Partial<SupervisionFormView> = {}): SupervisionFormView => ({ supervisees: [SAM, PRIYA], owners: [SAM, PRIYA, MANAGER], today: TODAY, rows: 3, ...extra });

const formWithErrors = supervisionFormCard(
  formView({
    values: { supervisees: SAM.id, type: 'individual', date: '2026-02-09', duration: '3', reflection: 'She felt stuck', caseIds: 'Jayden Smith', action2Owner: PRIYA.id, rows: 3 },
    errors: {
      date: 'The session date cannot be in the future: record sessions once they have happened.',
      duration: 'The length in minutes must be a whole number from 5 to 480.',
      caseIds: '"Jayden Smith" looks like a name or a description. Enter case ids only (e.g. LCS-1234567): the discussion belongs on the child\'s record.',
      action2Text: 'Describe the action, or clear its owner and date.',
      action2Due: 'An action cannot be due before the session.',
    },
  }),
);
const formWithPrompts = supervisionFormCard(formView({ prompts: ['no_reflection', 'no_analysis', 'action_without_owner', 'action_without_due_date', 'short_session'], values: { supervisees: SAM.id } }));
const formFullRows = supervisionFormCard(formView({ rows: MAX_ACTION_ROWS }));

const heldSession = session({
  id: 'session-held',
  date: '2026-02-02',
  superviseeId: SAM.id,
  caseIds: ['LCS-1234567', 'LCS-7654321'],
  wellbeingDiscussed: true,
  experience: 'A hard visit',
  reflection: 'Sam felt unheard',
  analysis: 'Risk rising',
  plan: 'Joint visit',
  functions: ['management', 'support'],
  actions: [
    { text: 'Book joint visit', ownerId: SAM.id, due: '2026-02-10', status: 'open' },
    { text: 'Read the research', status: 'open' },
    { text: 'Ask legal', ownerId: 'staff-left', due: '2026-03-01', status: 'open' },
  ],
});
const names = { [SAM.id]: SAM.name, [MANAGER.id]: MANAGER.name, 'staff-left': 'someone no longer listed' };
const heldView: SessionView = { session: heldSession, supervisorName: MANAGER.name, superviseeName: SAM.name, names };
const cancelledView: SessionView = {
  session: session({ id: 'session-cancelled', date: '2026-01-30', status: 'cancelled', cancellationReason: 'Supervisor off sick', durationMinutes: 0, functions: [] }),
  supervisorName: MANAGER.name,
  superviseeName: SAM.name,
  names,
};
const agreedView: SessionView = { ...heldView, session: { ...heldSession, response: { agreed: true, at: '2026-02-03T09:15:00.000Z' } } };
const commentedView: SessionView = { ...heldView, session: { ...heldSession, response: { agreed: false, comment: 'The visit was cut short by the police.', at: '2026-02-04T16:00:00.000Z' } } };

const developmentFull = developmentSummary(
  status({
    role: 'asye',
    programmeStart: '2026-01-05',
    nextDue: '2026-01-30',
    lastSupervision: '2026-01-23',
    cancelledSinceLast: 2,
    awaitingResponse: 1,
    actions: [
      { sessionId: 's1', sessionDate: '2026-01-13', text: 'Update the chronology for LCS-1234567', ownerId: SAM.id, due: '2026-01-20' },
      { sessionId: 's1', sessionDate: '2026-01-13', text: 'Book Signs of Safety advanced', ownerId: SAM.id, due: '2026-03-02' },
      { sessionId: 's2', sessionDate: '2026-01-23', text: 'Reflective log', ownerId: SAM.id },
    ],
    signsOfSafety: { required: 'intro_2day', met: false },
    coreSkills: [{ code: 'CS-ASSESS', state: 'done' }, { code: 'CS-DA', state: 'expired' }, { code: 'CS-COURT', state: 'booked' }, { code: 'CS-CHRON', state: 'missing' }],
    kss: { frameworkId: 'cfp-2014', covered: ['cfp-1', 'cfp-2'], total: 10 },
    cpd: { required: true, yearStart: '2025-12-01', entries: 1, peerReflected: 0, met: false },
  }),
  CATALOGUE,
  policy,
  TODAY,
);
const developmentQuiet = developmentSummary(
  status({ role: 'family_practitioner', nextDue: undefined, lastSupervision: undefined, signsOfSafety: { held: 'advanced', required: 'intro_2day', met: true }, kss: undefined, cpd: { required: false, yearStart: '2025-12-01', entries: 0, peerReflected: 0, met: true } }),
  CATALOGUE,
  policy,
  TODAY,
);
const developmentManyActions = developmentSummary(
  status({
    cpd: { required: true, yearStart: '2025-12-01', entries: 2, peerReflected: 1, met: true },
    actions: Array.from({ length: 11 }, (_, i) => ({ sessionId: 's', sessionDate: '2026-01-13', text: `Action number ${i + 1}`, due: `2026-02-${String(10 + i).padStart(2, '0')}` })),
  }),
  CATALOGUE,
  policy,
  TODAY,
);
const developmentRenewal = developmentSummary(status({ nextDue: '2026-10-02', cpd: { required: true, yearStart: '2025-12-01', entries: 1, peerReflected: 1, met: false } }), CATALOGUE, policy, '2026-10-01');

const snapshots = [
  { date: '2026-02-01', counts: counts({ cin: 9, cp: 6, cla: 4 }) },
  { date: '2026-01-01', counts: counts({ cin: 8, cp: 6 }) },
  { date: '2025-12-01', counts: counts({ cin: 7 }) },
];
const caseloadOver = caseloadSummary(snapshots, 18, policy);
const caseloadNear = caseloadSummary(snapshots.slice(1), 15, policy);
const caseloadNoThreshold = caseloadSummary(snapshots.slice(0, 1), undefined, policy);
const caseloadNone = caseloadSummary([], 18, policy);

const team = teamRows(
  [
    status({ id: 's-over', name: 'Olu Overdue', nextDue: '2026-01-20', lastSupervision: '2025-12-19', caseload: { date: '2026-02-01', counts: counts({ cp: 20 }), total: 20, weighted: 20, threshold: 18 } }),
    status({ id: 's-one', name: 'Oona OneDay', nextDue: '2026-02-02' }),
    status({ id: 's-soon', name: 'Sue Soon', nextDue: '2026-02-05', signsOfSafety: { required: 'intro_2day', met: false } }),
    status({ id: 's-fine', name: 'Ian InDate', role: 'asye', nextDue: '2026-02-20', caseload: { date: '2026-02-01', counts: counts({ cin: 4 }), total: 4, weighted: 4, threshold: 4 } }),
    status({ id: 's-none', name: 'Bo Business', role: 'business_support', nextDue: undefined, lastSupervision: undefined, signsOfSafety: { required: null, met: true } }),
  ],
  policy,
  TODAY,
);

const CARDS: [string, Card][] = [
  ['welcome (manager)', welcomeCard('Morgan', true)],
  ['welcome (practitioner)', welcomeCard('Sam', false)],
  ['help (manager)', helpCard(true)],
  ['help (practitioner)', helpCard(false)],
  ['unknown command', unknownCommandCard('make me a coffee', false)],
  ['not on roster', notOnRosterCard()],
  ['not allowed', notAllowedCard('Only managers can log supervision.')],
  ['try again', tryAgainCard()],
  ['supervision form (fresh)', supervisionFormCard(formView())],
  ['supervision form (errors)', formWithErrors],
  ['supervision form (quality prompts)', formWithPrompts],
  ['supervision form (all rows)', formFullRows],
  ['supervision receipt (held, one)', supervisionReceiptCard({ supervisees: [SAM.name], date: '2026-02-02', status: 'held', flags: [], nextDue: '2026-03-02', unreachable: [] })],
  ['supervision receipt (group, flags, unreachable)', supervisionReceiptCard({ supervisees: [SAM.name, PRIYA.name], date: '2026-02-02', status: 'held', flags: ['no_analysis', 'short_session'], unreachable: [PRIYA.name] })],
  ['supervision receipt (cancelled)', supervisionReceiptCard({ supervisees: [SAM.name], date: '2026-01-30', status: 'cancelled', flags: [], nextDue: '2026-02-13', unreachable: [] })],
  ['acknowledgement request', acknowledgementRequestCard(heldView)],
  ['acknowledgement request (errors)', acknowledgementRequestCard(heldView, { comment: 'Add a comment, or press Agree.', form: 'This record has changed; please reopen it.' })],
  ['acknowledgement request (cancelled)', acknowledgementRequestCard(cancelledView)],
  ['acknowledged (agreed)', acknowledgedCard(agreedView)],
  ['acknowledged (commented)', acknowledgedCard(commentedView)],
  ['acknowledged (no response yet)', acknowledgedCard(heldView)],
  ['pending (empty)', pendingCard({ sessions: [] })],
  ['pending (one)', pendingCard({ sessions: [{ id: 'p1', date: '2026-01-13', supervisorName: MANAGER.name }] })],
  ['pending (several)', pendingCard({ sessions: Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, date: `2026-01-0${i + 1}`, supervisorName: MANAGER.name })) })],
  ['training form', trainingFormCard({ courses, today: TODAY })],
  ['training register', trainingFormCard({ courses, today: TODAY, attendees: [SAM, PRIYA] })],
  ['training form (errors)', trainingFormCard({ courses, today: TODAY, attendees: [SAM, PRIYA], values: { course: 'SOS-INTRO', hours: '300', date: '2026-03-01' }, errors: { attendees: 'Choose at least one attendee.', date: 'Training that is attended, completed or missed cannot be in the future: choose "booked".', hours: 'The hours must be a number from 0 to 200.' } })],
  ['training receipt (one)', trainingReceiptCard('Signs of Safety: two-day introduction', '2026-01-20', 'Completed', [SAM.name])],
  ['training receipt (register)', trainingReceiptCard('Court skills', '2026-01-20', 'Attended', [SAM.name, PRIYA.name, MANAGER.name])],
  ['cpd form', cpdFormCard({ today: TODAY })],
  ['cpd form (errors)', cpdFormCard({ today: TODAY, values: { learning: 'Neglect research', peerReflected: 'true' }, errors: { impact: 'Enter the impact on your practice.', peerName: 'Say who you reflected with (a name or a role, e.g. "my team manager").', date: 'The date cannot be in the future.' } })],
  ['cpd receipt (met)', cpdReceiptCard('2026-01-28', 2, 1, '2025–26', true)],
  ['cpd receipt (not met)', cpdReceiptCard('2026-01-28', 1, 0, '2025–26', false)],
  ['development (early career, overdue)', developmentCard(developmentFull)],
  ['development (not supervised, no CPD)', developmentCard(developmentQuiet)],
  ['development (many actions, CPD met)', developmentCard(developmentManyActions)],
  ['development (renewal window)', developmentCard(developmentRenewal)],
  ['caseload (over threshold)', caseloadCard(SAM.name, caseloadOver)],
  ['caseload (near threshold)', caseloadCard(SAM.name, caseloadNear)],
  ['caseload (no threshold)', caseloadCard(SAM.name, caseloadNoThreshold)],
  ['caseload (none recorded)', caseloadCard(SAM.name, caseloadNone)],
  ['actions (some)', actionsCard(developmentFull)],
  ['actions (none)', actionsCard(developmentQuiet)],
  ['team', teamCard(team)],
  ['team (empty)', teamCard([])],
];
const FORMS = new Set(['supervision form (fresh)', 'supervision form (errors)', 'supervision form (quality prompts)', 'supervision form (all rows)', 'training form', 'training register', 'training form (errors)', 'cpd form', 'cpd form (errors)']);
const card = (name: string): Card => CARDS.find(([n]) => n === name)![1];

// ---------- every card ----------

describe.each(CARDS)('%s', (name, c) => {
  test('is a valid Adaptive Card 1.5', () => {
    expect(cardProblems(c)).toEqual([]);
  });

  test('has at most 5 actions in any one action set', () => {
    for (const set of actionSets(c)) expect(set.length).toBeLessThanOrEqual(5);
  });

  test('has no empty text blocks', () => {
    for (const n of nodes(c)) if (n.type === 'TextBlock') expect(String(n.text).trim()).not.toBe('');
  });

  if (!FORMS.has(name)) {
    test('writes dates for people ("3 Feb 2026"), never as ISO dates', () => {
      expect(cardText(c)).not.toMatch(ISO_DATE);
    });
  }
});

test('the checks above can fail: a broken card is reported and an oversize action set is counted', () => {
  expect(cardProblems({ ...adaptiveCard([{ type: 'TextBlock', text: 'x' }]), version: '1.6' })).not.toEqual([]);
  expect(cardProblems(adaptiveCard([{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }]))).not.toEqual([]);
  const big = adaptiveCard([{ type: 'ActionSet', actions: Array.from({ length: 6 }, () => ({ type: 'Action.Submit', title: 'x' })) }]);
  expect(actionSets(big).map((s) => s.length)).toEqual([6]);
});

// ---------- building blocks ----------

describe('card building blocks', () => {
  test('fieldError is an Attention message under the field, or nothing', () => {
    expect(fieldError({ date: 'Enter the date.' }, 'date')).toEqual([expect.objectContaining({ type: 'TextBlock', text: 'Enter the date.', color: 'Attention', id: 'date-error' })]);
    expect(fieldError({ date: 'Enter the date.' }, 'type')).toEqual([]);
    expect(fieldError(undefined, 'type')).toEqual([]);
  });

  test('errorSummary counts the fields', () => {
    expect(errorSummary({})).toEqual([]);
    expect(cardText(errorSummary({ a: 'x' }))).toContain('Please correct the field marked below.');
    expect(cardText(errorSummary({ a: 'x', b: 'y', c: 'z' }))).toContain('Please correct the 3 fields marked below.');
  });

  // BUG: errorSummary counts the "form" key (an unknown-field problem, shown in the banner itself) as a field
  // marked below, so one marked field plus a form problem reads "Please correct the 2 fields marked below."
  test('errorSummary does not count the form-level problem as a field marked below', () => {
    const text = cardText(errorSummary({ form: 'The form sent a field it does not have ("x"). Please open a fresh form.', date: 'Enter the date.' }));
    expect(text).toContain('The form sent a field it does not have');
    expect(text).toContain('Please correct the field marked below.');
  });

  test('stringValue keeps what was typed', () => {
    expect(stringValue({ a: 'x', n: 90, b: true, o: {} }, 'a')).toBe('x');
    expect(stringValue({ n: 90 }, 'n')).toBe('90');
    expect(stringValue({ b: true }, 'b')).toBe('true');
    expect(stringValue({ o: {} }, 'o')).toBeUndefined();
    expect(stringValue(undefined, 'a')).toBeUndefined();
  });
});

// ---------- messages ----------

describe('message cards', () => {
  test('welcome greets by first name and offers manager commands only to managers', () => {
    const m = cardText(card('welcome (manager)'));
    const p = cardText(card('welcome (practitioner)'));
    expect(m).toContain('Welcome to Reflect, Morgan');
    expect(m).toContain('Log supervision');
    expect(m).toContain('Team');
    expect(p).toContain('Welcome to Reflect, Sam');
    expect(p).not.toContain('Log supervision');
    expect(p).toContain('My development');
  });

  test('menu buttons send the command as a message', () => {
    const buttons = actionSets(card('welcome (manager)')).flat() as { data: { msteams: { type: string; text: string } } }[];
    expect(buttons.map((b) => b.data.msteams.text)).toEqual(COMMAND_MENU.filter((c) => c.command !== 'help').map((c) => c.command));
    for (const b of buttons) expect(b.data.msteams.type).toBe('messageBack');
  });

  test('help lists every command with how to type it', () => {
    const t = cardText(card('help (manager)'));
    for (const c of COMMAND_MENU) expect(t).toContain(`Type "${c.command}"`);
    expect(cardText(card('help (practitioner)'))).not.toContain('Type "team"');
  });

  test('unknown command echoes at most 80 characters', () => {
    expect(cardText(card('unknown command'))).toContain('"make me a coffee"');
    const long = 'a'.repeat(80) + 'TAIL';
    expect(cardText(unknownCommandCard(long, true))).not.toContain('TAIL');
  });

  test('refusals are in Attention colour', () => {
    expect(textBlocks(card('not allowed'), 'Only managers can log supervision.')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(card('not on roster'), 'not on the staff list')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(card('try again'), 'Nothing was saved')[0]).toMatchObject({ color: 'Attention' });
  });
});

// ---------- supervision ----------

describe('supervision form card', () => {
  test('fresh: today as the date, 90 minutes, held, individual, three action rows and Save / Add row', () => {
    const c = card('supervision form (fresh)');
    const inputs = nodes(c).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Input.'));
    const byId = Object.fromEntries(inputs.map((n) => [n.id, n]));
    expect(byId.date).toMatchObject({ value: TODAY, max: TODAY });
    expect(byId.duration).toMatchObject({ value: 90 });
    expect(byId.status).toMatchObject({ value: 'held' });
    expect(byId.type).toMatchObject({ value: 'individual' });
    expect(byId.supervisees).toMatchObject({ isMultiSelect: true, choices: [{ title: SAM.name, value: SAM.id }, { title: PRIYA.name, value: PRIYA.id }] });
    expect(byId.action1Owner).toMatchObject({ choices: [{ title: SAM.name, value: SAM.id }, { title: PRIYA.name, value: PRIYA.id }, { title: MANAGER.name, value: MANAGER.id }] });
    expect(Object.keys(byId).filter((id) => /^action\d+Text$/.test(String(id)))).toEqual(['action1Text', 'action2Text', 'action3Text']);
    expect(c.actions!.map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Save', VERBS.saveSupervision, { rows: 3 }],
      ['Add an action row', VERBS.addActionRow, { rows: 3 }],
    ]);
    expect(cardText(c)).toContain('Case ids only (e.g. LCS-1234567)');
  });

  test('errors: a banner with the count, each message next to its field, and what was typed kept', () => {
    const c = card('supervision form (errors)');
    const t = cardText(c);
    expect(t).toContain('Please correct the 5 fields marked below.');
    for (const id of ['date', 'duration', 'caseIds', 'action2Text', 'action2Due']) {
      const error = nodes(c).find((n) => n.id === `${id}-error`);
      expect(error).toMatchObject({ type: 'TextBlock', color: 'Attention' });
    }
    expect(t).toContain('The session date cannot be in the future');
    expect(nodes(c).find((n) => n.id === 'reflection')).toMatchObject({ value: 'She felt stuck' });
    expect(nodes(c).find((n) => n.id === 'date')).toMatchObject({ value: '2026-02-09' });
    expect(nodes(c).find((n) => n.id === 'duration')).toMatchObject({ value: 3 });
    expect(nodes(c).find((n) => n.id === 'action2Owner')).toMatchObject({ value: PRIYA.id });
    // The message sits directly after its input.
    const container = nodes(c).find((n) => Array.isArray(n.items) && (n.items as { id?: string }[]).some((i) => i.id === 'action2Text')) as { items: { id?: string }[] };
    const ids = container.items.map((i) => i.id);
    expect(ids.indexOf('action2Text-error')).toBe(ids.indexOf('action2Text') + 1);
  });

  test('quality prompts: every prompt shown, and a "Save anyway" button', () => {
    const c = card('supervision form (quality prompts)');
    const t = cardText(c);
    expect(t).toContain('Before you save, consider:');
    expect(t).toContain('There is no reflection');
    expect(t).toContain('There is no analysis');
    expect(t).toContain('An action has no owner');
    expect(t).toContain('An action has no due date');
    expect(t).toContain('shorter than the 90 minutes');
    expect(c.actions!.map((a) => a.title)).toEqual(['Save', 'Save anyway', 'Add an action row']);
    expect(c.actions![1]).toMatchObject({ verb: VERBS.saveSupervision, data: { rows: 3, saveAnyway: true } });
  });

  test('at the maximum number of rows there is no "Add an action row"', () => {
    const c = card('supervision form (all rows)');
    expect(c.actions!.map((a) => a.title)).toEqual(['Save']);
    expect(nodes(c).some((n) => n.id === `action${MAX_ACTION_ROWS}Text`)).toBe(true);
  });

  test('what the card sends (its inputs and button data) is accepted by readSupervisionForm', () => {
    const c = card('supervision form (quality prompts)');
    const sent: Record<string, unknown> = {};
    for (const n of nodes(c)) if (typeof n.type === 'string' && n.type.startsWith('Input.')) sent[n.id as string] = '';
    for (const a of c.actions!) Object.assign(sent, a.data);
    Object.assign(sent, { supervisees: SAM.id, type: 'individual', date: TODAY, status: 'held', duration: '90', functions: 'support', wellbeing: 'false', reflection: 'r', analysis: 'a' });
    const r = readSupervisionForm(sent, { today: TODAY, superviseeIds: [SAM.id], ownerIds: [SAM.id, MANAGER.id], policy });
    expect(r).toMatchObject({ ok: true, flags: [] });
  });
});

describe('supervision receipt card', () => {
  test('held, one person: date, who was asked, next due', () => {
    const t = cardText(card('supervision receipt (held, one)'));
    expect(t).toContain('Supervision saved');
    expect(t).toContain(`Supervision with ${SAM.name} on 2 Feb 2026 is recorded.`);
    expect(t).toContain(`${SAM.name} has been asked to read the record`);
    expect(t).toContain('Next supervision due: 2 Mar 2026.');
    expect(t).not.toContain('Saved with notes');
  });

  test('group, with flags and someone unreachable', () => {
    const c = card('supervision receipt (group, flags, unreachable)');
    const t = cardText(c);
    expect(t).toContain(`Supervision with ${SAM.name}, ${PRIYA.name} on 2 Feb 2026 is recorded.`);
    expect(t).toContain(`${SAM.name} has been asked to read the record`);
    expect(t).not.toContain(`${PRIYA.name} has been asked`);
    expect(t).toContain('Saved with notes: There is no analysis');
    expect(t).toContain('shorter than the 90 minutes');
    expect(textBlocks(c, `${PRIYA.name} has not opened Reflect yet`)[0]).toMatchObject({ color: 'Attention' });
    expect(t).not.toContain('Next supervision due');
  });

  // BUG: with two or more unreachable people the sentence reads "Sam Okafor, Priya Shah has not opened Reflect yet".
  test('several unreachable people read as a plural', () => {
    const t = cardText(supervisionReceiptCard({ supervisees: [SAM.name, PRIYA.name], date: '2026-02-02', status: 'held', flags: [], unreachable: [SAM.name, PRIYA.name] }));
    expect(t).toContain(`${SAM.name}, ${PRIYA.name}`);
    expect(t).toMatch(/have not opened Reflect yet/);
    expect(t).not.toMatch(/has not opened Reflect yet/);
  });

  test('cancelled: says it does not reset the due date', () => {
    const t = cardText(card('supervision receipt (cancelled)'));
    expect(t).toContain('Cancelled session saved');
    expect(t).toContain(`A cancelled session with ${SAM.name} on 30 Jan 2026 is recorded.`);
    expect(t).toContain('does not reset the due date');
    expect(t).not.toContain('asked to read the record');
  });
});

describe('acknowledgement cards', () => {
  test('the request shows the record, actions with and without owners and dates, and Agree / Comment', () => {
    const c = card('acknowledgement request');
    const t = cardText(c);
    expect(t).toContain(`${MANAGER.name} recorded your supervision on 2 Feb 2026.`);
    expect(t).toContain('LCS-1234567, LCS-7654321');
    expect(t).toContain('discussed');
    expect(t).toContain('Management, Support');
    expect(t).toContain('90 minutes');
    for (const part of ['A hard visit', 'Sam felt unheard', 'Risk rising', 'Joint visit']) expect(t).toContain(part);
    expect(t).toContain(`• Book joint visit (${SAM.name}; by 10 Feb 2026)`);
    expect(t).toContain('• Read the research (no owner; no due date)');
    expect(t).toContain('• Ask legal (someone no longer listed; by 1 Mar 2026)');
    expect(c.actions!.map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Agree', VERBS.respond, { sessionId: 'session-held', agreed: true }],
      ['Add comment without agreeing', VERBS.respond, { sessionId: 'session-held', agreed: false }],
    ]);
  });

  test('the request with errors shows them', () => {
    const c = card('acknowledgement request (errors)');
    expect(cardText(c)).toContain('Please correct the');
    expect(nodes(c).find((n) => n.id === 'comment-error')).toMatchObject({ text: 'Add a comment, or press Agree.', color: 'Attention' });
  });

  test('a cancelled session shows its reason, not a length, and no empty sections', () => {
    const t = cardText(card('acknowledgement request (cancelled)'));
    expect(t).toContain('Supervisor off sick');
    expect(t).not.toContain('minutes');
    expect(t).toContain('none recorded');
    expect(t).not.toContain('Reflection');
  });

  test('agreed and commented records say so, with the date', () => {
    expect(cardText(card('acknowledged (agreed)'))).toContain('You agreed this record on 3 Feb 2026.');
    const commented = cardText(card('acknowledged (commented)'));
    expect(commented).toContain('You commented on this record on 4 Feb 2026.');
    expect(commented).toContain('Your comment: The visit was cut short by the police.');
    expect(card('acknowledged (agreed)').actions).toBeUndefined();
  });

  // BUG: acknowledgedCard formats `response.at.slice(0, 10)`, the UTC day. Someone agreeing at 00:30 on 1 July
  // (British Summer Time) is told they agreed on 30 June; days are Europe/London days everywhere else.
  test('the response date is the day in the service time zone, not UTC', () => {
    const late: SessionView = { ...heldView, session: { ...heldSession, response: { agreed: true, at: '2026-06-30T23:30:00.000Z' } } };
    expect(cardText(acknowledgedCard(late))).toContain('You agreed this record on 1 Jul 2026.');
  });

  test('pending: empty, one and several', () => {
    expect(cardText(card('pending (empty)'))).toContain('Nothing waiting');
    expect(cardText(card('pending (one)'))).toContain('1 supervision record is waiting');
    expect(cardText(card('pending (one)'))).toContain(`13 Jan 2026 with ${MANAGER.name}`);
    const several = card('pending (several)');
    expect(cardText(several)).toContain('7 supervision records are waiting');
    const opens = actionSets(several).flat() as { verb: string; data: { sessionId: string } }[];
    expect(opens.map((o) => o.data.sessionId)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    for (const o of opens) expect(o.verb).toBe(VERBS.reviewSupervision);
  });
});

// ---------- records ----------

describe('training and CPD cards', () => {
  test('the training form lists every course with its category, and saves with the training verb', () => {
    const c = card('training form');
    const course = nodes(c).find((n) => n.id === 'course') as { choices: { title: string; value: string }[] };
    expect(course.choices).toHaveLength(CATALOGUE.size);
    expect(course.choices).toContainEqual({ title: 'Signs of Safety: Signs of Safety: two-day introduction', value: 'SOS-INTRO' });
    expect(course.choices).toContainEqual({ title: 'Core skills: Court skills', value: 'CS-COURT' });
    expect(cardText(c)).toContain('Log training');
    expect(nodes(c).some((n) => n.id === 'attendees')).toBe(false);
    expect(c.actions).toEqual([expect.objectContaining({ verb: RECORD_VERBS.saveTraining, data: {} })]);
  });

  test('the register form asks for attendees and marks its save as a register', () => {
    const c = card('training register');
    expect(cardText(c)).toContain('Record a training register');
    expect(nodes(c).find((n) => n.id === 'attendees')).toMatchObject({ isMultiSelect: true, choices: [{ title: SAM.name, value: SAM.id }, { title: PRIYA.name, value: PRIYA.id }] });
    expect(c.actions).toEqual([expect.objectContaining({ verb: RECORD_VERBS.saveTraining, data: { register: true } })]);
  });

  test('training form inputs are the fields readTrainingForm accepts', () => {
    for (const [name, register] of [['training form', false], ['training register', true]] as const) {
      const sent: Record<string, unknown> = {};
      for (const n of nodes(card(name))) if (typeof n.type === 'string' && n.type.startsWith('Input.')) sent[n.id as string] = '';
      Object.assign(sent, { course: 'CS-COURT', date: '2026-01-20', status: 'attended', ...(register ? { attendees: SAM.id } : {}) });
      const r = readTrainingForm(sent, { today: TODAY, catalogue: CATALOGUE, attendeeIds: [SAM.id], register, recorderId: MANAGER.id });
      expect(r).toMatchObject({ ok: true, draft: { courseCode: 'CS-COURT', hours: 6 } });
    }
  });

  test('training form errors are shown against the fields', () => {
    const c = card('training form (errors)');
    expect(cardText(c)).toContain('Please correct the 3 fields marked below.');
    for (const id of ['attendees', 'date', 'hours']) expect(nodes(c).find((n) => n.id === `${id}-error`)).toMatchObject({ color: 'Attention' });
    expect(nodes(c).find((n) => n.id === 'course')).toMatchObject({ value: 'SOS-INTRO' });
  });

  test('training receipts', () => {
    expect(cardText(card('training receipt (one)'))).toContain('Signs of Safety: two-day introduction on 20 Jan 2026 (completed) is recorded.');
    const register = cardText(card('training receipt (register)'));
    expect(register).toContain('Court skills on 20 Jan 2026 (attended) is recorded for 3 people.');
    expect(register).toContain(`${SAM.name}, ${PRIYA.name}, ${MANAGER.name}`);
  });

  test('the CPD form asks for learning, impact and peer reflection; its inputs are what readCpdForm accepts', () => {
    const c = card('cpd form');
    const t = cardText(c);
    expect(t).toContain('What did you learn?');
    expect(t).toContain('I reflected on this with a peer');
    const sent: Record<string, unknown> = {};
    for (const n of nodes(c)) if (typeof n.type === 'string' && n.type.startsWith('Input.')) sent[n.id as string] = n.value ?? '';
    Object.assign(sent, { type: 'reading', learning: 'l', impact: 'i' });
    expect(readCpdForm(sent, TODAY)).toMatchObject({ ok: true, draft: { date: TODAY, peerReflected: false } });
    expect(c.actions).toEqual([expect.objectContaining({ verb: RECORD_VERBS.saveCpd })]);
  });

  test('CPD form errors and kept values', () => {
    const c = card('cpd form (errors)');
    expect(cardText(c)).toContain('Please correct the 3 fields marked below.');
    for (const id of ['impact', 'peerName', 'date']) expect(nodes(c).find((n) => n.id === `${id}-error`)).toMatchObject({ color: 'Attention' });
    expect(nodes(c).find((n) => n.id === 'learning')).toMatchObject({ value: 'Neglect research' });
    expect(nodes(c).find((n) => n.id === 'peerReflected')).toMatchObject({ value: 'true' });
  });

  test('CPD receipts', () => {
    const met = cardText(card('cpd receipt (met)'));
    expect(met).toContain('Your CPD from 28 Jan 2026 is recorded.');
    expect(met).toContain('This registration year (2025–26): 2 pieces of CPD, 1 reflected on with a peer.');
    expect(met).toContain('You meet the Social Work England minimum');
    const notMet = cardText(card('cpd receipt (not met)'));
    expect(notMet).toContain('1 piece of CPD, 0 reflected on');
    expect(notMet).toContain('not yet at the Social Work England minimum');
  });
});

// ---------- summaries ----------

describe('dueLine', () => {
  test('overdue: red, days and date', () => {
    expect(dueLine({ state: 'overdue', due: '2026-01-24', daysOverdue: 10, daysUntilDue: -10 })).toMatchObject({ text: 'Overdue by 10 days (was due 24 Jan 2026)', color: 'Attention' });
    expect(dueLine({ state: 'overdue', due: '2026-02-02', daysOverdue: 1, daysUntilDue: -1 })).toMatchObject({ text: 'Overdue by 1 day (was due 2 Feb 2026)', color: 'Attention' });
  });
  test('due soon: warning', () => {
    expect(dueLine({ state: 'due_soon', due: '2026-02-05', daysOverdue: 0, daysUntilDue: 2 })).toMatchObject({ text: 'Due soon: 5 Feb 2026', color: 'Warning' });
  });
  test('in date: plain', () => {
    const line = dueLine({ state: 'in_date', due: '2026-03-03', daysOverdue: 0, daysUntilDue: 28 });
    expect(line.text).toBe('Next due 3 Mar 2026');
    expect(line.color).toBeUndefined();
  });
  test('not supervised', () => {
    expect(dueLine({ state: 'not_supervised', daysOverdue: 0 }).text).toBe('Not supervised through Reflect');
  });
});

describe('development card', () => {
  test('early career, overdue supervision and actions, training gaps, CPD short', () => {
    const c = card('development (early career, overdue)');
    const t = cardText(c);
    expect(t).toContain(`${SAM.name} · ASYE social worker · Assessment East`);
    expect(t).toContain('Last supervision 23 Jan 2026');
    expect(textBlocks(c, 'Overdue by 4 days (was due 30 Jan 2026)')[0]).toMatchObject({ color: 'Attention' });
    expect(t).toContain('2 cancelled since then.');
    expect(t).toContain('1 record(s) waiting');
    expect(t).toContain('Open actions (3)');
    expect(textBlocks(c, '• Update the chronology for LCS-1234567 (overdue, by 20 Jan 2026)')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(c, '• Book Signs of Safety advanced (by 2 Mar 2026)')[0]!.color).toBeUndefined();
    expect(t).toContain('• Reflective log (no due date)');
    expect(t).toContain('none recorded');
    expect(t).toContain('Two-day introduction');
    for (const [title, state] of [['Assessment and analysis', 'Done'], ['Domestic abuse', 'Expired: refresh needed'], ['Court skills', 'Booked'], ['Chronologies', 'Missing']]) {
      expect(t).toContain(title);
      expect(t).toContain(state);
    }
    expect(t).toContain('KSS (Child and family practitioner)');
    expect(t).toContain('2 of 10 areas');
    expect(textBlocks(c, 'Signs of Safety training is below')[0]).toMatchObject({ color: 'Attention' });
    expect(t).toContain('CPD 2025–26');
    expect(t).toContain('1 of 2 pieces of CPD; no peer reflection yet.');
    expect(t).toContain('Early career programme');
    expect(t).toContain('Started 5 Jan 2026: week 5, month 1. Supervision is weekly at this stage.');
    expect(c.actions!.map((a) => a.title)).toEqual(['Log CPD', 'Log training', 'My caseload']);
  });

  test('not supervised, nothing open, CPD not required, no early career section', () => {
    const c = card('development (not supervised, no CPD)');
    const t = cardText(c);
    expect(t).toContain('No supervision recorded yet');
    expect(t).toContain('Not supervised through Reflect');
    expect(t).toContain('Open actions (0)');
    expect(t).toContain('None open.');
    expect(t).toContain('Not required for your role.');
    expect(t).toContain('Advanced');
    expect(t).toContain('Two-day introduction ✓');
    expect(t).not.toContain('Early career programme');
    expect(t).not.toContain('KSS');
    expect(textBlocks(c, 'below what your role expects')).toEqual([]);
  });

  test('more than eight actions: eight shown and a pointer to the rest; CPD met in green', () => {
    const c = card('development (many actions, CPD met)');
    const t = cardText(c);
    expect(t).toContain('Open actions (11)');
    expect(t).toContain('Action number 8 (by 17 Feb 2026)');
    expect(t).not.toContain('Action number 9');
    expect(t).toContain('and 3 more: type "my actions".');
    expect(textBlocks(c, 'You meet the Social Work England minimum')[0]).toMatchObject({ color: 'Good' });
    expect(t).toContain('peer reflection done');
    expect(t).toContain('Next due 13 Feb 2026');
  });

  test('in the renewal window and short: a red reminder', () => {
    const c = card('development (renewal window)');
    expect(textBlocks(c, 'Registration renews by 30 November')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(c, 'Due soon: 2 Oct 2026')[0]).toMatchObject({ color: 'Warning' });
  });
});

describe('caseload card', () => {
  test('over threshold: red, counts by type and the trend', () => {
    const c = card('caseload (over threshold)');
    const t = cardText(c);
    expect(t).toContain('As at 1 Feb 2026');
    expect(textBlocks(c, '**19 children**. 19 against a threshold of 18: over threshold.')[0]).toMatchObject({ color: 'Attention' });
    expect(t).toContain('Child in need');
    expect(t).toContain('Child protection');
    expect(t).toContain('Child looked after');
    expect(t).not.toContain('Care leaver');
    expect(t).toContain('1 Dec 2025: 7 → 1 Jan 2026: 14 → 1 Feb 2026: 19');
    expect(t).toContain('national average is 15.4');
  });

  test('near threshold is not red', () => {
    const c = card('caseload (near threshold)');
    const line = textBlocks(c, '14 against a threshold of 15: near threshold.')[0]!;
    expect(line.color).toBeUndefined();
  });

  test('no threshold for the role', () => {
    expect(cardText(card('caseload (no threshold)'))).toContain('**19 children**. No threshold applies to your role.');
  });

  test('none recorded', () => {
    expect(cardText(card('caseload (none recorded)'))).toContain(`No caseload has been recorded for ${SAM.name}.`);
  });
});

describe('actions card', () => {
  test('lists every open action, overdue in red, with its session date', () => {
    const c = card('actions (some)');
    expect(cardText(c)).toContain('3 open actions from your supervision records.');
    expect(textBlocks(c, '• Update the chronology for LCS-1234567: **overdue**, due 20 Jan 2026 (from 13 Jan 2026)')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(c, '• Book Signs of Safety advanced: due 2 Mar 2026 (from 13 Jan 2026)')[0]!.color).toBeUndefined();
    expect(cardText(c)).toContain('• Reflective log: no due date (from 23 Jan 2026)');
  });

  test('none', () => {
    expect(cardText(card('actions (none)'))).toContain('You have no open actions from supervision.');
  });
});

describe('team card', () => {
  test('a row per person in teamRows order, with due lines, caseloads, Signs of Safety and a Log supervision button', () => {
    const c = card('team');
    const t = cardText(c);
    expect(t).toContain('5 people; 2 overdue for supervision.');
    const names = textBlocks(c, '**').map((n) => n.text);
    expect(names).toEqual([
      '**Olu Overdue** · Social worker',
      '**Oona OneDay** · Social worker',
      '**Sue Soon** · Social worker',
      '**Ian InDate** · ASYE social worker',
      '**Bo Business** · Business support',
    ]);
    expect(textBlocks(c, 'Overdue by 14 days (was due 20 Jan 2026)')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(c, 'Overdue by 1 day (was due 2 Feb 2026)')[0]).toMatchObject({ color: 'Attention' });
    expect(textBlocks(c, 'Due soon: 5 Feb 2026')[0]).toMatchObject({ color: 'Warning' });
    expect(t).toContain('Next due 20 Feb 2026');
    expect(t).toContain('Not supervised through Reflect');
    expect(t).toContain('Last 19 Dec 2025 · Caseload 20 of 18 (over) · Signs of Safety two-day introduction');
    expect(t).toContain('Caseload 4 of 4 · ');
    expect(t).toContain('Never supervised in Reflect');
    expect(t).toContain('Signs of Safety none (below role)');
    const buttons = actionSets(c).flat() as { title: string; verb: string; data: { superviseeId: string } }[];
    expect(buttons.map((b) => b.data.superviseeId)).toEqual(['s-over', 's-one', 's-soon', 's-fine', 's-none']);
    for (const b of buttons) expect(b).toMatchObject({ title: 'Log supervision', verb: VERBS.openSupervision });
  });

  test('nobody overdue', () => {
    const rows = teamRows([status({ nextDue: '2026-03-01' })], policy, TODAY);
    expect(cardText(teamCard(rows))).toContain('1 person; nobody is overdue for supervision.');
  });

  test('empty', () => {
    expect(cardText(card('team (empty)'))).toContain('Nobody reports to you in Reflect yet.');
  });
});
