/**
 * `plandesk export applications` on 1,000, 10,000 and 100,000 stored applications (SQLite), to CSV and
 * to XLSX: time, rows a second, and the exporting process's peak V8 heap and peak RSS. Each export runs in
 * a child process of its own, so the peaks are the export's and not the seeding's; each is run twice:
 * with Node's default heap (the time to quote), and with the heap capped at HEAP_CAP_MB (64 MB unless
 * BENCH_HEAP_CAP_MB says otherwise), which a process that held rows would outgrow and die of. Bounded
 * memory shows as the capped run succeeding at every size with a peak heap that does not grow with the
 * rows. Prints the figures and exits 1 if a capped run fails; asserts nothing else.
 *
 *   npx tsx bench/export-scaling.ts
 *   BENCH_SIZES=10000,100000 BENCH_HEAP_CAP_MB=48 npx tsx bench/export-scaling.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { exportApplications } from '../src/app/export/export-applications';
import { auditEntry } from '../src/app/records/audit';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import { formatPlanNumber } from '../src/domain/plan-number';
import { APPLICATION_COLUMNS } from '../src/export/application-columns';
import { openTable, type TableFormat } from '../src/export/table-file';
import { seedSamples } from '../src/samples/seed-samples';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';

const SAMPLES = join(__dirname, '../config/samples');
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const FORMATS = (process.env.BENCH_FORMATS ?? 'csv,xlsx').split(',') as TableFormat[];
const HEAP_CAP_MB = Number(process.env.BENCH_HEAP_CAP_MB ?? 64);
const NOW = new Date('2026-12-01T10:00:00+08:00');

/**
 * Grows the store to `count` applications: the samples', and copies of the first a minute apart, each
 * with its audit row. The sizes are seeded one after another into the same file, each from where the
 * last stopped.
 */
async function seed(file: string, count: number): Promise<void> {
  const store = openSqliteStore(file);
  const deps = { store, clock: { now: () => NOW }, calendar: createWorkingCalendar(), newId: () => 'bench' };
  try {
    await seedSamples(deps, SAMPLES);
    // The samples bring three applications; the rest are copies of the first, with their own numbers and times.
    const first = await store.applications.get(formatPlanNumber(2026, 1));
    if (!first) throw new Error('the samples brought no application');
    const stored = (await store.applications.list()).length;
    for (let i = stored; i < count; i += 1) {
      const at = new Date(NOW.getTime() + i * 60_000).toISOString();
      const record = { ...first, id: formatPlanNumber(2027, i), submittedAt: at, updatedAt: at, version: 1 };
      const created = await store.applications.create(
        record,
        [auditEntry(new Date(at), record.input.applicant, 'submit', record.id, null, record.state)],
        [],
        [],
      );
      if (!created.ok) throw new Error(`seeding ${record.id}: ${created.error.code}`);
    }
  } finally {
    await store.close();
  }
}

interface Figures {
  rows: number;
  ms: number;
  peakHeapMb: number;
  /** Memory outside the V8 heap that JavaScript objects hold: Buffers waiting to be compressed or written. */
  peakExternalMb: number;
  heapLimitMb: number;
  peakRssMb: number;
}

/**
 * The child: exports every application of the store at `file` to `out`, and prints its figures as JSON.
 * The heap in use is sampled every 1,000 rows and every 20 ms; it counts garbage not yet collected too,
 * so it is an upper bound on what the export keeps.
 */
async function exportOnce(file: string, out: string, format: TableFormat): Promise<void> {
  const store = openSqliteStore(file);
  let peakHeap = 0;
  let peakExternal = 0;
  const sample = () => {
    const { heapUsed, external } = process.memoryUsage();
    peakHeap = Math.max(peakHeap, heapUsed);
    peakExternal = Math.max(peakExternal, external);
  };
  const sampler = setInterval(sample, 20);
  try {
    const table = openTable(out, format, APPLICATION_COLUMNS, 'zh-CN', '个性化方案');
    const start = performance.now();
    const { rows } = await exportApplications(store, {}, table, { onProgress: sample });
    await table.close();
    const ms = performance.now() - start;
    sample();
    const figures: Figures = {
      rows,
      ms,
      peakHeapMb: peakHeap / 1024 / 1024,
      peakExternalMb: peakExternal / 1024 / 1024,
      heapLimitMb: getHeapStatistics().heap_size_limit / 1024 / 1024,
      // maxRSS is in kilobytes.
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    };
    console.log(JSON.stringify(figures));
  } finally {
    clearInterval(sampler);
    await store.close();
  }
}

/** Runs one export in a child process, its heap capped at `heapCapMb` when given; null when the child failed. */
function measure(file: string, out: string, format: TableFormat, heapCapMb?: number) {
  const heap = heapCapMb ? [`--max-old-space-size=${heapCapMb}`] : [];
  const child = spawnSync(process.execPath, [...heap, ...process.execArgv, __filename, 'child', file, out, format], {
    encoding: 'utf8',
  });
  if (child.status !== 0) return { failed: child.stderr.trim().split('\n').slice(-3).join(' / ') };
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Figures;
  return { ...figures, bytes: statSync(out).size };
}

const mb = (value: number) => `${value.toFixed(0)} MB`;

async function main(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-export-bench-'));
  const file = join(dir, 'plandesk.db');
  let failures = 0;
  try {
    for (const size of SIZES) {
      const seeding = performance.now();
      await seed(file, size);
      console.log(
        `seeded ${size.toLocaleString('en-US')} applications in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
      );
      for (const format of FORMATS) {
        const out = join(dir, `${size}.${format}`);
        const free = measure(file, out, format);
        const capped = measure(file, out, format, HEAP_CAP_MB);
        if ('failed' in free || 'failed' in capped) {
          failures += 1;
          console.log(
            `export ${size} to ${format} FAILED: ${'failed' in free ? free.failed : ''} ${'failed' in capped ? `(heap capped at ${HEAP_CAP_MB} MB) ${capped.failed}` : ''}`,
          );
          continue;
        }
        console.log(
          `export ${free.rows.toLocaleString('en-US').padStart(7)} applications to ${format.padEnd(4)}: ` +
            `${(free.ms / 1000).toFixed(2)} s, ${Math.round(free.rows / (free.ms / 1000)).toLocaleString('en-US')} rows/s, ` +
            `peak heap ${mb(free.peakHeapMb)}, external ${mb(free.peakExternalMb)}, peak RSS ${mb(free.peakRssMb)}, file ${(free.bytes / 1024 / 1024).toFixed(1)} MB; ` +
            `--max-old-space-size=${HEAP_CAP_MB} (heap limit ${mb(capped.heapLimitMb)}): ${(capped.ms / 1000).toFixed(2)} s, ` +
            `peak heap ${mb(capped.peakHeapMb)}, external ${mb(capped.peakExternalMb)}, peak RSS ${mb(capped.peakRssMb)}`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failures > 0 ? 1 : 0;
}

const [mode, file, out, format] = process.argv.slice(2);
(mode === 'child' && file && out ? exportOnce(file, out, (format as TableFormat) ?? 'csv').then(() => 0) : main()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
