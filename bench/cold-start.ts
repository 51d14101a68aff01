/**
 * Cold start (issue 13): how long `npm start`'s program (`node dist/main.js`, built first by the npm
 * script) takes from its launch until `/healthz` answers 200, and its RSS once idle, on three stores:
 * none yet (the first start, which seeds the samples), the seeded one (a restart), and one holding
 * BENCH_COLD_APPLICATIONS applications (default 20,000), to show the start does not grow with the store.
 * Each is started BENCH_COLD_RUNS times (default 3); the median is printed. Asserts nothing.
 *
 *   npm run bench:cold-start
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { copyOf, filingAudit, liveTemplates, referenceSamples, seedReference } from './support/plan-population';

const APPLICATIONS = Number(process.env.BENCH_COLD_APPLICATIONS ?? 20_000);
const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const MAIN = join(__dirname, '../dist/main.js');

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const rssMb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** One start: milliseconds from launch to the first 200 from /healthz, and RSS two seconds later. */
async function start(db: string): Promise<{ ms: number; rss: number }> {
  const port = await freePort();
  const launched = performance.now();
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', MAIN], {
    env: { ...process.env, PORT: String(port), PLANDESK_DB: db, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`dist/main.js exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (performance.now() - launched > 60_000) throw new Error('no answer from /healthz within a minute');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - launched;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return { ms, rss: rssMb(child.pid ?? 0) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** A store with the sample reference data and `count` applications, filed one by one. */
async function largeStore(file: string, count: number): Promise<void> {
  const samples = referenceSamples();
  const store = openSqliteStore(file);
  try {
    await seedReference(store, samples.dir);
    const templates = await liveTemplates(samples.dir);
    for (let i = 0; i < count; i += 1) {
      const record = copyOf(templates, i, count);
      const created = await store.applications.create(record, filingAudit(record), [], []);
      if (!created.ok) throw new Error(`seeding ${record.id}: ${created.error.code}`);
    }
  } finally {
    await store.close();
    samples.remove();
  }
}

async function main(): Promise<void> {
  if (!existsSync(MAIN))
    throw new Error('dist/main.js is missing: run "npm run build" (npm run bench:cold-start does)');
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-cold-start-'));
  try {
    console.log(
      `cold start of node dist/main.js to /healthz 200, median of ${RUNS}; load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    console.log('| store | to /healthz | idle RSS |');
    console.log('| --- | --- | --- |');
    const row = async (name: string, prepare: (run: number) => string) => {
      const results = [];
      for (let run = 0; run < RUNS; run += 1) results.push(await start(prepare(run)));
      console.log(
        `| ${name} | ${median(results.map((r) => r.ms)).toFixed(0)} ms | ${median(results.map((r) => r.rss)).toFixed(0)} MB |`,
      );
    };
    // A new file each run: every one of these starts seeds the samples.
    await row('none yet (first start: creates the file, seeds the samples)', (run) => join(dir, `fresh-${run}.db`));
    await row('the seeded samples (a restart)', () => join(dir, 'fresh-0.db'));
    const large = join(dir, 'large.db');
    const filling = performance.now();
    await largeStore(large, APPLICATIONS);
    console.log(
      `(filed ${APPLICATIONS.toLocaleString('en-US')} applications in ${((performance.now() - filling) / 1000).toFixed(0)} s)`,
    );
    await row(`${APPLICATIONS.toLocaleString('en-US')} applications`, (run) => {
      // A copy per run, so no run starts on what an earlier one changed.
      const file = join(dir, `large-${run}.db`);
      copyFileSync(large, file);
      return file;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
