import type { Locator, Page } from 'playwright-core';
import { PLAYGROUND_REQUESTS, SELECTORS } from './selectors';
import { waitForMatch, type TextMatch } from './text-match';

/** What the Playground answered when a card action reached the bot. */
export interface CardActionResult {
  kind: 'invoke' | 'submit';
  status: number;
  /**
   * What the Playground answered the page, parsed (null if not JSON): for an invoke, the bot's invoke
   * response with the card it answered. The page shows that card, but the bot may update the same
   * message right after (every copy of an application follows it), so this is the way to check the
   * answer itself.
   */
  body: unknown;
}

const TIMEOUT = 15_000;

export interface FillOptions {
  /**
   * Which of several inputs with the same label, counting from 0 in the card's order: the 数量 of a
   * card's second tariff line is `{ nth: 1 }`. Without it a label must name exactly one input.
   */
  nth?: number;
}

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

  /**
   * Whether the first element showing this text is on screen where the person is now, not scrolled
   * away or covered: the point at its start belongs to it.
   */
  async inView(text: string): Promise<boolean> {
    return this.root
      .getByText(text, { exact: false })
      .first()
      .evaluate((el) => {
        // Runs in the page; the test's TypeScript has no DOM library, so the page's types are spelt out here.
        type Box = { left: number; top: number; width: number; height: number };
        type Node = { getBoundingClientRect(): Box; contains(other: unknown): boolean };
        const node = el as unknown as Node & { ownerDocument: { elementFromPoint(x: number, y: number): unknown } };
        const r = node.getBoundingClientRect();
        const hit = node.ownerDocument.elementFromPoint(
          r.left + Math.min(r.width / 2, 20),
          r.top + Math.min(r.height / 2, 8),
        );
        return hit !== null && (hit === el || node.contains(hit));
      });
  }

  /**
   * Lays the card out at `widthPx` wide, as a phone's Teams client would (the Playground's own page keeps its
   * desktop layout however narrow the window, and draws every card at its fixed width); null restores it.
   */
  async layOutAt(widthPx: number | null): Promise<void> {
    const width = widthPx === null ? '' : `${widthPx}px`;
    await this.root.evaluate((el, w) => {
      // Runs in the page; the test's TypeScript has no DOM library, so the one property used is spelt out here.
      const style = (el as unknown as { style: Record<'width' | 'maxWidth' | 'minWidth', string> }).style;
      style.width = w;
      style.maxWidth = w;
      style.minWidth = w === '' ? '' : '0';
    }, width);
  }

  /**
   * The input whose label (Input.Toggle: title) is exactly `label`, or `label *` when the input is
   * required; a multi-select ChoiceSet's checkbox by its choice's title (its own aria-label, since its
   * accessible name also carries the set's label).
   */
  input(label: string): Locator {
    const exactly = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( ?\\*)?$`);
    const labelled = this.root.getByLabel(exactly).or(this.root.locator(`[aria-label=${JSON.stringify(label)}]`));
    return this.root.locator('input, textarea').and(labelled);
  }

  /**
   * Fills one input as a person would. Text, number and date inputs take the text typed (a date as
   * YYYY-MM-DD); a ChoiceSet takes the title of the choice; an Input.Toggle takes true or false.
   */
  async fill(label: string, value: string | boolean, options: FillOptions = {}): Promise<void> {
    const input = await this.oneInput(label, options, typeof value === 'string' ? value : undefined);
    if (input === 'radio-checked') return;
    const [type, role, popup] = await Promise.all([
      input.getAttribute('type'),
      input.getAttribute('role'),
      input.getAttribute('aria-haspopup'),
    ]);
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

  /**
   * The titles a compact ChoiceSet offers, in order, as its drop-down lists them (it is opened, read
   * and closed again), e.g. to pick the first of the months the bot offers.
   */
  async choices(label: string, options: FillOptions = {}): Promise<string[]> {
    const input = await this.oneInput(label, options);
    if (
      input === 'radio-checked' ||
      (await input.getAttribute('role')) !== 'combobox' ||
      (await input.getAttribute('aria-haspopup')) === 'dialog'
    ) {
      throw new Error(`"${label}" is not a compact ChoiceSet`);
    }
    await input.click({ timeout: TIMEOUT });
    const listbox = this.page.getByRole('listbox');
    await listbox.getByRole('option').first().waitFor({ state: 'visible', timeout: TIMEOUT });
    const titles = (await listbox.getByRole('option').allInnerTexts()).map((t) => t.trim());
    await input.press('Escape');
    await listbox.waitFor({ state: 'hidden', timeout: TIMEOUT });
    return titles;
  }

  /** The one input `fill` means; with `radioValue`, an expanded ChoiceSet's radio of that title is checked instead. */
  private async oneInput(label: string, options: FillOptions, radioValue?: string): Promise<Locator | 'radio-checked'> {
    const inputs = this.input(label);
    const count = await inputs.count();
    if (count === 0 && radioValue !== undefined) {
      // An expanded ChoiceSet is a group of radio buttons rather than one input.
      const radio = this.root
        .getByRole('radiogroup', { name: label, exact: true })
        .nth(options.nth ?? 0)
        .getByRole('radio', { name: radioValue, exact: true });
      if ((await radio.count()) > 0) {
        await radio.check({ timeout: TIMEOUT });
        return 'radio-checked';
      }
    }
    if (count === 0) {
      const labels = await this.root.locator('label').allInnerTexts();
      throw new Error(
        `the card has no input labelled "${label}"; its labels are: ${labels.map((l) => `"${l.trim()}"`).join(', ')}`,
      );
    }
    if (options.nth === undefined && count > 1)
      throw new Error(`the card has ${count} inputs labelled "${label}": say which with { nth } (0 is the first)`);
    if (options.nth !== undefined && options.nth >= count)
      throw new Error(`the card has ${count} inputs labelled "${label}", so no { nth: ${options.nth} }`);
    return inputs.nth(options.nth ?? 0);
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
    const answered = this.page.waitForResponse(
      (r) => {
        const { pathname } = new URL(r.url());
        return (
          r.request().method() === 'POST' &&
          (PLAYGROUND_REQUESTS.invoke.test(pathname) || PLAYGROUND_REQUESTS.submit.test(pathname))
        );
      },
      { timeout: TIMEOUT },
    );
    await this.action(title).click({ timeout: TIMEOUT });
    const response = await answered;
    const kind = PLAYGROUND_REQUESTS.invoke.test(new URL(response.url()).pathname) ? 'invoke' : 'submit';
    const body: unknown = await response.json().catch(() => null);
    return { kind, status: response.status(), body };
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
