import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { Directory, Person } from '../../src/app/records/directory';
import { startLocaleRelay, type LocaleRelay } from './locale-relay';
import { playgroundConfigFor, renderPlaygroundYaml, type PlaygroundUser } from './playground-config';
import { freePort, startProcess, waitForHttp, type RunningProcess } from './processes';

const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

export interface PlaygroundOptions {
  /** The bot's /api/messages. */
  botEndpoint: string;
  directory: Directory;
  /** Who is signed in. */
  as: Person;
  /** Where the generated config and the logs go. */
  workDir: string;
  /** Use this config file instead of generating one (it must sign in `as`). */
  configFile?: string;
  /** Default: a free port. Taken, the Playground silently picks another; `url` says which. */
  port?: number;
  /**
   * The language the person's Teams client would send. Default: the directory's `locale` for the
   * person, else zh-CN. `null` leaves the Playground's own (always en-US).
   */
  clientLocale?: string | null;
  /** The client time zone the Playground reports (it takes its own process's). Default Asia/Shanghai. */
  timeZone?: string;
  echo?: (line: string) => void;
}

export interface RunningPlayground {
  /** Open this in the browser. */
  url: string;
  port: number;
  person: Person;
  user: PlaygroundUser;
  /** The bot as the Playground names it (and as @mentions show it). */
  bot: { id: string; name: string };
  configFile: string;
  /** The locale the bot receives, or null for the Playground's en-US. */
  clientLocale: string | null;
  /** The client time zone the Playground reports; a browser showing it should use the same. */
  timeZone: string;
  /** Sits between the Playground and the bot; records every activity the bot was sent. */
  relay: LocaleRelay;
  process: RunningProcess;
  stop(): Promise<void>;
}

// What /_internal/v1/config answers; enough to tell that our config file was the one loaded.
const LoadedConfig = z.object({ config: z.object({ currentUser: z.object({ aadObjectId: z.string() }) }) });

/**
 * Starts the Microsoft 365 Agents Playground (Teams channel) for one signed-in person against the bot,
 * fully offline: no browser of its own, no telemetry, no Application Insights statsbeat.
 */
export async function startPlayground(options: PlaygroundOptions): Promise<RunningPlayground> {
  const { as: person, workDir } = options;
  const config = playgroundConfigFor(options.directory, person);
  const slug = config.currentUser.id.replace(/^29:/, '');
  const configFile = options.configFile ?? path.join(workDir, `playground-${slug}.yml`);
  if (!options.configFile) writeFileSync(configFile, renderPlaygroundYaml(config));

  const clientLocale = options.clientLocale === undefined ? (person.locale ?? 'zh-CN') : options.clientLocale;
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const relay = await startLocaleRelay(options.botEndpoint, clientLocale);
  const requestedPort = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configFile,
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(workDir, `playground-${slug}.events.log`),
    TEAMSAPPTESTER_BROWSER: 'none',
    // --disable-telemetry still leaves Application Insights' statsbeat probing 169.254.169.254 and Azure.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    TZ: timeZone,
  };
  const args = [
    PLAYGROUND_CLI,
    '--app-endpoint',
    relay.endpoint,
    '--channel-id',
    'msteams',
    '--port',
    String(requestedPort),
    '--disable-telemetry',
  ];
  const playground = startProcess(`the Playground (${person.name})`, process.execPath, args, {
    cwd: workDir,
    env,
    logFile: path.join(workDir, `playground-${slug}.log`),
    echo: options.echo,
  });
  try {
    const listening = await playground.waitForLine(/Listening on (\d+)/, 30_000);
    const port = Number(listening[1]);
    const loaded = LoadedConfig.parse(
      await (await waitForHttp(`http://127.0.0.1:${port}/_internal/v1/config`, 10_000, playground)).json(),
    );
    if (loaded.config.currentUser.aadObjectId !== person.aadObjectId) {
      throw new Error(
        `the Playground signed in ${loaded.config.currentUser.aadObjectId}, not ${person.name} (${person.aadObjectId}); is ${configFile} right?`,
      );
    }
    return {
      url: `http://localhost:${port}/`,
      port,
      person,
      user: config.currentUser,
      bot: config.bot,
      configFile,
      clientLocale,
      timeZone,
      relay,
      process: playground,
      stop: async () => {
        await playground.stop();
        await relay.close();
      },
    };
  } catch (error) {
    await playground.stop();
    await relay.close();
    throw error;
  }
}
