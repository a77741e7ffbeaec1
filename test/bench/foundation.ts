import { performance } from 'node:perf_hooks';
import { DEMO_TENANT_ID } from '../../bot/src/store/demo-borough';
import { seedDemoBorough } from '../../bot/src/store/seed';
import { openStore } from '../../bot/src/store/store';
import { median, percentile, round } from './stats';

export interface FoundationFigures {
  seedMs: number[];
  seedMedianMs: number;
  seeded: { staff: number; teams: number; sessions: number; training: number; cpd: number; caseloads: number };
  statusReadMedianMs: number;
  statusReadP99Ms: number;
  statusReads: number;
}

const TODAY = '2026-11-23';

/** Demo seed time (target < 10 s) and the median point read of a status document (target < 5 ms). */
export async function benchFoundation(log: (line: string) => void): Promise<FoundationFigures> {
  const seedMs: number[] = [];
  let seeded: FoundationFigures['seeded'] | undefined;
  for (let run = 1; run <= 3; run++) {
    const store = await openStore({ database: 'bench' }, { today: () => TODAY });
    const summary = await seedDemoBorough(store, DEMO_TENANT_ID, TODAY);
    seedMs.push(summary.ms);
    seeded = summary;
    log(`  seed run ${run}: ${summary.ms} ms`);
    if (run < 3) {
      await store.close();
      continue;
    }
    const ids = (await store.collections.staff.all(DEMO_TENANT_ID)).map((s) => s.id);
    for (const id of ids.slice(0, 50)) await store.status.get(DEMO_TENANT_ID, id); // warm up
    const times: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const id = ids[(i * 7919) % ids.length]!;
      const t = performance.now();
      const doc = await store.status.get(DEMO_TENANT_ID, id);
      times.push(performance.now() - t);
      if (!doc) throw new Error(`status ${id} missing`);
    }
    await store.close();
    const { staff, teams, sessions, training, cpd, caseloads } = seeded;
    return {
      seedMs,
      seedMedianMs: median(seedMs),
      seeded: { staff, teams, sessions, training, cpd, caseloads },
      statusReadMedianMs: round(median(times), 3),
      statusReadP99Ms: round(percentile(times, 99), 3),
      statusReads: times.length,
    };
  }
  throw new Error('unreachable');
}
