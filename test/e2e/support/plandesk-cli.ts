import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import type { Job } from '../../../src/app/ports/jobs';
import type { ApplicationRecord } from '../../../src/app/records/application-record';
import type { ApplicationInput } from '../../../src/domain/application';
import { assessApplication } from '../../../src/domain/assess';
import { shanghaiDate } from '../../../src/domain/local-date';
import { sampleRecord } from '../../store/fixtures';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store';
import { botEnvironment, type BotEntry } from '../../../scripts/support/bot-process';
import { REPO_ROOT } from '../../../scripts/support/paths';

/** What `plandesk` printed and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** The bot's SQLite file: the CLI works on the same store, while the bot runs. */
  dbPath: string;
  /** The command line and everything it wrote are kept here. */
  logFile: string;
  /** Extra environment, as the bot was given. */
  env?: Record<string, string>;
  /** `source` (default) runs src/cli/main.ts through tsx; `dist` runs bin/plandesk.js, which is what `npx plandesk` runs. */
  entry?: BotEntry;
  timeoutMs?: number;
}

// `bin/plandesk.js` runs dist/, which may be stale: by default src/cli/main.ts runs through tsx, as the bot runs src/main.ts.
const FROM_SOURCE = [
  '--import',
  'tsx',
  '-e',
  "require('./src/cli/main.ts').main(process.argv.slice(1)).then((code) => { process.exitCode = code; })",
];
const FROM_DIST = ['bin/plandesk.js'];

/**
 * Runs `npx plandesk <args>` (from src/, through tsx) against the bot's store, with the bot's
 * environment, and resolves when it has exited. A CLI run delivers what it decides itself, through the
 * connector named in the stored conversation references (a Playground's `serviceUrl`), so the
 * Playgrounds it writes to must be running.
 */
export function runPlandesk(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const env = botEnvironment(options.dbPath, options.env);
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const entry = options.entry === 'dist' ? FROM_DIST : FROM_SOURCE;
    const child = spawn(process.execPath, [...entry, ...args], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const keep = (how: string) =>
      writeFileSync(
        options.logFile,
        `$ plandesk ${args.join(' ')}\n[${how}]\n--- stdout\n${stdout}--- stderr\n${stderr}`,
      );
    child.once('error', (error) => {
      clearTimeout(timer);
      keep(`could not run: ${error.message}`);
      reject(error);
    });
    // 'close', not 'exit': by then everything it wrote has been read.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      keep(signal ? `killed by ${signal}${signal === 'SIGKILL' ? ` after ${timeoutMs} ms` : ''}` : `exit ${code}`);
      if (signal)
        reject(new Error(`plandesk ${args.join(' ')} did not finish within ${timeoutMs} ms; see ${options.logFile}`));
      else resolve({ code, stdout, stderr });
    });
  });
}

/** What `plandesk tick` prints on stdout. */
export const TickReport = z.object({
  now: z.string(),
  ran: z.number(),
  failed: z.number(),
  byKind: z.record(z.number()),
});
export type TickReport = z.infer<typeof TickReport>;

/** `plandesk tick --now <at>`: runs the jobs due then and delivers what they decide; fails unless it exits 0. */
export async function tickAt(at: string, options: CliOptions): Promise<TickReport> {
  const run = await runPlandesk(['tick', '--now', at], options);
  if (run.code !== 0)
    throw new Error(`plandesk tick --now ${at} exited ${run.code}; see ${options.logFile}:\n${run.stderr.trim()}`);
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  return TickReport.parse(JSON.parse(line));
}

/**
 * The jobs the bot has scheduled for an application and not yet run (reminders, deadlines, expiry),
 * read from its store: a test ticks at their times, whatever day it runs on.
 */
export async function pendingJobs(dbPath: string, applicationId: string): Promise<Job[]> {
  const store = openSqliteStore(dbPath);
  try {
    return await store.jobs.pendingFor(applicationId);
  } finally {
    await store.close();
  }
}

/**
 * Time passing, for what the bot reads on its own real clock (who is overdue in `列表 逾期`): the
 * application's waiting step is given a deadline an hour ago, as if its working days had gone by, and
 * saved as the next version, its jobs kept. Resolves with the new deadline.
 */
export async function pastDeadline(dbPath: string, applicationId: string): Promise<string> {
  const store = openSqliteStore(dbPath);
  try {
    const record = await store.applications.get(applicationId);
    const waiting = record?.steps.findIndex((s) => s.status === 'pending') ?? -1;
    if (!record || waiting < 0) throw new Error(`${applicationId} has no step waiting`);
    const dueAt = new Date(Date.now() - 3_600_000).toISOString();
    const steps = record.steps.map((s, i) => (i === waiting ? { ...s, dueAt } : s));
    const saved = await store.applications.update(
      { ...record, steps },
      record.version,
      [],
      [],
      await store.jobs.pendingFor(applicationId),
    );
    if (!saved.ok) throw new Error(`${applicationId} changed while its deadline was moved`);
    return dueAt;
  } finally {
    await store.close();
  }
}

/**
 * A plan's texts at their limits, as a long life would leave them (ten rounds of questions would take
 * minutes of clicking): the justification at 4,000 characters and ten earlier rounds of a 500-character
 * question and answer in its history, saved as the next version with its jobs kept. The card shows the
 * start of each and counts the rest.
 */
export async function textsAtTheirLimits(dbPath: string, applicationId: string): Promise<void> {
  const store = openSqliteStore(dbPath);
  const long = (length: number, seed: number) =>
    Array.from({ length }, (_, i) => '客户四个厂区专线统一签约补贴说明'[(i + seed) % 16]).join('');
  try {
    const record = await store.applications.get(applicationId);
    if (!record) throw new Error(`${applicationId} is not in the store`);
    const asker = record.steps[0]?.assignee ?? record.input.applicant;
    const first = new Date(record.submittedAt).getTime();
    const rounds = Array.from({ length: 10 }, (_, round) => {
      const at = new Date(first + (round + 1) * 60_000).toISOString();
      return [
        { at, actor: asker, action: 'ops_review.asked' as const, revision: record.revision, comment: long(500, round) },
        {
          at,
          actor: record.input.applicant,
          action: 'ops_review.answered' as const,
          revision: record.revision,
          comment: long(500, round + 7),
        },
      ];
    }).flat();
    const saved = await store.applications.update(
      {
        ...record,
        input: { ...record.input, justification: long(4000, 3) },
        history: [record.history[0], ...rounds, ...record.history.slice(1)].filter((h) => h !== undefined),
      },
      record.version,
      [],
      [],
      await store.jobs.pendingFor(applicationId),
    );
    if (!saved.ok) throw new Error(`${applicationId} changed while its texts were lengthened`);
  } finally {
    await store.close();
  }
}

/**
 * A plan of the same customer already in effect, written into the bot's store beside it (an earlier
 * plan's whole life would take minutes of clicking): judged by the rules on the store's catalog and
 * policy, carried out a month ago, and flagged at its first evaluation. It takes the next plan number,
 * so the bot's own numbering goes on after it. Returns its number.
 */
export async function planInEffect(dbPath: string, changes: Partial<ApplicationInput>): Promise<string> {
  const store = openSqliteStore(dbPath);
  try {
    const now = new Date();
    const today = shanghaiDate(now);
    const [catalog, policy] = await Promise.all([store.catalogs.current(), store.policies.inForceOn(today)]);
    if (!catalog || !policy) throw new Error('the bot has no catalog or policy yet');
    const id = await store.applications.nextNumber(Number(today.slice(0, 4)));
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
    const filed = sampleRecord(id, { input: changes, submittedAt: monthAgo });
    const record: ApplicationRecord = {
      ...filed,
      state: 'active',
      assessment: assessApplication(filed.input, { catalog, policy, today }),
      catalogVersion: catalog.version,
      policyVersion: policy.version,
      steps: [],
      fulfillment: {
        createdAt: monthAgo,
        dueAt: monthAgo,
        doneBy: '00000000-0000-0000-0000-00000000c001',
        doneAt: monthAgo,
        note: null,
      },
      activatedAt: monthAgo,
      evaluations: [
        {
          period: 1,
          reportedAt: now.toISOString(),
          reportedBy: filed.input.applicant,
          actualRevenueFen: 1_000_000,
          actualSubscribers: 50,
          expectedRevenueToDateFen: 2_000_000,
          expectedSubscribersToDate: 100,
          shortfalls: ['revenue', 'subscribers'],
          flagged: true,
        },
      ],
    };
    const created = await store.applications.create(record, [], [], []);
    if (!created.ok) throw new Error(`${id} could not be written`);
    return id;
  } finally {
    await store.close();
  }
}
