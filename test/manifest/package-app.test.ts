import AdmZip from 'adm-zip';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  buildAppPackage,
  fillPlaceholders,
  idsFrom,
  lookup,
  MANIFEST_DIR,
  parseEnvFile,
  type PackageResult,
} from '../../scripts/package-app';

const ROOT = path.resolve(__dirname, '..', '..');
const BOT_ID = '2f0c5a7e-8b1d-4c3e-9a6f-1b2c3d4e5f60';
const TEAMS_APP_ID = '9d8c7b6a-5f4e-4d3c-8b2a-0f1e2d3c4b5a';
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The variables the package reads; the tests' environment has none, so each test sets exactly what it means. */
const PACKAGE_VARIABLES = [
  'BOT_ID',
  'MicrosoftAppId',
  'MICROSOFT_APP_ID',
  'TEAMS_APP_ID',
  'TEAMSFX_ENV',
  'BOT_DOMAIN',
  'APP_NAME_SUFFIX',
];
function envWith(ids: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of PACKAGE_VARIABLES) delete env[key];
  return { ...env, ...ids };
}

/** A file of a built package, parsed. */
function fileOf(result: PackageResult, name: string): Record<string, unknown> {
  const data = result.ok ? result.files.find((f) => f.name === name)?.data.toString('utf8') : undefined;
  return JSON.parse(data ?? '{}') as Record<string, unknown>;
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
    expect(zip.readAsText('en.json')).not.toContain('${{');
    expect(JSON.parse(manifest)).toMatchObject({ id: BOT_ID, version: VERSION, bots: [{ botId: BOT_ID }] });
    expect(zip.readFile('outline.png')).toEqual(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
  });

  it('refuses without an app id, naming the variable, and writes nothing', () => {
    const out = path.join(dir, 'app.zip');
    const run = runPackage(['--out', out], {});

    expect(run.status).toBe(2);
    expect(run.stderr).toContain("BOT_ID is not set: the package needs the bot's Microsoft App ID");
    expect(run.stderr).toContain('set BOT_ID in env/.env.dev or the environment');
    expect(existsSync(out)).toBe(false);
  });

  it('reads env/.env.dev by default: the bot id alone, as before, gives "PlanDesk dev" and no valid domain', () => {
    const out = path.join(dir, 'app.zip');
    const run = runPackage(['--out', out], { MicrosoftAppId: BOT_ID });

    expect(run.status).toBe(0);
    expect(run.stdout).toContain('variables from the environment and env/.env.dev');
    const zip = new AdmZip(out);
    expect(JSON.parse(zip.readAsText('manifest.json'))).toMatchObject({
      id: BOT_ID,
      name: { short: 'PlanDesk dev' },
      validDomains: [],
    });
    expect(JSON.parse(zip.readAsText('en.json'))).toMatchObject({ 'name.short': 'PlanDesk dev' });
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
  it('come from BOT_ID, MicrosoftAppId (the name the bot reads) or MICROSOFT_APP_ID', () => {
    expect(idsFrom({ BOT_ID })).toEqual({ ok: true, botId: BOT_ID, teamsAppId: BOT_ID });
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
    expect(fileOf(result, 'manifest.json')).toMatchObject({ id: TEAMS_APP_ID, bots: [{ botId: BOT_ID }] });
  });

  it('are refused when the two names disagree, or TEAMS_APP_ID is not a GUID', () => {
    const other = BOT_ID.replace(/^2/, '3');
    expect(idsFrom({ MicrosoftAppId: BOT_ID, MICROSOFT_APP_ID: other })).toEqual({
      ok: false,
      problems: [expect.stringContaining('disagree')],
    });
    expect(idsFrom({ BOT_ID, MicrosoftAppId: other })).toEqual({
      ok: false,
      problems: [`BOT_ID (${BOT_ID}) and MicrosoftAppId (${other}) disagree: set one, the bot's Microsoft App ID.`],
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

  it('refuse a manifest the official schema rejects, naming each problem', () => {
    const copy = brokenCopy((m) => {
      m.developer = { name: 'PlanDesk' };
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID }), copy);

    expect(result).toEqual({
      ok: false,
      code: 'invalid_package',
      problems: expect.arrayContaining(["manifest.json: /developer must have required property 'websiteUrl'"]),
    });
  });

  it('refuse a placeholder no variable fills, as input missing', () => {
    const copy = brokenCopy((m) => {
      m.version = '${{RELEASE}}';
    });
    const result = buildAppPackage(envWith({ MicrosoftAppId: BOT_ID }), copy);

    expect(result).toEqual({
      ok: false,
      code: 'bad_input',
      problems: ["RELEASE is not set: the manifest's ${{RELEASE}} needs it, from the environment or env/.env.dev."],
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

describe('the variables (Microsoft 365 Agents Toolkit convention)', () => {
  /** An env folder of its own, with `.env.<name>` files of these lines. */
  function envDir(files: Record<string, string[]>): string {
    const folder = path.join(dir, 'env');
    mkdirSync(folder, { recursive: true });
    for (const [name, lines] of Object.entries(files))
      writeFileSync(path.join(folder, `.env.${name}`), lines.join('\n'));
    return folder;
  }

  it('are read from env/.env.<TEAMSFX_ENV>: the ids, the domain and the name suffix, in manifest and en.json', () => {
    const folder = envDir({
      test: [
        '# a comment',
        `BOT_ID=${BOT_ID}`,
        `TEAMS_APP_ID="${TEAMS_APP_ID}"`,
        'BOT_DOMAIN=plandesk-test.azurewebsites.net   # the web app',
        "export APP_NAME_SUFFIX='test'",
      ],
    });
    const result = buildAppPackage(envWith({ TEAMSFX_ENV: 'test' }), MANIFEST_DIR, folder);

    expect(result).toMatchObject({ ok: true, botId: BOT_ID, teamsAppId: TEAMS_APP_ID });
    expect(fileOf(result, 'manifest.json')).toMatchObject({
      id: TEAMS_APP_ID,
      name: { short: 'PlanDesk test' },
      bots: [{ botId: BOT_ID }],
      validDomains: ['plandesk-test.azurewebsites.net'],
    });
    expect(fileOf(result, 'en.json')).toMatchObject({ 'name.short': 'PlanDesk test' });
  });

  it('are taken from the environment first, even empty, then from the file', () => {
    const folder = envDir({ dev: [`BOT_ID=${BOT_ID}`, 'APP_NAME_SUFFIX=dev', 'BOT_DOMAIN=from-file.example.net'] });
    const result = buildAppPackage(
      envWith({ APP_NAME_SUFFIX: '', BOT_DOMAIN: 'abc123-3978.euw.devtunnels.ms', TEAMS_APP_ID }),
      MANIFEST_DIR,
      folder,
    );

    expect(fileOf(result, 'manifest.json')).toMatchObject({
      id: TEAMS_APP_ID,
      name: { short: 'PlanDesk' },
      bots: [{ botId: BOT_ID }],
      validDomains: ['abc123-3978.euw.devtunnels.ms'],
    });
    expect(lookup({ env: { X: 'env' }, file: { X: 'file' }, fileLabel: 'f' }, 'X')).toEqual({
      value: 'env',
      from: 'X',
    });
    expect(lookup({ env: {}, file: { X: 'file' }, fileLabel: 'f' }, 'X')).toEqual({ value: 'file', from: 'X in f' });
    // The names the bot and earlier versions of this script read still give the bot's id, before the file's.
    const old = buildAppPackage(envWith({ MICROSOFT_APP_ID: TEAMS_APP_ID }), MANIFEST_DIR, folder);
    expect(old).toMatchObject({ ok: true, botId: TEAMS_APP_ID, teamsAppId: TEAMS_APP_ID });
  });

  it('are refused when missing, every missing one named in one answer', () => {
    const folder = envDir({ staging: ['TEAMS_APP_ID='] });
    const result = buildAppPackage(envWith({ TEAMSFX_ENV: 'staging' }), MANIFEST_DIR, folder);

    expect(result).toEqual({ ok: false, code: 'bad_input', problems: expect.any(Array) });
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^BOT_ID is not set: .* set BOT_ID in .*env\/\.env\.staging or the environment/);
    expect(problems.slice(1)).toEqual([
      expect.stringMatching(/^APP_NAME_SUFFIX is not set: the manifest's \$\{\{APP_NAME_SUFFIX\}\} needs it/),
      expect.stringMatching(/^BOT_DOMAIN is not set: the manifest's \$\{\{BOT_DOMAIN\}\} needs it/),
    ]);
  });

  it('are refused through the command too, exit 2, with each name on stderr', () => {
    const run = runPackage(['--out', path.join(dir, 'app.zip')], { TEAMSFX_ENV: 'dev', BOT_ID: '', BOT_DOMAIN: '' });

    expect(run.status).toBe(2);
    expect(run.stderr).toContain('BOT_ID is not set');
  });

  it('name the file of a TEAMSFX_ENV that has none, and refuse a domain given as a URL', () => {
    expect(buildAppPackage(envWith({ TEAMSFX_ENV: 'prod', BOT_ID }), MANIFEST_DIR, envDir({}))).toEqual({
      ok: false,
      code: 'bad_input',
      problems: [expect.stringMatching(/^TEAMSFX_ENV is "prod", but .*env\/\.env\.prod does not exist$/)],
    });
    expect(buildAppPackage(envWith({ TEAMSFX_ENV: '../x', BOT_ID }))).toMatchObject({ ok: false, code: 'bad_input' });
    const url = buildAppPackage(envWith({ BOT_ID, BOT_DOMAIN: 'https://abc123-3978.euw.devtunnels.ms/' }));
    expect(url.ok ? [] : url.problems).toEqual([
      expect.stringContaining('BOT_DOMAIN "https://abc123-3978.euw.devtunnels.ms/" is not a host name'),
    ]);
  });

  it('come from env files in NAME=value lines; a line that is not one is named with its number', () => {
    expect(parseEnvFile('# c\n\nA=1\nexport B = "two words"\nC=x # note\nD=\n', 'f')).toEqual({
      values: { A: '1', B: 'two words', C: 'x', D: '' },
      problems: [],
    });
    expect(parseEnvFile('A=1\nnot a line\n', 'env/.env.dev').problems).toEqual([
      'env/.env.dev:2: not NAME=value: not a line',
    ]);
  });

  it('fill strings trimmed, and leave out an array item filled with nothing', () => {
    expect(
      fillPlaceholders({ short: 'PlanDesk ${{S}}', domains: ['${{D}}', 'x.example.net'] }, { S: '', D: '' }),
    ).toEqual({ value: { short: 'PlanDesk', domains: ['x.example.net'] }, unknown: [] });
  });
});
