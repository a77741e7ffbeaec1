import type { App } from '../../bot/src/app';
import type { AuditSample, PersonReport, RecordCard, SubjectAccessExport, WhoAmI, WorkforceReport } from '../../bot/src/api/contract';
import { supervisionStanding } from '../../bot/src/domain/supervision';
import type { Staff } from '../../bot/src/domain/model';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { cardProblems } from '../support/cards';
import { LocalEntra } from '../support/entra';

const OTHER_TENANT = '99999999-0000-4000-8000-000000000099';
const OTHER_PSW_OID = '99999999-0000-4000-8000-00000000b0b1';
const TODAY = '2026-11-23';

let app: App;
let entra: LocalEntra;

beforeAll(async () => {
  entra = await LocalEntra.start();
  app = await startTestApp(entra.env());
  // A second council with two people, one of them sharing a name pattern nobody in the demo borough has.
  const person = (id: string, over: Partial<Staff>): Staff => ({
    id, tenantId: OTHER_TENANT, name: 'Other', email: `${id}@other.example`, role: 'social_worker', team: 'Elsewhere Team', startDate: '2020-01-06', fte: 1, employment: 'permanent', status: 'active', ...over,
  });
  await app.store.staff.save(person('s-0003', { name: 'Otherborough Lead', role: 'principal_social_worker', aadObjectId: OTHER_PSW_OID }));
  await app.store.staff.save(person('s-9001', { name: 'Otherborough Worker', managerId: 's-0003' }));
});
afterAll(async () => {
  await app.stop();
  await entra.stop();
});

const as = (oid: string, tid = DEMO_TENANT_ID) => entra.token({ tid, oid });
async function get(path: string, token?: string | Promise<string>, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const t = await token;
  const res = await fetch(`${app.url}${path}`, { headers: { ...(t ? { authorization: `Bearer ${t}` } : {}), ...headers } });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('tab API sign-in', () => {
  it('answers a valid token with the person and the views their role opens', async () => {
    const { status, body } = await get('/api/me', as(DEMO_USERS.psw.aadObjectId));
    expect(status).toBe(200);
    expect(body as WhoAmI).toMatchObject({ staffId: 's-0003', role: 'principal_social_worker', views: ['me', 'team', 'workforce', 'imports'], devMode: false, today: TODAY });
    expect((await get('/api/me', as(DEMO_USERS.practitioner.aadObjectId))).body.views).toEqual(['me']);
    expect((await get('/api/me', as(DEMO_USERS.manager.aadObjectId))).body.views).toEqual(['me', 'team']);
  });

  const oid = DEMO_USERS.psw.aadObjectId;
  it.each([
    ['no token', () => undefined, 'no bearer token'],
    ['an expired token', () => entra.token({ tid: DEMO_TENANT_ID, oid, exp: Math.floor(Date.now() / 1000) - 3600 }), 'expired'],
    ['a token for another application', () => entra.token({ tid: DEMO_TENANT_ID, oid, claims: { aud: 'api://elsewhere.example/1234' } }), 'another application'],
    ['a token issued by another tenant', () => entra.token({ tid: DEMO_TENANT_ID, oid, claims: { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` } }), 'another tenant'],
    ['a token with a bad signature', () => entra.token({ tid: DEMO_TENANT_ID, oid, stranger: true }), 'signature is not valid'],
    ['a token signed with an unknown key', () => entra.token({ tid: DEMO_TENANT_ID, oid, stranger: true, kid: 'key-9' }), 'unknown key'],
    ['a token without the scope', () => entra.token({ tid: DEMO_TENANT_ID, oid, claims: { scp: 'User.Read' } }), 'scope'],
    ['a malformed header', () => 'a b c', 'Bearer'],
  ])('refuses %s with 401 and a JSON reason', async (_what, token, reason) => {
    const t = await token();
    const res = await fetch(`${app.url}/api/workforce`, { headers: t ? { authorization: t === 'a b c' ? t : `Bearer ${t}` } : {} });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toBe('unauthorized');
    expect(body.reason.toLowerCase()).toContain(reason.toLowerCase());
  });

  it('refuses the dev sign-in header when the service is not in local dev mode', async () => {
    const res = await get('/api/me', undefined, { 'x-reflect-dev-user': `${DEMO_TENANT_ID}/${oid}` });
    expect(res.status).toBe(401);
    expect(res.body.reason).toContain('local dev mode');
    expect((await get('/api/dev/users')).status).toBe(404);
  });

  it('answers 403 to a valid token for someone not on the roster of that tenant', async () => {
    const res = await get('/api/me', as(DEMO_USERS.psw.aadObjectId, OTHER_TENANT));
    expect(res.status).toBe(403);
    expect(res.body.reason).toContain('staff list');
  });
});

describe('roles and scope', () => {
  it('gives the PSW the whole tenant, with figures that match the status documents', async () => {
    const { status, body } = await get('/api/workforce', as(DEMO_USERS.psw.aadObjectId));
    expect(status).toBe(200);
    const report = body as WorkforceReport;
    const statuses = (await app.store.status.all(DEMO_TENANT_ID)).filter((p) => p.active);
    const standings = statuses.map((p) => supervisionStanding(p.nextDue, TODAY, { dueSoonDays: 3 } as never)).filter((s) => s.state !== 'not_supervised');
    expect(report.people).toBe(statuses.length);
    expect(report.supervision.supervised).toBe(standings.length);
    expect(report.supervision.overdue).toHaveLength(standings.filter((s) => s.state === 'overdue').length);
    expect(report.supervision.overdue.length).toBeGreaterThan(0);
    expect(report.supervision.trend).toHaveLength(12);
    // The last point of the trend is today's figure, recomputed from the sessions independently.
    expect(report.supervision.trend.at(-1)).toMatchObject({ asOf: TODAY, supervised: report.supervision.supervised, withinPolicy: report.supervision.withinPolicy });
    expect(report.caseloads.distribution.reduce((n, b) => n + b.count, 0)).toBe(report.caseloads.withCaseload);
    expect(report.caseloads.withCaseload).toBe(statuses.filter((p) => p.caseload).length);
    expect(report.caseloads.people.length).toBeGreaterThan(0);
    expect(report.caseloads.people.every((p) => p.band === 'near' || p.band === 'over')).toBe(true);
    expect(report.cpd.people.every((p) => !p.met)).toBe(true);
    expect(report.asye.length).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain('Otherborough');
  });

  it('shows a supervision logged a moment ago (no stale dashboard after a write)', async () => {
    const psw = as(DEMO_USERS.psw.aadObjectId);
    const before = (await get('/api/workforce', psw)).body as WorkforceReport;
    const late = before.supervision.overdue.find((r) => r.staffId !== DEMO_USERS.practitioner.staffId)!;
    const staff = (await app.store.staff.get(DEMO_TENANT_ID, late.staffId))!;
    await app.store.supervision.create([{
      id: `sup-now-${late.staffId}`, tenantId: DEMO_TENANT_ID, superviseeId: late.staffId, supervisorId: staff.managerId!, date: TODAY, type: 'individual', durationMinutes: 90, status: 'held',
      functions: ['management', 'development', 'support', 'mediation'], caseIds: [], wellbeingDiscussed: false, actions: [], qualityFlags: [], recordedBy: staff.managerId!, recordedAt: `${TODAY}T09:00:00Z`,
    }]);
    const after = (await get('/api/workforce', psw)).body as WorkforceReport;
    expect(after.supervision.overdue.map((r) => r.staffId)).not.toContain(late.staffId);
    expect(after.supervision.withinPolicy).toBe(before.supervision.withinPolicy + 1);
  });

  it('filters by team and role, and refuses a team outside the view', async () => {
    const psw = as(DEMO_USERS.psw.aadObjectId);
    const all = (await get('/api/workforce', psw)).body as WorkforceReport;
    const team = all.options.teams[0]!;
    const filtered = (await get(`/api/workforce?team=${encodeURIComponent(team)}&role=social_worker`, psw)).body as WorkforceReport;
    expect(filtered.filters).toEqual({ team, role: 'social_worker' });
    expect(filtered.supervision.overdue.every((r) => r.team === team && r.roleLabel === 'Social worker')).toBe(true);
    expect(filtered.people).toBeLessThan(all.people);
    expect((await get('/api/workforce?team=Nowhere', psw)).status).toBe(400);
    expect((await get('/api/workforce?role=wizard', psw)).body.reason).toContain('role');
  });

  it('gives a manager their line only, and refuses them the workforce', async () => {
    const manager = as(DEMO_USERS.manager.aadObjectId);
    expect((await get('/api/workforce', manager)).status).toBe(403);
    const { status, body } = await get('/api/team', manager);
    expect(status).toBe(200);
    const staff = await app.store.collections.staff.all(DEMO_TENANT_ID);
    const line = staff.filter((s) => s.managerId === DEMO_USERS.manager.staffId && s.status === 'active');
    expect(line.length).toBeGreaterThan(0);
    expect((body as WorkforceReport).people).toBe(line.length);
    const outsider = staff.find((s) => s.managerId && s.managerId !== DEMO_USERS.manager.staffId && s.id !== DEMO_USERS.manager.staffId)!;
    expect((await get(`/api/people/${outsider.id}`, manager)).status).toBe(403);
  });

  it('lets a manager read a supervisee, and writes that read to the audit log', async () => {
    const before = (await app.store.audit.byActor(DEMO_TENANT_ID, DEMO_USERS.manager.staffId)).length;
    const { status, body } = await get(`/api/people/${DEMO_USERS.practitioner.staffId}`, as(DEMO_USERS.manager.aadObjectId));
    expect(status).toBe(200);
    expect((body as PersonReport).supervision.history!.length).toBeGreaterThan(0);
    const entries = await app.store.audit.byActor(DEMO_TENANT_ID, DEMO_USERS.manager.staffId);
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({ action: 'read_supervision', subjectId: DEMO_USERS.practitioner.staffId });
  });

  it('refuses a practitioner anyone else, and the dashboards', async () => {
    const practitioner = as(DEMO_USERS.practitioner.aadObjectId);
    const other = await get(`/api/people/${DEMO_USERS.manager.staffId}`, practitioner);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('forbidden');
    expect((await get('/api/team', practitioner)).status).toBe(403);
    expect((await get('/api/workforce/audit-sample', practitioner)).status).toBe(403);
    expect((await get(`/api/people/${DEMO_USERS.manager.staffId}/export`, practitioner)).status).toBe(403);
    // Someone who does not exist gets the same answer as someone out of reach.
    expect((await get('/api/people/s-nobody', practitioner)).status).toBe(403);
  });

  it('shows a practitioner their own development without an audit entry', async () => {
    const before = (await app.store.audit.about(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId)).length;
    const { status, body } = await get(`/api/people/${DEMO_USERS.practitioner.staffId}`, as(DEMO_USERS.practitioner.aadObjectId));
    expect(status).toBe(200);
    const report = body as PersonReport;
    expect(report.person.name).toBeTruthy();
    expect(report.cpd.yearLabel).toBe('2025–26');
    expect((await app.store.audit.about(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId)).length).toBe(before);
  });

  it('keeps tenants apart: the other council sees its own two people and nothing of the demo borough', async () => {
    const { status, body } = await get('/api/workforce', entra.token({ tid: OTHER_TENANT, oid: OTHER_PSW_OID }));
    expect(status).toBe(200);
    const report = body as WorkforceReport;
    expect(report.people).toBe(2);
    expect(report.options.teams).toEqual(['Elsewhere Team']);
    expect((await get(`/api/people/${DEMO_USERS.practitioner.staffId}`, entra.token({ tid: OTHER_TENANT, oid: OTHER_PSW_OID }))).status).toBe(403);
  });
});

describe('records, samples and exports', () => {
  it('renders a supervision record as a valid Adaptive Card and audits the read', async () => {
    const manager = as(DEMO_USERS.manager.aadObjectId);
    const person = (await get(`/api/people/${DEMO_USERS.practitioner.staffId}`, manager)).body as PersonReport;
    const session = person.supervision.history!.find((s) => s.status === 'held')!;
    const { status, body } = await get(`/api/people/${DEMO_USERS.practitioner.staffId}/supervision/${session.id}/card`, manager);
    expect(status).toBe(200);
    expect(cardProblems((body as RecordCard).card)).toEqual([]);
    const entries = await app.store.audit.byActor(DEMO_TENANT_ID, DEMO_USERS.manager.staffId);
    expect(entries.filter((e) => e.action === 'read_supervision').map((e) => e.details)).toContainEqual({ view: 'record', sessionIds: [session.id] });
    // A session id that belongs to someone else is not found under this person.
    const others = (await app.store.supervision.forSupervisee(DEMO_TENANT_ID, DEMO_USERS.manager.staffId))[0]!;
    expect((await get(`/api/people/${DEMO_USERS.practitioner.staffId}/supervision/${others.id}/card`, manager)).status).toBe(404);
  });

  it('draws the same audit sample from the same seed, and another from another seed', async () => {
    const psw = as(DEMO_USERS.psw.aadObjectId);
    const a = (await get('/api/workforce/audit-sample?n=12&seed=2026-Q4', psw)).body as AuditSample;
    const b = (await get('/api/workforce/audit-sample?n=12&seed=2026-Q4', psw)).body as AuditSample;
    const c = (await get('/api/workforce/audit-sample?n=12&seed=another', psw)).body as AuditSample;
    expect(a.records).toHaveLength(12);
    expect(a.population).toBeGreaterThan(500);
    expect(b.records.map((r) => r.sessionId)).toEqual(a.records.map((r) => r.sessionId));
    expect(c.records.map((r) => r.sessionId)).not.toEqual(a.records.map((r) => r.sessionId));
    expect(a.records.every((r) => r.date >= a.from && r.date <= a.to)).toBe(true);
    const audited = await app.store.audit.byActor(DEMO_TENANT_ID, DEMO_USERS.psw.staffId);
    expect(audited.filter((e) => (e.details as { view?: string })?.view === 'audit_sample').length).toBeGreaterThanOrEqual(36);
  });

  it.each([
    ['n=0', 'n must be'],
    ['n=51', 'n must be'],
    ['from=2026-13-01', 'from must be a date'],
    ['from=2026-11-01&to=2026-10-01', 'on or before'],
    ['from=2024-01-01', 'last 12 months'],
    ['to=2027-01-01', 'future'],
    [`seed=${'x'.repeat(101)}`, 'seed'],
    ['n=1&n=2', 'once'],
  ])('refuses an audit sample with %s: 400 and the field', async (query, reason) => {
    const { status, body } = await get(`/api/workforce/audit-sample?${query}`, as(DEMO_USERS.psw.aadObjectId));
    expect(status).toBe(400);
    expect(body.reason).toContain(reason);
  });

  it('exports everything held about a person, and audits the export', async () => {
    const res = await get(`/api/people/${DEMO_USERS.practitioner.staffId}/export`, as(DEMO_USERS.practitioner.aadObjectId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = res.body as SubjectAccessExport;
    const sessions = await app.store.supervision.forSupervisee(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId);
    expect(data.containers.staff).toHaveLength(1);
    expect(data.containers.supervision).toHaveLength(sessions.length);
    expect(Object.keys(data.containers).sort()).toEqual(['audit', 'caseloads', 'conversations', 'cpd', 'holds', 'nudges', 'staff', 'status', 'supervision', 'training']);
    expect(JSON.stringify(data)).not.toContain('_etag');
    const audit = await app.store.audit.about(DEMO_TENANT_ID, DEMO_USERS.practitioner.staffId);
    expect(audit.some((e) => e.action === 'export')).toBe(true);
  });
});

describe('the tab pages', () => {
  it('are served with a CSP that lets only Teams and Microsoft 365 frame them', async () => {
    const res = await fetch(`${app.url}/tab/index.html`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self' https://teams.microsoft.com");
    expect(csp).toContain("script-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${app.url}/tab/..%2f..%2fpackage.json`)).status).toBe(404);
  });
});

describe('local dev mode', () => {
  it('lists the demo users and accepts the dev sign-in only there', async () => {
    const dev = await startTestApp();
    try {
      const users = await (await fetch(`${dev.url}/api/dev/users`)).json();
      expect(users.map((u: { aadObjectId: string }) => u.aadObjectId)).toEqual([DEMO_USERS.manager.aadObjectId, DEMO_USERS.practitioner.aadObjectId, DEMO_USERS.psw.aadObjectId]);
      const me = await fetch(`${dev.url}/api/me`, { headers: { 'x-reflect-dev-user': `${DEMO_TENANT_ID}/${DEMO_USERS.psw.aadObjectId}` } });
      expect(me.status).toBe(200);
      expect((await me.json()).devMode).toBe(true);
    } finally {
      await dev.stop();
    }
  });
});
