import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** Room kept around an element taller than the window: the Playground's top bar and message box. */
const CHROME_PX = 320;

/** Numbered screenshots of one scenario: `<dir>/01-help-card.png`, `<dir>/02-…`, in the order taken. */
export class Screenshots {
  private taken = 0;

  constructor(readonly dir: string) {}

  /**
   * Saves a PNG of the page (the visible window) or of one element, e.g. a card; returns the file. An
   * element taller than the window (a long form) is taken with the window made tall enough for it: the
   * chat scrolls inside the page, so what lies outside the window would come out blank.
   */
  async take(target: Page | Locator, name: string): Promise<string> {
    this.taken += 1;
    const slug =
      name
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '') || 'shot';
    const file = path.join(this.dir, `${String(this.taken).padStart(2, '0')}-${slug}.png`);
    if (isPage(target)) {
      await target.screenshot({ path: file, timeout: 10_000 });
      return file;
    }
    const page = target.page();
    const viewport = page.viewportSize();
    const box = await target.boundingBox({ timeout: 10_000 });
    const tall = viewport !== null && box !== null && box.height + CHROME_PX > viewport.height;
    if (tall) await page.setViewportSize({ width: viewport.width, height: Math.ceil(box.height) + CHROME_PX });
    try {
      await target.screenshot({ path: file, timeout: 10_000 });
    } finally {
      if (tall) await page.setViewportSize(viewport);
    }
    return file;
  }
}

function isPage(target: Page | Locator): target is Page {
  return 'goto' in target;
}
