import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { Directory, Person } from '../../../src/app/records/directory';
import type { Job } from '../../../src/app/ports/jobs';
import { startBot, type BotEntry, type RunningBot } from '../../../scripts/support/bot-process';
import { launchChromium } from './browser';
import {
  pastDeadline,
  pendingJobs,
  planInEffect,
  textsAtTheirLimits,
  runPlandesk,
  tickAt,
  type CliRun,
  type TickReport,
} from './plandesk-cli';
import { PlaygroundChat } from './playground-chat';
import { findPerson, loadDirectory } from '../../../scripts/support/playground-config';
import { startPlayground } from '../../../scripts/support/playground-process';
import { E2E_ARTIFACTS_DIR } from '../../../scripts/support/paths';
import { stopAllProcesses } from '../../../scripts/support/processes';
import { Screenshots } from './screenshots';

export interface E2eSessionOptions {
  /** Default `source` (src/ through tsx); `dist` tests the build. */
  entry?: BotEntry;
  /** Extra environment for the bot. */
  botEnv?: Record<string, string>;
}

export interface OpenAsOptions {
  /** The language the person's Teams client sends; default their directory locale, else zh-CN; null: the Playground's en-US. */
  clientLocale?: string | null;
}

/**
 * One end-to-end scenario: the real bot on a fresh SQLite file, Chromium, and one Agents Playground per
 * person opened with `openAs` (several may be open at once, each a separate signed-in person against the
 * same bot). Screenshots and every process's log go to artifacts/e2e/<scenario>/. `stop` ends it all.
 */
export class E2eSession {
  readonly shots: Screenshots;
  private readonly chats = new Set<PlaygroundChat>();
  private cliRuns = 0;

  private constructor(
    readonly scenario: string,
    readonly artifacts: string,
    private readonly tempDir: string,
    readonly directory: Directory,
    readonly bot: RunningBot,
    readonly browser: Browser,
    private readonly options: E2eSessionOptions = {},
  ) {
    this.shots = new Screenshots(artifacts);
  }

  /** Starts the bot and Chromium; if either fails, whatever did start is stopped before the error is thrown. */
  static async start(scenario: string, options: E2eSessionOptions = {}): Promise<E2eSession> {
    const artifacts = path.join(E2E_ARTIFACTS_DIR, scenario);
    rmSync(artifacts, { recursive: true, force: true });
    mkdirSync(artifacts, { recursive: true });
    const tempDir = mkdtempSync(path.join(os.tmpdir(), `plandesk-e2e-${scenario}-`));
    let bot: RunningBot | undefined;
    try {
      const directory = loadDirectory();
      const browser = await launchChromium();
      try {
        bot = await startBot({
          dbPath: path.join(tempDir, 'plandesk.db'),
          logFile: path.join(artifacts, 'bot.log'),
          entry: options.entry,
          env: options.botEnv,
        });
      } catch (error) {
        await browser.close();
        throw error;
      }
      return new E2eSession(scenario, artifacts, tempDir, directory, bot, browser, options);
    } catch (error) {
      await bot?.stop();
      rmSync(tempDir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Starts a Playground signed in as this person (name, e-mail, its local part or aadObjectId of the
   * sample directory, or a person the scenario adds to it) and opens it in a new page.
   */
  async openAs(who: string | Person, options: OpenAsOptions = {}): Promise<PlaygroundChat> {
    const playground = await startPlayground({
      botEndpoint: this.bot.endpoint,
      directory: this.directory,
      as: typeof who === 'string' ? findPerson(this.directory, who) : who,
      workDir: this.artifacts,
      clientLocale: options.clientLocale,
    });
    try {
      const chat = await PlaygroundChat.open(this.browser, playground);
      this.chats.add(chat);
      return chat;
    } catch (error) {
      await playground.stop();
      throw error;
    }
  }

  /** Closes a person's page and stops their Playground (e.g. to sign in as someone else). */
  async close(chat: PlaygroundChat): Promise<void> {
    this.chats.delete(chat);
    await chat.close();
  }

  /**
   * Runs `npx plandesk <args>` on the bot's store, with the bot's environment, while everything runs;
   * its output goes to artifacts/e2e/<scenario>/plandesk-NN.log.
   */
  plandesk(...args: string[]): Promise<CliRun> {
    return runPlandesk(args, this.cliOptions());
  }

  /**
   * `npx plandesk tick --now <at>` (e.g. 2027-03-01T09:00+08:00): runs the jobs due then and delivers
   * what they decide into the running Playgrounds; resolves with its report once it has exited.
   */
  tick(at: string | Date): Promise<TickReport> {
    return tickAt(typeof at === 'string' ? at : at.toISOString(), this.cliOptions());
  }

  /** The jobs the bot has scheduled for an application and not run yet, soonest first (to know when to tick). */
  pendingJobs(applicationId: string): Promise<Job[]> {
    return pendingJobs(this.bot.dbPath, applicationId);
  }

  /** The application's waiting step is given a deadline an hour ago (see `pastDeadline`): it is overdue from now on. */
  pastDeadline(applicationId: string): Promise<string> {
    return pastDeadline(this.bot.dbPath, applicationId);
  }

  /** The plan's justification and history at their limits (see `textsAtTheirLimits`). */
  textsAtTheirLimits(applicationId: string): Promise<void> {
    return textsAtTheirLimits(this.bot.dbPath, applicationId);
  }

  /** A plan already in effect for a customer, written beside the bot (see `planInEffect`); its number. */
  planInEffect(changes: Parameters<typeof planInEffect>[1]): Promise<string> {
    return planInEffect(this.bot.dbPath, changes);
  }

  private cliOptions() {
    this.cliRuns += 1;
    const logFile = path.join(this.artifacts, `plandesk-${String(this.cliRuns).padStart(2, '0')}.log`);
    return { dbPath: this.bot.dbPath, logFile, entry: this.options.entry, env: this.options.botEnv };
  }

  /** Saves artifacts/e2e/<scenario>/NN-<name>.png of a chat's window, a page, or one element such as a card's root. */
  screenshot(target: PlaygroundChat | Page | Locator, name: string): Promise<string> {
    return this.shots.take(target instanceof PlaygroundChat ? target.page : target, name);
  }

  /**
   * Ends everything, even after a failure: a last screenshot of each open page (to see where a failing
   * test stopped), then pages, Playgrounds, browser, bot, and the temporary database.
   */
  async stop(): Promise<void> {
    const problems: unknown[] = [];
    const attempt = async (step: () => Promise<unknown>) => {
      try {
        await step();
      } catch (error) {
        problems.push(error);
      }
    };
    for (const chat of this.chats)
      await attempt(() => this.screenshot(chat, `at-stop-${chat.playground.user.id.replace(/^29:/, '')}`));
    for (const chat of [...this.chats]) await attempt(() => this.close(chat));
    await attempt(() => this.browser.close());
    await attempt(() => this.bot.stop());
    await attempt(() => stopAllProcesses());
    rmSync(this.tempDir, { recursive: true, force: true });
    if (problems.length > 0)
      throw new AggregateError(problems, `stopping the ${this.scenario} end-to-end session failed`);
  }
}
