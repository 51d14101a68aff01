/**
 * `plandesk export applications` on 1,000 and 100,000 stored applications (SQLite), to CSV and to XLSX:
 * time, rows a second and the exporting process's peak RSS. Each export runs in a child process of its
 * own, so the peak is the export's and not the seeding's; with applications read a page at a time the
 * peak should barely move between the two sizes. Prints the figures; asserts nothing.
 *
 *   npx tsx bench/export-scaling.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportApplications } from '../src/app/export/export-applications';
import { auditEntry } from '../src/app/records/audit';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import { formatPlanNumber } from '../src/domain/plan-number';
import { APPLICATION_COLUMNS } from '../src/export/application-columns';
import { openTable, type TableFormat } from '../src/export/table-file';
import { seedSamples } from '../src/samples/seed-samples';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';

const SAMPLES = join(__dirname, '../config/samples');
const SIZES = (process.env.BENCH_SIZES ?? '1000,100000').split(',').map(Number);
const FORMATS: TableFormat[] = ['csv', 'xlsx'];

/** A store of `count` applications: the samples', and copies of the first a minute apart, each with its audit row. */
async function seed(file: string, count: number): Promise<void> {
  const store = openSqliteStore(file);
  const now = new Date('2026-12-01T10:00:00+08:00');
  const deps = { store, clock: { now: () => now }, calendar: createWorkingCalendar(), newId: () => 'bench' };
  try {
    await seedSamples(deps, SAMPLES);
    // The samples bring three applications; the rest are copies of the first, with their own numbers and times.
    const [model, ...others] = await store.applications.list();
    if (!model) throw new Error('the samples brought no application');
    for (let i = 1 + others.length; i < count; i += 1) {
      const at = new Date(now.getTime() + i * 60_000).toISOString();
      const record = { ...model, id: formatPlanNumber(2027, i), submittedAt: at, updatedAt: at, version: 1 };
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

/** The child: exports every application of the store at `file` to `out`, and prints its figures as JSON. */
async function exportOnce(file: string, out: string, format: TableFormat): Promise<void> {
  const store = openSqliteStore(file);
  try {
    const table = openTable(out, format, APPLICATION_COLUMNS, 'zh-CN', '个性化方案');
    const start = performance.now();
    const { rows } = await exportApplications(store, {}, table);
    await table.close();
    const ms = performance.now() - start;
    // maxRSS is in kilobytes.
    console.log(JSON.stringify({ rows, ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
  } finally {
    await store.close();
  }
}

function measure(file: string, out: string, format: TableFormat) {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, 'child', file, out, format], {
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`export failed: ${child.stderr}`);
  const figures = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    rows: number;
    ms: number;
    peakRssMb: number;
  };
  return { ...figures, bytes: statSync(out).size };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-export-bench-'));
  try {
    for (const size of SIZES) {
      const file = join(dir, `${size}.db`);
      const seeding = performance.now();
      await seed(file, size);
      console.log(
        `seeded ${size.toLocaleString('en-US')} applications in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
      );
      for (const format of FORMATS) {
        const { rows, ms, peakRssMb, bytes } = measure(file, join(dir, `${size}.${format}`), format);
        console.log(
          `export ${rows.toLocaleString('en-US').padStart(7)} applications to ${format.padEnd(4)}: ` +
            `${(ms / 1000).toFixed(2)} s, ${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s, ` +
            `peak RSS ${peakRssMb.toFixed(0)} MB, file ${(bytes / 1024 / 1024).toFixed(1)} MB`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, file, out, format] = process.argv.slice(2);
(mode === 'child' && file && out ? exportOnce(file, out, (format as TableFormat) ?? 'csv') : main()).catch(
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
