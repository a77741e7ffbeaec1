import type { LocalDate } from './domain/dates';
import type { Logger } from './log';

export interface DailyJobOptions {
  /** For the log: "nudge sweep", "retention purge". */
  name: string;
  /** The next run after an instant: its local date and the instant to start. */
  next: (after: Date) => { date: LocalDate; at: Date };
  run: (date: LocalDate) => Promise<unknown>;
  now: () => Date;
  log: Logger;
}

/**
 * A job run in-process once a day at a local time. Every instance runs one; the jobs themselves take a lease so
 * only one instance does the work. The timer never keeps the process alive.
 */
export class DailyJob {
  private timer?: NodeJS.Timeout;

  constructor(private readonly o: DailyJobOptions) {}

  start(): void {
    const { date, at } = this.o.next(this.o.now());
    this.o.log.info(`next ${this.o.name}`, { date, at: at.toISOString() });
    this.timer = setTimeout(() => {
      void this.o.run(date).finally(() => {
        if (this.timer) this.start();
      });
    }, Math.max(0, at.getTime() - this.o.now().getTime()));
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** Runs a job for each tenant in turn: one tenant's failure is logged and the others go on (the next run finishes it). */
export async function forEachTenant<R>(tenants: readonly string[], job: string, date: LocalDate, log: Logger, run: (tenantId: string) => Promise<R>): Promise<R[]> {
  const reports: R[] = [];
  for (const tenantId of tenants) {
    try {
      reports.push(await run(tenantId));
    } catch (error) {
      log.error(`${job} failed; the next run completes it`, { tenantId, date, error });
    }
  }
  return reports;
}
