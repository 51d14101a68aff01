import { existsSync } from 'node:fs';
import path from 'node:path';
import bundledChromium from '@sparticuz/chromium';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** Where a system Chromium usually is: Debian's package, and the name other distributions give it. */
export const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** A Chromium binary at a path, or the one @sparticuz/chromium ships inside node_modules. */
export type ChromiumChoice = { kind: 'path'; file: string } | { kind: 'bundled' };

/**
 * Which Chromium the end-to-end tests drive: the one PLANDESK_E2E_CHROMIUM names (a path, or `bundled`), else a
 * system Chromium, else the bundled one — so on a machine without Chromium, `npm install` is all the set-up.
 */
export function chooseChromium(named: string | undefined, exists: (file: string) => boolean): ChromiumChoice {
  if (named === 'bundled') return { kind: 'bundled' };
  if (named) {
    if (!exists(named))
      throw new Error(
        `PLANDESK_E2E_CHROMIUM names ${named}, and there is no such file. Set it to a Chromium or Chrome binary, ` +
          'or to "bundled" for the Chromium of @sparticuz/chromium; unset, a system Chromium is used, else the bundled one.',
      );
    return { kind: 'path', file: named };
  }
  const system = SYSTEM_CHROMIUMS.find(exists);
  return system ? { kind: 'path', file: system } : { kind: 'bundled' };
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

// The bundled Chromium finds fonts through this fontconfig file: the system's fonts, if any, and Noto Sans Hans from
// @embedpdf/fonts-sc, so the screenshots show Chinese on a machine with no CJK font instead of empty boxes.
const BUNDLED_FONTS_CONF = path.join(__dirname, 'fonts.conf');

/**
 * How to launch the chosen Chromium headless. The bundled one is unpacked from node_modules into the temp folder
 * (`/tmp/chromium`) the first time, a few seconds, and found there after that.
 */
export async function chromiumLaunchOptions(): Promise<LaunchOptions> {
  const choice = chooseChromium(process.env.PLANDESK_E2E_CHROMIUM, existsSync);
  const binary: LaunchOptions =
    choice.kind === 'path'
      ? { executablePath: choice.file }
      : {
          executablePath: await bundledChromium.executablePath(),
          env: { ...process.env, FONTCONFIG_FILE: BUNDLED_FONTS_CONF },
        };
  return { ...binary, headless: true, args: FLAGS, timeout: 30_000 };
}

/** Headless Chromium through playwright-core, which gives it a fresh throw-away profile (--user-data-dir) per launch. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch(await chromiumLaunchOptions());
}
