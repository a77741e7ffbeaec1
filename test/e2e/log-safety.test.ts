/**
 * The service's logs carry ids, counts and durations, never tokens or personal data (bot/src/log.ts). Every line
 * the service writes is captured (its logger at debug level, plus anything written to the console) while it
 * answers: tab API calls with valid and invalid tokens, a dev sign-in header outside dev mode, chat turns that
 * save supervision with reflective text and case ids (and fail on the way), and imports with errors. Then no
 * line may contain a token, an Authorization header value, a staff member's name or email, what was typed into
 * a form, or the dev sign-in header's value.
 */
import { createHash } from 'node:crypto';
import { startApp, type App } from '../../bot/src/app';
import { loadConfig } from '../../bot/src/config';
import { createLogger } from '../../bot/src/log';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { cardText } from '../support/cards';
import { LocalEntra } from '../support/entra';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { TeamsUser } from '../support/teams';
import { supervisionFormInput } from '../support/forms';

const T = DEMO_TENANT_ID;
const NOW = new Date('2026-11-23T10:00:00Z');
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

/** Every line the service wrote, from its logger and from the console. */
const lines: string[] = [];
const consoleLines: string[] = [];
/** Everything that must never reach a log, by what it is. */
const secrets = {
  tokens: new Set<string>(),
  authorization: new Set<string>(),
  devHeader: new Set<string>(),
  typed: new Set<string>(),
};

let app: App;
let entra: LocalEntra;
let connector: FakeConnector;
let manager: TeamsUser;
let practitioner: TeamsUser;

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a, errorFields))).join(' ')));
  }
  entra = await LocalEntra.start();
  connector = await startFakeConnector();
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '2000', ...entra.env() });
  app = await startApp(config, { log: createLogger('debug', {}, (line) => lines.push(line)), now: () => NOW });
  manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
  practitioner = new TeamsUser(app.url, connector.url, DEMO_USERS.practitioner.aadObjectId);
}, 120_000);
afterAll(async () => {
  await app?.stop();
  await connector?.close();
  await entra?.stop();
  jest.restoreAllMocks();
});

function errorFields(_key: string, value: unknown): unknown {
  return value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
}

async function token(oid: string, claims: Record<string, unknown> = {}, more: Partial<Parameters<LocalEntra['token']>[0]> = {}): Promise<string> {
  const t = await entra.token({ tid: T, oid, claims, ...more });
  secrets.tokens.add(t);
  return t;
}

/** A tab API call with exactly these headers (the Authorization value is remembered as a secret). */
async function call(path: string, headers: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  if (headers.authorization) secrets.authorization.add(headers.authorization);
  if (headers['x-reflect-dev-user']) secrets.devHeader.add(headers['x-reflect-dev-user']);
  const res = await fetch(`${app.url}${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
  return { status: res.status, text: await res.text() };
}
const bearer = (t: string) => ({ authorization: `Bearer ${t}` });

describe('traffic', () => {
  it('tab API calls with valid tokens', async () => {
    const psw = await token(DEMO_USERS.psw.aadObjectId);
    const mgr = await token(DEMO_USERS.manager.aadObjectId);
    const prac = await token(DEMO_USERS.practitioner.aadObjectId);
    const someone = (await app.store.staff.get(T, 's-0007'))!;
    secrets.typed.add(`${someone.email}-as-seed`);
    const expectations: [string, string, number][] = [
      [psw, '/api/me', 200],
      [psw, '/api/workforce', 200],
      [psw, `/api/workforce?team=${encodeURIComponent(someone.name)}`, 400],
      [psw, `/api/workforce/audit-sample?n=3&seed=${encodeURIComponent(`${someone.email}-as-seed`)}`, 200],
      [psw, `/api/people/${DEMO_USERS.practitioner.staffId}`, 200],
      [psw, `/api/people/${DEMO_USERS.practitioner.staffId}/export`, 200],
      [mgr, '/api/team', 200],
      [mgr, `/api/people/${DEMO_USERS.practitioner.staffId}`, 200],
      [prac, `/api/people/${DEMO_USERS.manager.staffId}`, 403],
      [prac, '/api/workforce', 403],
      [prac, '/api/imports/roster/template', 403],
      // Signed correctly, but nobody on the roster has this Entra id.
      [await token('12345678-1234-4123-8123-123456789abc'), '/api/me', 403],
    ];
    for (const [t, path, status] of expectations) expect([path, (await call(path, bearer(t))).status]).toEqual([path, status]);
    const session = (await app.store.supervision.forSupervisee(T, DEMO_USERS.practitioner.staffId))[0]!;
    expect((await call(`/api/people/${DEMO_USERS.practitioner.staffId}/supervision/${session.id}/card`, bearer(mgr))).status).toBe(200);
  });

  it('tab API calls with invalid tokens and headers, all refused with 401', async () => {
    const oid = DEMO_USERS.psw.aadObjectId;
    const person = (await app.store.staff.get(T, DEMO_USERS.psw.staffId))!;
    // Claims that carry personal data, as real Entra tokens do (name, preferred_username, upn).
    const personal = { name: person.name, preferred_username: person.email, upn: person.email };
    const expired = await token(oid, personal, { exp: Math.floor(NOW.getTime() / 1000) - 7200 });
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ tid: T, oid, ...personal })).toString('base64url')}.`;
    const hs256 = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ tid: T, oid, ...personal })).toString('base64url')}.c2lnbmF0dXJl`;
    secrets.tokens.add(unsigned);
    secrets.tokens.add(hs256);
    const refused: Record<string, string>[] = [
      bearer(await token(oid, personal, { exp: Math.floor(Date.now() / 1000) - 3600 })),
      bearer(expired),
      bearer(await token(oid, { ...personal, aud: 'api://elsewhere.example/1234' })),
      bearer(await token(oid, { ...personal, iss: 'https://login.microsoftonline.com/99999999-0000-4000-8000-000000000099/v2.0' })),
      bearer(await token(oid, personal, { stranger: true })),
      bearer(await token(oid, personal, { stranger: true, kid: 'key-9' })),
      bearer(await token(oid, { ...personal, scp: 'User.Read' })),
      bearer(unsigned),
      bearer(hs256),
      bearer('not-a-jwt-but-a-secret-0f9e8d7c'),
      { authorization: `Basic ${Buffer.from(`${person.email}:hunter2-password`).toString('base64')}` },
      { authorization: 'Bearer' },
      { authorization: `Token ${expired}` },
      {},
    ];
    for (const headers of refused) {
      for (const path of ['/api/me', `/api/people/${DEMO_USERS.practitioner.staffId}`, '/api/imports']) {
        expect([headers.authorization, path, (await call(path, headers)).status]).toEqual([headers.authorization, path, 401]);
      }
    }
    // And on an import upload, which reads its own body.
    expect((await call('/api/imports/roster/preview', bearer(expired), { method: 'POST', body: `email,name\n${person.email},${person.name}\n`, headers: { 'content-type': 'text/csv' } })).status).toBe(401);
  });

  it('a dev sign-in header when the service is not in dev mode', async () => {
    for (const value of [`${T}/${DEMO_USERS.psw.aadObjectId}`, `${T}/dev-header-secret-7c1f`, 'no-slash-dev-header-secret-2b9a']) {
      expect((await call('/api/me', { 'x-reflect-dev-user': value })).status).toBe(401);
      expect((await call('/api/imports', { 'x-reflect-dev-user': value })).status).toBe(401);
    }
  });

  it('chat turns, including a supervision save with reflective text and case ids', async () => {
    for (const typed of ['help', 'team', 'log supervision', 'my development']) expect((await manager.say(typed)).status).toBe(200);
    expect((await practitioner.install()).status).toBe(200);
    secrets.typed.add('Jayden Okoro wants a sandwich');
    for (const typed of ['my development', 'my caseload', 'pending', 'Jayden Okoro wants a sandwich']) expect((await practitioner.say(typed)).status).toBe(200);
    expect((await practitioner.sayInChannel('my development', true)).status).toBe(200);

    const typed = {
      experience: 'Logsafe experience: home visit after the strategy discussion with the maternal grandmother.',
      reflection: 'Logsafe reflection: felt anxious about the pace of change and the father\'s new partner.',
      analysis: 'Logsafe analysis: risk reduced while the safety plan holds; the key uncertainty is the father.',
      plan: 'Logsafe plan: review the safety plan with the network before the review conference.',
      action1Text: 'Logsafe action: convene the safety network meeting',
      comment: 'Logsafe comment: I would add that the school raised the bruising first.',
    };
    const caseIds = ['LCS-8675309', 'LCS-4433221'];
    for (const v of [...Object.values(typed), ...caseIds]) secrets.typed.add(v);
    const { comment: _comment, ...formText } = typed;
    const form = supervisionFormInput(DEMO_USERS.practitioner.staffId, { ...formText, caseIds: caseIds.join(', ') });
    // First with problems: a child's name and a date of birth among the case ids, a date in the future.
    secrets.typed.add('Jayden Okoro');
    secrets.typed.add('03/02/2015');
    const wrong = await manager.invoke('supervision.save', { ...form, caseIds: `${caseIds[0]}, Jayden Okoro, 03/02/2015`, date: '2027-01-04' });
    expect(cardText(wrong.body.value)).toMatch(/Please correct/);
    const saved = await manager.invoke('supervision.save', form);
    expect(cardText(saved.body.value)).toMatch(/Supervision saved/);
    const session = (await app.store.supervision.forSupervisee(T, DEMO_USERS.practitioner.staffId)).find((s) => s.caseIds.includes(caseIds[0]!))!;
    expect(session.reflection).toBe(typed.reflection);
    const answered = await practitioner.invoke('supervision.respond', { sessionId: session.id, agreed: false, comment: typed.comment });
    expect(cardText(answered.body.value)).toMatch(/comment/i);

    const training = { note: 'Logsafe note: certificate for the court skills day' };
    const cpd = { learning: 'Logsafe learning: research on neglect and adolescents', impact: 'Logsafe impact: sharper analysis in assessments' };
    for (const v of [...Object.values(training), ...Object.values(cpd)]) secrets.typed.add(v);
    const managerName = (await app.store.staff.get(T, DEMO_USERS.manager.staffId))!.name;
    expect(cardText((await practitioner.invoke('training.save', { course: 'CS-COURT', date: '2026-11-18', status: 'completed', hours: '', note: training.note })).body.value)).toMatch(/Training saved/);
    expect(cardText((await practitioner.invoke('cpd.save', { date: '2026-11-16', type: 'reading', ...cpd, peerReflected: 'true', peerName: managerName })).body.value)).toMatch(/CPD saved/);
  });

  it('chat turns that fail: the connector refuses the reply, and a proactive send is refused', async () => {
    // Every send fails (400: the connector's clients retry 5xx for seconds): the turn fails, and so does the error reply.
    connector.respond = () => ({ status: 400 });
    expect((await manager.say('team')).status).toBeLessThan(600);
    expect((await practitioner.say('my development')).status).toBeLessThan(600);
    // The supervisee's conversation is gone (403): the record is saved, the reference marked stale.
    const theirs = `a:personal-${DEMO_USERS.practitioner.aadObjectId}`;
    connector.respond = (req) => (decodeURIComponent(req.url ?? '').includes(theirs) ? { status: 403 } : undefined);
    const reflection = 'Logsafe second reflection: the team discussed the neighbour\'s report.';
    secrets.typed.add(reflection);
    secrets.typed.add('LCS-5550123');
    const res = await manager.invoke('supervision.save', {
      rows: 3, supervisees: DEMO_USERS.practitioner.staffId, type: 'individual', date: '2026-11-19', status: 'held', duration: '90', functions: 'management,development,support,mediation',
      experience: 'x', reflection, analysis: 'y', plan: 'z', caseIds: 'LCS-5550123', wellbeing: 'false', action1Text: 'Logsafe second action', action1Owner: DEMO_USERS.practitioner.staffId, action1Due: '2026-12-04',
    });
    secrets.typed.add('Logsafe second action');
    connector.respond = undefined;
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toMatch(/Supervision saved/);
  });

  it('imports with errors: a roster preview and apply, a caseload preview', async () => {
    const psw = await token(DEMO_USERS.psw.aadObjectId);
    const staff = (await app.store.staff.all(T)).filter((s) => s.status === 'active').slice(10, 13);
    const roster = [
      'email,name,role,team,start_date',
      ...staff.map((s) => `${s.email},${s.name},${s.role},${s.team},${s.startDate}`),
      'logsafe.new.starter@demo-borough.gov.uk,Logsafe Newstarter,social wizard,Assessment 1,2026-13-45',
      `${staff[0]!.email},${staff[0]!.name},team_manager,Nowhere,not-a-date`,
    ].join('\r\n');
    secrets.typed.add('logsafe.new.starter@demo-borough.gov.uk');
    secrets.typed.add('Logsafe Newstarter');
    const upload = (path: string, body: string) => call(path, bearer(psw), { method: 'POST', body, headers: { 'content-type': 'text/csv' } });
    const preview = await upload('/api/imports/roster/preview?fileName=Logsafe%20Newstarter%20roster.csv', roster);
    expect(preview.status).toBe(200);
    expect(JSON.parse(preview.text).errors.length).toBeGreaterThan(0);
    const hash = createHash('sha256').update(roster).digest('hex');
    expect((await upload(`/api/imports/roster/apply?hash=${hash}&fileName=Logsafe%20Newstarter%20roster.csv`, roster)).status).toBe(422);
    const caseloads = ['worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help', `${staff[1]!.email},2026-11-20,3,1,0,0,0,0`, 'logsafe.unknown.worker@demo-borough.gov.uk,2026-11-20,x,1,0,0,0,0'].join('\n');
    secrets.typed.add('logsafe.unknown.worker@demo-borough.gov.uk');
    expect((await upload('/api/imports/caseloads/preview', caseloads)).status).toBe(200);
  });
});

describe('what the logs hold', () => {
  const all = () => [...lines, ...consoleLines];
  const offending = (needles: Iterable<string>) => {
    const found: { needle: string; line: string }[] = [];
    for (const needle of needles) for (const line of all()) if (needle && line.includes(needle)) found.push({ needle, line });
    return found;
  };

  it('the capture worked: requests, refusals, chat turns and the import were logged', () => {
    const parsed = lines.map((l) => JSON.parse(l) as { msg: string; path?: string; status?: number });
    expect(parsed.filter((l) => l.msg === 'request').length).toBeGreaterThan(80);
    expect(parsed.filter((l) => l.msg === 'tab request refused').length).toBeGreaterThan(40);
    expect(parsed.some((l) => l.msg === 'request' && l.path === '/api/messages')).toBe(true);
    expect(parsed.some((l) => l.msg === 'import applied')).toBe(true);
    expect(parsed.some((l) => l.msg === 'turn failed')).toBe(true);
    expect(parsed.some((l) => l.msg === 'conversation reference is stale')).toBe(true);
  });

  it('no line holds a JWT (eyJ….….…)', () => {
    expect(all().filter((l) => JWT.test(l))).toEqual([]);
  });

  it('no line holds any bearer token the service was sent', () => {
    expect(secrets.tokens.size).toBeGreaterThan(10);
    // The signature alone is as secret as the token; so is the payload.
    const parts = [...secrets.tokens].flatMap((t) => [t, ...t.split('.').filter((p) => p.length > 16)]);
    expect(offending(parts)).toEqual([]);
  });

  it('no line holds an Authorization header value', () => {
    const values = [...secrets.authorization].flatMap((v) => [v, v.replace(/^\S+\s+/, '')]).filter((v) => v.length > 8);
    expect(offending(values)).toEqual([]);
  });

  it('no line holds the X-Reflect-Dev-User value', () => {
    expect(offending(secrets.devHeader)).toEqual([]);
  });

  it('no line holds a staff member\'s name or email (every person in the demo borough)', async () => {
    const staff = await app.store.staff.all(T);
    expect(staff.length).toBeGreaterThan(300);
    const needles = staff.flatMap((s) => [s.name, s.email, s.email.split('@')[0]!]);
    expect(offending(needles)).toEqual([]);
  });

  it('no line holds reflective text, case ids, comments or other text typed into a form', () => {
    expect(offending(secrets.typed)).toEqual([]);
    expect(offending(['Logsafe', 'logsafe', 'LCS-'])).toEqual([]);
  });
});
