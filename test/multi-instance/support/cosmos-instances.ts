import path from 'node:path';
import type { Container } from '@azure/cosmos';
import { startBot, type RunningBot } from '../../../scripts/support/bot-process';
import { REPO_ROOT } from '../../../scripts/support/paths';
import { startProcess, type RunningProcess } from '../../../scripts/support/processes';
import type { CosmosTarget } from '../../store/support/cosmos-target';

/** The store's one container (src/store/cosmos/container-setup.ts). */
export const CONTAINER = 'plandesk';

/**
 * What a PlanDesk process needs to run on the Cosmos database `database` of `target`. The store takes a
 * custom https.Agent only from code (openCosmosStore's `agent`), not from the environment, so a child
 * process accepts cosmosdb-server's self-signed certificate through NODE_TLS_REJECT_UNAUTHORIZED=0 —
 * set for these children only, and only when the target is local.
 */
export function cosmosEnvironment(target: CosmosTarget, database: string): Record<string, string> {
  return {
    PLANDESK_STORE: 'cosmos',
    COSMOS_ENDPOINT: target.endpoint,
    COSMOS_KEY: target.key,
    COSMOS_DATABASE: database,
    ...(target.agent ? { NODE_TLS_REJECT_UNAUTHORIZED: '0' } : {}),
  };
}

/** Short beats: deliveries retry quickly; the bots' own tick runs often but, on the real clock, finds nothing due. */
const BEATS = {
  PLANDESK_DELIVERY_INTERVAL_MS: '200',
  PLANDESK_TICK_INTERVAL_MS: '500',
  LOG_LEVEL: 'info',
  PLANDESK_DELIVERY_LEASE_MS: '5000',
  PLANDESK_SEND_TIMEOUT_MS: '5000',
};

/** One real bot process (src/main.ts through tsx) on the Cosmos database. */
export function startCosmosBot(target: CosmosTarget, database: string, logFile: string): Promise<RunningBot> {
  // dbPath is unused with PLANDESK_STORE=cosmos; a path that cannot be opened by accident.
  return startBot({
    dbPath: path.join(REPO_ROOT, 'artifacts', 'multi-instance', 'unused.db'),
    logFile,
    entry: 'source',
    env: { ...BEATS, ...cosmosEnvironment(target, database) },
  });
}

export interface TickReport {
  now: string;
  ran: number;
  failed: number;
  byKind: Record<string, number>;
}

/** `plandesk tick --now <now>` from source on the Cosmos database, as its own process. */
export function startCosmosTick(target: CosmosTarget, database: string, now: Date, logFile: string): RunningProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLANDESK_SAMPLES: path.join(REPO_ROOT, 'config', 'samples'),
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
    ...BEATS,
    ...cosmosEnvironment(target, database),
  };
  const entry = path.join('test', 'crash', 'support', 'plandesk-cli-entry.ts');
  return startProcess(
    `plandesk tick --now ${now.toISOString()}`,
    process.execPath,
    ['--disable-warning=DEP0111', '--import', 'tsx', entry, 'tick', '--now', now.toISOString()],
    { cwd: REPO_ROOT, env, logFile },
  );
}

/** Waits for a tick to end and returns its JSON report, or fails with its output. */
export async function tickReport(tick: RunningProcess, timeoutMs: number): Promise<TickReport> {
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
  const line = tick
    .output()
    .split('\n')
    .find((l) => l.startsWith('{"now"'));
  if (!line) throw new Error(`${tick.name} printed no report; its output:\n${tick.output()}`);
  return JSON.parse(line) as TickReport;
}

/** A job item as the container holds it (src/store/cosmos/job-items.ts), the fields the test reads. */
export interface JobItemView {
  jobId: string;
  pk: string;
  status: 'pending' | 'done' | 'cancelled';
  dueAt: string;
  attempts: number;
  leaseOwner: string | null;
  doneAt: string | null;
  body: { kind: string };
}

/** An outbox item (src/store/cosmos/outbox-items.ts), the fields the test reads. */
export interface OutboxItemView {
  messageId: string;
  pk: string;
  seq: string;
  status: 'pending' | 'sent' | 'dead';
  attempts: number;
  conversationKey: string | null;
  leaseOwner: string | null;
  sentAt: string | null;
  lastError: string | null;
  body: { kind: 'card' | 'text' | 'refresh'; applicationId: string | null };
}

export async function itemsOfType<T>(container: Container, type: string): Promise<T[]> {
  const { resources } = await container.items
    .query<T>({ query: 'SELECT * FROM c WHERE c.type = @type', parameters: [{ name: '@type', value: type }] })
    .fetchAll();
  return resources;
}
