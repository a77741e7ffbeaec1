import type { App } from '../../bot/src/app';
import { daysBetween, isWorkingDay } from '../../bot/src/domain/dates';
import { resolvePolicy } from '../../bot/src/domain/policy';
import { lastFormalSession, supervisionDue } from '../../bot/src/domain/supervision';
import { silentLogger } from '../../bot/src/log';
import { runSweep, DEFAULT_SWEEP, type SweepReport } from '../../bot/src/nudges/sweep';
import { DEMO_TENANT_ID, generateDemoBorough } from '../../bot/src/store/demo-borough';
import { createAdapter } from '../../bot/src/teams/adapter';
import { ProactiveSender } from '../../bot/src/teams/proactive';
import { ReferenceKeeper } from '../../bot/src/teams/references';
import { startTestApp } from '../support/app';
import { cardProblems, cardText } from '../support/cards';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector';

const KEY = 'k'.repeat(40);
const SEEDED_ON = '2026-11-23';
let app: App;
let connector: FakeConnector;

beforeAll(async () => {
  connector = await startFakeConnector();
  app = await startTestApp({ NUDGE_TRIGGER_KEY: KEY, NUDGE_RATE_PER_SECOND: '50', NUDGE_SCHEDULER: 'false', CONNECTOR_TIMEOUT_MS: '1500' });
  // Everyone has opened Reflect: a 1:1 conversation reference per person, pointing at the fake connector.
  for (const s of await app.store.status.all(DEMO_TENANT_ID)) {
    if (!s.aadObjectId) continue;
    await app.store.conversations.save({
      tenantId: DEMO_TENANT_ID,
      aadObjectId: s.aadObjectId,
      staffId: s.staffId,
      reference: { serviceUrl: connector.url, channelId: 'msteams', conversation: { id: `a:${s.aadObjectId}`, conversationType: 'personal', tenantId: DEMO_TENANT_ID }, bot: { id: '28:bot' }, user: { id: `29:${s.aadObjectId}` } },
      updatedAt: '2026-11-01T00:00:00Z',
    });
  }
}, 60_000);
afterAll(async () => {
  await app.stop();
  await connector.close();
});
beforeEach(() => {
  connector.sent = [];
  connector.respond = undefined;
});

const trigger = async (date: string, key = KEY): Promise<{ status: number; body: { reports?: SweepReport[] } }> => {
  const res = await fetch(`${app.url}/api/nudges/run?date=${date}`, { method: 'POST', headers: { authorization: `Bearer ${key}` } });
  return { status: res.status, body: (await res.json()) as { reports?: SweepReport[] } };
};

/** Who should hear from Reflect on `date`, worked out from the demo data with the domain rules directly. */
function expectedRecipients(date: string): { practitioners: Set<string>; digests: Set<string> } {
  const demo = generateDemoBorough({ tenantId: DEMO_TENANT_ID, today: SEEDED_ON });
  const policy = resolvePolicy();
  const byId = new Map(demo.staff.map((s) => [s.id, s]));
  const practitioners = new Set<string>();
  const digests = new Set<string>();
  for (const s of demo.staff.filter((p) => p.status === 'active')) {
    const due = supervisionDue(s, lastFormalSession(demo.sessions.filter((x) => x.superviseeId === s.id)), policy);
    if (!due || daysBetween(date, due) > policy.dueSoonDays) continue;
    practitioners.add(s.id);
    const manager = s.managerId ? byId.get(s.managerId) : undefined;
    if (manager?.status !== 'active') continue;
    digests.add(manager.id);
    const above = manager.managerId ? byId.get(manager.managerId) : undefined;
    if (above?.status === 'active' && daysBetween(due, date) >= 14) digests.add(above.id);
  }
  return { practitioners, digests };
}

const aadToStaff = async (): Promise<Map<string, string>> => new Map((await app.store.status.all(DEMO_TENANT_ID)).map((s) => [`a:${s.aadObjectId}`, s.staffId]));

describe('the daily sweep', () => {
  it('sends exactly the expected nudges on a working day, and nothing on a second run', async () => {
    const date = '2026-11-24'; // a Tuesday: supervision reminders and digests only
    const expected = expectedRecipients(date);
    const { status, body } = await trigger(date);
    expect(status).toBe(200);
    const report = body.reports!.find((r) => r.tenantId === DEMO_TENANT_ID)!;
    expect(report).toMatchObject({ leaseHeld: false, failed: 0, unreachable: 0, skipped: 0 });
    expect(report.sent).toBe(expected.practitioners.size + expected.digests.size);

    const staffOf = await aadToStaff();
    const byRecipient = new Map<string, string[]>();
    for (const s of connector.sent) {
      const text = cardText(s.body.attachments?.[0]?.content);
      const list = byRecipient.get(staffOf.get(s.conversationId)!) ?? [];
      list.push(text.startsWith('Supervision today') ? 'digest' : 'reminder');
      byRecipient.set(staffOf.get(s.conversationId)!, list);
      expect(cardProblems(s.body.attachments?.[0]?.content)).toEqual([]);
    }
    const reminded = [...byRecipient].filter(([, kinds]) => kinds.includes('reminder')).map(([id]) => id);
    const digested = [...byRecipient].filter(([, kinds]) => kinds.includes('digest')).map(([id]) => id);
    expect(new Set(reminded)).toEqual(expected.practitioners);
    expect(new Set(digested)).toEqual(expected.digests);
    expect([...byRecipient.values()].every((kinds) => new Set(kinds).size === kinds.length)).toBe(true); // one of each kind at most

    connector.sent = [];
    const again = await trigger(date);
    expect(again.body.reports![0]).toMatchObject({ sent: 0, skipped: report.planned });
    expect(connector.sent).toHaveLength(0);
  }, 60_000);

  it('sends nothing on a weekend or a bank holiday', async () => {
    for (const date of ['2026-11-28', '2026-12-25', '2026-12-28']) {
      expect(isWorkingDay(date)).toBe(false);
      const { body } = await trigger(date);
      expect(body.reports![0]).toMatchObject({ notWorkingDay: true, sent: 0, planned: 0 });
    }
    expect(connector.sent).toHaveLength(0);
  });

  it('rides out 429s with Retry-After: everything delivered, nothing twice', async () => {
    let throttled = 0;
    connector.respond = () => (throttled++ < 3 ? { status: 429, headers: { 'retry-after': '1' } } : undefined);
    const { body } = await trigger('2026-11-25');
    const report = body.reports![0]!;
    expect(throttled).toBeGreaterThan(3);
    expect(report.failed).toBe(0);
    expect(report.sent).toBe(report.planned);
    expect(connector.sent).toHaveLength(report.sent);
    const keys = connector.sent.map((s) => `${s.conversationId}|${cardText(s.body.attachments?.[0]?.content).split('\n')[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
  }, 60_000);

  it('caps a very long Retry-After instead of stalling the sweep for an hour', async () => {
    let throttled = 0;
    connector.respond = () => (throttled++ < 1 ? { status: 429, headers: { 'retry-after': '3600' } } : undefined);
    const started = Date.now();
    const { body } = await trigger('2026-12-01');
    const report = body.reports![0]!;
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(report.failed).toBe(0);
    expect(report.sent).toBe(report.planned);
  }, 60_000);

  it('marks a reference refused with 403 as stale and delivers to everyone else', async () => {
    const expected = expectedRecipients('2026-11-26');
    const victimId = [...expected.practitioners][0]!;
    const victim = (await app.store.status.get(DEMO_TENANT_ID, victimId))!;
    connector.respond = (req) => (decodeURIComponent(req.url ?? '').includes(`a:${victim.aadObjectId}`) ? { status: 403 } : undefined);
    const { body } = await trigger('2026-11-26');
    const report = body.reports![0]!;
    expect(report.unreachable).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);
    expect(report.sent + report.unreachable).toBe(report.planned);
    expect((await app.store.conversations.get(DEMO_TENANT_ID, victim.aadObjectId!))?.staleSince).toBeDefined();
    expect(connector.sent.some((s) => s.conversationId === `a:${victim.aadObjectId}`)).toBe(false);
    // A stale reference is not tried again.
    connector.respond = undefined;
    connector.sent = [];
    await trigger('2026-11-27');
    expect(connector.sent.some((s) => s.conversationId === `a:${victim.aadObjectId}`)).toBe(false);
  }, 60_000);

  it('treats a 404 (the conversation is gone) like a 403: stale, not retried, everyone else delivered', async () => {
    const victimId = [...expectedRecipients('2026-12-02').practitioners].at(-1)!;
    const victim = (await app.store.status.get(DEMO_TENANT_ID, victimId))!;
    connector.respond = (req) => (decodeURIComponent(req.url ?? '').includes(`a:${victim.aadObjectId}`) ? { status: 404 } : undefined);
    const report = (await trigger('2026-12-02')).body.reports![0]!;
    expect(report.failed).toBe(0);
    expect(report.unreachable).toBeGreaterThanOrEqual(1);
    expect(report.sent + report.unreachable).toBe(report.planned);
    expect((await app.store.conversations.get(DEMO_TENANT_ID, victim.aadObjectId!))?.staleSince).toBeDefined();
  }, 60_000);

  it('gives up on a send that hangs (connector timeout), records it failed, and delivers to everyone else', async () => {
    const victimId = [...expectedRecipients('2026-12-03').practitioners][0]!;
    const victim = (await app.store.status.get(DEMO_TENANT_ID, victimId))!;
    connector.delayFor = (req) => (decodeURIComponent(req.url ?? '').includes(`a:${victim.aadObjectId}`) ? 60_000 : undefined);
    try {
      const started = Date.now();
      const report = (await trigger('2026-12-03')).body.reports![0]!;
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(report.failed).toBeGreaterThanOrEqual(1);
      expect(report.sent + report.unreachable + report.failed).toBe(report.planned);
      // Only the hung conversation failed (the victim may be owed more than one nudge).
      const failed = (await app.store.nudges.onDate(DEMO_TENANT_ID, '2026-12-03')).filter((n) => n.state === 'failed');
      expect(new Set(failed.map((n) => n.recipientId))).toEqual(new Set([victimId]));
      expect(connector.sent.some((s) => s.conversationId === `a:${victim.aadObjectId}`)).toBe(false);
    } finally {
      connector.delayFor = undefined;
    }
  }, 60_000);

  it('sends each nudge once when two instances sweep at the same moment', async () => {
    const sender = new ProactiveSender(createAdapter(app.config.bot, silentLogger), '', app.store, new ReferenceKeeper(app.store), silentLogger);
    const deps = (instanceId: string) => ({
      store: app.store,
      send: (t: string, a: string, c: Record<string, unknown>) => sender.sendCard(t, a, c),
      log: silentLogger,
      instanceId,
      now: () => new Date('2026-11-30T09:00:00Z'),
      settings: { ...DEFAULT_SWEEP, ratePerSecond: 50 },
    });
    const [one, two] = await Promise.all([runSweep(deps('instance-1'), DEMO_TENANT_ID, '2026-11-30'), runSweep(deps('instance-2'), DEMO_TENANT_ID, '2026-11-30')]);
    expect(one.sent + one.unreachable + two.sent + two.unreachable).toBe(Math.max(one.planned, two.planned));
    expect(one.failed + two.failed).toBe(0);
    expect([one.leaseHeld, two.leaseHeld].filter(Boolean).length).toBe(1);
    const keys = connector.sent.map((s) => `${s.conversationId}|${cardText(s.body.attachments?.[0]?.content).split('\n')[0]}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe(one.sent + two.sent);
  }, 60_000);

  it('refuses the trigger without the key', async () => {
    expect((await trigger('2026-11-24', 'wrong'.padEnd(40, 'x'))).status).toBe(401);
    const res = await fetch(`${app.url}/api/nudges/run`, { method: 'POST' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
    expect((await trigger('24/11/2026')).status).toBe(400);
  });
});

describe('controls on the cards', () => {
  it('"remind me tomorrow" holds back the next reminder for a day', async () => {
    const { TeamsUser } = await import('../support/teams');
    const { DEMO_USERS } = await import('../../bot/src/store/demo-borough');
    const manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
    const res = await manager.invoke('nudge.snooze', { kind: 'manager_digest' });
    expect(cardText(res.body.value)).toMatch(/no more of these reminders until 24 Nov 2026/);
    const holds = await app.store.nudges.holds(DEMO_TENANT_ID, '2026-11-23');
    expect(holds.find((h) => h.staffId === DEMO_USERS.manager.staffId)).toMatchObject({ docType: 'snooze', kind: 'manager_digest', date: '2026-11-24' });
  });

  it('a manager records a booked session for someone in their line, and not for others', async () => {
    const { TeamsUser } = await import('../support/teams');
    const { DEMO_USERS } = await import('../../bot/src/store/demo-borough');
    const manager = new TeamsUser(app.url, connector.url, DEMO_USERS.manager.aadObjectId);
    const id = DEMO_USERS.practitioner.staffId;
    const ok = await manager.invoke('nudge.booked', { superviseeId: id, [`booked_${id}`]: '2026-12-02' });
    expect(cardText(ok.body.value)).toMatch(/booked for 2 Dec 2026/);
    expect((await app.store.nudges.holds(DEMO_TENANT_ID, '2026-11-23')).find((h) => h.docType === 'booking' && h.staffId === id)?.date).toBe('2026-12-02');
    const past = await manager.invoke('nudge.booked', { superviseeId: id, [`booked_${id}`]: '2026-11-01' });
    expect(cardText(past.body.value)).toMatch(/today or later/);
    const outside = await manager.invoke('nudge.booked', { superviseeId: DEMO_USERS.psw.staffId, [`booked_${DEMO_USERS.psw.staffId}`]: '2026-12-02' });
    expect(cardText(outside.body.value)).toMatch(/only record bookings for people in your line/);
  });
});
