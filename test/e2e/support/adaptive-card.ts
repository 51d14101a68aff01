import type { Locator, Page } from 'playwright-core';
import { PLAYGROUND_REQUESTS, SELECTORS } from './selectors';
import { waitForMatch, type TextMatch } from './text-match';

/** What the Playground answered when a card action reached the bot. */
export interface CardActionResult {
  kind: 'invoke' | 'submit';
  status: number;
}

const TIMEOUT = 15_000;

/** One rendered Adaptive Card in the Playground, driven as a person would: by labels and button titles. */
export class AdaptiveCard {
  /** The card's `.ac-adaptiveCard` root; still this message's card after the bot replaces it. */
  readonly root: Locator;

  constructor(
    /** The bot message that holds the card. */
    readonly message: Locator,
    private readonly page: Page,
  ) {
    this.root = message.locator(SELECTORS.adaptiveCard).first();
  }

  /** The card's visible text, e.g. to check a title or a figure. */
  async text(): Promise<string> {
    return (await this.root.innerText({ timeout: TIMEOUT })).trim();
  }

  /** Waits until the card shows this text, e.g. after an Action.Execute or the bot's updateActivity replaced it. */
  async waitForText(match: TextMatch, timeoutMs = TIMEOUT): Promise<string> {
    return waitForMatch(() => this.text().catch(() => ''), match, timeoutMs, 'the card');
  }

  /** The input whose label (Input.Toggle: title) is exactly `label`. */
  input(label: string): Locator {
    return this.root.locator('input, textarea').and(this.root.getByLabel(label, { exact: true }));
  }

  /**
   * Fills one input as a person would. Text, number and date inputs take the text typed (a date as
   * YYYY-MM-DD); a ChoiceSet takes the title of the choice; an Input.Toggle takes true or false.
   */
  async fill(label: string, value: string | boolean): Promise<void> {
    const input = this.input(label);
    if ((await input.count()) === 0 && typeof value === 'string') {
      // An expanded ChoiceSet is a group of radio buttons rather than one input.
      const radio = this.root.getByRole('radiogroup', { name: label, exact: true }).getByRole('radio', { name: value, exact: true });
      if ((await radio.count()) > 0) return radio.check({ timeout: TIMEOUT });
    }
    if ((await input.count()) === 0) {
      const labels = await this.root.locator('label').allInnerTexts();
      throw new Error(`the card has no input labelled "${label}"; its labels are: ${labels.map((l) => `"${l.trim()}"`).join(', ')}`);
    }
    const [type, role, popup] = await Promise.all([input.getAttribute('type'), input.getAttribute('role'), input.getAttribute('aria-haspopup')]);
    if (type === 'checkbox') {
      if (typeof value !== 'boolean') throw new Error(`"${label}" is a toggle: give true or false, not "${value}"`);
      return input.setChecked(value, { timeout: TIMEOUT });
    }
    if (typeof value === 'boolean') throw new Error(`"${label}" is not a toggle: give its text, not ${value}`);
    if (role === 'combobox' && popup === 'dialog') {
      // Input.Date is a Fluent DatePicker: it parses typed text, then its calendar pop-up must be closed.
      await input.fill(value, { timeout: TIMEOUT });
      await input.press('Escape');
      return;
    }
    if (role === 'combobox') {
      // A compact ChoiceSet is a Fluent Combobox: open it, pick the option by its title.
      await input.click({ timeout: TIMEOUT });
      await this.page.getByRole('option', { name: value, exact: true }).click({ timeout: TIMEOUT });
      return;
    }
    await input.fill(value, { timeout: TIMEOUT });
  }

  /** Fills several inputs, in the order given. */
  async fillAll(values: Readonly<Record<string, string | boolean>>): Promise<void> {
    for (const [label, value] of Object.entries(values)) await this.fill(label, value);
  }

  /** The action button titled exactly `title`. */
  action(title: string): Locator {
    return this.root.locator(SELECTORS.cardActions).getByRole('button', { name: title, exact: true }).first();
  }

  /**
   * Presses an Action.Execute or Action.Submit and waits until the Playground has the bot's answer. An
   * Execute answered with a card replaces this card in place (`root` then points at the new one).
   */
  async execute(title: string): Promise<CardActionResult> {
    const answered = this.page.waitForResponse((r) => {
      const { pathname } = new URL(r.url());
      return r.request().method() === 'POST' && (PLAYGROUND_REQUESTS.invoke.test(pathname) || PLAYGROUND_REQUESTS.submit.test(pathname));
    }, { timeout: TIMEOUT });
    await this.action(title).click({ timeout: TIMEOUT });
    const response = await answered;
    const kind = PLAYGROUND_REQUESTS.invoke.test(new URL(response.url()).pathname) ? 'invoke' : 'submit';
    return { kind, status: response.status() };
  }

  /** Presses an action that stays in the page (Action.ShowCard, Action.ToggleVisibility). */
  async click(title: string): Promise<void> {
    await this.action(title).click({ timeout: TIMEOUT });
  }

  /** The line under the card after an Action.Execute: "Your response was sent to the app" or the bot's message response. */
  banner(): Locator {
    return this.message.locator(SELECTORS.invokeBanner);
  }
}
