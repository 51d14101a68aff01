/**
 * PlanDesk (the built dist/main.js) and the Microsoft 365 Agents Playground together, offline, with
 * people from config/samples/directory.yaml; Ctrl-C stops both.
 *
 *   npm run playground                      # signed in as 张伟 with .m365agentsplayground.yml
 *   npm run playground -- --as 李娜          # anyone in the directory: name, e-mail, zhang.wei or aadObjectId
 *   npm run playground -- --locale off      # let the bot see the Playground's own locale (always en-US)
 *   npx tsx scripts/playground.ts --print-config [--as 周杰] > .m365agentsplayground.yml
 *
 * The bot uses PLANDESK_DB (default ./data/plandesk.db, as `npm start`). Starting the bot and the
 * Playground is scripts/support's, which the end-to-end tests use too, so what a person clicks here is
 * what the tests drive (and this script never imports test/).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startBot } from './support/bot-process';
import {
  DEFAULT_PERSON,
  findPerson,
  loadDirectory,
  PLAYGROUND_CONFIG_FILE,
  playgroundConfigFor,
  renderPlaygroundYaml,
} from './support/playground-config';
import { startPlayground } from './support/playground-process';
import { REPO_ROOT } from './support/paths';

const USAGE = `usage: npm run playground -- [--as <name|email|aadObjectId>] [--locale <zh-CN|en-US|off>] [--port 56150] [--bot-port 3978] [--print-config]`;

const say = (text: string) => process.stdout.write(`${text}\n`);

/** A path as short as it can be said: relative when inside the working directory. */
const shown = (file: string) =>
  path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file);

function portOption(value: string, name: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value) || port < 1 || port > 65535)
    throw new UsageError(`${name} must be a port number from 1 to 65535, not "${value}"`);
  return port;
}

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      as: { type: 'string' },
      locale: { type: 'string' },
      port: { type: 'string', default: '56150' },
      'bot-port': { type: 'string', default: '3978' },
      'print-config': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    return;
  }
  const directory = loadDirectory();
  const person = findPerson(directory, values.as ?? DEFAULT_PERSON);
  if (values['print-config']) {
    process.stdout.write(renderPlaygroundYaml(playgroundConfigFor(directory, person)));
    return;
  }
  const port = portOption(values.port, '--port');
  const botPort = portOption(values['bot-port'], '--bot-port');
  const clientLocale = values.locale === undefined ? undefined : values.locale === 'off' ? null : values.locale;

  const dbPath = path.resolve(REPO_ROOT, process.env.PLANDESK_DB || path.join('data', 'plandesk.db'));
  mkdirSync(path.dirname(dbPath), { recursive: true });
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'plandesk-playground-'));
  const removeWorkDir = () => rmSync(workDir, { recursive: true, force: true });
  const bot = await startBot({
    entry: 'dist',
    port: botPort,
    dbPath,
    logFile: path.join(workDir, 'bot.log'),
    echo: (line) => say(`[bot] ${line}`),
  }).catch((error: unknown) => {
    removeWorkDir();
    throw error;
  });
  const playground = await startPlayground({
    botEndpoint: bot.endpoint,
    directory,
    as: person,
    workDir,
    port,
    clientLocale,
    // Without --as the repo's file is used as it is, so edits to it take effect.
    configFile: values.as === undefined && existsSync(PLAYGROUND_CONFIG_FILE) ? PLAYGROUND_CONFIG_FILE : undefined,
    // Its `debug` lines repeat whole activities; the log panel in the page shows them better.
    echo: (line) => {
      if (!line.startsWith('debug ')) say(`[playground] ${line}`);
    },
  }).catch(async (error: unknown) => {
    await bot.stop();
    removeWorkDir();
    throw error;
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping the Playground and the bot…');
    await Promise.allSettled([playground.stop(), bot.stop()]);
    removeWorkDir();
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  void bot.process.exited.then((how) => {
    if (!stopping) say(`the bot stopped (${how}); see the lines above`);
    void stop(1);
  });
  void playground.process.exited.then((how) => {
    if (!stopping) say(`the Playground stopped (${how})`);
    void stop(1);
  });

  say('');
  say(`PlanDesk in the Microsoft 365 Agents Playground: ${playground.url}`);
  say(
    `  signed in as ${person.name} (${person.roles.join(', ')}; aadObjectId ${person.aadObjectId}); config ${shown(playground.configFile)}`,
  );
  say(
    `  the bot hears the Teams client language ${playground.clientLocale ?? 'en-US (the Playground’s own)'}; bot at ${bot.endpoint}, store ${shown(dbPath)}`,
  );
  say(`  someone else: npm run playground -- --as 李娜      Ctrl-C stops both.`);
  say('');
}

main().catch((error: unknown) => {
  // parseArgs throws TypeErrors coded ERR_PARSE_ARGS_* for unknown or malformed options.
  const usage =
    error instanceof UsageError ||
    (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage ? `${USAGE}\n` : ''}`);
  process.exit(usage ? 2 : 1);
});
