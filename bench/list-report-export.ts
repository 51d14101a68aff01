/**
 * 列表, 报表 and `plandesk export applications` on 1,000 and 100,000 stored applications, on SQLite and on
 * cosmosdb-server (run in a process of its own, so the server's work does not count as the client's):
 * for each store and size, the time of the list's first page, of a page of overdue plans and of flagged
 * plans (median of RUNS), of the month's report (median of RUNS), and of one export of every application
 * to CSV; then the table of the times and the ratio of the larger size to the smaller. Asserts nothing.
 *
 *   npm run bench:reports
 *   BENCH_SIZES=1000,20000 BENCH_COSMOS_SIZES=1000,20000 npm run bench:reports
 *
 * The population (bench/support/plan-population.ts) is four years of plans at an even pace, most of them
 * decided long ago, plans in effect with quarterly evaluations, and the newest month's still open.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BulkOperationType, CosmosClient, type Container, type OperationInput } from '@azure/cosmos';
import { searchApplications, type SearchFilter } from '../src/app/approval/search';
import type { ApprovalDeps } from '../src/app/common/deps';
import { exportApplications } from '../src/app/export/export-applications';
import type { Store } from '../src/app/ports/store';
import { reportFigures } from '../src/app/reporting/monthly-report';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import { APPLICATION_COLUMNS } from '../src/export/application-columns';
import { openTable } from '../src/export/table-file';
import { applicationItem } from '../src/store/cosmos/application-items';
import { CONTAINER_ID } from '../src/store/cosmos/container-setup';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { writeSequence } from '../src/store/cosmos/item-keys';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { EMULATOR_KEY } from '../test/store/support/cosmos-target';
import {
  copyOf,
  filingAudit,
  liveTemplates,
  NOW,
  referenceSamples,
  REPORT_MONTH,
  seedReference,
} from './support/plan-population';

const sizes = (text: string | undefined, fallback: string) => (text ?? fallback).split(',').map(Number);
const SIZES = sizes(process.env.BENCH_SIZES, '1000,100000');
const COSMOS_SIZES = sizes(process.env.BENCH_COSMOS_SIZES, SIZES.join(','));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** 刘强, ops head: sees every plan and may read the report. */
const OPS_HEAD = '00000000-0000-0000-0000-00000000b003';

type Templates = Awaited<ReturnType<typeof liveTemplates>>;
type Figures = Record<string, number>;

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
 * Writes `count` copies into the Cosmos container in bulk, 1,000 operations a request, each item as
 * applications.create writes it (the store's own applicationItem), without audit entries: filing one at a
 * time costs cosmosdb-server about 11 ms, which is 18 minutes for 100,000.
 */
async function fillInBulk(container: Container, templates: Templates, count: number): Promise<void> {
  const seq = writeSequence();
  for (let start = 0; start < count; start += 1000) {
    const operations: OperationInput[] = [];
    for (let i = start; i < Math.min(count, start + 1000); i += 1) {
      const item = JSON.parse(JSON.stringify(applicationItem(copyOf(templates, i, count), seq())));
      operations.push({ operationType: BulkOperationType.Create, partitionKey: item.pk, resourceBody: item });
    }
    const results = await container.items.executeBulkOperations(operations);
    const failed = results.find((r) => r.error || (r.response?.statusCode ?? 0) >= 400);
    if (failed) throw new Error(`bulk create failed: ${failed.error?.message ?? failed.response?.statusCode}`);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

async function medianOf<T>(run: () => Promise<T>, describe: (value: T) => string): Promise<[number, string]> {
  const times: number[] = [];
  let last: T | undefined;
  for (let r = 0; r < RUNS; r += 1) {
    const { ms, value } = await timed(run);
    times.push(ms);
    last = value;
  }
  return [median(times), describe(last as T)];
}

/** Times every operation on a filled store, printing what each found. */
async function measure(store: Store, dir: string, label: string): Promise<Figures> {
  const deps: ApprovalDeps = { store, clock: { now: () => NOW }, calendar: createWorkingCalendar(), newId: randomUUID };
  const figures: Figures = {};
  const list = (filter: Partial<SearchFilter>) => () =>
    searchApplications(deps, OPS_HEAD, { ...EVERYTHING, ...filter });
  const shown = (page: { records: unknown[]; next: string | null }) =>
    `${page.records.length} plans${page.next ? ', more' : ''}`;
  const lines: string[] = [];
  for (const [name, run] of [
    ['list: first page', list({})],
    ['list: overdue', list({ overdue: true })],
    ['list: flagged', list({ flagged: true })],
  ] as const) {
    const [ms, what] = await medianOf(run, shown);
    figures[name] = ms;
    lines.push(`${name} (${what})`);
  }
  const [reportMs, what] = await medianOf(
    () => reportFigures(deps, REPORT_MONTH),
    (r) => `${r.submitted} filed, ${r.activePlans.total} in effect`,
  );
  figures[`report ${REPORT_MONTH}`] = reportMs;
  lines.push(`report ${REPORT_MONTH} (${what})`);
  const table = openTable(join(dir, `${label}.csv`), 'csv', APPLICATION_COLUMNS, 'zh-CN', '个性化方案');
  const exported = await timed(async () => {
    const { rows } = await exportApplications(store, {}, table);
    await table.close();
    return rows;
  });
  figures['export CSV'] = exported.ms;
  lines.push(`export CSV (${exported.value} rows)`);
  console.log(`  ${label}: ${lines.join('; ')}`);
  return figures;
}

/** cosmosdb-server in a child process; resolves with its endpoint once it listens. */
async function startCosmosServer(): Promise<{ endpoint: string; child: ChildProcess }> {
  const cli = require.resolve('@vercel/cosmosdb-server/lib/cli.js');
  const child = spawn(process.execPath, ['--max-old-space-size=16384', cli, '--host', '127.0.0.1', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`cosmosdb-server exited with ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      const port = /:(\d+)\s*$/m.exec(chunk.toString())?.[1];
      if (port) resolve(`https://127.0.0.1:${port}`);
    });
  });
  return { endpoint, child };
}

interface Target {
  name: string;
  sizes: number[];
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
    const templates = await liveTemplates(samples.dir);
    console.log(`${templates.length} lives copied into each store: ${templates.map((t) => t.life.name).join('; ')}`);
    const stores: Target[] = [
      {
        name: 'SQLite',
        sizes: SIZES,
        open: async (size) => openSqliteStore(join(dir, `${size}.db`)),
        fill: (store, size) => fillOneByOne(store, templates, size),
      },
      {
        name: 'cosmosdb-server',
        sizes: COSMOS_SIZES,
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
          bySize.set(size, await measure(store, dir, `${target.name} ${size.toLocaleString('en-US')}`));
        } finally {
          await store.close();
        }
      }
    }
    printTable(results);
  } finally {
    cosmos.dispose();
    agent.destroy();
    server.child.kill();
    samples.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

function printTable(results: Map<string, Map<number, Figures>>): void {
  const ms = (v: number | undefined) =>
    v === undefined ? '' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
  const operations = [...new Set([...results.values()].flatMap((m) => [...m.values()].flatMap((f) => Object.keys(f))))];
  const header = ['operation'];
  for (const [name, bySize] of results) {
    for (const size of bySize.keys()) header.push(`${name} ${size.toLocaleString('en-US')}`);
    if (bySize.size > 1) header.push(`${name} ratio`);
  }
  const rows = operations.map((op) => {
    const row = [op];
    for (const bySize of results.values()) {
      const values = [...bySize.values()].map((f) => f[op]);
      row.push(...values.map(ms));
      const [small, large] = [values[0], values.at(-1)];
      if (bySize.size > 1) row.push(small && large ? `${(large / small).toFixed(1)}×` : '');
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
