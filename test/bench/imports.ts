import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Staff, TrainingRecord } from '../../bot/src/domain/model';
import { newStaffId } from '../../bot/src/imports/roster';
import { applyImport, type ImportProgress } from '../../bot/src/imports/run-import';
import { trainingRecordId } from '../../bot/src/imports/training-register';
import { openStore, type Store } from '../../bot/src/store/store';
import { median, round } from './stats';

export interface ImportFigures {
  rows: number;
  /** Distinct attendees, each of whose status document is recomputed once. */
  people: number;
  fileBytes: number;
  /** The whole import as a user waits for it: stream, parse, check, write, recompute statuses, audit (median). */
  importMs: number;
  importRowsPerSecond: number;
  /** Where the time went in the median import: reading and checking, writing, status documents and audit (ms). */
  phaseMs: { read: number; write: number; statuses: number };
  /** The same number of equivalent documents through `collections.training.bulkUpsert`, on a fresh embedded server (median). */
  rawMs: number;
  rawRowsPerSecond: number;
  /** importRowsPerSecond / rawRowsPerSecond (target ≥ 0.7). */
  ratio: number;
  /** Peak resident set size while the first import ran, sampled every 50 ms (target < 300 MB). */
  peakRssMb: number;
  /** Resident set size before the import started (the process with an embedded server and the roster). */
  startRssMb: number;
  importRunsMs: number[];
  rawRunsMs: number[];
}

const TODAY = '2026-11-23';
const TENANT = 'bench-imports-0000-4000-8000-000000000000';
const ROWS = 50_000;
const PEOPLE = 2_000;
const CODES = ['SOS-INTRO', 'SOS-MGR', 'SOS-ADV', 'CS-ASSESS', 'CS-CHRON', 'CS-DIRECT', 'CS-DA', 'CS-EXPLOIT', 'CS-COURT', 'KSS-CFP-1', 'KSS-CFP-6', 'KSS-PS-2'];
const STATUSES = ['attended', 'completed', 'completed', 'did_not_attend'] as const;

const email = (i: number): string => `worker${String(i).padStart(4, '0')}@bench.gov.uk`;

/** Row i of the register: every person, course and date distinct, dates spread over ten years. */
function registerRow(i: number): { code: string; date: string; person: number; status: (typeof STATUSES)[number] } {
  const n = Math.floor(i / PEOPLE); // 0..24: the n-th record of each person
  const year = 2016 + (n % 10);
  const month = 1 + ((n * 5 + (i % 7)) % 12);
  const day = 1 + ((i * 13) % 28);
  return { code: CODES[n % CODES.length]!, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, person: i % PEOPLE, status: STATUSES[i % STATUSES.length]! };
}

async function writeRegister(file: string): Promise<void> {
  const out = createWriteStream(file);
  const put = async (s: string): Promise<void> => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await put('course,date,attendee,status,hours,note\r\n');
  for (let i = 0; i < ROWS; i++) {
    const r = registerRow(i);
    await put(`${r.code},${r.date},${email(r.person)},${r.status},,${i % 10 === 0 ? 'Register signed by the trainer' : ''}\r\n`);
  }
  out.end();
  await once(out, 'finish');
}

function roster(): Staff[] {
  return Array.from({ length: PEOPLE }, (_, i) => ({
    id: newStaffId(TENANT, { email: email(i) }),
    tenantId: TENANT,
    name: `Worker ${i}`,
    email: email(i),
    role: i % 10 === 0 ? 'team_manager' : 'social_worker',
    team: `Team ${i % 60}`,
    startDate: '2015-09-01',
    fte: 1,
    employment: 'permanent',
    status: 'active',
  }));
}

function sampleRss(): { stop: () => number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

/** The documents the import writes for the first `rows` rows, built directly. */
function trainingDocs(rows: number): TrainingRecord[] {
  const people = roster();
  const at = new Date().toISOString();
  return Array.from({ length: rows }, (_, i) => {
    const r = registerRow(i);
    const staffId = people[r.person]!.id;
    const doc: TrainingRecord = { id: trainingRecordId(staffId, r.code, r.date), tenantId: TENANT, staffId, courseCode: r.code, date: r.date, status: r.status, hours: r.status === 'did_not_attend' ? 0 : 6, recordedBy: 'bench', recordedAt: at };
    if (i % 10 === 0) doc.note = 'Register signed by the trainer';
    return doc;
  });
}

const open = (): Promise<Store> => openStore({ database: 'bench-imports' }, { today: () => TODAY });
const mb = (bytes: number): number => round(bytes / 2 ** 20, 1);

interface ImportRun {
  ms: number;
  phaseMs: ImportFigures['phaseMs'];
  peakRss: number;
  startRss: number;
  statuses: number;
}

/** One import of the register into a fresh embedded server holding the roster. */
async function importOnce(file: string): Promise<ImportRun> {
  const store = await open();
  try {
    await store.collections.staff.bulkUpsert(roster());
    const startRss = process.memoryUsage().rss;
    const rss = sampleRss();
    const marks: Partial<Record<ImportProgress['phase'], number>> = {};
    const started = performance.now();
    const report = await applyImport(store, {
      tenantId: TENANT,
      actorId: 'bench',
      kind: 'training',
      input: createReadStream(file),
      fileName: 'register.csv',
      today: TODAY,
      onlyValidRows: false,
      onProgress: (p) => void (marks[p.phase] ??= performance.now() - started),
    });
    const ms = performance.now() - started;
    const peakRss = rss.stop();
    if (!report.applied || report.creates !== ROWS || report.errorCount > 0) throw new Error(`import did not apply cleanly: ${report.summary}`);
    const readEnd = marks.writing ?? ms;
    const writeEnd = marks.statuses ?? ms;
    return { ms, phaseMs: { read: Math.round(readEnd), write: Math.round(writeEnd - readEnd), statuses: Math.round(ms - writeEnd) }, peakRss, startRss, statuses: report.statusesRefreshed };
  } finally {
    await store.close();
  }
}

/** The same documents the import writes, built in memory and given to bulkUpsert in one call, on a fresh server. */
async function rawOnce(): Promise<number> {
  const store = await open();
  try {
    const docs = trainingDocs(ROWS);
    const started = performance.now();
    await store.collections.training.bulkUpsert(docs);
    return performance.now() - started;
  } finally {
    await store.close();
  }
}

const RUNS = 3;

/**
 * A 50,000-row training register (2,000 people, 25 records each, 3 MB) imported into a fresh embedded Cosmos server:
 * rows per second for the whole import as a person waits for it (stream, parse, check, bulk write, one status
 * recompute per person, audit), against the raw `bulkUpsert` rate of the same server for 50,000 equivalent
 * training documents. Imports and raw runs alternate, three of each, after a warm-up; rates are medians. Peak RSS
 * is sampled every 50 ms during the first import, which runs first in a clean process (later runs inherit the
 * heap the earlier servers left). Targets: ratio ≥ 0.7, peak RSS < 300 MB. The embedded server runs in this
 * process, so its copy of the 50,000 documents counts in the RSS.
 */
export async function benchImports(log: (line: string) => void): Promise<ImportFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reflect-bench-'));
  const file = path.join(dir, 'register.csv');
  try {
    await writeRegister(file);
    const fileBytes = statSync(file).size;
    log(`  generated ${ROWS.toLocaleString('en-GB')} rows (${mb(fileBytes)} MB) for ${PEOPLE.toLocaleString('en-GB')} people`);

    // Warm up the database client and the embedded server's code, so that no measurement below pays for it.
    const warm = await open();
    try {
      await warm.collections.training.bulkUpsert(trainingDocs(5_000));
    } finally {
      await warm.close();
    }

    const imports: ImportRun[] = [];
    const raws: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const i = await importOnce(file);
      imports.push(i);
      log(`  import run ${run}: ${Math.round(i.ms)} ms (read and check ${i.phaseMs.read}, write ${i.phaseMs.write}, statuses and audit ${i.phaseMs.statuses}); ${i.statuses} statuses${run === 1 ? `; peak RSS ${mb(i.peakRss)} MB` : ''}`);
      const r = await rawOnce();
      raws.push(r);
      log(`  raw bulkUpsert run ${run}: ${Math.round(r)} ms`);
    }
    const importMs = median(imports.map((i) => i.ms));
    const rawMs = median(raws);
    const typical = imports.find((i) => i.ms === importMs)!;
    const importRowsPerSecond = Math.round((ROWS / importMs) * 1000);
    const rawRowsPerSecond = Math.round((ROWS / rawMs) * 1000);
    return {
      rows: ROWS,
      people: PEOPLE,
      fileBytes,
      importMs: Math.round(importMs),
      importRowsPerSecond,
      phaseMs: typical.phaseMs,
      rawMs: Math.round(rawMs),
      rawRowsPerSecond,
      ratio: round(importRowsPerSecond / rawRowsPerSecond, 2),
      peakRssMb: mb(imports[0]!.peakRss),
      startRssMb: mb(imports[0]!.startRss),
      importRunsMs: imports.map((i) => Math.round(i.ms)),
      rawRunsMs: raws.map((r) => Math.round(r)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
