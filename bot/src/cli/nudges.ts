import { loadConfig } from '../config';
import { formatDate, isLocalDate, dateIn } from '../domain/dates';
import type { Nudge } from '../domain/nudges';
import { ROLE_LABELS } from '../domain/model';
import { createLogger } from '../log';
import { planSweep, runSweep, DEFAULT_SWEEP } from '../nudges/sweep';
import { DEMO_TENANT_ID } from '../store/demo-borough';
import { seedDemoBorough } from '../store/seed';
import { openStore } from '../store/store';
import { createAdapter } from '../teams/adapter';
import { ProactiveSender } from '../teams/proactive';
import { ReferenceKeeper } from '../teams/references';

const USAGE = 'Usage: npm run nudges -- [--dry-run] [--date YYYY-MM-DD] [--tenant <tenant id>]';

function why(n: Nudge): string {
  switch (n.kind) {
    case 'practitioner': {
      const reasons: string[] = [];
      if (n.supervision) reasons.push(n.supervision.standing.state === 'overdue' ? `supervision overdue by ${n.supervision.standing.daysOverdue} days` : `supervision due ${formatDate(n.supervision.standing.due!)}`);
      if (n.overdueActions.length) reasons.push(`${n.overdueActions.length} action(s) past due`);
      if (n.cpdShort) reasons.push(`CPD ${n.cpdShort.entries} of 2 (${n.cpdShort.peerReflected} peer-reflected)`);
      return reasons.join('; ');
    }
    case 'manager_digest':
      return `digest: ${n.supervisees.length} supervisee(s) due or overdue${n.escalated.length ? `, ${n.escalated.length} escalated` : ''}`;
    case 'psw_weekly':
      return `weekly figures: ${n.figures.withinPolicyPercent}% within policy, ${n.unreachable.length} unreachable`;
  }
}

/** `npm run nudges`: who would be nudged today (or on --date) and why; without --dry-run, sends them. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const known = new Set(['--dry-run', '--date', '--tenant']);
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  const config = loadConfig();
  const date = value('--date') ?? dateIn(new Date(), config.timeZone);
  if (unknown.length || !isLocalDate(date)) {
    process.stderr.write(`${unknown.length ? `Unknown option ${unknown[0]}. ` : `--date must be YYYY-MM-DD. `}${USAGE}\n`);
    process.exit(2);
  }
  const dryRun = args.includes('--dry-run');
  const tenantId = value('--tenant') ?? DEMO_TENANT_ID;
  const store = await openStore(config.cosmos, { today: () => date });
  try {
    if (store.embedded) {
      process.stdout.write('COSMOS_ENDPOINT is not set: using the embedded database with the demo borough (in memory).\n');
      await seedDemoBorough(store, tenantId, date);
    }
    const settings = { ...DEFAULT_SWEEP, ratePerSecond: config.nudges.ratePerSecond, escalateAfterDays: config.nudges.escalateAfterDays };
    if (dryRun) {
      const { nudges, people } = await planSweep(store, tenantId, date, settings);
      process.stdout.write(`Nudges for ${formatDate(date)} (tenant ${tenantId}): ${nudges.length}\n`);
      for (const n of nudges) {
        const p = people.get(n.recipientId);
        process.stdout.write(`  ${(p?.name ?? n.recipientId).padEnd(26)} ${(p ? ROLE_LABELS[p.role] : '').padEnd(24)} ${why(n)}\n`);
      }
      return;
    }
    const log = createLogger(config.logLevel, { service: 'reflect-nudges' });
    const adapter = createAdapter(config.bot, log);
    const sender = new ProactiveSender(adapter, config.bot.appId ?? '', store, new ReferenceKeeper(store), log);
    const report = await runSweep({ store, send: (t, a, c) => sender.sendCard(t, a, c), log, instanceId: `cli:${process.pid}`, now: () => new Date(), settings }, tenantId, date);
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Nudges failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
