import { DEFAULT_POLICY } from '../../../bot/src/domain/policy';
import {
  MAX_ACTION_ROWS,
  QUALITY_PROMPTS,
  actionField,
  qualityFlags,
  readSupervisionForm,
  sessionsFromDraft,
  type SupervisionDraft,
  type SupervisionFormContext,
} from '../../../bot/src/domain/supervision-form';
import type { QualityFlag } from '../../../bot/src/domain/model';
import { MANAGER, PRIYA, SAM, TENANT } from './fixtures';

const TODAY = '2026-02-03';
const ctx: SupervisionFormContext = {
  today: TODAY,
  superviseeIds: [SAM.id, PRIYA.id],
  ownerIds: [SAM.id, PRIYA.id, MANAGER.id],
  policy: DEFAULT_POLICY,
};

/** What a well-filled card sends: every input as a string, three action rows (one filled). */
function form(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    supervisees: SAM.id,
    type: 'individual',
    date: '2026-02-02',
    status: 'held',
    duration: '90',
    cancellationReason: '',
    functions: 'management,development,support,mediation',
    experience: 'Visit to the family went badly',
    reflection: 'Sam felt unsafe and unheard',
    analysis: 'Risk is rising; two hypotheses discussed',
    plan: 'Joint visit',
    caseIds: 'lcs-1234567, LCS-7654321',
    wellbeing: 'true',
    action1Text: 'Book joint visit',
    action1Owner: SAM.id,
    action1Due: '2026-02-10',
    action2Text: '',
    action2Owner: '',
    action2Due: '',
    action3Text: '',
    action3Owner: '',
    action3Due: '',
    rows: 3,
    ...overrides,
  };
}

function ok(input: Record<string, unknown>, c: SupervisionFormContext = ctx): { draft: SupervisionDraft; flags: QualityFlag[] } {
  const r = readSupervisionForm(input, c);
  if (!r.ok) throw new Error(`expected a valid form, got ${JSON.stringify(r.errors)}`);
  return r;
}
function errors(input: Record<string, unknown>, c: SupervisionFormContext = ctx): Record<string, string> {
  const r = readSupervisionForm(input, c);
  if (r.ok) throw new Error('expected errors, got a draft');
  return r.errors;
}

describe('readSupervisionForm: a good individual session', () => {
  test('becomes a draft with normalised case ids, the wellbeing flag and one action', () => {
    const { draft, flags } = ok(form());
    expect(draft).toEqual<SupervisionDraft>({
      superviseeIds: [SAM.id],
      date: '2026-02-02',
      type: 'individual',
      durationMinutes: 90,
      status: 'held',
      cancellationReason: undefined,
      functions: ['management', 'development', 'support', 'mediation'],
      experience: 'Visit to the family went badly',
      reflection: 'Sam felt unsafe and unheard',
      analysis: 'Risk is rising; two hypotheses discussed',
      plan: 'Joint visit',
      caseIds: ['LCS-1234567', 'LCS-7654321'],
      wellbeingDiscussed: true,
      actions: [{ text: 'Book joint visit', ownerId: SAM.id, due: '2026-02-10', status: 'open' }],
    });
    expect(flags).toEqual([]);
  });

  test('blank action rows are ignored; filled rows are kept in row order', () => {
    const { draft } = ok(form({ action1Text: '', action1Owner: '', action1Due: '', action3Text: 'Third', action2Text: 'Second', action2Owner: MANAGER.id, action2Due: TODAY }));
    expect(draft.actions.map((a) => a.text)).toEqual(['Second', 'Third']);
  });

  test('the button data (rows, saveAnyway, superviseeId) is allowed alongside the inputs', () => {
    expect(ok(form({ rows: 4, saveAnyway: true, superviseeId: SAM.id, action4Text: 'Fourth' })).draft.actions).toHaveLength(2);
  });

  test(`action rows up to ${MAX_ACTION_ROWS} are read`, () => {
    expect(ok(form({ [actionField(MAX_ACTION_ROWS, 'text')]: 'Last row' })).draft.actions.map((a) => a.text)).toEqual(['Book joint visit', 'Last row']);
  });

  test('wellbeing unticked', () => {
    expect(ok(form({ wellbeing: 'false' })).draft.wellbeingDiscussed).toBe(false);
  });

  test('a session today and one exactly a year ago are accepted', () => {
    expect(ok(form({ date: TODAY })).draft.date).toBe(TODAY);
    expect(ok(form({ date: '2025-02-03', action1Due: '2025-03-01' })).draft.date).toBe('2025-02-03');
  });
});

describe('readSupervisionForm: group sessions and supervisees', () => {
  test('a group session may have several supervisees', () => {
    expect(ok(form({ type: 'group', supervisees: `${SAM.id},${PRIYA.id}` })).draft.superviseeIds).toEqual([SAM.id, PRIYA.id]);
  });

  test('an individual session with two supervisees is refused on the supervisees field', () => {
    expect(errors(form({ supervisees: `${SAM.id},${PRIYA.id}` }))).toEqual({
      supervisees: 'An individual session is with one person: choose one, or make it a group session.',
    });
  });

  test('nobody chosen', () => {
    expect(errors(form({ supervisees: '' })).supervisees).toBe('Choose at least one person supervised.');
  });

  test('a supervisee outside the recorder’s line is refused', () => {
    expect(errors(form({ supervisees: 'staff-stranger' })).supervisees).toBe('Choose person supervised from the list.');
  });

  test('type is required and must be known', () => {
    expect(errors(form({ type: '' })).type).toBe('Choose the type of supervision.');
    expect(errors(form({ type: 'chat' })).type).toBe('Choose the type of supervision from the list.');
  });
});

describe('readSupervisionForm: dates', () => {
  test('a future session date is refused', () => {
    expect(errors(form({ date: '2026-02-04' })).date).toBe('The session date cannot be in the future: record sessions once they have happened.');
  });

  test('a session more than a year ago is refused', () => {
    expect(errors(form({ date: '2025-02-02', action1Due: '' })).date).toBe(
      'The session date is more than a year ago: ask your Principal Social Worker to add older records.',
    );
  });

  test('a missing or impossible date', () => {
    expect(errors(form({ date: '' })).date).toBe('Enter the date of the session.');
    expect(errors(form({ date: '2026-02-30' })).date).toBe('The date of the session must be a real date.');
  });
});

describe('readSupervisionForm: held and cancelled', () => {
  test('held needs a length in whole minutes from 5 to 480', () => {
    expect(errors(form({ duration: '' })).duration).toBe('Enter the length in minutes.');
    expect(errors(form({ duration: '4' })).duration).toBe('The length in minutes must be a whole number from 5 to 480.');
    expect(errors(form({ duration: '481' })).duration).toMatch(/from 5 to 480/);
    expect(errors(form({ duration: '60.5' })).duration).toMatch(/whole number/);
  });

  test('held needs at least one function', () => {
    expect(errors(form({ functions: '' })).functions).toBe('Tick the functions of supervision the session covered.');
    expect(errors(form({ functions: 'management,gossip' })).functions).toBe('Choose function covered from the list.');
  });

  test('a cancelled session needs a reason', () => {
    expect(errors(form({ status: 'cancelled', cancellationReason: '  ' })).cancellationReason).toBe('Enter why it was cancelled.');
  });

  test('a cancelled session does not need functions or a length, and keeps no actions or functions', () => {
    const { draft, flags } = ok(form({ status: 'cancelled', cancellationReason: 'Supervisor off sick', functions: '', duration: '', reflection: '', analysis: '' }));
    expect(draft.status).toBe('cancelled');
    expect(draft.cancellationReason).toBe('Supervisor off sick');
    expect(draft.durationMinutes).toBe(0);
    expect(draft.functions).toEqual([]);
    expect(draft.actions).toEqual([]);
    expect(flags).toEqual([]);
  });

  test('a held session drops a stray cancellation reason', () => {
    expect(ok(form({ cancellationReason: 'typed then changed mind' })).draft.cancellationReason).toBeUndefined();
  });

  test('status must be held or cancelled', () => {
    expect(errors(form({ status: 'postponed' })).status).toBe('Choose whether the session was held from the list.');
    expect(errors(form({ status: '' })).status).toBe('Choose whether the session was held.');
  });
});

describe('readSupervisionForm: actions', () => {
  test('an action due before the session is refused', () => {
    expect(errors(form({ action1Due: '2026-02-01' })).action1Due).toBe('An action cannot be due before the session.');
  });

  test('an action due on the session day is fine; more than a year after is refused', () => {
    expect(ok(form({ action1Due: '2026-02-02' })).draft.actions[0]!.due).toBe('2026-02-02');
    expect(errors(form({ action1Due: '2027-02-03' })).action1Due).toBe('Set a due date within a year of the session.');
  });

  test('an owner or a due date without text is an error on the text field', () => {
    expect(errors(form({ action2Owner: PRIYA.id }))).toEqual({ action2Text: 'Describe the action, or clear its owner and date.' });
    expect(errors(form({ action3Due: '2026-03-01' }))).toEqual({ action3Text: 'Describe the action, or clear its owner and date.' });
  });

  test('an owner who is not a supervisee or the recorder is refused', () => {
    expect(errors(form({ action1Owner: 'staff-stranger' })).action1Owner).toBe('Choose who owns the action from the list.');
  });

  test('the recorder may own an action', () => {
    expect(ok(form({ action1Owner: MANAGER.id })).draft.actions[0]!.ownerId).toBe(MANAGER.id);
  });

  test('action text is limited to 500 characters', () => {
    expect(errors(form({ action1Text: 'x'.repeat(501) })).action1Text).toBe('The action is too long: at most 500 characters.');
  });
});

describe('readSupervisionForm: tampering and case ids', () => {
  test.each(['superviseeName', 'action0Text', 'action11Text', 'action1Notes', 'childName'])('an unknown field %j is refused', (key) => {
    expect(errors(form({ [key]: 'x' })).form).toBe(`The form sent a field it does not have ("${key}"). Please open a fresh form.`);
  });

  // BUG: ACTION_FIELD accepts a leading zero ("action01Text" is row 1), so rejectUnknown lets it through, but
  // readActions only reads "action1Text": the typed action is silently dropped instead of the form being refused.
  test('an action field with a zero-padded row number ("action01Text") is refused, not silently dropped', () => {
    const r = readSupervisionForm(form({ action01Text: 'Refer to CAMHS', action01Owner: SAM.id, action01Due: '2026-03-01' }), ctx);
    expect(r.ok).toBe(false);
  });

  test('a child’s name among the case ids is refused on the caseIds field', () => {
    expect(errors(form({ caseIds: 'LCS-1234567, Jayden Smith' })).caseIds).toMatch(/"Jayden Smith" looks like a name/);
  });

  test('a date of birth among the case ids is refused', () => {
    expect(errors(form({ caseIds: '03/02/2015' })).caseIds).toMatch(/looks like a date/);
  });

  test('arrays and objects where strings are expected are refused per field', () => {
    const e = errors(form({ supervisees: [SAM.id], reflection: { text: 'x' } }));
    expect(e.supervisees).toBe('This field has the wrong kind of value.');
    expect(e.reflection).toBe('This field has the wrong kind of value.');
  });

  test('every problem is reported at once', () => {
    const e = errors(form({ supervisees: '', type: '', date: '2027-01-01', duration: '1', functions: '', caseIds: 'Baby J', wellbeing: 'maybe', action2Due: '2026-03-01' }));
    expect(Object.keys(e).sort()).toEqual(['action2Text', 'caseIds', 'date', 'duration', 'functions', 'supervisees', 'type', 'wellbeing']);
  });
});

describe('quality flags', () => {
  test('missing reflection and analysis', () => {
    expect(ok(form({ reflection: '', analysis: ' ' })).flags).toEqual(['no_reflection', 'no_analysis']);
  });

  test('an action without an owner, and one without a due date', () => {
    expect(ok(form({ action1Owner: '', action2Text: 'Read the research', action2Owner: SAM.id })).flags).toEqual(['action_without_owner', 'action_without_due_date']);
  });

  test('a formal session shorter than the policy minimum', () => {
    expect(ok(form({ duration: '89' })).flags).toEqual(['short_session']);
    expect(ok(form({ duration: '90' })).flags).toEqual([]);
    expect(ok(form({ type: 'group', duration: '60' })).flags).toEqual(['short_session']);
  });

  test('a short case consultation is not flagged as short', () => {
    expect(ok(form({ type: 'case_consultation', duration: '20' })).flags).toEqual([]);
  });

  test('none for a cancelled session, whatever it lacks', () => {
    const draft = { status: 'cancelled' as const, type: 'individual' as const, durationMinutes: 0, actions: [{ text: 'x', status: 'open' as const }] };
    expect(qualityFlags(draft, DEFAULT_POLICY)).toEqual([]);
  });

  test('qualityFlags follows the policy minimum', () => {
    const draft = { status: 'held' as const, type: 'individual' as const, durationMinutes: 60, reflection: 'r', analysis: 'a', actions: [] };
    expect(qualityFlags(draft, { minimumSessionMinutes: 60 })).toEqual([]);
    expect(qualityFlags(draft, { minimumSessionMinutes: 61 })).toEqual(['short_session']);
  });

  test('every flag has a prompt', () => {
    const all: QualityFlag[] = ['no_reflection', 'no_analysis', 'action_without_owner', 'action_without_due_date', 'short_session'];
    for (const f of all) expect(QUALITY_PROMPTS[f]).toMatch(/\w.+[?.]$/);
  });
});

describe('sessionsFromDraft', () => {
  const meta = () => {
    let n = 0;
    return { tenantId: TENANT, supervisorId: MANAGER.id, recordedAt: '2026-02-03T10:00:00.000Z', newId: () => `id-${++n}` };
  };

  test('an individual session is one record with no group id', () => {
    const { draft, flags } = ok(form({ reflection: '' }));
    const records = sessionsFromDraft(draft, flags, meta());
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      tenantId: TENANT,
      superviseeId: SAM.id,
      supervisorId: MANAGER.id,
      recordedBy: MANAGER.id,
      recordedAt: '2026-02-03T10:00:00.000Z',
      date: '2026-02-02',
      caseIds: ['LCS-1234567', 'LCS-7654321'],
      qualityFlags: ['no_reflection'],
    });
    expect(records[0]!.groupId).toBeUndefined();
    expect(records[0]!.response).toBeUndefined();
  });

  test('a group session is one record per supervisee sharing a group id, each with its own id', () => {
    const { draft, flags } = ok(form({ type: 'group', supervisees: `${SAM.id},${PRIYA.id}` }));
    const records = sessionsFromDraft(draft, flags, meta());
    expect(records.map((r) => r.superviseeId)).toEqual([SAM.id, PRIYA.id]);
    const groupId = records[0]!.groupId;
    expect(groupId).toBeDefined();
    expect(records[1]!.groupId).toBe(groupId);
    const ids = records.map((r) => r.id);
    expect(new Set([...ids, groupId]).size).toBe(3);
    for (const r of records) expect(r).toMatchObject({ type: 'group', date: '2026-02-02', durationMinutes: 90, status: 'held' });
  });
});
