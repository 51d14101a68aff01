/**
 * A population of stored applications for the benchmarks: nine lives an application can lead, each
 * lived once through PlanDesk's use cases on a scratch store (filed, decided, returned and resubmitted,
 * rejected, withdrawn, fulfilled), then copied many times, each copy moved whole months and days back in
 * time, so the store holds four years of plans at an even pace — most of them long decided, plans in
 * effect with their evaluations (some flagged), and a recent few still open (some overdue).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fulfillApplication, resubmitApplication, withdrawApplication } from '../../src/app/approval/applicant-actions';
import { decideStep } from '../../src/app/approval/decide-step';
import { submit } from '../../src/app/approval/submit';
import type { ApprovalDeps } from '../../src/app/common/deps';
import type { ApplicationRecord } from '../../src/app/records/application-record';
import { auditEntry } from '../../src/app/records/audit';
import type { Store } from '../../src/app/ports/store';
import { createWorkingCalendar } from '../../src/calendar/chinese-working-calendar';
import type { ApplicationInput } from '../../src/domain/application';
import type { Decision } from '../../src/domain/approval-step';
import { planEnd } from '../../src/domain/lifecycle';
import { addMonths, shanghaiDate } from '../../src/domain/local-date';
import { formatPlanNumber } from '../../src/domain/plan-number';
import { parseApplicationJson } from '../../src/formats/application-json';
import { seedSamples } from '../../src/samples/seed-samples';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';

const SAMPLES = join(__dirname, '../../config/samples');
/** When the benchmark reads: Thursday 10 December 2026, 10:00 in Shanghai. */
export const NOW = new Date('2026-12-10T10:00:00+08:00');
/** The month whose report is timed: the last whole one. */
export const REPORT_MONTH = '2026-11';
/** How far back the population reaches, in months. */
const YEARS_OF_PLANS = 4;
const HOUR = 3_600_000;

/** The catalog, policy and directory of config/samples, without the sample applications. */
export function referenceSamples(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-samples-'));
  mkdirSync(join(dir, 'samples'));
  for (const f of ['catalog.csv', 'policy.yaml', 'directory.yaml'])
    copyFileSync(join(SAMPLES, f), join(dir, 'samples', f));
  return { dir: join(dir, 'samples'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Seeds the reference data into a store as of the benchmark's template era, so every copy finds versions 1. */
export async function seedReference(store: Store, samplesDir: string): Promise<void> {
  const at = new Date('2026-10-01T10:00:00+08:00');
  await seedSamples(
    { store, clock: { now: () => at }, calendar: createWorkingCalendar(), newId: () => 'seed' },
    samplesDir,
  );
}

function sample(file: string, changes: Partial<ApplicationInput> = {}): ApplicationInput {
  const parsed = parseApplicationJson(readFileSync(join(SAMPLES, 'applications', `${file}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(`sample ${file} does not parse`);
  return { ...parsed.value, startMonth: '2026-11', ...changes };
}

/** A life: how many copies of it in a hundred, whether it is still undecided now (only the newest month's can be), what happens. */
interface Life {
  name: string;
  share: number;
  open: boolean;
  flagged?: boolean;
  live: (deps: ApprovalDeps, at: (iso: string) => void) => Promise<ApplicationRecord>;
}

async function filed(deps: ApprovalDeps, input: ApplicationInput): Promise<ApplicationRecord> {
  const result = await submit(deps, { input, actor: input.applicant, draftId: null });
  if (!result.ok) throw new Error(`not filed: ${result.error.code}`);
  return result.value;
}

/** Decides the pending step as its approver, `decision` on it. */
async function decidePending(deps: ApprovalDeps, record: ApplicationRecord, decision: Decision) {
  const index = record.steps.findIndex((s) => s.status === 'pending');
  const step = record.steps[index];
  if (!step) throw new Error(`${record.id} waits on no step`);
  const result = await decideStep(deps, {
    applicationId: record.id,
    revision: record.revision,
    stepIndex: index,
    decision,
    comment: decision === 'approve' ? null : '请补充依据',
    actor: step.assignee,
  });
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  return result.value.record;
}

/** Approves step after step, half a working day apart, until nothing waits. */
async function approveAll(deps: ApprovalDeps, record: ApplicationRecord, at: (iso: string) => void, day: number) {
  let current = record;
  let hour = 10;
  while (current.state === 'in_review') {
    at(`2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`);
    current = await decidePending(deps, current, 'approve');
    hour += 3;
    if (hour > 17) {
      hour = 10;
      day += 1;
    }
  }
  return current;
}

async function fulfilled(deps: ApprovalDeps, record: ApplicationRecord) {
  const result = await fulfillApplication(deps, record.id, null, '00000000-0000-0000-0000-00000000c001');
  if (!result.ok) throw new Error(`not fulfilled: ${result.error.code}`);
  return result.value;
}

/** The lives of November 2026 (Mon 2 Nov onwards), copied into every month of the population. */
const LIVES: Life[] = [
  ...(['02-line-tier1', '01-cloud-pbx-tier2', '03-iot-agent-tier3'] as const).map((file, i): Life => ({
    name: `approved and in effect (${file})`,
    share: [30, 15, 8][i] ?? 0,
    open: false,
    flagged: i === 1,
    live: async (deps, at) => {
      at('2026-11-03T09:30:00+08:00');
      const record = await approveAll(deps, await filed(deps, sample(file)), at, 4);
      at('2026-11-10T11:00:00+08:00');
      return fulfilled(deps, record);
    },
  })),
  {
    name: 'returned, resubmitted, approved and in effect',
    share: 12,
    open: false,
    live: async (deps, at) => {
      at('2026-11-02T10:00:00+08:00');
      const record = await filed(deps, sample('02-line-tier1'));
      // Decided late: the step was due Wednesday 18:00.
      at('2026-11-05T15:00:00+08:00');
      const returned = await decidePending(deps, record, 'return');
      at('2026-11-06T10:00:00+08:00');
      const again = await resubmitApplication(
        deps,
        record.id,
        returned.revision,
        returned.input,
        returned.input.applicant,
      );
      if (!again.ok) throw new Error(`not resubmitted: ${again.error.code}`);
      const approved = await approveAll(deps, again.value, at, 9);
      at('2026-11-12T11:00:00+08:00');
      return fulfilled(deps, approved);
    },
  },
  {
    name: 'rejected',
    share: 8,
    open: false,
    live: async (deps, at) => {
      at('2026-11-03T10:00:00+08:00');
      const record = await filed(
        deps,
        sample('01-cloud-pbx-tier2', { applicant: '00000000-0000-0000-0000-00000000a001', unit: 'pudong-branch' }),
      );
      at('2026-11-04T16:00:00+08:00');
      return decidePending(deps, record, 'reject');
    },
  },
  {
    name: 'withdrawn',
    share: 5,
    open: false,
    live: async (deps, at) => {
      at('2026-11-03T10:00:00+08:00');
      const record = await filed(deps, sample('02-line-tier1'));
      at('2026-11-03T15:00:00+08:00');
      const result = await withdrawApplication(deps, record.id, record.input.applicant);
      if (!result.ok) throw new Error(`not withdrawn: ${result.error.code}`);
      return result.value;
    },
  },
  {
    name: 'in review, overdue',
    share: 8,
    open: true,
    live: async (deps, at) => {
      at('2026-11-02T10:00:00+08:00');
      return filed(deps, sample('01-cloud-pbx-tier2'));
    },
  },
  {
    name: 'returned, waiting for a revision',
    share: 6,
    open: true,
    live: async (deps, at) => {
      at('2026-11-02T10:00:00+08:00');
      const record = await filed(deps, sample('02-line-tier1'));
      at('2026-11-03T11:00:00+08:00');
      return decidePending(deps, record, 'return');
    },
  },
  {
    name: 'approved, waiting for the support center',
    share: 8,
    open: true,
    live: async (deps, at) => {
      at('2026-11-02T10:00:00+08:00');
      return approveAll(deps, await filed(deps, sample('02-line-tier1')), at, 3);
    },
  },
];

/** Each life lived once on a scratch SQLite store; the records as they were saved. */
export async function liveTemplates(samplesDir: string): Promise<{ life: Life; record: ApplicationRecord }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'plandesk-bench-templates-'));
  const store = openSqliteStore(join(dir, 'templates.db'));
  try {
    await seedReference(store, samplesDir);
    let now = new Date('2026-11-02T09:00:00+08:00');
    let ids = 0;
    const deps: ApprovalDeps = {
      store,
      clock: { now: () => now },
      calendar: createWorkingCalendar(),
      newId: () => `bench-${++ids}`,
    };
    const at = (iso: string) => {
      now = new Date(iso);
    };
    const lived = [];
    for (const life of LIVES) lived.push({ life, record: await life.live(deps, at) });
    return lived;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** Every time in a record moved back `months` months and on `days` days (a start month by the months alone). */
function moved<T>(value: T, months: number, days: number): T {
  const moveInstant = (text: string) => {
    const d = new Date(text);
    d.setUTCMonth(d.getUTCMonth() - months);
    return new Date(d.getTime() + days * 24 * HOUR).toISOString();
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      if (INSTANT.test(v)) return moveInstant(v);
      if (DAY.test(v)) return moveInstant(`${v}T00:00:00Z`).slice(0, 10);
      if (MONTH.test(v)) return addMonths(v, -months);
      return v;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** Quarterly evaluations of a plan in effect, reported ten days after each quarter, up to now or its end. */
function evaluated(record: ApplicationRecord, flagged: boolean): ApplicationRecord {
  if (!record.activatedAt) return record;
  const { lastDay } = planEnd(record.input);
  const evaluations = [];
  for (let period = 1; ; period += 1) {
    const month = addMonths(record.input.startMonth, period * 3);
    const reportedAt = new Date(`${month}-10T02:00:00.000Z`);
    if (reportedAt > NOW || shanghaiDate(reportedAt) > lastDay) break;
    const expected = Math.round((record.input.expected.revenueFen * period * 3) / record.input.termMonths);
    evaluations.push({
      period,
      reportedAt: reportedAt.toISOString(),
      reportedBy: record.input.applicant,
      actualRevenueFen: flagged ? Math.round(expected * 0.6) : expected,
      actualSubscribers: record.input.expected.subscribers,
      expectedRevenueToDateFen: expected,
      flagged,
    });
  }
  const ended = lastDay < shanghaiDate(NOW);
  return { ...record, evaluations, state: ended ? 'expired' : record.state };
}

const APPLICANTS = [
  { applicant: '00000000-0000-0000-0000-00000000a001', unit: 'pudong-branch' },
  { applicant: '00000000-0000-0000-0000-00000000a002', unit: 'minhang-branch' },
];

/**
 * The `i`-th of `count` applications: a copy of a template by the lives' shares, moved back into the
 * population's four years (and some days on), with its own number, applicant and customer. Only the newest month's copies
 * may be open lives: older applications were all decided long ago.
 */
export function copyOf(
  templates: { life: Life; record: ApplicationRecord }[],
  i: number,
  count: number,
): ApplicationRecord {
  const monthsBack = Math.floor(((count - 1 - i) / count) * YEARS_OF_PLANS * 12);
  const shares = templates
    .filter((t) => monthsBack === 0 || !t.life.open)
    .flatMap((t) => Array.from({ length: t.life.share }, () => t));
  const template = shares[(i * 37) % shares.length];
  if (!template) throw new Error('no templates');
  // Filed from 2 to 23 November, moved back whole months: an open one at most a week later, so it is overdue now.
  const daysOn = template.life.open ? i % 7 : (i * 7) % 21;
  const copy = moved(template.record, monthsBack, daysOn);
  const who = APPLICANTS[i % APPLICANTS.length] ?? APPLICANTS[0];
  const input = {
    ...copy.input,
    ...who,
    customer: { ...copy.input.customer, name: `${copy.input.customer.name} ${i}` },
  };
  const year = Number(copy.submittedAt.slice(0, 4));
  const record: ApplicationRecord = {
    ...copy,
    id: formatPlanNumber(year, i + 1),
    input,
    draftId: null,
    version: 1,
    pastRevisions: copy.pastRevisions.map((r) => ({ ...r, input: { ...r.input, ...who } })),
  };
  return evaluated(record, template.life.flagged ?? false);
}

/** The audit row a copy is filed with. */
export const filingAudit = (record: ApplicationRecord) => [
  auditEntry(new Date(record.submittedAt), record.input.applicant, 'submit', record.id, null, record.state),
];
