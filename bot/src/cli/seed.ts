import { loadConfig } from '../config';
import { dateIn } from '../domain/dates';
import { DEMO_TENANT_ID } from '../store/demo-borough';
import { seedDemoBorough } from '../store/seed';
import { openStore } from '../store/store';

/** `npm run seed [-- --tenant <id>]`: writes the demo borough into the configured database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const args = process.argv.slice(2);
  const tenantAt = args.indexOf('--tenant');
  const tenantId = tenantAt >= 0 ? args[tenantAt + 1] : DEMO_TENANT_ID;
  if (!tenantId) throw new Error('--tenant needs a tenant id');
  if (!config.cosmos.endpoint) {
    process.stdout.write('COSMOS_ENDPOINT is not set: the embedded database is in memory and is seeded by `npm start` itself.\n');
    return;
  }
  const today = dateIn(new Date(), config.timeZone);
  const store = await openStore(config.cosmos, { today: () => today });
  try {
    process.stdout.write(`Seeding the demo borough into ${new URL(store.endpoint).host} (tenant ${tenantId})\n`);
    const summary = await seedDemoBorough(store, tenantId, today, (step) => process.stdout.write(`  ${step}\n`));
    process.stdout.write(`Done in ${(summary.ms / 1000).toFixed(1)} s: ${summary.staff} staff in ${summary.teams} teams, ${summary.sessions} supervision sessions.\n`);
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`Seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
