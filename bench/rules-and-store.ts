/**
 * How fast PlanDesk judges and files plans, on this machine: the pure rules (assessments per
 * second), filing into the real SQLite file (submissions per second, each with its audit row in
 * one transaction), and a policy simulation over everything filed. Prints figures; asserts nothing.
 *
 *   npm run bench
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { simulatePolicy } from '../src/app/reference/simulate-policy';
import { randomUUID } from 'node:crypto';
import { submit } from '../src/app/approval/submit';
import { createWorkingCalendar } from '../src/calendar/chinese-working-calendar';
import type { ApplicationInput } from '../src/domain/application';
import { assessApplication } from '../src/domain/assess';
import { parseApplicationJson } from '../src/formats/application-json';
import { parsePolicyYaml } from '../src/formats/policy-yaml';
import { openSeededStore } from '../src/samples/seed-samples';

const samples = join(__dirname, '../config/samples');
/** The sample account manager of pudong-branch (config/samples/directory.yaml). */
const ZHANG_WEI = '00000000-0000-0000-0000-00000000a001';
const clock = { now: () => new Date('2026-12-01T10:00:00+08:00') };

function variant(base: ApplicationInput, i: number): ApplicationInput {
  return {
    ...base,
    tariffLines: [{ product: 'CLOUD-PBX', quantity: 50 + (i % 400), proposedUnitPriceFen: 2600 + ((i * 37) % 2000) }],
    startMonth: '2027-01',
  };
}

async function timed<T>(label: string, count: number, unit: string, run: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  const ms = performance.now() - start;
  console.log(
    `${label.padEnd(44)} ${count.toLocaleString('en-US').padStart(8)} ${unit} in ${ms.toFixed(0).padStart(6)} ms  = ${Math.round(
      (count / ms) * 1000,
    )
      .toLocaleString('en-US')
      .padStart(9)} /s`,
  );
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-'));
  try {
    const calendar = createWorkingCalendar();
    const { store } = await openSeededStore(
      { store: 'sqlite', dbPath: join(dir, 'bench.db'), samplesDir: samples },
      { clock, calendar, newId: randomUUID },
    );
    const parsed = parseApplicationJson(readFileSync(join(samples, 'application.json'), 'utf8'));
    if (!parsed.ok) throw new Error('sample application does not parse');
    const catalog = await store.catalogs.current();
    const policy = await store.policies.inForceOn('2026-12-01');
    if (!catalog || !policy) throw new Error('samples not seeded');

    const assessments = 100_000;
    await timed('assess (pure rules)', assessments, 'plans', () => {
      let routed = 0;
      for (let i = 0; i < assessments; i += 1) {
        if (assessApplication(variant(parsed.value, i), { catalog, policy, today: '2026-12-01' }).outcome === 'routed')
          routed += 1;
      }
      return routed;
    });

    const submissions = 5_000;
    await timed('submit (judge, route, row + audit + outbox)', submissions, 'plans', async () => {
      for (let i = 0; i < submissions; i += 1)
        await submit(
          { store, clock, calendar, newId: randomUUID },
          { input: { ...variant(parsed.value, i), applicant: ZHANG_WEI }, actor: ZHANG_WEI, draftId: null },
        );
    });

    const draft = parsePolicyYaml(
      readFileSync(join(samples, 'policy.yaml'), 'utf8').replace('maxDiscountDepthPct: 30', 'maxDiscountDepthPct: 40'),
    );
    if (!draft.ok) throw new Error('draft policy does not parse');
    const filed = (await store.applications.list()).length;
    const simulation = await timed('simulate a draft policy over the store', filed, 'plans', () =>
      simulatePolicy(store, draft.value),
    );
    if (!simulation.ok) throw new Error(simulation.error.code);
    console.log(`  (${simulation.value.changed} of ${simulation.value.replayed} would change tier)`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
