import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBot, type RunningBot } from '../../../scripts/support/bot-process';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { startProcess, type RunningProcess } from '../../../scripts/support/processes';

/** Logs of every process a crash scenario starts (git-ignored). */
export const CRASH_ARTIFACTS_DIR = path.join(REPO_ROOT, 'artifacts', 'crash');

/** Short beats, so a restarted bot retries and runs its ticks at once instead of a minute later. */
const FAST_BEATS = {
  PLANDESK_DELIVERY_INTERVAL_MS: '200',
  PLANDESK_TICK_INTERVAL_MS: '200',
  LOG_LEVEL: 'info',
  // Short claims, so a killed process's messages come back to the restarted one within seconds.
  PLANDESK_DELIVERY_LEASE_MS: '3000',
  PLANDESK_SEND_TIMEOUT_MS: '3000',
};

export function logDir(scenario: string): string {
  const dir = path.join(CRASH_ARTIFACTS_DIR, scenario);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The real bot (src/main.ts through tsx, as the end-to-end harness runs it) on `dbPath`, with the sample data. */
export function startPlanDesk(dbPath: string, logFile: string): Promise<RunningBot> {
  return startBot({ dbPath, logFile, entry: 'source', env: FAST_BEATS });
}

/** SIGKILL to the whole process group, as a crash or the OOM killer would end it: no handler runs. */
export async function killHard(process_: RunningProcess): Promise<number | string> {
  try {
    process.kill(-process_.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
  return process_.exited;
}

/** `npx plandesk tick --now <instant>` on `dbPath`, from source, as its own process. */
export function startTick(dbPath: string, now: Date, logFile: string): RunningProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLANDESK_DB: dbPath,
    PLANDESK_STORE: 'sqlite',
    PLANDESK_SAMPLES: path.join(REPO_ROOT, 'config', 'samples'),
    LOG_LEVEL: 'info',
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
  };
  const entry = path.join('test', 'crash', 'support', 'plandesk-cli-entry.ts');
  return startProcess(
    `plandesk tick --now ${now.toISOString()}`,
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', entry, 'tick', '--now', now.toISOString()],
    { cwd: REPO_ROOT, env, logFile },
  );
}

/** Runs a tick to its end; resolves with its JSON report, or fails with its output. */
export async function runTick(
  dbPath: string,
  now: Date,
  logFile: string,
  timeoutMs: number,
): Promise<{ now: string; ran: number; failed: number; byKind: Record<string, number> }> {
  const tick = startTick(dbPath, now, logFile);
  let timer: NodeJS.Timeout | undefined;
  const exit = await Promise.race([
    tick.exited,
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
  ]);
  clearTimeout(timer);
  if (exit !== 0) {
    await tick.stop();
    throw new Error(`${tick.name} ended with ${exit}; its output:\n${tick.output()}`);
  }
  const report = tick
    .output()
    .split('\n')
    .find((line) => line.startsWith('{"now"'));
  if (!report) throw new Error(`${tick.name} printed no report; its output:\n${tick.output()}`);
  return JSON.parse(report) as { now: string; ran: number; failed: number; byKind: Record<string, number> };
}
