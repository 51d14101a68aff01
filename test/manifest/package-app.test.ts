import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAppPackage, idsFrom, MANIFEST_DIR } from '../../scripts/package-app';

const ROOT = path.resolve(__dirname, '..', '..');
const BOT_ID = '2f0c5a7e-8b1d-4c3e-9a6f-1b2c3d4e5f60';
const TEAMS_APP_ID = '9d8c7b6a-5f4e-4d3c-8b2a-0f1e2d3c4b5a';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The environment of this process without any app id, so each test sets exactly the ids it means. */
function envWith(ids: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['MicrosoftAppId', 'MICROSOFT_APP_ID', 'TEAMS_APP_ID']) delete env[key];
  return { ...env, ...ids };
}

/** `npx tsx scripts/package-app.ts …`, as `npm run package` runs it. */
function runPackage(args: string[], ids: Record<string, string>) {
  return spawnSync('npx', ['tsx', 'scripts/package-app.ts', ...args], {
    cwd: ROOT,
    env: envWith(ids),
    encoding: 'utf8',
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'plandesk-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run package (scripts/package-app.ts)', () => {
  it('writes a zip with exactly the manifest, the two icons and the English file at its root, the ids filled in', () => {
    const out = path.join(dir, 'nested', 'app.zip');
    const run = runPackage(['--out', out], { MicrosoftAppId: BOT_ID });

    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    expect(run.stdout).toContain('manifest.json, color.png, outline.png, en.json');
    const zip = new AdmZip(out);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    const manifest = zip.readAsText('manifest.json');
    expect(manifest).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({ id: BOT_ID, version: VERSION, bots: [{ botId: BOT_ID }] });
    expect(zip.readFile('outline.png')).toEqual(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
  });

  it('refuses without an app id, naming the variable, and writes nothing', () => {
    const out = path.join(dir, 'app.zip');
    const run = runPackage(['--out', out], {});

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("MicrosoftAppId is not set: the package needs the bot's Microsoft App ID");
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an app id that is not a GUID, quoting it', () => {
    const out = path.join(dir, 'app.zip');
    const run = runPackage([`--out=${out}`], { MICROSOFT_APP_ID: 'my-bot' });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('MICROSOFT_APP_ID "my-bot" is not a GUID');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses an argument it does not know', () => {
    const run = runPackage(['--output', path.join(dir, 'app.zip')], { MicrosoftAppId: BOT_ID });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown argument "--output"');
  });
});

describe('the app ids', () => {
  it('come from MicrosoftAppId, the name the bot reads, or MICROSOFT_APP_ID', () => {
    expect(idsFrom({ MicrosoftAppId: BOT_ID })).toEqual({ ok: true, botId: BOT_ID, teamsAppId: BOT_ID });
    expect(idsFrom({ MICROSOFT_APP_ID: BOT_ID })).toEqual({ ok: true, botId: BOT_ID, teamsAppId: BOT_ID });
  });

  it('take the Teams app id from TEAMS_APP_ID when it is set', () => {
    expect(idsFrom({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID })).toEqual({
      ok: true,
      botId: BOT_ID,
      teamsAppId: TEAMS_APP_ID,
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID }));
    const manifest = result.ok
      ? result.files.find((f) => f.name === 'manifest.json')?.data.toString('utf8')
      : undefined;
    expect(JSON.parse(manifest ?? '{}')).toMatchObject({ id: TEAMS_APP_ID, bots: [{ botId: BOT_ID }] });
  });

  it('are refused when the two names disagree, or TEAMS_APP_ID is not a GUID', () => {
    const other = BOT_ID.replace(/^2/, '3');
    expect(idsFrom({ MicrosoftAppId: BOT_ID, MICROSOFT_APP_ID: other })).toEqual({
      ok: false,
      problems: [expect.stringContaining('disagree')],
    });
    expect(idsFrom({ MicrosoftAppId: BOT_ID, TEAMS_APP_ID: 'plandesk' })).toEqual({
      ok: false,
      problems: [expect.stringContaining('TEAMS_APP_ID "plandesk" is not a GUID')],
    });
  });
});

describe('the package checks', () => {
  /** A copy of manifest/ to break. */
  function brokenCopy(change: (manifest: Record<string, unknown>) => void): string {
    const copy = path.join(dir, 'manifest');
    cpSync(MANIFEST_DIR, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    change(manifest);
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(manifest));
    return copy;
  }

  it('refuse a manifest the official schema rejects, and a placeholder nobody fills, naming each', () => {
    const copy = brokenCopy((m) => {
      m.developer = { name: 'PlanDesk' };
      m.version = '${{RELEASE}}';
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID }), copy);

    expect(result).toEqual({
      ok: false,
      code: 'invalid_package',
      problems: expect.arrayContaining([
        'manifest.json: no value for the placeholder ${{RELEASE}}',
        "manifest.json: /developer must have required property 'websiteUrl'",
      ]),
    });
  });

  it('refuse a $schema that is not the one of manifestVersion', () => {
    const copy = brokenCopy((m) => {
      m.manifestVersion = '1.29';
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID }), copy);

    expect(result.ok ? [] : result.problems).toEqual([
      expect.stringContaining(
        'but manifestVersion 1.29 needs https://developer.microsoft.com/json-schemas/teams/v1.29/',
      ),
    ]);
  });

  it('refuse icons of the wrong size', () => {
    const copy = brokenCopy((m) => {
      m.icons = { color: 'outline.png', outline: 'color.png' };
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID }), copy);

    expect(result.ok ? [] : result.problems).toEqual([
      'outline.png: the color icon is 32×32, Teams needs 192×192',
      'color.png: the outline icon is 192×192, Teams needs 32×32',
    ]);
  });
});
