/**
 * `plandesk migrate` from SQLite to Cosmos DB (issue 15): the same pilot store copied into two fresh
 * databases on cosmosdb-server (in a process of its own), one item a request as before (importAll's
 * `oneByOne`) and in bulk (transfer-bulk.ts), then the bulk copy run again (it finds everything there).
 * Prints the time, the requests and the items of each, and the ratio. Asserts nothing.
 *
 *   npm run bench:migrate
 *   BENCH_MIGRATE_APPLICATIONS=10000 npm run bench:migrate
 *
 * The pilot is the benchmark population (bench/support/plan-population.ts) with each plan's filing in
 * the audit trail, its report facts and its jobs and messages as the SQLite store keeps them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
import { copyOf, filingAudit, liveTemplates, referenceSamples, seedReference } from './support/plan-population';

const APPLICATIONS = Number(process.env.BENCH_MIGRATE_APPLICATIONS ?? 2_000);
/** Views of each plan in its audit trail besides its filing: in use, views are most of the trail. */
const VIEWS = Number(process.env.BENCH_MIGRATE_VIEWS ?? 5);

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
    const run = async (label: string, database: string, oneByOne: boolean): Promise<number> => {
      const target = await openCosmosStore({ endpoint: server.endpoint, key: EMULATOR_KEY, database, agent });
      try {
        target.charges.reset();
        const started = performance.now();
        const report: MigrationReport = await migrateStore(pilot, target, undefined, { oneByOne });
        const ms = performance.now() - started;
        const requests = Object.values(target.charges.byOperation()).reduce((n, c) => n + c.requests, 0);
        rows.push(
          `| ${label} | ${(ms / 1000).toFixed(1)} s | ${requests.toLocaleString('en-US')} | ${total(report.exported).toLocaleString('en-US')} | ${total(report.written).toLocaleString('en-US')} | ${total(report.skipped).toLocaleString('en-US')} |`,
        );
        if (label.startsWith('bulk, first')) {
          const verified = await verifyStores(pilot, target);
          rows.push(`|  | verify: ${verified.differences.length} differences |  |  |  |  |`);
        }
        return ms;
      } finally {
        await target.close();
      }
    };
    const single = await run('one request per item (before)', 'one-by-one', true);
    const bulk = await run('bulk, first run', 'bulk', false);
    await run('bulk, run again (finds it all there)', 'bulk', false);
    console.log(
      `\nplandesk migrate, ${APPLICATIONS.toLocaleString('en-US')} applications with ${VIEWS} views each, SQLite → cosmosdb-server:\n`,
    );
    console.log('| run | time | requests | items read | written | left as they were |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    rows.forEach((r) => console.log(r));
    console.log(`\nbulk is ${(single / bulk).toFixed(1)}× faster than one request per item`);
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
