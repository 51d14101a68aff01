import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { recordFinding } from '../../../src/app/approval/spot-check-finding';
import type { ApprovalDeps } from '../../../src/app/common/deps';
import type { Store } from '../../../src/app/ports/store';
import { auditEntry, spotCheckSubject } from '../../../src/app/records/audit';
import { createWorkingCalendar } from '../../../src/calendar/chinese-working-calendar';
import type { CliContext } from '../../../src/cli/cli-context';
import { cliLanguage, runCli } from '../../../src/cli/run-cli';
import { seedSamples } from '../../../src/samples/seed-samples';
import { decided, filed, liuQiang, samplePlan, sunMin, wangFang, type Desk } from '../../app/approval/desk';

export const HYPERLINK = '=HYPERLINK("http://x","y")';

const SAMPLES = join(__dirname, '../../../config/samples');

/**
 * PlanDesk's use cases on any store, seeded as openDesk seeds its SQLite file (the sample catalog,
 * policy and directory, no applications); Tuesday 1 Dec 2026, 10:00 in Shanghai. `close` closes the
 * store, then runs `cleanup` (removing the data).
 */
export async function deskOn(store: Store, cleanup: () => Promise<void> = async () => undefined): Promise<Desk> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-export-desk-'));
  for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml']) copyFileSync(join(SAMPLES, f), join(dir, f));
  let now = new Date('2026-12-01T10:00:00+08:00');
  let ids = 0;
  const deps: ApprovalDeps = {
    store,
    clock: { now: () => now },
    calendar: createWorkingCalendar(),
    newId: () => `msg-${++ids}`,
  };
  try {
    await seedSamples(deps, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    deps,
    store,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

/** Runs the CLI in-process on the desk's store (which the desk closes), at the desk's time. */
export async function plandesk(desk: Desk, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    lang: cliLanguage(argv),
    clock: desk.deps.clock,
    calendar: desk.deps.calendar,
    newId: desk.deps.newId,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    openStore: async () => ({ ...desk.store, close: async () => undefined }),
    tick: async () => {
      throw new Error('no tick in these tests');
    },
  };
  const code = await runCli(argv, ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/**
 * Three plans: 黄丽's line plan (闵行) approved and spot-checked with an issue, 张伟's cloud PBX plan (浦东,
 * a customer named like a formula) returned, 张伟's IoT plan waiting on its first of four steps.
 */
export async function threePlans(desk: Desk) {
  const { deps } = desk;
  desk.setNow('2026-12-01T10:00:00+08:00');
  const line = await filed(deps, samplePlan('02-line-tier1'));
  desk.setNow('2026-12-01T11:30:00+08:00');
  await decided(deps, line.id, wangFang, 'approve', '同意');
  desk.setNow('2026-12-02T09:00:00+08:00');
  const pbx = await filed(deps, samplePlan('01-cloud-pbx-tier2', { customer: { name: HYPERLINK, groupId: '+8621' } }));
  desk.setNow('2026-12-02T15:00:00+08:00');
  await decided(deps, pbx.id, liuQiang, 'return', '请补充数量依据');
  desk.setNow('2026-12-03T09:00:00+08:00');
  const iot = await filed(deps, samplePlan('03-iot-agent-tier3'));
  // This month's spot check drew the line plan; the auditor found an issue with it.
  await desk.store.audit.append([
    auditEntry(deps.clock.now(), 'plandesk', 'spot_check.draw', spotCheckSubject('2026-12'), null, {
      seed: 's',
      units: [{ unit: 'minhang-branch', planIds: [line.id] }],
    }),
  ]);
  const finding = await recordFinding(deps, {
    applicationId: line.id,
    result: 'issue',
    note: '补贴凭证缺失',
    actor: sunMin,
  });
  if (!finding.ok) throw new Error(finding.error.code);
  return { line, pbx, iot };
}

/** A CSV export's rows, the header first, read back as Excel would (BOM dropped). */
export const csvRows = (file: string): string[][] =>
  parse(readFileSync(file), { bom: true, relax_column_count: false });
