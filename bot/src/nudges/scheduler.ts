import { runSweep, type SweepDeps, type SweepReport } from './sweep';

/** Sweeps every tenant once; one tenant's failure does not stop the others. */
export async function sweepAllTenants(deps: SweepDeps, date: string): Promise<SweepReport[]> {
  const reports: SweepReport[] = [];
  for (const tenantId of await deps.store.settings.tenants()) {
    try {
      reports.push(await runSweep(deps, tenantId, date));
    } catch (error) {
      deps.log.error('sweep failed; the next run completes it without duplicates', { tenantId, date, error });
    }
  }
  return reports;
}
