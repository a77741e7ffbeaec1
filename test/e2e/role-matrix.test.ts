/**
 * Role × endpoint/command matrix for shared/domain.md "People and roles" and "Who may see what":
 *
 *   - A practitioner (asye, ecdp, social_worker, senior_practitioner, advanced_practitioner, family_practitioner):
 *     their own records.
 *   - A supervisor (team_manager, practice_manager): their supervisees' records; a group manager: everyone
 *     below them in the line.
 *   - The PSW and service managers: everyone in their tenant.
 *   - Business support: training records and imports, not supervision content (and not supervised in Reflect).
 *   - Reading another person's supervision record is written to an audit log.
 *
 * The expected value of every cell is written out in EXPECTED below from those rules, never computed by calling
 * bot/src/api/access.ts, so a mistake there shows up here. One app (tab SSO through a LocalEntra), one person
 * per role from the demo borough (or created where the demo has nobody suitable), one test line per cell.
 */
import type { App } from '../../bot/src/app';
import type { PersonReport, RecordCard, SubjectAccessExport, View, WhoAmI } from '../../bot/src/api/contract';
import { ROLES, type Role, type Staff, type SupervisionSession } from '../../bot/src/domain/model';
import type { PersonStatus } from '../../bot/src/domain/status';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { cardProblems, cardText } from '../support/cards';
import { LocalEntra } from '../support/entra';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { TeamsUser } from '../support/teams';
import { supervisionFormInput } from '../support/forms';

const T = DEMO_TENANT_ID;

// ---------------------------------------------------------------------------------------------------------
// The rules, cell by cell

type Row =
  | 'asye' | 'ecdp' | 'social_worker' | 'senior_practitioner' | 'advanced_practitioner' | 'family_practitioner'
  | 'team_manager' | 'practice_manager' | 'group_manager' | 'service_manager' | 'principal_social_worker'
  | 'business_support' | 'business_support (lead of the business support team)';

/** 200/403; 'full' = 200 with supervision content; 'training' = 200 with training only, no supervision content. */
type Http = 200 | 403;
type PersonRead = 'full' | 'training' | 403;
/** n/a: the person has nobody in their line, or (card of self) business support, who is not supervised in Reflect. */
const NA = 'n/a' as const;
type NA = typeof NA;

interface Expected {
  views: View[];
  workforce: Http;
  team: Http;
  personSelf: PersonRead;
  personLine: PersonRead | NA;
  personOutside: PersonRead;
  cardSelf: Http | NA;
  cardLine: Http | NA;
  cardOutside: Http;
  exportSelf: Http;
  exportLine: Http | NA;
  exportOutside: Http;
  auditSample: Http;
  importTemplate: Http;
  chatTeam: 'team card' | 'refused';
  chatLogSupervision: 'form' | 'refused';
  saveForOutside: 'refused';
}

const ME: View[] = ['me'];
const ME_TEAM: View[] = ['me', 'team'];
const EVERYTHING: View[] = ['me', 'team', 'workforce', 'imports'];
const ME_IMPORTS: View[] = ['me', 'imports'];

/** A practitioner: own records only; no dashboards, imports, exports of others or supervision to log. */
const PRACTITIONER: Expected = {
  views: ME, workforce: 403, team: 403,
  personSelf: 'full', personLine: NA, personOutside: 403,
  cardSelf: 200, cardLine: NA, cardOutside: 403,
  exportSelf: 200, exportLine: NA, exportOutside: 403,
  auditSample: 403, importTemplate: 403,
  chatTeam: 'refused', chatLogSupervision: 'refused', saveForOutside: 'refused',
};
/** A supervisor (team, practice, group manager): their line's records, the team view, not the workforce. */
const SUPERVISOR: Expected = {
  views: ME_TEAM, workforce: 403, team: 200,
  personSelf: 'full', personLine: 'full', personOutside: 403,
  cardSelf: 200, cardLine: 200, cardOutside: 403,
  // Subject access: your own data; requests about others are answered by the PSW and service managers.
  exportSelf: 200, exportLine: 403, exportOutside: 403,
  auditSample: 403, importTemplate: 403,
  chatTeam: 'team card', chatLogSupervision: 'form', saveForOutside: 'refused',
};
/** The PSW and service managers see everyone in the tenant (and import); they record supervision only for their line. */
const TENANT_WIDE: Expected = {
  views: EVERYTHING, workforce: 200, team: 200,
  personSelf: 'full', personLine: 'full', personOutside: 'full',
  cardSelf: 200, cardLine: 200, cardOutside: 200,
  exportSelf: 200, exportLine: 200, exportOutside: 200,
  auditSample: 200, importTemplate: 200,
  chatTeam: 'team card', chatLogSupervision: 'form', saveForOutside: 'refused',
};
/** Business support: training records and imports, never supervision content; not supervised in Reflect. */
const BUSINESS_SUPPORT: Expected = {
  views: ME_IMPORTS, workforce: 403, team: 403,
  personSelf: 'full', personLine: NA, personOutside: 'training',
  cardSelf: NA, cardLine: NA, cardOutside: 403,
  exportSelf: 200, exportLine: NA, exportOutside: 403,
  auditSample: 403, importTemplate: 200,
  chatTeam: 'refused', chatLogSupervision: 'refused', saveForOutside: 'refused',
};

const EXPECTED: Record<Row, Expected> = {
  asye: PRACTITIONER,
  ecdp: PRACTITIONER,
  social_worker: PRACTITIONER,
  senior_practitioner: PRACTITIONER,
  advanced_practitioner: PRACTITIONER,
  family_practitioner: PRACTITIONER,
  team_manager: SUPERVISOR,
  practice_manager: SUPERVISOR,
  group_manager: SUPERVISOR,
  service_manager: TENANT_WIDE,
  // Nobody reports to the PSW in the demo borough: no line, and no supervision of their own to log.
  principal_social_worker: { ...TENANT_WIDE, personLine: NA, cardLine: NA, exportLine: NA, chatLogSupervision: 'refused' },
  business_support: BUSINESS_SUPPORT,
  // The lead line-manages the other business support staff, but business support is still training records and
  // imports only: no supervision content about the people they manage, and no supervision to log for them.
  'business_support (lead of the business support team)': { ...BUSINESS_SUPPORT, personLine: 'training', exportLine: 403 },
};

const ROWS = Object.keys(EXPECTED) as Row[];

// ---------------------------------------------------------------------------------------------------------
// The people

interface Who {
  staffId: string;
  aadObjectId: string;
  /** Someone below them in the line (undefined: nobody). */
  line?: string;
  /** Someone in the tenant who is not below them in the line. */
  outside: string;
}

let app: App;
let entra: LocalEntra;
let connector: FakeConnector;
const who = {} as Record<Row, Who>;
/** A supervision session id for each person the matrix reads. */
const sessionOf = new Map<string, string>();
const tokens = new Map<string, string>();

function newPerson(id: string, over: Partial<Staff>): Staff {
  return {
    id, tenantId: T, name: `Matrix ${id}`, email: `${id}@demo-borough.gov.uk`, role: 'social_worker', team: 'Assessment 1', startDate: '2024-01-08',
    fte: 1, employment: 'permanent', status: 'active', sweNumber: 'SW990001', ...over,
  };
}

function aSession(superviseeId: string, supervisorId: string, id: string): SupervisionSession {
  return {
    id, tenantId: T, superviseeId, supervisorId, date: '2026-11-09', type: 'individual', durationMinutes: 90, status: 'held',
    functions: ['management', 'development', 'support', 'mediation'], reflection: 'Matrix reflection.', caseIds: ['LCS-7000001'], wellbeingDiscussed: false,
    actions: [{ text: 'Matrix action', ownerId: superviseeId, due: '2026-12-04', status: 'open' }], qualityFlags: [], recordedBy: supervisorId, recordedAt: '2026-11-09T16:00:00.000Z',
  };
}

beforeAll(async () => {
  entra = await LocalEntra.start();
  connector = await startFakeConnector();
  app = await startTestApp(entra.env());
  const store = app.store;
  const people = await store.status.all(T);
  const byId = new Map(people.map((p) => [p.staffId, p]));
  const active = people.filter((p) => p.active && p.aadObjectId);
  const first = (what: string, test: (p: PersonStatus) => boolean): PersonStatus => {
    const found = active.filter(test).sort((a, b) => a.staffId.localeCompare(b.staffId))[0];
    if (!found) throw new Error(`the demo borough has no ${what}`);
    return found;
  };

  // The line above the demo social worker: team manager, group manager, service manager.
  const tm = byId.get(DEMO_USERS.manager.staffId)!;
  const sw = byId.get(DEMO_USERS.practitioner.staffId)!;
  const gm = byId.get(tm.managerId!)!;
  const sm = byId.get(gm.managerId!)!;
  const psw = byId.get(DEMO_USERS.psw.staffId)!;
  expect([tm.role, sw.role, gm.role, sm.role, psw.role]).toEqual(['team_manager', 'social_worker', 'group_manager', 'service_manager', 'principal_social_worker']);
  const inTm = (role: Role) => first(`${role} under the demo team manager`, (p) => p.role === role && p.managerId === tm.staffId && p.staffId !== sw.staffId);
  const colleague = inTm('social_worker');
  const pm = first('practice manager in the demo team', (p) => p.role === 'practice_manager' && p.team === tm.team);
  // Below another service manager entirely: outside the demo service manager's (and group manager's) line.
  const belowOf = (managerId: string, p: PersonStatus): boolean => {
    for (let m = p.managerId, depth = 0; m && depth < 12; m = byId.get(m)?.managerId, depth++) if (m === managerId) return true;
    return false;
  };
  const farAway = first('practitioner outside the demo service manager\'s line', (p) => p.role === 'social_worker' && !belowOf(sm.staffId, p) && p.managerId !== undefined);
  const otherTeam = first('social worker in another team of the same group', (p) => p.role === 'social_worker' && p.team !== tm.team && belowOf(gm.staffId, p));
  const bsLead = first('business support lead', (p) => p.role === 'business_support' && byId.get(p.managerId ?? '')?.role !== 'business_support');
  const bs = first('business support member', (p) => p.role === 'business_support' && p.managerId === bsLead.staffId);

  // Missing from the demo borough: an ECDP practitioner (the programme replaces ASYE from September 2027), and
  // someone a practice manager supervises. Both go into the demo team.
  const ecdp = newPerson('rm-ecdp', { role: 'ecdp', aadObjectId: '00000000-0000-4000-8000-0000000ec0d9', managerId: tm.staffId, startDate: '2026-09-07', programme: 'ecdp', programmeStart: '2026-09-07' });
  const pmReport = newPerson('rm-pm-report', { aadObjectId: '00000000-0000-4000-8000-0000000ec0da', managerId: pm.staffId });
  await store.staff.save(ecdp);
  await store.staff.save(pmReport);

  const practitioner = (p: { staffId: string; aadObjectId?: string }): Who => ({ staffId: p.staffId, aadObjectId: p.aadObjectId!, outside: p.staffId === sw.staffId ? colleague.staffId : sw.staffId });
  Object.assign(who, {
    asye: practitioner(inTm('asye')),
    ecdp: practitioner({ staffId: ecdp.id, aadObjectId: ecdp.aadObjectId }),
    social_worker: practitioner(sw),
    senior_practitioner: practitioner(inTm('senior_practitioner')),
    advanced_practitioner: practitioner(inTm('advanced_practitioner')),
    family_practitioner: practitioner(inTm('family_practitioner')),
    team_manager: { staffId: tm.staffId, aadObjectId: tm.aadObjectId!, line: sw.staffId, outside: otherTeam.staffId },
    practice_manager: { staffId: pm.staffId, aadObjectId: pm.aadObjectId!, line: pmReport.id, outside: sw.staffId },
    // Two levels down: the group manager sees everyone below them, not only direct reports.
    group_manager: { staffId: gm.staffId, aadObjectId: gm.aadObjectId!, line: sw.staffId, outside: farAway.staffId },
    service_manager: { staffId: sm.staffId, aadObjectId: sm.aadObjectId!, line: sw.staffId, outside: farAway.staffId },
    principal_social_worker: { staffId: psw.staffId, aadObjectId: psw.aadObjectId!, outside: farAway.staffId },
    business_support: { staffId: bs.staffId, aadObjectId: bs.aadObjectId!, outside: sw.staffId },
    'business_support (lead of the business support team)': { staffId: bsLead.staffId, aadObjectId: bsLead.aadObjectId!, line: bs.staffId, outside: sw.staffId },
  } satisfies Record<Row, Who>);

  // Everyone the matrix reads a supervision card of has a session (business support is not supervised).
  const readers = ROWS.flatMap((r) => [who[r].staffId, who[r].line, who[r].outside]).filter((id): id is string => !!id);
  for (const id of new Set(readers)) {
    const person = byId.get(id) ?? (await store.status.get(T, id))!;
    if (person.role === 'business_support') continue;
    const existing = await store.supervision.forSupervisee(T, id);
    if (existing[0]) {
      sessionOf.set(id, existing[0].id);
      continue;
    }
    const session = aSession(id, person.managerId ?? psw.staffId, `rm-session-${id}`);
    await store.supervision.create([session]);
    sessionOf.set(id, session.id);
  }
  for (const r of ROWS) tokens.set(who[r].aadObjectId, await entra.token({ tid: T, oid: who[r].aadObjectId }));
}, 120_000);

afterAll(async () => {
  await app.stop();
  await connector.close();
  await entra.stop();
});

// ---------------------------------------------------------------------------------------------------------
// The cells

async function get(row: Row, path: string): Promise<{ status: number; body: any; text: string }> {
  const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${tokens.get(who[row].aadObjectId)}` } });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** The read_supervision audit entries written by this person so far. */
const supervisionReads = async (staffId: string) => (await app.store.audit.byActor(T, staffId)).filter((e) => e.action === 'read_supervision');

/** Runs a read; answers with it the read_supervision audit entries it wrote (the clock is fixed: found by id, not time). */
async function audited<R>(row: Row, read: () => Promise<R>): Promise<[R, string[]]> {
  const actor = who[row].staffId;
  const before = new Set((await supervisionReads(actor)).map((e) => e.id));
  const result = await read();
  const written = (await supervisionReads(actor)).filter((e) => !before.has(e.id)).map((e) => e.subjectId ?? '');
  return [result, written];
}

type Target = 'self' | 'line' | 'outside';
const target = (row: Row, t: Target): string => (t === 'self' ? who[row].staffId : t === 'line' ? who[row].line! : who[row].outside);

async function personCell(row: Row, t: Target, expected: PersonRead): Promise<void> {
  const subject = target(row, t);
  // Reading someone else's supervision writes one audit entry; your own, or training only, none.
  const entries = expected === 'full' && t !== 'self' ? 1 : 0;
  const [{ status, body }, written] = await audited(row, () => get(row, `/api/people/${subject}`));
  if (expected === 403) {
    expect(status).toBe(403);
    expect(body.error).toBe('forbidden');
    expect(written).toEqual([]);
    return;
  }
  expect(status).toBe(200);
  const report = body as PersonReport;
  expect(report.person.staffId).toBe(subject);
  expect(Array.isArray(report.training)).toBe(true);
  if (expected === 'full') {
    expect(Array.isArray(report.supervision.history)).toBe(true);
    if (t !== 'self') expect(report.supervision.history!.length).toBeGreaterThan(0);
  } else {
    // Business support: the training records, and no supervision content at all.
    if (subject === who[row].outside) expect(report.training.length).toBeGreaterThan(0);
    expect(report.supervision).not.toHaveProperty('history');
    expect(report.actions).toEqual([]);
    const json = JSON.stringify(report);
    for (const session of await app.store.supervision.forSupervisee(T, subject)) {
      for (const content of [session.experience, session.reflection, session.analysis, session.plan, ...session.caseIds, ...session.actions.map((a) => a.text)]) {
        if (content && content.length > 8) expect(json).not.toContain(content);
      }
    }
  }
  expect(written).toEqual(Array(entries).fill(subject));
}

async function cardCell(row: Row, t: Target, expected: Http): Promise<void> {
  const subject = target(row, t);
  const sessionId = sessionOf.get(subject)!;
  expect(sessionId).toBeTruthy();
  const entries = expected === 200 && t !== 'self' ? 1 : 0;
  const [{ status, body }, written] = await audited(row, () => get(row, `/api/people/${subject}/supervision/${sessionId}/card`));
  expect(status).toBe(expected);
  if (expected === 200) expect(cardProblems((body as RecordCard).card)).toEqual([]);
  else expect(body.error).toBe('forbidden');
  expect(written).toEqual(Array(entries).fill(subject));
}

async function exportCell(row: Row, t: Target, expected: Http): Promise<void> {
  const subject = target(row, t);
  const [{ status, body }, written] = await audited(row, () => get(row, `/api/people/${subject}/export`));
  expect(status).toBe(expected);
  // An export is audited as an export, not as a read of supervision.
  expect(written).toEqual([]);
  if (expected === 200) expect((body as SubjectAccessExport).staffId).toBe(subject);
}

const cardsSent = () =>
  connector.sent.flatMap((s) => (s.body.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive').map((a) => a.content));

async function chat(row: Row, typed: string): Promise<{ text: string; card: unknown }> {
  connector.sent = [];
  const user = new TeamsUser(app.url, connector.url, who[row].aadObjectId);
  expect((await user.say(typed)).status).toBe(200);
  const cards = cardsSent();
  expect(cards).toHaveLength(1);
  expect(cardProblems(cards[0])).toEqual([]);
  return { text: cardText(cards[0]), card: cards[0] };
}

/** The staff ids a supervision form offers as "who was supervised". */
function offered(card: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as { type?: unknown; id?: unknown; choices?: { value: string }[] };
      if (o.type === 'Input.ChoiceSet' && o.id === 'supervisees') found.push(...(o.choices ?? []).map((c) => c.value));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** A complete, valid supervision form for `superviseeId`, as Teams would submit it. */
const form = (superviseeId: string): Record<string, unknown> => supervisionFormInput(superviseeId, { caseIds: 'LCS-7000002' });

type Column = keyof Expected;
const RUN: Record<Column, (row: Row, expected: never) => Promise<void>> = {
  views: async (row, expected: View[]) => {
    const { status, body } = await get(row, '/api/me');
    expect(status).toBe(200);
    expect((body as WhoAmI).staffId).toBe(who[row].staffId);
    expect((body as WhoAmI).views).toEqual(expected);
  },
  workforce: async (row, expected: Http) => expect((await get(row, '/api/workforce')).status).toBe(expected),
  team: async (row, expected: Http) => expect((await get(row, '/api/team')).status).toBe(expected),
  personSelf: (row, expected: PersonRead) => personCell(row, 'self', expected),
  personLine: (row, expected: PersonRead) => personCell(row, 'line', expected),
  personOutside: (row, expected: PersonRead) => personCell(row, 'outside', expected),
  cardSelf: (row, expected: Http) => cardCell(row, 'self', expected),
  cardLine: (row, expected: Http) => cardCell(row, 'line', expected),
  cardOutside: (row, expected: Http) => cardCell(row, 'outside', expected),
  exportSelf: (row, expected: Http) => exportCell(row, 'self', expected),
  exportLine: (row, expected: Http) => exportCell(row, 'line', expected),
  exportOutside: (row, expected: Http) => exportCell(row, 'outside', expected),
  auditSample: async (row, expected: Http) => {
    const before = (await supervisionReads(who[row].staffId)).length;
    const { status, body } = await get(row, '/api/workforce/audit-sample?n=5&seed=role-matrix');
    expect(status).toBe(expected);
    const written = (await supervisionReads(who[row].staffId)).length - before;
    // Every sampled record is a read of someone else's supervision: one audit entry each.
    expect(written).toBe(expected === 200 ? body.records.length : 0);
    if (expected === 200) expect(body.records.length).toBe(5);
  },
  importTemplate: async (row, expected: Http) => {
    const { status, text } = await get(row, '/api/imports/roster/template');
    expect(status).toBe(expected);
    if (expected === 200) expect(text.split('\n')[0]).toMatch(/email/i);
  },
  chatTeam: async (row, expected: 'team card' | 'refused') => {
    const { text } = await chat(row, 'team');
    if (expected === 'team card') expect(text).toMatch(/^Team\n/);
    else expect(text).toMatch(/The team view is for managers/);
  },
  chatLogSupervision: async (row, expected: 'form' | 'refused') => {
    const { text, card } = await chat(row, 'log supervision');
    if (expected === 'refused') {
      expect(text).not.toMatch(/Who was supervised/);
      return;
    }
    expect(text).toMatch(/^Log supervision[\s\S]*Experience[\s\S]*Reflection[\s\S]*Analysis/);
    // Only people supervised in Reflect, and only people in the line, are offered.
    const ids = offered(card);
    expect(ids.length).toBeGreaterThan(0);
    const roles = await Promise.all(ids.map(async (id) => [id, (await app.store.status.get(T, id))?.role] as const));
    expect(roles.filter(([, role]) => role === 'business_support')).toEqual([]);
    expect(ids).not.toContain(who[row].outside);
  },
  saveForOutside: async (row) => {
    const subject = who[row].outside;
    const before = (await app.store.supervision.forSupervisee(T, subject)).length;
    const user = new TeamsUser(app.url, connector.url, who[row].aadObjectId);
    const { status, body } = await user.invoke('supervision.save', form(subject));
    expect(status).toBe(200);
    const text = cardText(body.value);
    expect(text).not.toMatch(/Supervision saved/);
    expect(text).toMatch(/(only log supervision for people in your line|Business support record training, not supervision)\. Nothing was saved/);
    expect(await app.store.supervision.forSupervisee(T, subject)).toHaveLength(before);
  },
};

const COLUMN_LABELS: Record<Column, string> = {
  views: 'GET /api/me views',
  workforce: 'GET /api/workforce',
  team: 'GET /api/team',
  personSelf: 'GET /api/people/<self>',
  personLine: 'GET /api/people/<someone in their line>',
  personOutside: 'GET /api/people/<someone outside their line>',
  cardSelf: 'GET /api/people/<self>/supervision/<session>/card',
  cardLine: 'GET /api/people/<line>/supervision/<session>/card',
  cardOutside: 'GET /api/people/<outside>/supervision/<session>/card',
  exportSelf: 'GET /api/people/<self>/export',
  exportLine: 'GET /api/people/<line>/export',
  exportOutside: 'GET /api/people/<outside>/export',
  auditSample: 'GET /api/workforce/audit-sample',
  importTemplate: 'GET /api/imports/roster/template',
  chatTeam: 'chat "team"',
  chatLogSupervision: 'chat "log supervision"',
  saveForOutside: 'invoke supervision.save for someone outside their line',
};

const describeExpected = (value: unknown): string =>
  Array.isArray(value) ? `[${value.join(', ')}]` : value === 'full' ? '200, full record incl. supervision' : value === 'training' ? '200, training only' : String(value);

// Column by column, every role; the cells that do not apply (nobody in the line; business support has no
// supervision of their own) are not test lines. Writes (chat, save) come last.
const CELLS: [string, Row, Column, unknown][] = (Object.keys(COLUMN_LABELS) as Column[]).flatMap((column) =>
  ROWS.filter((row) => EXPECTED[row][column] !== NA).map((row): [string, Row, Column, unknown] => [
    `${COLUMN_LABELS[column]} × ${row} → ${describeExpected(EXPECTED[row][column])}`,
    row,
    column,
    EXPECTED[row][column],
  ]),
);

it('the table has a row for every role Reflect knows', () => {
  expect(ROWS.filter((r) => !r.includes(' (')).sort()).toEqual([...ROLES].sort());
});

it.each(CELLS)('%s', async (_name, row, column, expected) => {
  await RUN[column](row, expected as never);
});

it('the people chosen hold the role of their row, are active, and the line/outside targets are really in/out of line', async () => {
  for (const row of ROWS) {
    const me = (await app.store.status.get(T, who[row].staffId))!;
    expect(me.active).toBe(true);
    expect(me.role).toBe(row.startsWith('business_support') ? 'business_support' : row);
    const chain = async (id: string): Promise<string[]> => {
      const ups: string[] = [];
      for (let m = (await app.store.status.get(T, id))?.managerId; m && ups.length < 12; m = (await app.store.status.get(T, m))?.managerId) ups.push(m);
      return ups;
    };
    if (who[row].line) expect(await chain(who[row].line!)).toContain(me.staffId);
    expect(await chain(who[row].outside)).not.toContain(me.staffId);
    expect(who[row].outside).not.toBe(me.staffId);
  }
});
