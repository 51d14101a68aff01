import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { z } from 'zod';
import { AdaptiveCard } from './adaptive-card';
import type { RunningPlayground } from '../../../scripts/support/playground-process';
import { delay } from '../../../scripts/support/processes';
import { PLAYGROUND_REQUESTS, SELECTORS } from './selectors';
import { matches, type TextMatch } from './text-match';

const TIMEOUT = 15_000;

/** What the Playground's mock connector did with something the bot posted, as the page is told over its websocket. */
export interface ConnectorEntry {
  /** `createMessage` (a send, proactive or not) or `updateMessage` (updateActivity); delete is not implemented. */
  action: string;
  conversationId: string;
  /** The message as the page shows it: `messageId`, `from`, `text`, `attachments`, … */
  message: unknown;
}

// The conversation feed (/_ws_conversation/v1/conversations/stream); only what ConnectorEntry needs is checked.
const ConversationFrame = z
  .object({ action: z.string(), actionConversationId: z.string(), message: z.unknown() })
  .passthrough();

/**
 * The Playground's chat in a browser page, for one signed-in person. `send` marks where the bot's
 * messages stood, and `waitForBotMessage`/`waitForCard` look only at what came after that mark.
 */
export class PlaygroundChat {
  /** Everything the bot posted to this Playground (sends, proactive sends, updates), to any of its conversations. */
  readonly connectorLog: ConnectorEntry[] = [];
  private mark = 0;
  /** Where the page has installed PlanDesk: the personal chat on load, then each chat or team opened. */
  private readonly installedIn = new Set<string>(['Personal Chat']);

  private constructor(
    readonly page: Page,
    private readonly context: BrowserContext,
    readonly playground: RunningPlayground,
  ) {}

  /** Opens the Playground in a new browser context and waits until PlanDesk is installed in the personal chat and quiet. */
  static async open(browser: Browser, playground: RunningPlayground): Promise<PlaygroundChat> {
    // The page shows times in the time zone the Playground reports to the bot.
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
      timezoneId: playground.timeZone,
    });
    // Offline: the UI's web fonts and animations live on a CDN; refuse them at once instead of waiting for DNS.
    await context.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
    const page = await context.newPage();
    const chat = new PlaygroundChat(page, context, playground);
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/conversations/stream')) return;
      socket.on('framereceived', ({ payload }) => chat.record(String(payload)));
    });
    const installed = chat.waitForRequest(PLAYGROUND_REQUESTS.install);
    await page.goto(playground.url, { waitUntil: 'load', timeout: 30_000 });
    await installed;
    await page.locator(SELECTORS.composer).waitFor({ state: 'visible', timeout: TIMEOUT });
    await chat.settle();
    return chat;
  }

  /** Every message from the bot in the open conversation, oldest first. */
  botMessages(): Locator {
    return this.page.locator(SELECTORS.botMessage);
  }

  /** Remembers how many bot messages there are: later waits look only at messages after this. */
  async markBotMessages(): Promise<number> {
    this.mark = await this.botMessages().count();
    return this.mark;
  }

  /** Types `text` in the message box and sends it with Enter; resolves when the Playground has taken it. */
  async send(text: string): Promise<void> {
    await this.markBotMessages();
    const composer = this.page.locator(SELECTORS.composer);
    await composer.click({ timeout: TIMEOUT });
    await composer.fill(text, { timeout: TIMEOUT });
    const sent = this.waitForRequest(PLAYGROUND_REQUESTS.message);
    await composer.press('Enter');
    await sent;
  }

  /**
   * In a group chat or channel the bot hears only what @mentions it: picks it from the @ pop-up, then
   * sends `text`. In a channel it starts a new post (its thread then holds the bot's answer; see
   * `waitForChannelThread`).
   */
  async sendWithMention(text: string): Promise<void> {
    await this.markBotMessages();
    const newPost = this.newPostBox();
    const inChannel = (await newPost.count()) > 0;
    const composer = inChannel ? newPost.locator(SELECTORS.composer) : this.page.locator(SELECTORS.composer);
    await composer.click({ timeout: TIMEOUT });
    await composer.pressSequentially(`@${this.playground.bot.name.slice(0, 4)}`);
    await this.page
      .locator(SELECTORS.mentionChoice)
      .filter({ hasText: this.playground.bot.name })
      .first()
      .click({ timeout: TIMEOUT });
    await composer.pressSequentially(` ${text}`);
    const sent = this.waitForRequest(PLAYGROUND_REQUESTS.message);
    if (inChannel) await newPost.getByRole('button', { name: 'Post', exact: true }).click({ timeout: TIMEOUT });
    else await composer.press('Enter');
    await sent;
  }

  /** In a team channel: its threads (each a post with the replies under it), newest first. */
  channelThreads(): Locator {
    return this.page
      .locator(SELECTORS.channelCard)
      .filter({ hasNot: this.page.getByRole('button', { name: 'Post', exact: true }) });
  }

  /**
   * In a team channel: waits until a thread shows `match` (in its post or a reply, e.g. a notice the
   * bot sent proactively into the thread it was bound in) and returns that thread.
   */
  async waitForChannelThread(match: TextMatch, timeoutMs = TIMEOUT): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const threads = this.channelThreads();
      const texts = await threads.allInnerTexts().catch(() => [] as string[]);
      const found = texts.findIndex((text) => matches(text, match));
      if (found >= 0) return threads.filter({ hasText: match }).first();
      if (Date.now() > deadline) {
        const seen = texts.length
          ? texts.map((t, i) => `  [${i}] ${t.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')
          : '  (none: is a channel open?)';
        throw new Error(
          `no thread in the channel showed ${String(match)} within ${timeoutMs} ms; its threads, newest first:\n${seen}`,
        );
      }
      await delay(100);
    }
  }

  /**
   * Waits for a bot message after the mark (see `send`) whose text contains `match`, and returns it.
   * Fails naming the bot's messages since the mark.
   */
  async waitForBotMessage(match: TextMatch, timeoutMs = TIMEOUT): Promise<Locator> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const texts = await this.botMessageTexts(this.mark);
      const found = texts.findIndex((text) => matches(text, match));
      if (found >= 0) return this.botMessages().nth(this.mark + found);
      if (Date.now() > deadline) {
        const seen = texts.length
          ? texts.map((t, i) => `  [${this.mark + i}] ${t.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n')
          : '  (none)';
        throw new Error(
          `no message from the bot showed ${String(match)} within ${timeoutMs} ms; its messages since the last send:\n${seen}`,
        );
      }
      await delay(100);
    }
  }

  /** Waits for a bot message after the mark holding an Adaptive Card whose text contains `match`. */
  async waitForCard(match: TextMatch, timeoutMs = TIMEOUT): Promise<AdaptiveCard> {
    const message = await this.waitForBotMessage(match, timeoutMs);
    const card = new AdaptiveCard(message, this.page);
    if ((await card.root.count()) === 0)
      throw new Error(`the bot's message showing ${String(match)} is text, not a card: ${await message.innerText()}`);
    return card;
  }

  /**
   * Waits until the bot has posted something to this Playground (`action`: createMessage or
   * updateMessage) whose message, as JSON, contains `match`, e.g. the updateActivity that replaces a
   * card in place; returns that entry. Looks at everything since the page opened.
   */
  async waitForConnector(action: string, match: TextMatch, timeoutMs = TIMEOUT): Promise<ConnectorEntry> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.connectorLog.find((e) => e.action === action && matches(JSON.stringify(e.message), match));
      if (found) return found;
      if (Date.now() > deadline) {
        const seen =
          this.connectorLog.map((e) => `  ${e.action} ${JSON.stringify(e.message).slice(0, 120)}`).join('\n') ||
          '  (nothing)';
        throw new Error(
          `the bot posted no ${action} showing ${String(match)} within ${timeoutMs} ms; it posted:\n${seen}`,
        );
      }
      await delay(100);
    }
  }

  /**
   * Opens another conversation from the left pane: "Personal Chat", the group chat's name, or "<team> -
   * <channel>". The first time, the page installs PlanDesk there (a team once, for all its channels),
   * and this waits for that; opened again, a conversation shows what it held.
   */
  async openConversation(name: string): Promise<void> {
    const scope = name.includes(' - ') ? name.slice(0, name.indexOf(' - ')) : name;
    const installed = this.installedIn.has(scope) ? null : this.waitForRequest(PLAYGROUND_REQUESTS.install);
    await this.page.getByRole('treeitem', { name, exact: true }).click({ timeout: TIMEOUT });
    await installed;
    this.installedIn.add(scope);
    await this.settle();
    await this.markBotMessages();
  }

  /** The "Start a new post" box of a team channel (none elsewhere). */
  private newPostBox(): Locator {
    return this.page
      .locator(SELECTORS.channelCard)
      .filter({ has: this.page.getByRole('button', { name: 'Post', exact: true }) });
  }

  /** The signed-in person's name as the top bar shows it. */
  signedInName(): Locator {
    return this.page.getByRole('img', { name: this.playground.user.name, exact: true }).first();
  }

  /** Waits until no new bot message has arrived for `quietMs` (e.g. the welcome after install). */
  async settle(quietMs = 600, timeoutMs = TIMEOUT): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let count = await this.botMessages().count();
    let since = Date.now();
    while (Date.now() - since < quietMs) {
      if (Date.now() > deadline) return;
      await delay(100);
      const now = await this.botMessages().count();
      if (now !== count) {
        count = now;
        since = Date.now();
      }
    }
  }

  /** Closes the page and stops this person's Playground. */
  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      await this.playground.stop();
    }
  }

  private async botMessageTexts(from: number): Promise<string[]> {
    const all = this.botMessages();
    const count = await all.count();
    const texts: string[] = [];
    for (let i = from; i < count; i++)
      texts.push(
        await all
          .nth(i)
          .innerText({ timeout: 2000 })
          .catch(() => ''),
      );
    return texts;
  }

  private waitForRequest(path: RegExp): Promise<unknown> {
    return this.page.waitForResponse((r) => r.request().method() === 'POST' && path.test(new URL(r.url()).pathname), {
      timeout: TIMEOUT,
    });
  }

  private record(payload: string): void {
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return; // not a conversation frame
    }
    const frame = ConversationFrame.safeParse(json);
    if (frame.success)
      this.connectorLog.push({
        action: frame.data.action,
        conversationId: frame.data.actionConversationId,
        message: frame.data.message,
      });
  }
}
