/**
 * The approve path and the tick on Cosmos DB next to SQLite, through the use cases (no HTTP): for
 * each store, seed the samples, submit N applications, approve each one's first step, then run a
 * tick at a time when their reminders are due. Prints p50/p95 per use case, and for Cosmos the
 * requests and request charge per use case from the store's charge meter. Asserts nothing.
 *
 *   npm run bench:cosmos                                  # cosmosdb-server in this process
 *   COSMOS_ENDPOINT=https://… COSMOS_KEY=… npm run bench:cosmos   # a real account (a throwaway database, deleted after)
 *
 * cosmosdb-server reports 1 RU per request (and per successful batch operation), so the charges it
 * gives are request counts, not request units; real RU must be measured on Azure (this script with
 * COSMOS_ENDPOINT, or the bot's debug log: one "cosmos request" line with its requestCharge per request).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CosmosClient } from '@azure/cosmos';
import type { ApprovalDeps } from '../src/app/common/deps';
import { decideStep } from '../src/app/approval/decide-step';
import { submit } from '../src/app/approval/submit';
import type { Store } from '../src/app/ports/store';
import { tick, type TickReport } from '../src/app/scheduler/tick';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import type { ApplicationInput } from '../src/domain/application';
import { parseApplicationJson } from '../src/formats/application-json';
import { seedSamples } from '../src/samples/seed-samples';
import type { OperationCharge, RequestCharges } from '../src/store/cosmos/request-charges';
import { openCosmosStore } from '../src/store/cosmos/cosmos-store';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';
import { startCosmosTarget } from '../test/store/support/cosmos-target';

/** Applications submitted and approved per store. */
const N = Number(process.env.BENCH_N ?? 100);
const samples = join(__dirname, '../config/samples');
/** Tuesday 10:00 in Shanghai: the applications are filed and their first step decided now… */
const FILED = new Date('2026-12-01T10:00:00+08:00');
/**
 * …and the tick runs the next afternoon: past the halfway reminder of the next approval step and of
 * the support center's task (one business day, due 18:00 today), before any deadline.
 */
const TICK_AT = new Date('2026-12-02T17:00:00+08:00');

/** The sample applications in turn (tier 2 ops review; tier 1; tier 3 via cooperation), each starting next month. */
function inputs(): ApplicationInput[] {
  return ['01-cloud-pbx-tier2.json', '02-line-tier1.json', '03-iot-agent-tier3.json'].map((file) => {
    const parsed = parseApplicationJson(readFileSync(join(samples, 'applications', file), 'utf8'), file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    return { ...parsed.value, startMonth: '2027-01' };
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const summary = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(sorted, 95).toFixed(1).padStart(6)} ms`;
};

interface Charges {
  requests: number;
  charge: number;
  byOperation: Record<string, OperationCharge>;
}

interface Result {
  submit: number[];
  approve: number[];
  tickMs: number;
  tick: TickReport;
  /** A second tick at the same time: nothing is due, the cost every instance pays each PLANDESK_TICK_INTERVAL_MS. */
  idleTickMs: number;
  /** Cosmos only: what each phase cost. */
  charges?: Record<'submit' | 'approve' | 'tick' | 'idleTick', Charges>;
}

function taken(meter: RequestCharges | undefined): Charges | undefined {
  if (!meter) return undefined;
  const byOperation = meter.byOperation();
  const requests = Object.values(byOperation).reduce((sum, o) => sum + o.requests, 0);
  const result = { requests, charge: meter.total(), byOperation };
  meter.reset();
  return result;
}

async function run(store: Store, meter: RequestCharges | undefined): Promise<Result> {
  let now = FILED;
  const deps: ApprovalDeps = { store, clock: { now: () => now }, calendar: createWorkingCalendar(), newId: randomUUID };
  await seedSamples(deps, samples);
  meter?.reset();
  const forms = inputs();
  const submits: number[] = [];
  const filed: { id: string; revision: number; assignee: string }[] = [];
  for (let i = 0; i < N; i += 1) {
    const input = forms[i % forms.length] as ApplicationInput;
    const start = performance.now();
    const result = await submit(deps, { input, actor: input.applicant, draftId: null });
    submits.push(performance.now() - start);
    if (!result.ok) throw new Error(`submit ${i}: ${result.error.code}`);
    const first = result.value.steps[0];
    if (!first) throw new Error(`submit ${i}: no step`);
    filed.push({ id: result.value.id, revision: result.value.revision, assignee: first.assignee });
  }
  const submitCharges = taken(meter);
  const approves: number[] = [];
  for (const app of filed) {
    const start = performance.now();
    const result = await decideStep(deps, {
      applicationId: app.id,
      revision: app.revision,
      stepIndex: 0,
      decision: 'approve',
      comment: null,
      actor: app.assignee,
    });
    approves.push(performance.now() - start);
    if (!result.ok) throw new Error(`approve ${app.id}: ${result.error.code}`);
  }
  const approveCharges = taken(meter);
  now = TICK_AT;
  const start = performance.now();
  const report = await tick(deps, TICK_AT, 'bench');
  const tickMs = performance.now() - start;
  const tickCharges = taken(meter);
  const idleStart = performance.now();
  const idle = await tick(deps, TICK_AT, 'bench');
  const idleTickMs = performance.now() - idleStart;
  if (idle.ran !== 0) throw new Error(`the second tick ran ${idle.ran} jobs`);
  const idleCharges = taken(meter);
  return {
    submit: submits,
    approve: approves,
    tickMs,
    tick: report,
    idleTickMs,
    ...(submitCharges && approveCharges && tickCharges && idleCharges
      ? { charges: { submit: submitCharges, approve: approveCharges, tick: tickCharges, idleTick: idleCharges } }
      : {}),
  };
}

function print(name: string, result: Result): void {
  console.log(`\n${name}`);
  console.log(`  submit   n=${result.submit.length}  ${summary(result.submit)}`);
  console.log(`  approve  n=${result.approve.length}  ${summary(result.approve)}`);
  const kinds = Object.entries(result.tick.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  console.log(
    `  tick     ${result.tickMs.toFixed(1)} ms for ${result.tick.ran} jobs (${kinds}; ${result.tick.failed} failed)`,
  );
  console.log(`  idle tick ${result.idleTickMs.toFixed(1)} ms (nothing due)`);
}

function printCharges(charges: NonNullable<Result['charges']>, ran: number, real: boolean): void {
  const unit = real ? 'RU' : '"RU" (= requests on cosmosdb-server)';
  console.log(`\n  Cosmos requests and charges per use case — ${unit}`);
  const per = (label: string, c: Charges, count: number, what: string) => {
    console.log(
      `  ${label.padEnd(9)} ${c.requests} requests, ${c.charge.toFixed(1)} charged over ${count} ${what} = ${(c.requests / count).toFixed(2)} requests, ${(c.charge / count).toFixed(2)} charged per ${what.replace(/s$/, '')}`,
    );
    for (const [operation, o] of Object.entries(c.byOperation).sort(([a], [b]) => a.localeCompare(b))) {
      console.log(
        `             ${operation.padEnd(28)} ${String(o.requests).padStart(5)} req  ${o.requestCharge.toFixed(1).padStart(8)}`,
      );
    }
  };
  per('submit', charges.submit, N, 'submits');
  per('approve', charges.approve, N, 'approvals');
  per('tick', charges.tick, Math.max(ran, 1), 'jobs');
  per('idle tick', charges.idleTick, 1, 'ticks');
}

async function main(): Promise<void> {
  console.log(
    `${N} applications per store, filed and approved at ${FILED.toISOString()}, tick at ${TICK_AT.toISOString()}`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'plandesk-cosmos-bench-'));
  try {
    const sqlite = openSqliteStore(join(dir, 'bench.db'));
    try {
      print('SQLite (temp file)', await run(sqlite, undefined));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // cosmosdb-server in this process unless COSMOS_ENDPOINT names an account or emulator. The https.Agent that
  // accepts a self-signed certificate is used only for cosmosdb-server or a local emulator, never for an account.
  const target = await startCosmosTarget();
  const database = `plandesk-bench-${randomUUID().slice(0, 8)}`;
  try {
    const store = await openCosmosStore({
      endpoint: target.endpoint,
      key: target.key,
      database,
      ...(target.agent ? { agent: target.agent } : {}),
    });
    try {
      const result = await run(store, store.charges);
      print(
        target.inProcess
          ? 'Cosmos DB (in-process @vercel/cosmosdb-server over HTTPS)'
          : `Cosmos DB (${new URL(target.endpoint).host})`,
        result,
      );
      if (result.charges) printCharges(result.charges, result.tick.ran, !target.inProcess);
      if (target.inProcess) {
        console.log(
          '\n  cosmosdb-server reports 1 RU per request (and per successful batch operation): these are request',
        );
        console.log(
          '  counts, not request units. Real RU must be measured on Azure: COSMOS_ENDPOINT=… COSMOS_KEY=… npm run bench:cosmos,',
        );
        console.log('  or LOG_LEVEL=debug on the bot (one "cosmos request" line with its requestCharge per request).');
      }
    } finally {
      await store.close();
    }
  } finally {
    const client = new CosmosClient({
      endpoint: target.endpoint,
      key: target.key,
      ...(target.agent ? { agent: target.agent } : {}),
    });
    await client
      .database(database)
      .delete()
      .catch((error: { code?: number }) => {
        if (error.code !== 404) throw error;
      });
    client.dispose();
    await target.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
