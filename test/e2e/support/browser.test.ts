import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseChromium } from './browser';

describe('which Chromium the end-to-end tests use', () => {
  const only =
    (...files: string[]) =>
    (file: string) =>
      files.includes(file);

  it('is a system Chromium when there is one, Debian’s first', () => {
    expect(chooseChromium(undefined, only('/usr/bin/chromium', '/usr/bin/chromium-browser'))).toEqual({
      kind: 'path',
      file: '/usr/bin/chromium',
    });
    expect(chooseChromium(undefined, only('/usr/bin/chromium-browser'))).toEqual({
      kind: 'path',
      file: '/usr/bin/chromium-browser',
    });
  });

  it('is the bundled one when the machine has none (an empty PLANDESK_E2E_CHROMIUM counts as unset)', () => {
    expect(chooseChromium(undefined, only())).toEqual({ kind: 'bundled' });
    expect(chooseChromium('', only())).toEqual({ kind: 'bundled' });
  });

  it('is the one PLANDESK_E2E_CHROMIUM names, before a system Chromium', () => {
    const exists = only('/usr/bin/chromium', '/opt/chrome/chrome');
    expect(chooseChromium('/opt/chrome/chrome', exists)).toEqual({ kind: 'path', file: '/opt/chrome/chrome' });
    expect(chooseChromium('bundled', exists)).toEqual({ kind: 'bundled' });
  });

  it('is an error when PLANDESK_E2E_CHROMIUM names a file that is not there, even with a system Chromium', () => {
    expect(() => chooseChromium('/opt/chrome/chrome', only('/usr/bin/chromium'))).toThrow(
      'PLANDESK_E2E_CHROMIUM names /opt/chrome/chrome, and there is no such file',
    );
  });
});

describe('the bundled Chromium’s fonts', () => {
  it('include a Chinese font from node_modules, where fonts.conf says', () => {
    const conf = path.join(__dirname, 'fonts.conf');
    const dir = /<dir prefix="relative">([^<]+)<\/dir>/.exec(readFileSync(conf, 'utf8'))?.[1];

    expect(dir).toBeDefined();
    expect(readdirSync(path.resolve(__dirname, dir!))).toContain('NotoSansHans-Regular.otf');
  });
});
