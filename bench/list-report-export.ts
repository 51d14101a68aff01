/**
 * 列表, 报表 and `plandesk export applications` on 1,000 and 100,000 stored applications, on SQLite and on
 * cosmosdb-server (run in a process of its own, so the server's work does not count as the client's):
 * for each store and size, the time of the list's first page, of a page of overdue plans and of flagged
 * plans (median of RUNS), of the month's report (median of RUNS) and of the report as it was computed
 * before report facts (once; it checks both give the same figures), and of one export of every
 * application to CSV; then tables of wall-clock and CPU time, with the ratio of the largest size to the
 * smallest. cosmosdb-server runs 1,000 and 10,000, not 100,000 (see COSMOS_FULL_MAX). Asserts nothing.
 *
 *   npm run bench:reports
 *   BENCH_SIZES=1000,20000 BENCH_COSMOS_SIZES=1000,5000 BENCH_RUNS=3 npm run bench:reports
 *
 * The population (bench/support/plan-population.ts) is four years of plans at an even pace, most of them
 * decided long ago, plans in effect with quarterly evaluations, and the newest month's still open.
 */
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BulkOperationType, CosmosClient, type Container, type JSONObject, type OperationInput } from '@azure/cosmos';
import { myApplications, pendingFor } from '../src/app/approval/queries';
import { searchApplications, type SearchFilter } from '../src/app/approval/search';
import type { ApprovalDeps } from '../src/app/common/deps';
import { exportApplications } from '../src/app/export/export-applications';
import type { Store } from '../src/app/ports/store';
import { reportFigures } from '../src/app/reporting/monthly-report';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import { APPLICATION_COLUMNS } from '../src/export/application-columns';
import { openTable } from '../src/export/table-file';
import { applicationItem, reportFactsItems } from '../src/store/cosmos/application-items';
import { CONTAINER_ID } from '../src/store/cosmos/container-setup';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { writeSequence } from '../src/store/cosmos/item-keys';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { EMULATOR_KEY } from '../test/store/support/cosmos-target';
import { startCosmosServer } from './support/cosmos-server';
import {
  copyOf,
  filingAudit,
  liveTemplates,
  NOW,
  referenceSamples,
  REPORT_MONTH,
  seedReference,
} from './support/plan-population';
import { reportByScan } from './support/report-by-scan';

const sizes = (text: string | undefined, fallback: string) => (text ?? fallback).split(',').map(Number);
const SIZES = sizes(process.env.BENCH_SIZES, '1000,100000');
const COSMOS_SIZES = sizes(process.env.BENCH_COSMOS_SIZES, '1000,10000');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/**
 * cosmosdb-server answers every page of every query by running it in JavaScript over the whole container
 * (about a quarter of a millisecond an item on the development container), so reading page after page costs
 * it the square of the store's size. 100,000 is out of reach there (the report alone, 42 pages over 240,000
 * items, would take most of an hour); sizes above this one time only the report, for whoever has the time.
 */
const COSMOS_FULL_MAX = Number(process.env.BENCH_COSMOS_FULL_MAX ?? 10_000);
/** 刘强, ops head: sees every plan and may read the report; his 待办 holds the team's whole queue. */
const OPS_HEAD = '00000000-0000-0000-0000-00000000b003';
/** 王芳, the ops approver of tier-1 plans: her 待办. */
const OPS_APPROVER = '00000000-0000-0000-0000-00000000b002';
/** 张伟, an account manager: his 我的. */
const ACCOUNT_MANAGER = '00000000-0000-0000-0000-00000000a001';

type Templates = Awaited<ReturnType<typeof liveTemplates>>;

const EVERYTHING: SearchFilter = {
  states: [],
  steps: [],
  overdue: false,
  flagged: false,
  submittedFrom: null,
  submittedBefore: null,
  terms: [],
};

/** Files `count` copies into the store through applications.create, one at a time, each with its audit row. */
async function fillOneByOne(store: Store, templates: Templates, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const record = copyOf(templates, i, count);
    const created = await store.applications.create(record, filingAudit(record), [], []);
    if (!created.ok) throw new Error(`seeding ${record.id}: ${created.error.code}`);
  }
}

/**
 * Writes `count` copies into the Cosmos container in bulk, each application
 * with its report facts as applications.create writes them (the store's own applicationItem and
 * reportFactsItems), without audit entries: filing one at a time costs cosmosdb-server about 11 ms a
 * filing, which is 18 minutes for 100,000.
 */
async function fillInBulk(container: Container, templates: Templates, count: number): Promise<void> {
  const seq = writeSequence();
  // 400 applications a request: with their one or two pieces of facts, at most 1,200 items.
  for (let start = 0; start < count; start += 400) {
    const operations: OperationInput[] = [];
    for (let i = start; i < Math.min(count, start + 400); i += 1) {
      const record = copyOf(templates, i, count);
      for (const item of [applicationItem(record, seq()), ...reportFactsItems(record)])
        operations.push({ operationType: BulkOperationType.Create, partitionKey: item.pk, resourceBody: asJson(item) });
    }
    const results = await container.items.executeBulkOperations(operations);
    const failed = results.find((r) => r.error || (r.response?.statusCode ?? 0) >= 400);
    if (failed) throw new Error(`bulk create failed: ${failed.error?.message ?? failed.response?.statusCode}`);
  }
}

const asJson = (item: object): JSONObject => JSON.parse(JSON.stringify(item));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** Wall-clock time, and this process's CPU time (what the operation itself cost, however busy the machine). */
interface Took {
  ms: number;
  cpuMs: number;
}
type Figures = Record<string, Took>;

async function timed<T>(run: () => Promise<T>): Promise<Took & { value: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/** The median of RUNS runs (`runs` for a slow one), and what the last run found. */
async function medianOf<T>(run: () => Promise<T>, runs = RUNS): Promise<Took & { value: T }> {
  const times: (Took & { value: T })[] = [];
  for (let r = 0; r < runs; r += 1) times.push(await timed(run));
  const last = times.at(-1) as Took & { value: T };
  return { ms: median(times.map((t) => t.ms)), cpuMs: median(times.map((t) => t.cpuMs)), value: last.value };
}

/** Times every operation on a filled store, printing what each found. */
async function measure(store: Store, dir: string, label: string, full: boolean): Promise<Figures> {
  const deps: ApprovalDeps = { store, clock: { now: () => NOW }, calendar: createWorkingCalendar(), newId: randomUUID };
  const figures: Figures = {};
  const lines: string[] = [];
  const note = (name: string, took: Took, what: string) => {
    figures[name] = took;
    lines.push(`${name} ${seconds(took.ms)} (cpu ${seconds(took.cpuMs)}; ${what})`);
  };
  const list = (filter: Partial<SearchFilter>) => () =>
    searchApplications(deps, OPS_HEAD, { ...EVERYTHING, ...filter });
  for (const [name, run] of full
    ? ([
        ['list: first page', list({})],
        ['list: overdue', list({ overdue: true })],
        ['list: flagged', list({ flagged: true })],
      ] as const)
    : []) {
    const took = await medianOf(run);
    note(name, took, `${took.value.records.length} plans${took.value.next ? ', more' : ''}`);
  }
  if (full) {
    const rows = (list: { records: unknown[]; total: number | null; queueTotal: number }) =>
      `${list.records.length} rows of ${list.total ?? 'more'}; team queue ${list.queueTotal}`;
    for (const [name, run] of [
      ['待办 of the ops approver', () => pendingFor(deps, OPS_APPROVER)],
      ['待办 of the ops head (whole queue)', () => pendingFor(deps, OPS_HEAD)],
      ['我的 of an account manager', () => myApplications(deps, ACCOUNT_MANAGER)],
    ] as const) {
      const took = await medianOf(run);
      note(name, took, rows(took.value));
    }
  }
  const report = await medianOf(() => reportFigures(deps, REPORT_MONTH));
  note(
    `report ${REPORT_MONTH}`,
    report,
    `${report.value.submitted} filed, ${report.value.activePlans.total} plans in effect`,
  );
  if (full) {
    const before = await medianOf(() => reportByScan(deps, REPORT_MONTH), 1);
    const same =
      JSON.stringify({ ...before.value.report, spotCheck: null }) ===
      JSON.stringify({ ...report.value, spotCheck: null });
    note(
      `report ${REPORT_MONTH}, before (scan)`,
      before,
      `${before.value.read} applications read whole; figures ${same ? 'the same' : 'DIFFER'}`,
    );
  }
  if (full) {
    const table = openTable(join(dir, `${label}.csv`), 'csv', APPLICATION_COLUMNS, 'zh-CN', '个性化方案');
    const exported = await timed(async () => {
      const { rows } = await exportApplications(store, {}, table);
      await table.close();
      return rows;
    });
    note('export CSV', exported, `${exported.value} rows`);
  } else lines.push('only the report: lists and export page through the whole store');
  console.log(`${label}:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  return figures;
}

interface Target {
  name: string;
  sizes: number[];
  /** Up to this size every operation is timed; above it, only the report. */
  fullUpTo: number;
  open: (size: number) => Promise<Store>;
  fill: (store: Store, size: number) => Promise<void>;
}

async function main(): Promise<void> {
  const samples = referenceSamples();
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-reports-bench-'));
  const server = await startCosmosServer();
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const cosmos = new CosmosClient({ endpoint: server.endpoint, key: EMULATOR_KEY, agent });
  try {
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(', ');
    console.log(`${os.cpus().length} CPUs, load average ${load()}`);
    if (!COSMOS_SIZES.includes(100_000))
      console.log(
        'cosmosdb-server: not at 100,000 — it runs every page of every query over the whole container in JavaScript, ' +
          'so page after page grows with the square of the store (see COSMOS_FULL_MAX in this file)',
      );
    const templates = await liveTemplates(samples.dir);
    console.log(`${templates.length} lives copied into each store: ${templates.map((t) => t.life.name).join('; ')}`);
    const stores: Target[] = [
      {
        name: 'SQLite',
        sizes: SIZES,
        fullUpTo: Infinity,
        open: async (size) => openSqliteStore(join(dir, `${size}.db`)),
        fill: (store, size) => fillOneByOne(store, templates, size),
      },
      {
        name: 'cosmosdb-server',
        sizes: COSMOS_SIZES,
        fullUpTo: COSMOS_FULL_MAX,
        open: (size) =>
          openCosmosStore({ endpoint: server.endpoint, key: EMULATOR_KEY, database: `bench-${size}`, agent }),
        fill: (_store, size) => fillInBulk(cosmos.database(`bench-${size}`).container(CONTAINER_ID), templates, size),
      },
    ];
    const results = new Map<string, Map<number, Figures>>();
    for (const target of stores) {
      const bySize = new Map<number, Figures>();
      results.set(target.name, bySize);
      for (const size of target.sizes) {
        const store = await target.open(size);
        try {
          await seedReference(store, samples.dir);
          const seeding = await timed(() => target.fill(store, size));
          console.log(
            `${target.name}: seeded ${size.toLocaleString('en-US')} applications in ${(seeding.ms / 1000).toFixed(1)} s`,
          );
          const label = `${target.name} ${size.toLocaleString('en-US')}`;
          bySize.set(size, await measure(store, dir, label, size <= target.fullUpTo));
        } finally {
          await store.close();
        }
      }
    }
    console.log(`\nWall-clock time (load average now ${load()}):`);
    printTable(results, (t) => t.ms);
    console.log(
      '\nCPU time of this process (SQLite: the whole of the work; cosmosdb-server: the client side, the server runs apart):',
    );
    printTable(results, (t) => t.cpuMs);
  } finally {
    cosmos.dispose();
    agent.destroy();
    server.child.kill();
    samples.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

const seconds = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);

function printTable(results: Map<string, Map<number, Figures>>, pick: (took: Took) => number): void {
  const ms = (v: number | undefined) => (v === undefined ? '' : seconds(v));
  const operations = [...new Set([...results.values()].flatMap((m) => [...m.values()].flatMap((f) => Object.keys(f))))];
  const header = ['operation'];
  for (const [name, bySize] of results) {
    for (const size of bySize.keys()) header.push(`${name} ${size.toLocaleString('en-US')}`);
    if (bySize.size > 1) header.push(`${name} ratio`);
  }
  const rows = operations.map((op) => {
    const row = [op];
    for (const bySize of results.values()) {
      const values = [...bySize].map(([size, f]) => {
        const took = f[op];
        return { size, value: took && pick(took) };
      });
      row.push(...values.map((v) => ms(v.value)));
      // The largest size timed over the smallest.
      const timedAt = values.filter((v) => v.value !== undefined);
      const [small, large] = [timedAt[0], timedAt.at(-1)];
      const k = (size: number) => (size >= 1000 ? `${size / 1000}k` : String(size));
      if (bySize.size > 1)
        row.push(
          small?.value && large?.value && large.size > small.size
            ? `${(large.value / small.value).toFixed(1)}× (${k(large.size)}/${k(small.size)})`
            : '',
        );
    }
    return row;
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(`\n${line(header)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
