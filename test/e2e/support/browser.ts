import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; PLANDESK_E2E_CHROMIUM names another Chromium or Chrome binary. */
export function chromiumPath(): string {
  const file = process.env.PLANDESK_E2E_CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(file)) {
    throw new Error(
      `The end-to-end tests need Chromium at ${file}, and it is not there. Install it with ` +
        '`apt-get install -y --no-install-recommends chromium` (CI does, in .ci/run), or set PLANDESK_E2E_CHROMIUM to a Chromium/Chrome binary.',
    );
  }
  return file;
}

// Everything that would reach out (updates, sync, QUIC probes) is off; the sandbox needs privileges CI lacks.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Chromium through playwright-core, which gives it a fresh throw-away profile (--user-data-dir) per launch. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: FLAGS, timeout: 30_000 });
}
