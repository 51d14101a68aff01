import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Numbered screenshots of one scenario: `<dir>/01-help-card.png`, `<dir>/02-…`, in the order taken. */
export class Screenshots {
  private taken = 0;

  constructor(readonly dir: string) {}

  /** Saves a PNG of the page (the visible window) or of one element, e.g. a card; returns the file. */
  async take(target: Page | Locator, name: string): Promise<string> {
    this.taken += 1;
    const slug = name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'shot';
    const file = path.join(this.dir, `${String(this.taken).padStart(2, '0')}-${slug}.png`);
    await target.screenshot({ path: file, timeout: 10_000 });
    return file;
  }
}
