import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { plusDays } from '../../bot/src/domain/dates';
import type { PersonStatus } from '../../bot/src/domain/status';
import { loadConfig } from '../../bot/src/config';
import { silentLogger } from '../../bot/src/log';
import { planSweep, runSweep, DEFAULT_SWEEP } from '../../bot/src/nudges/sweep';
import type { ConversationRecord } from '../../bot/src/store/conversation-repository';
import { openStore } from '../../bot/src/store/store';
import { createAdapter } from '../../bot/src/teams/adapter';
import { ProactiveSender } from '../../bot/src/teams/proactive';
import { ReferenceKeeper } from '../../bot/src/teams/references';
import { round } from './stats';

export interface NudgeFigures {
  staff: number;
  managers: number;
  planned: number;
  planMs: number;
  planRoundTrips: number;
  statusPages: number;
  sendTarget: number;
  sendAchieved: number;
  sendShare: number;
  sent: number;
}

const TENANT = '10000000-0000-4000-8000-000000010000';
const TODAY = '2026-11-24';

function person(i: number, managers: number): PersonStatus {
  const isManager = i < managers;
  const staffId = `p-${i}`;
  // A spread of due dates from 40 days overdue to 30 days ahead.
  const nextDue = plusDays(TODAY, (i * 7) % 71 - 40);
  return {
    id: staffId,
    tenantId: TENANT,
    kind: 'status',
    staffId,
    aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Person ${i}`,
    role: isManager ? 'team_manager' : 'social_worker',
    team: `Team ${i % managers}`,
    managerId: isManager ? (i === 0 ? undefined : `p-${Math.floor(i / 10)}`) : `p-${i % managers}`,
    employment: 'permanent',
    active: true,
    startDate: '2020-09-01',
    recentSessions: [],
    nextDue,
    cancelledSinceLast: 0,
    awaitingResponse: 0,
    openActions: 0,
    overdueActions: 0,
    actions: [],
    signsOfSafety: { required: 'intro_2day', met: true },
    coreSkills: [],
    cpd: { required: true, yearStart: '2025-12-01', entries: 2, peerReflected: 1, met: true },
    computedOn: TODAY,
  };
}

/** A synthetic tenant of 10,000 staff and 1,000 managers: planning cost, then the achieved send rate. */
export async function benchNudges(log: (line: string) => void, staff = 10_000, managers = 1_000, sendRate = 40, sends = 400): Promise<NudgeFigures> {
  const store = await openStore({ database: 'bench-nudges' }, { today: () => TODAY });
  const connector = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  await new Promise<void>((r) => connector.listen(0, '127.0.0.1', () => r()));
  const serviceUrl = `http://127.0.0.1:${(connector.address() as AddressInfo).port}/`;
  try {
    const people = Array.from({ length: staff + managers }, (_, i) => person(i, managers));
    await store.collections.status.bulkUpsert(people);
    const refs: ConversationRecord[] = people.map((p) => ({
      id: p.aadObjectId!,
      tenantId: TENANT,
      aadObjectId: p.aadObjectId!,
      staffId: p.staffId,
      reference: { serviceUrl, channelId: 'msteams', conversation: { id: `a:${p.aadObjectId}` }, bot: { id: '28:bot' }, user: { id: `29:${p.aadObjectId}` } },
      updatedAt: '2026-11-01T00:00:00Z',
    }));
    await store.collections.conversations.bulkUpsert(refs);
    await store.settings.ensure(TENANT, '2026-11-01T00:00:00Z');

    const before = store.roundTrips.count;
    const t = performance.now();
    const plan = await planSweep(store, TENANT, TODAY, DEFAULT_SWEEP);
    const planMs = round(performance.now() - t, 0);
    const planRoundTrips = store.roundTrips.count - before;
    log(`  planned ${plan.nudges.length} nudges for ${people.length} people in ${planMs} ms with ${planRoundTrips} Cosmos round trips`);

    // Sending: the first `sends` nudges at the configured rate, through the real proactive path.
    const sender = new ProactiveSender(createAdapter(loadConfig({}).bot, silentLogger), '', store, new ReferenceKeeper(store), silentLogger);
    const subset = new Set(plan.nudges.slice(0, sends).map((n) => n.recipientId));
    const report = await runSweep(
      {
        store,
        send: (tenantId, aad, card) => sender.sendCard(tenantId, aad, card),
        log: silentLogger,
        instanceId: 'bench',
        now: () => new Date(),
        settings: { ...DEFAULT_SWEEP, ratePerSecond: sendRate },
      },
      TENANT,
      TODAY,
      (n) => subset.has(n.recipientId),
    );
    const achieved = round(report.sent / report.sendSeconds, 1);
    log(`  sent ${report.sent} at ${achieved}/s against a configured ${sendRate}/s`);
    return {
      staff,
      managers,
      planned: plan.nudges.length,
      planMs,
      planRoundTrips,
      statusPages: Math.ceil(people.length / 50_000),
      sendTarget: sendRate,
      sendAchieved: achieved,
      sendShare: round((achieved / sendRate) * 100, 1),
      sent: report.sent,
    };
  } finally {
    connector.close();
    await store.close();
  }
}
