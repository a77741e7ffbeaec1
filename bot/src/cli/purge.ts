import { loadConfig } from '../config';
import { dateIn, formatDate, isLocalDate } from '../domain/dates';
import { MAX_RETENTION_YEARS, MIN_RETENTION_YEARS } from '../domain/retention';
import { createLogger, silentLogger } from '../log';
import { DEMO_TENANT_ID } from '../store/demo-borough';
import { seedDemoBorough } from '../store/seed';
import { openStore } from '../store/store';
import { purgeExpiredLeavers, runRetention, type RetentionReport } from '../usecases/retention';

const USAGE = 'Usage: npm run purge -- [--dry-run] [--date YYYY-MM-DD] [--tenant <tenant id>] [--years N]';

function print(report: RetentionReport): void {
  const verb = report.dryRun ? 'due for purge' : 'purged';
  if (report.leaseHeld) {
    process.stdout.write(`Tenant ${report.tenantId}: skipped, another instance is purging it.\n`);
    return;
  }
  process.stdout.write(`Tenant ${report.tenantId}: ${report.purged.length} leaver(s) ${verb} on ${formatDate(report.date)} (kept ${report.retentionYears} years after leaving)\n`);
  for (const p of report.purged) {
    const total = Object.entries(p.counts).filter(([k]) => k !== 'auditUnlinked').reduce((a, [, n]) => a + n, 0);
    process.stdout.write(`  ${p.staffId.padEnd(36)} left ${formatDate(p.leavingDate).padEnd(12)} kept until ${formatDate(p.retainedUntil).padEnd(12)} ${total} document(s)\n`);
  }
  if (report.undated.length) process.stdout.write(`  ${report.undated.length} leaver(s) with no leaving date, kept until one is recorded: ${report.undated.join(', ')}\n`);
}

/** `npm run purge`: deletes leavers' records once their retention period has ended; --dry-run lists who and how much. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const known = new Set(['--dry-run', '--date', '--tenant', '--years']);
  const unknown = args.filter((a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''));
  const config = loadConfig();
  const date = value('--date') ?? dateIn(new Date(), config.timeZone);
  const years = value('--years') !== undefined ? Number(value('--years')) : config.retention.years;
  const problem = unknown.length
    ? `Unknown option ${unknown[0]}. `
    : !isLocalDate(date)
      ? '--date must be YYYY-MM-DD. '
      : !Number.isInteger(years) || years < MIN_RETENTION_YEARS || years > MAX_RETENTION_YEARS
        ? `--years must be a whole number from ${MIN_RETENTION_YEARS} to ${MAX_RETENTION_YEARS}. `
        : undefined;
  if (problem) {
    process.stderr.write(`${problem}${USAGE}\n`);
    process.exit(2);
  }
  const dryRun = args.includes('--dry-run');
  const store = await openStore(config.cosmos, { today: () => date });
  try {
    if (store.embedded) {
      process.stdout.write('COSMOS_ENDPOINT is not set: using the embedded database with the demo borough (in memory).\n');
      await seedDemoBorough(store, DEMO_TENANT_ID, dateIn(new Date(), config.timeZone));
    }
    const tenants = value('--tenant') ? [value('--tenant')!] : await store.settings.tenants();
    const log = dryRun ? silentLogger : createLogger(config.logLevel, { service: 'reflect-purge' });
    const deps = { store, log, now: () => new Date(), instanceId: `cli:${process.pid}`, retentionYears: years };
    for (const tenantId of tenants) {
      print(dryRun ? await purgeExpiredLeavers(store, tenantId, date, { ...deps, dryRun: true }) : await runRetention(deps, tenantId, date));
    }
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Purge failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
