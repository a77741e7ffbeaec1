import fc from 'fast-check';
import type { App } from '../../bot/src/app';
import { computeStatus } from '../../bot/src/domain/status';
import { resolvePolicy } from '../../bot/src/domain/policy';
import { applyImport, previewImport } from '../../bot/src/imports';
import { DEMO_TENANT_ID, DEMO_USERS } from '../../bot/src/store/demo-borough';
import { startTestApp } from '../support/app';
import { LocalEntra } from '../support/entra';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';
import { aStaff, openTestStore } from '../support/store';
import { TeamsUser } from '../support/teams';

/**
 * Property-based fuzzing through the real entry points, 1,000 cases each: whatever arrives, the service
 * answers with a card or a 4xx, never a 500 and never a crash, and what it stores stays whole.
 */
const RUNS = 1000;
const TODAY = '2026-11-23';

let app: App;
let entra: LocalEntra;
let connector: FakeConnector;
let manager: TeamsUser;

beforeAll(async () => {
  entra = await LocalEntra.start();
  connector = await startFakeConnector();
  app = await startTestApp(entra.env());
  manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
}, 60_000);
afterAll(async () => {
  await app.stop();
  await connector.close();
  await entra.stop();
});

const VERBS = ['supervision.save', 'supervision.open', 'supervision.addRow', 'supervision.respond', 'training.save', 'cpd.save', 'nudge.snooze', 'nudge.booked', 'nonsense.verb'];
const FIELDS = ['supervisees', 'type', 'date', 'status', 'duration', 'functions', 'experience', 'reflection', 'analysis', 'plan', 'caseIds', 'wellbeing', 'rows', 'action1Text', 'action1Owner', 'action1Due', 'saveAnyway', 'sessionId', 'agreed', 'comment', 'course', 'attendees', 'hours', 'learning', 'impact', 'peerReflected', 'kind', 'superviseeId'];
const value = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', 'true', 'false', '2026-11-20', '31/02/2026', '95', '-1', '1e9', 's-0002', 's-0001', DEMO_USERS.practitioner.staffId, 'management,development', 'LCS-1234567', 'Jayden Smith 03/02/2015', '<script>alert(1)</script>', '{"$ne":null}'),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const data = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 12 });

it(`answers ${RUNS} random card actions with a card, never a 500, and leaves every record whole`, async () => {
  const before = await app.store.collections.supervision.count(DEMO_TENANT_ID);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...VERBS), data, fc.boolean(), async (verb, input, malformed) => {
      const { status, body } = await manager.invoke(verb, input, malformed ? { action: { type: 'Action.Execute', verb, data: [input] } } : undefined);
      expect(status).toBe(200);
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    }),
    { numRuns: RUNS },
  );
  // Whatever was saved is whole: each status document is exactly what the records say.
  const sessions = await app.store.collections.supervision.all(DEMO_TENANT_ID);
  expect(sessions.length).toBeGreaterThanOrEqual(before);
  const touched = [...new Set(sessions.filter((s) => s.recordedAt.startsWith(TODAY)).map((s) => s.superviseeId))];
  const policy = resolvePolicy();
  const catalogue = await app.store.courses.catalogue(DEMO_TENANT_ID);
  for (const staffId of touched) {
    const [staff, mine, training, cpd, latest, stored] = await Promise.all([
      app.store.staff.get(DEMO_TENANT_ID, staffId),
      app.store.supervision.forSupervisee(DEMO_TENANT_ID, staffId),
      app.store.training.forStaff(DEMO_TENANT_ID, staffId),
      app.store.cpd.forStaff(DEMO_TENANT_ID, staffId),
      app.store.caseloads.latest(DEMO_TENANT_ID, staffId),
      app.store.status.get(DEMO_TENANT_ID, staffId),
    ]);
    const { _etag: _ignored, ...status } = stored!;
    expect(status).toEqual(computeStatus({ staff: staff!, sessions: mine, training, cpd, latestCaseload: latest }, catalogue, policy, TODAY));
    for (const s of mine) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
}, 300_000);

it(`answers ${RUNS} random tab API requests with JSON and a 2xx or 4xx, never a 500`, async () => {
  const token = await entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.psw.aadObjectId });
  const path = fc.oneof(
    fc.record({ team: fc.option(fc.string({ maxLength: 30 })), role: fc.option(fc.oneof(fc.string({ maxLength: 20 }), fc.constant('social_worker'))) }).map(({ team, role }) => `/api/workforce?${new URLSearchParams({ ...(team !== null ? { team } : {}), ...(role !== null ? { role } : {}) })}`),
    fc.record({ n: fc.oneof(fc.integer({ min: -5, max: 80 }).map(String), fc.string({ maxLength: 6 })), seed: fc.string({ maxLength: 120 }), from: fc.oneof(fc.constant('2026-09-01'), fc.string({ maxLength: 12 })), to: fc.oneof(fc.constant(TODAY), fc.string({ maxLength: 12 })) }).map((q) => `/api/workforce/audit-sample?${new URLSearchParams(q)}`),
    fc.string({ maxLength: 30 }).map((id) => `/api/people/${encodeURIComponent(id)}`),
    fc.tuple(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 })).map(([a, b]) => `/api/people/${encodeURIComponent(a)}/supervision/${encodeURIComponent(b)}/card`),
    fc.string({ maxLength: 12 }).map((id) => `/api/team?team=${encodeURIComponent(id)}`),
  );
  const headers = fc.oneof(fc.constant(`Bearer ${token}`), fc.string({ maxLength: 60 }), fc.constant('Bearer '), fc.string({ maxLength: 200 }).map((t) => `Bearer ${t.replace(/\s/g, '')}`));
  await fc.assert(
    fc.asyncProperty(path, headers, async (p, authorization) => {
      const res = await fetch(`${app.url}${p}`, { headers: { authorization } });
      expect(res.status).toBeLessThan(500);
      const body = await res.json();
      if (res.status >= 400) expect(typeof body.reason).toBe('string');
    }),
    { numRuns: RUNS },
  );
}, 300_000);

it(`answers ${RUNS} random bodies on /api/messages and the import endpoints with a 2xx or 4xx, never a 500`, async () => {
  const token = await entra.token({ tid: DEMO_TENANT_ID, oid: DEMO_USERS.psw.aadObjectId });
  const before = await app.store.collections.caseloads.count(DEMO_TENANT_ID);
  const activity = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.record({ type: fc.constantFrom('message', 'invoke', 'conversationUpdate', 'nonsense'), text: fc.option(fc.string({ maxLength: 40 })), name: fc.option(fc.constantFrom('adaptiveCard/action', 'x')), value: fc.option(fc.jsonValue()), from: fc.option(fc.jsonValue()), conversation: fc.option(fc.jsonValue()), channelData: fc.option(fc.jsonValue()) }).map((a) => JSON.stringify({ ...a, serviceUrl: connector.url, channelId: 'msteams', recipient: { id: '28:bot' } })),
  );
  const csv = fc.oneof(fc.string({ maxLength: 300 }), fc.array(fc.array(fc.string({ maxLength: 12 }), { maxLength: 9 }).map((r) => r.join(',')), { maxLength: 8 }).map((rows) => ['worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help', ...rows].join('\n')));
  const request = fc.oneof(
    activity.map((body) => ({ path: '/api/messages', body, headers: { 'content-type': 'application/json' } })),
    fc.tuple(fc.constantFrom('caseloads', 'roster', 'training', 'courses', 'nope'), csv).map(([kind, body]) => ({ path: `/api/imports/${kind}/preview`, body, headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` } })),
    fc.tuple(csv, fc.string({ maxLength: 70 })).map(([body, hash]) => ({ path: `/api/imports/caseloads/apply?hash=${encodeURIComponent(hash)}`, body, headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` } })),
  );
  await fc.assert(
    fc.asyncProperty(request, async ({ path, body, headers }) => {
      const res = await fetch(`${app.url}${path}`, { method: 'POST', headers, body });
      expect(res.status).toBeLessThan(500);
      await res.text();
    }),
    { numRuns: RUNS },
  );
  // An apply needs the hash of a previewed file: random hashes never match, so nothing was imported.
  expect(await app.store.collections.caseloads.count(DEMO_TENANT_ID)).toBe(before);
}, 300_000);

it(`reports ${RUNS} random caseload CSV files row by row, and applies all or nothing`, async () => {
  // A small council on a database of its own: the embedded server scans whole containers, and the demo
  // borough's would make each of the thousand imports slow without testing anything more.
  const store = await openTestStore(TODAY);
  const TENANT = '3c3c3c3c-0000-4000-8000-00000000f022';
  const people = Array.from({ length: 20 }, () => aStaff(TENANT));
  await store.collections.staff.bulkUpsert(people);
  await store.statusKeeper.refresh(TENANT, people.map((p) => p.id));
  const staff = people.map((p) => p.email);
  const cell = fc.oneof(fc.integer({ min: -3, max: 60 }).map(String), fc.string({ maxLength: 8 }), fc.constant(''));
  const row = fc.tuple(fc.oneof(fc.constantFrom(...staff), fc.emailAddress(), fc.string({ maxLength: 10 })), fc.oneof(fc.constant('2026-10-31'), fc.constant('31/10/2026'), fc.string({ maxLength: 10 })), cell, cell, cell, cell, cell, cell);
  const quote = (c: string) => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  await fc.assert(
    fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 6 }), fc.boolean(), async (rows, apply) => {
      const csv = ['worker,snapshot_date,cin,cp,cla,care_leaver,pre_proceedings,early_help', ...rows.map((r) => r.map(quote).join(','))].join('\n');
      const request = { tenantId: TENANT, actorId: 'fuzz', kind: 'caseloads' as const, input: csv, fileName: 'fuzz.csv', today: TODAY };
      const preview = await previewImport(store, request);
      expect(preview.rows).toBe(rows.length);
      expect(preview.validRows + preview.invalidRows).toBe(rows.length);
      for (const e of preview.errors) expect(e.row).toBeGreaterThanOrEqual(2);
      if (!apply) return;
      const before = await store.collections.caseloads.count(TENANT);
      const applied = await applyImport(store, { ...request, onlyValidRows: false });
      const after = await store.collections.caseloads.count(TENANT);
      if (preview.invalidRows > 0 || preview.fileRejected) expect(after).toBe(before);
      else expect(after - before).toBe(applied.creates);
    }),
    { numRuns: RUNS },
  );
  await store.close();
}, 600_000);
