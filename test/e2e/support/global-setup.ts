import { chromiumLaunchOptions } from './browser';

/**
 * Jest's globalSetup: resolves the end-to-end tests' Chromium once, before any worker starts, so a bad
 * PLANDESK_E2E_CHROMIUM fails at once, and the bundled Chromium is unpacked by one process — parallel test files
 * would otherwise each write /tmp/chromium, and one could start it while another is still writing it.
 */
export default async function globalSetup(): Promise<void> {
  await chromiumLaunchOptions();
}
