/**
 * `plandesk migrate` from SQLite to Cosmos DB (issue 15): the same pilot store copied into two fresh
 * databases on cosmosdb-server (in a process of its own), one item a request as before (importAll's
 * `oneByOne`) and in bulk (transfer-bulk.ts), then the bulk copy run again (it finds everything there).
 * Prints the time, the requests and the items of each, and the ratio. Asserts nothing. The one-by-one copy
 * is stopped at BENCH_MIGRATE_BASELINE_TIMES (10) times the bulk copy's time: at 10,000 applications on
 * cosmosdb-server it had copied 821 of 70,000 audit entries after an hour. The ratio is then a lower bound.
 *
 *   npm run bench:migrate
 *   BENCH_MIGRATE_APPLICATIONS=10000 npm run bench:migrate
 *
 * BENCH_MIGRATE_BASELINE_TIMES=0 leaves the one-by-one copy out (to see how the bulk copy scales);
 * BENCH_MIGRATE_VERIFY=1 or 0 verifies the bulk copy or not (by default up to 1,000 applications).
 * BENCH_SERVER_LINEAR_QUERIES=1 runs cosmosdb-server with its queries made linear in the container's size
 * (bench/support/cosmos-server-process.mjs), as a service answering from indexes would be; then the
 * one-by-one copy's query for each new partition stops dominating its time.
 * Requests by store operation, and progress every 10,000 items, go to stderr.
 *
 * The pilot is the benchmark population (bench/support/plan-population.ts) with each plan's filing in
 * the audit trail, its report facts and its jobs and messages as the SQLite store keeps them.
 */
import https from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateStore, verifyStores, type MigrationReport } from '../src/app/migration/migrate-store';
import { auditEntry } from '../src/app/records/audit';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { EMULATOR_KEY } from '../test/store/support/cosmos-target';
import { startCosmosServer } from './support/cosmos-server';
import { copyOf, filingAudit, liveTemplates, referenceSamples, seedReference } from './support/plan-population';

const APPLICATIONS = Number(process.env.BENCH_MIGRATE_APPLICATIONS ?? 2_000);
/** Views of each plan in its audit trail besides its filing: in use, views are most of the trail. */
const VIEWS = Number(process.env.BENCH_MIGRATE_VIEWS ?? 5);
/** How many times the bulk copy's time the one-request-an-item copy is given before it is stopped. */
const BASELINE_TIMES = Number(process.env.BENCH_MIGRATE_BASELINE_TIMES ?? 10);

/**
 * Whether the bulk copy is compared with the pilot item by item (migrate --verify). Reading a container
 * back is one query a page, and cosmosdb-server copies the whole container for each (quadratically:
 * a minute at 40,000 items), so past some thousands of applications this would run for hours there.
 */
const LINEAR_QUERIES = process.env.BENCH_SERVER_LINEAR_QUERIES === '1';
const VERIFY = (process.env.BENCH_MIGRATE_VERIFY ?? (APPLICATIONS <= 1_000 || LINEAR_QUERIES ? '1' : '0')) !== '0';

class OutOfTime extends Error {}

const count = (n: number) => n.toLocaleString('en-US');

const total = (counts: Record<string, number | undefined>): number =>
  Object.values(counts).reduce<number>((n, c) => n + (c ?? 0), 0);

async function main(): Promise<void> {
  const samples = referenceSamples();
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-migrate-bench-'));
  const server = await startCosmosServer();
  const agent = new https.Agent({ rejectUnauthorized: false, keepAlive: true });
  const pilot = openSqliteStore(join(dir, 'pilot.db'));
  try {
    console.log(
      `${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(', ')}`,
    );
    await seedReference(pilot, samples.dir);
    const templates = await liveTemplates(samples.dir);
    for (let i = 0; i < APPLICATIONS; i += 1) {
      const record = copyOf(templates, i, APPLICATIONS);
      const created = await pilot.applications.create(record, filingAudit(record), [], []);
      if (!created.ok) throw new Error(`seeding ${record.id}: ${created.error.code}`);
      const viewed = new Date(record.submittedAt).getTime() + 3_600_000;
      await pilot.audit.append(
        Array.from({ length: VIEWS }, (_, v) =>
          auditEntry(new Date(viewed + v * 60_000), record.input.applicant, 'view', record.id, null, null),
        ),
      );
    }
    const rows: string[] = [];
    /** One copy into `database`; stopped once `budgetMs` has passed (then its time is a lower bound). */
    const run = async (
      label: string,
      database: string,
      oneByOne: boolean,
      budgetMs = Infinity,
    ): Promise<{ ms: number; finished: boolean }> => {
      const target = await openCosmosStore({ endpoint: server.endpoint, key: EMULATOR_KEY, database, agent });
      try {
        target.charges.reset();
        const started = performance.now();
        let read = 0;
        let toRead: number | undefined;
        const progress = {
          start: (n: number | undefined) => (toRead = n),
          item: () => {
            read += 1;
            if (read % 10_000 === 0)
              console.error(
                `${label}: ${count(read)} items read at ${((performance.now() - started) / 1000).toFixed(1)} s`,
              );
            if (performance.now() - started > budgetMs) throw new OutOfTime();
          },
        };
        let report: MigrationReport | null = null;
        try {
          report = await migrateStore(pilot, target, progress, { oneByOne });
        } catch (error) {
          if (!(error instanceof OutOfTime)) throw error;
        }
        const ms = performance.now() - started;
        // Requests by store operation, on stderr: where a copy's requests go.
        console.error(label, `${(ms / 1000).toFixed(1)} s`, JSON.stringify(target.charges.byOperation()));
        const requests = Object.values(target.charges.byOperation()).reduce((n, c) => n + c.requests, 0);
        rows.push(
          report
            ? `| ${label} | ${(ms / 1000).toFixed(1)} s | ${count(requests)} | ${count(total(report.exported))} | ${count(total(report.written))} | ${count(total(report.skipped))} |`
            : `| ${label} | stopped after ${(ms / 1000).toFixed(1)} s, unfinished | ${count(requests)} | ${count(read)} of ${toRead === undefined ? '?' : count(toRead)} |  |  |`,
        );
        if (report && label.startsWith('bulk, first') && VERIFY) {
          const verified = await verifyStores(pilot, target);
          rows.push(`|  | verify: ${verified.differences.length} differences |  |  |  |  |`);
        }
        return { ms, finished: report !== null };
      } finally {
        await target.close();
      }
    };
    // Bulk first: the one-request-an-item copy is then given BASELINE_TIMES the bulk copy's time, enough
    // to show the ratio without waiting hours for it at 10,000 applications.
    const bulk = await run('bulk, first run', 'bulk', false);
    await run('bulk, run again (finds it all there)', 'bulk', false);
    const single =
      BASELINE_TIMES > 0
        ? await run('one request per item (before)', 'one-by-one', true, bulk.ms * BASELINE_TIMES)
        : null;
    console.log(
      `\nplandesk migrate, ${APPLICATIONS.toLocaleString('en-US')} applications with ${VIEWS} views each, SQLite → cosmosdb-server${LINEAR_QUERIES ? ' with linear queries (BENCH_SERVER_LINEAR_QUERIES=1)' : ''}:\n`,
    );
    console.log('| run | time | requests | items read | written | left as they were |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    rows.forEach((r) => console.log(r));
    if (!VERIFY)
      console.log(
        '\n(the bulk copy not verified: on cosmosdb-server, reading it all back takes hours at this size; BENCH_MIGRATE_VERIFY=1 to do it anyway)',
      );
    if (!single) return;
    console.log(
      single.finished
        ? `\nbulk is ${(single.ms / bulk.ms).toFixed(1)}× faster than one request per item`
        : `\nbulk is more than ${(single.ms / bulk.ms).toFixed(1)}× faster than one request per item, which had not finished when stopped`,
    );
  } finally {
    await pilot.close();
    agent.destroy();
    server.child.kill();
    samples.remove();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
