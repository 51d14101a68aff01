import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { assertPortFree, freePort, startProcess, waitForHttp, type RunningProcess } from './processes';

/** `source` runs src/main.ts through tsx, so a test never runs a stale build; `dist` runs what `npm start` runs. */
export type BotEntry = 'source' | 'dist';

export interface BotOptions {
  /** The SQLite file; a fresh one is filled from config/samples at start. */
  dbPath: string;
  logFile: string;
  /** Default: a free port. */
  port?: number;
  entry?: BotEntry;
  /** Extra environment, e.g. LOG_LEVEL or PLANDESK_CALENDAR_OVERRIDE. */
  env?: Record<string, string>;
  echo?: (line: string) => void;
}

export interface RunningBot {
  /** What the Playground posts activities to: http://127.0.0.1:PORT/api/messages */
  endpoint: string;
  port: number;
  dbPath: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

/**
 * What the bot runs with, and `plandesk` commands on its store too: this SQLite file, the samples, and
 * no Microsoft app identity (so the Playground's unauthenticated requests are accepted), then `extra`.
 */
export function botEnvironment(dbPath: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PLANDESK_DB: dbPath,
    PLANDESK_STORE: 'sqlite',
    PLANDESK_SAMPLES: path.join(REPO_ROOT, 'config', 'samples'),
    // Empty counts as unset.
    MicrosoftAppId: '',
    MicrosoftAppPassword: '',
    MicrosoftAppTenantId: '',
    MicrosoftAppType: '',
    ...extra,
  };
}

/** Starts the real bot as its own process (anonymous: no MicrosoftAppId) and waits until /healthz answers. */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  if (options.port !== undefined) await assertPortFree(options.port, 'the bot');
  const port = options.port ?? (await freePort());
  const entry = options.entry ?? 'source';
  const main = entry === 'source' ? ['--import', 'tsx', 'src/main.ts'] : ['dist/main.js'];
  if (entry === 'dist' && !existsSync(path.join(REPO_ROOT, 'dist', 'main.js')))
    throw new Error('dist/main.js is missing: run `npm run build` first');
  const env: NodeJS.ProcessEnv = { ...botEnvironment(options.dbPath), PORT: String(port), ...options.env };
  // restify reads process.binding('http_parser'), which Node 20 warns about on every start.
  const bot = startProcess('the bot', process.execPath, ['--disable-warning=DEP0111', ...main], {
    cwd: REPO_ROOT,
    env,
    logFile: options.logFile,
    echo: options.echo,
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/healthz`, 30_000, bot);
  } catch (error) {
    await bot.stop();
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    port,
    dbPath: options.dbPath,
    process: bot,
    stop: () => bot.stop(),
  };
}
