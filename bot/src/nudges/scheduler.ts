import type { Logger } from '../log';
import { nextSweepAt } from './schedule';
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

/**
 * The in-process daily sweep at a local time on working days. Every instance runs one; the per-tenant lease
 * means only one of them sends.
 */
export class NudgeScheduler {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly deps: SweepDeps,
    private readonly time: string,
    private readonly timeZone: string,
    private readonly log: Logger,
  ) {}

  start(): void {
    const { date, at } = nextSweepAt(this.deps.now(), this.time, this.timeZone);
    this.log.info('next nudge sweep', { date, at: at.toISOString() });
    this.timer = setTimeout(() => {
      void sweepAllTenants(this.deps, date).finally(() => {
        if (this.timer) this.start();
      });
    }, Math.max(0, at.getTime() - this.deps.now().getTime()));
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
