/**
 * A scheduler tick's cost grows with the jobs due, not the jobs stored: a tick over 100,000 stored
 * jobs with 100 due is timed against one over 1,000 stored with 100 due, on the real SQLite file.
 * Prints both and their ratio; asserts nothing.
 *
 *   npm run bench:tick
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Job } from '../src/app/ports/jobs';
import { tick } from '../src/app/scheduler/tick';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';

const NOW = new Date('2027-03-01T09:00:00+08:00');
const DUE = 100;
const ROUNDS = 5;

/** Jobs of no application (so running one costs only the scheduler's own work), `due` of them due now. */
function jobs(stored: number, round: number): Job[] {
  return Array.from({ length: stored }, (_, i) => ({
    id: `bench:${round}:${i}`,
    kind: 'catalog.freshness',
    applicationId: null,
    // Due ones are spread over the last day; the rest over the next year.
    dueAt: new Date(NOW.getTime() + (i < DUE ? -(i + 1) * 60_000 : (i % 525_600) * 60_000 + 60_000)).toISOString(),
    payload: {},
  }));
}

async function measure(stored: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-tick-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  const deps = { store, clock: { now: () => NOW }, calendar: createWorkingCalendar(), newId: () => 'x' };
  try {
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      await store.jobs.schedule(jobs(stored, round));
      const start = performance.now();
      const report = await tick(deps, NOW, 'bench');
      samples.push(performance.now() - start);
      if (report.ran !== DUE) throw new Error(`expected ${DUE} jobs to run, ran ${report.ran}`);
      // The next round's jobs are new; what is left stored grows, which only strengthens the comparison.
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)] ?? 0;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  await measure(1_000); // warm-up: JIT and the SQLite driver, so the first figure is not the slowest by accident
  const small = await measure(1_000);
  const large = await measure(100_000);
  console.log(`tick with ${DUE} due over   1,000 stored jobs: ${small.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`tick with ${DUE} due over 100,000 stored jobs: ${large.toFixed(1)} ms (median of ${ROUNDS})`);
  console.log(`ratio large/small: ${(large / small).toFixed(2)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
