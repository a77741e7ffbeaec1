import type { App } from '../../bot/src/app';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { cardProblems, cardText } from '../support/cards';
import { startFakeConnector, type FakeConnector, type SentActivity } from '../support/fake-connector';
import { TeamsUser } from '../support/teams';
import { supervisionFormInput } from '../support/forms';

let app: App;
let connector: FakeConnector;
let manager: TeamsUser;
let practitioner: TeamsUser;

beforeAll(async () => {
  connector = await startFakeConnector();
  app = await startTestApp();
  manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
  practitioner = new TeamsUser(app.url, connector.url, DEMO_USERS.practitioner.aadObjectId);
});
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  connector.sent = [];
});

const cardsIn = (sent: SentActivity[]): Record<string, unknown>[] =>
  sent.flatMap((s) => (s.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content as Record<string, unknown>));

function onlyCard(): Record<string, unknown> {
  const cards = cardsIn(connector.sent);
  expect(cards).toHaveLength(1);
  expect(cardProblems(cards[0])).toEqual([]);
  return cards[0]!;
}

const sessionsOf = (staffId: string) => app.store.supervision.forSupervisee(DEMO_TENANT_ID, staffId);

/** A complete, good supervision form as Teams would submit it. */
const goodForm = (extra: Record<string, unknown> = {}): Record<string, unknown> => supervisionFormInput(DEMO_USERS.practitioner.staffId, extra);

describe('installing and chatting', () => {
  it('welcomes a person on install and stores their conversation reference', async () => {
    const res = await practitioner.install();
    expect(res.status).toBe(200);
    const card = onlyCard();
    expect(cardText(card)).toMatch(/Welcome to Reflect/);
    expect(cardText(card)).toMatch(/My development/);
    expect(cardText(card)).not.toMatch(/Log supervision/); // not a manager
    const ref = await app.store.conversations.get(DEMO_TENANT_ID, DEMO_USERS.practitioner.aadObjectId);
    expect(ref?.reference).toMatchObject({ serviceUrl: connector.url, conversation: { id: `a:personal-${DEMO_USERS.practitioner.aadObjectId}` } });
  });

  it.each([
    ['help', /What Reflect can do/],
    ['HELP me please', /What Reflect can do/],
    ['log training', /Log training/],
    ['Log CPD', /Log CPD/],
    ['my development', /My development[\s\S]*Supervision[\s\S]*Signs of Safety[\s\S]*CPD 2025–26/],
    ['show me my caseload please', /My caseload[\s\S]*national average is 15.4/],
    ['my actions', /My actions/],
    ['pending acknowledgements', /Pending acknowledgements/],
    ['team', /The team view is for managers/],
    ['make me a sandwich', /didn't recognise "make me a sandwich"/],
  ])('answers "%s" with a valid card', async (typed, expected) => {
    await practitioner.say(typed);
    expect(cardText(onlyCard())).toMatch(expected);
  });

  it.each([
    ['log supervision', /Log supervision[\s\S]*Experience[\s\S]*Reflection[\s\S]*Analysis/],
    ['team', /Team[\s\S]*Log supervision/],
  ])('answers a manager\'s "%s"', async (typed, expected) => {
    await manager.say(typed);
    expect(cardText(onlyCard())).toMatch(expected);
  });

  it('tells someone not on the roster, once, and nothing else', async () => {
    const stranger = new TeamsUser(app.url, connector.url, '11111111-2222-4333-8444-555555555555');
    await stranger.say('my development');
    expect(cardText(onlyCard())).toBe('Reflect\nYou are not on the staff list for this service; ask your Principal Social Worker.');
    expect(await app.store.conversations.get(DEMO_TENANT_ID, stranger.aadObjectId)).toBeUndefined();
  });

  it('shows another tenant nothing of this one', async () => {
    const elsewhere = new TeamsUser(app.url, connector.url, DEMO_USERS.practitioner.aadObjectId, '99999999-0000-4000-8000-000000000099');
    await elsewhere.say('my development');
    expect(cardText(onlyCard())).toMatch(/not on the staff list/);
  });
});

describe('channels and group chats', () => {
  it('stays quiet unless mentioned', async () => {
    const res = await practitioner.sayInChannel('my development', false);
    expect(res.status).toBe(200);
    expect(connector.sent).toHaveLength(0);
  });

  it('when mentioned, answers privately and says so in the channel', async () => {
    await practitioner.say('help'); // makes sure a 1:1 reference exists
    connector.sent = [];
    await practitioner.sayInChannel('my development', true);
    const inChannel = connector.sent.filter((s) => s.conversationId.startsWith('19:channel'));
    const personal = connector.sent.filter((s) => s.conversationId === `a:personal-${DEMO_USERS.practitioner.aadObjectId}`);
    expect(inChannel.map((s) => s.body.text)).toEqual([expect.stringMatching(/sent you the answer in a private chat/)]);
    expect(cardsIn(inChannel)).toHaveLength(0);
    expect(cardText(cardsIn(personal)[0])).toMatch(/My development/);
  });
});

describe('logging supervision', () => {
  it('saves a good record, answers with a receipt, and asks the supervisee to agree', async () => {
    await practitioner.say('help');
    connector.sent = [];
    const before = (await sessionsOf(DEMO_USERS.practitioner.staffId)).length;
    const { status, body } = await manager.invoke('supervision.save', goodForm());
    expect(status).toBe(200);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardProblems(body.value)).toEqual([]);
    expect(cardText(body.value)).toMatch(/Supervision saved[\s\S]*20 Nov 2026/);

    const after = await sessionsOf(DEMO_USERS.practitioner.staffId);
    expect(after).toHaveLength(before + 1);
    const saved = after.find((s) => s.date === '2026-11-20' && s.caseIds.includes('LCS-1234567'))!;
    expect(saved).toMatchObject({
      supervisorId: DEMO_USERS.manager.staffId,
      durationMinutes: 95,
      wellbeingDiscussed: true,
      qualityFlags: [],
      actions: [{ text: 'Convene the safety network meeting', ownerId: DEMO_USERS.practitioner.staffId, due: '2026-12-04', status: 'open' }],
    });
    expect((await app.store.status.get(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId))?.lastSupervision).toBe('2026-11-20');

    const ack = cardsIn(connector.sent.filter((s) => s.conversationId === `a:personal-${DEMO_USERS.practitioner.aadObjectId}`));
    expect(ack).toHaveLength(1);
    expect(cardProblems(ack[0])).toEqual([]);
    expect(cardText(ack[0])).toMatch(/Your supervision record[\s\S]*LCS-1234567/);

    const answer = await practitioner.invoke('supervision.respond', { sessionId: saved.id, agreed: true, comment: 'A fair record.' });
    expect(answer.status).toBe(200);
    expect(cardText(answer.body.value)).toMatch(/You agreed this record/);
    expect((await app.store.supervision.get(DEMO_TENANT_ID, saved.id))?.response).toMatchObject({ agreed: true, comment: 'A fair record.' });
  });

  it('returns the same card with errors next to the fields, and saves nothing', async () => {
    const before = (await sessionsOf(DEMO_USERS.practitioner.staffId)).length;
    const { status, body } = await manager.invoke('supervision.save', goodForm({ date: '2027-03-01', duration: 'long', caseIds: 'Jayden Smith', functions: '' }));
    expect(status).toBe(200);
    expect(cardProblems(body.value)).toEqual([]);
    const text = cardText(body.value);
    expect(text).toMatch(/Please correct the 4 fields marked below/);
    expect(text).toMatch(/cannot be in the future/);
    expect(text).toMatch(/length in minutes must be a whole number/i);
    expect(text).toMatch(/"Jayden Smith" looks like a name/);
    expect(text).toMatch(/Tick the functions/);
    expect(text).toMatch(/Reflection: what the worker thought/); // the same form, values kept
    expect(await sessionsOf(DEMO_USERS.practitioner.staffId)).toHaveLength(before);
  });

  it('refuses a date of birth among case ids', async () => {
    const { body } = await manager.invoke('supervision.save', goodForm({ caseIds: 'LCS-1234567, 03/02/2015' }));
    expect(cardText(body.value)).toMatch(/looks like a date[\s\S]*never a child's date of birth/);
  });

  it('prompts for quality first, then keeps the flags when saved anyway', async () => {
    const form = goodForm({ analysis: '', duration: '45', action1Due: '', date: '2026-11-19' });
    const before = (await sessionsOf(DEMO_USERS.practitioner.staffId)).length;
    const first = await manager.invoke('supervision.save', form);
    expect(cardText(first.body.value)).toMatch(/Before you save, consider[\s\S]*no analysis[\s\S]*no due date[\s\S]*shorter than the 90 minutes/);
    expect(cardText(first.body.value)).toMatch(/Save anyway/);
    expect(await sessionsOf(DEMO_USERS.practitioner.staffId)).toHaveLength(before);

    const second = await manager.invoke('supervision.save', { ...form, saveAnyway: true });
    expect(cardText(second.body.value)).toMatch(/Supervision saved[\s\S]*Saved with notes/);
    const saved = (await sessionsOf(DEMO_USERS.practitioner.staffId)).find((s) => s.date === '2026-11-19' && s.durationMinutes === 45)!;
    expect(saved.qualityFlags).toEqual(['no_analysis', 'action_without_due_date', 'short_session']);
  });

  it('adds action rows on request, keeping what was typed', async () => {
    const { body } = await manager.invoke('supervision.addRow', goodForm({ rows: 3 }));
    const text = cardText(body.value);
    expect(text).toMatch(/Action 4/);
    expect(text).toMatch(/Convene the safety network meeting/);
  });

  it('opens the form for a supervisee from the team view', async () => {
    const { body } = await manager.invoke('supervision.open', { superviseeId: DEMO_USERS.practitioner.staffId });
    expect(cardProblems(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).toContain(`"value":"${DEMO_USERS.practitioner.staffId}"`);
  });

  it('will not let a practitioner log supervision for someone outside their line', async () => {
    const before = (await sessionsOf(DEMO_USERS.manager.staffId)).length;
    const { status, body } = await practitioner.invoke('supervision.save', goodForm({ supervisees: DEMO_USERS.manager.staffId, action1Owner: '' }));
    expect(status).toBe(200);
    expect(cardText(body.value)).toMatch(/only log supervision for people in your line\. Nothing was saved/);
    expect(await sessionsOf(DEMO_USERS.manager.staffId)).toHaveLength(before);
    const open = await practitioner.invoke('supervision.open', {});
    expect(cardText(open.body.value)).toMatch(/Nobody reports to you/);
  });

  it('lets only the supervisee answer their record', async () => {
    const [session] = await sessionsOf(DEMO_USERS.practitioner.staffId);
    const { body } = await manager.invoke('supervision.respond', { sessionId: session!.id, agreed: true });
    expect(cardText(body.value)).toMatch(/Only the person supervised/);
  });
});

describe('bad input never half-saves and never answers 500', () => {
  it.each([
    ['no value at all', undefined, null],
    ['a non-Execute action', undefined, { action: { type: 'Action.Submit', verb: 'supervision.save', data: {} } }],
    ['no action', undefined, { trigger: 'manual' }],
    ['data that is a list', undefined, { action: { type: 'Action.Execute', verb: 'supervision.save', data: [1, 2] } }],
    ['an unknown verb', undefined, { action: { type: 'Action.Execute', verb: 'drop.tables', data: {} } }],
    ['an extra field', goodForm({ childName: 'x' }), undefined],
    ['a wrongly typed field', goodForm({ date: ['2026-11-20'] }), undefined],
    ['an oversized field', goodForm({ reflection: 'x'.repeat(5000) }), undefined],
    ['a date far in the future', goodForm({ date: '2999-01-01' }), undefined],
    ['an unknown supervisee id', goodForm({ supervisees: 's-does-not-exist' }), undefined],
    ['an unknown action owner', goodForm({ action1Owner: 's-nobody' }), undefined],
  ])('%s', async (_what, data, value) => {
    const before = (await sessionsOf(DEMO_USERS.practitioner.staffId)).length;
    const res = await manager.invoke('supervision.save', data, value);
    expect(res.status).toBe(200);
    expect(cardProblems(res.body.value)).toEqual([]);
    expect(cardText(res.body.value)).toMatch(/Please correct|does not understand|no longer supported|not be found|in your line|Please open a fresh form/);
    expect(await sessionsOf(DEMO_USERS.practitioner.staffId)).toHaveLength(before);
  });

  it('refuses request bodies over the size limit with 413', async () => {
    const res = await manager.say('x'.repeat(300 * 1024));
    expect(res.status).toBe(413);
  });
});

describe('training and CPD', () => {
  it('logs the practitioner\'s own training and shows it in their development', async () => {
    const res = await practitioner.invoke('training.save', { course: 'CS-COURT', date: '2026-11-18', status: 'completed', hours: '', note: 'Certificate on file' });
    expect(cardText(res.body.value)).toMatch(/Training saved[\s\S]*Court skills on 18 Nov 2026/);
    const records = await app.store.training.forStaff(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId);
    expect(records.find((r) => r.courseCode === 'CS-COURT' && r.date === '2026-11-18')).toMatchObject({ hours: 6, status: 'completed', recordedBy: DEMO_USERS.practitioner.staffId });
    const status = await app.store.status.get(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId);
    expect(status?.coreSkills.find((c) => c.code === 'CS-COURT')?.state).toBe('done');
  });

  it('refuses a completed course in the future and an unknown course', async () => {
    const res = await practitioner.invoke('training.save', { course: 'NOPE', date: '2027-02-01', status: 'completed' });
    const text = cardText(res.body.value);
    expect(text).toMatch(/Choose a course from the list/);
    expect(text).toMatch(/cannot be in the future: choose "booked"/);
  });

  it('lets business support record a register for many attendees', async () => {
    const everyone = await app.store.status.all(DEMO_TENANT_ID);
    const support = everyone.find((s) => s.role === 'business_support' && s.aadObjectId)!;
    const attendees = everyone.filter((s) => s.active && s.role === 'social_worker').slice(0, 3);
    const clerk = new TeamsUser(app.url, connector.url, support.aadObjectId!);
    const res = await clerk.invoke('training.save', { register: true, course: 'SOS-INTRO', date: '2026-11-17', status: 'attended', attendees: attendees.map((a) => a.staffId).join(',') });
    expect(cardText(res.body.value)).toMatch(/recorded for 3 people/);
    for (const a of attendees) {
      const records = await app.store.training.forStaff(DEMO_TENANT_ID, a.staffId);
      expect(records.some((r) => r.courseCode === 'SOS-INTRO' && r.date === '2026-11-17' && r.recordedBy === support.staffId)).toBe(true);
    }
  });

  it('logs CPD with peer reflection and reports the year so far', async () => {
    const res = await practitioner.invoke('cpd.save', { date: '2026-11-16', type: 'reading', learning: 'Research on neglect and adolescents', impact: 'Sharper analysis in assessments', peerReflected: 'true', peerName: 'Team manager' });
    expect(cardText(res.body.value)).toMatch(/CPD saved[\s\S]*This registration year \(2025–26\)/);
    const entries = await app.store.cpd.forStaff(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId);
    expect(entries.some((e) => e.date === '2026-11-16' && e.peerReflected && e.peerName === 'Team manager')).toBe(true);
  });

  it('asks who the peer was when peer reflection is ticked', async () => {
    const res = await practitioner.invoke('cpd.save', { date: '2026-11-16', type: 'reading', learning: 'x', impact: 'y', peerReflected: 'true' });
    expect(cardText(res.body.value)).toMatch(/Say who you reflected with/);
  });
});
