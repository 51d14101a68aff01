/**
 * Builds the Teams app package: `manifest/manifest.json` (and its language files) with their `${{NAME}}`
 * placeholders filled, checked against the official schema for its `manifestVersion`, zipped at the root with
 * the icons and language files it names.
 *
 *   npm run package [-- --out path/to/app.zip]
 *
 * Placeholders follow the Microsoft 365 Agents Toolkit: each `${{NAME}}` is taken from the environment first,
 * then from `env/.env.<TEAMSFX_ENV>` (`env/.env.dev` when TEAMSFX_ENV is unset); every one without a value is
 * named. BOT_ID (the bot's Microsoft App ID) may also come from `MicrosoftAppId` or `MICROSOFT_APP_ID`, the names
 * the bot and earlier versions of this script read; TEAMS_APP_ID left empty is the bot's id; BOT_DOMAIN and
 * APP_NAME_SUFFIX may be empty; APP_VERSION is package.json's version.
 */
import AdmZip from 'adm-zip';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const ROOT = path.resolve(__dirname, '..');
export const MANIFEST_DIR = path.join(ROOT, 'manifest');
export const DEFAULT_OUT = path.join(ROOT, 'dist', 'plandesk-teams-app.zip');
export const ENV_DIR = path.join(ROOT, 'env');
/** The environment whose file is read when TEAMSFX_ENV is unset. */
export const DEFAULT_TEAMSFX_ENV = 'dev';
/** Placeholders that may be filled with nothing: no name suffix in production; validDomains only matters to tabs. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX', 'BOT_DOMAIN']);
/** The names the bot's Microsoft App ID may come from, in the order they are taken. */
const BOT_ID_NAMES = ['BOT_ID', 'MicrosoftAppId', 'MICROSOFT_APP_ID'] as const;

/** A JSON value, as the manifest files hold them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type SchemaKind = 'manifest' | 'localization';
export interface PackageFile {
  name: string;
  data: Buffer;
}
/** Expected failures are values: `bad_input` (the environment or arguments, exit 2) or `invalid_package` (our files, exit 1). */
export type PackageResult =
  | {
      ok: true;
      manifestVersion: string;
      appVersion: string;
      teamsAppId: string;
      botId: string;
      /** The env file read (relative to the working directory when inside it), if there was one. */
      envFile?: string;
      files: PackageFile[];
    }
  | { ok: false; code: 'bad_input' | 'invalid_package'; problems: string[] };

const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const GUID_HINT = 'a GUID like 00000000-0000-0000-0000-000000000000';
// Teams' own `semver` definition: MAJOR.MINOR.PATCH, digits only, no pre-release or build suffix.
const TEAMS_VERSION = /^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$/;
const ICON_SIZES = { color: 192, outline: 32, color32x32: 32 } as const;

/** The few fields read before the schema check, which needs `manifestVersion` to pick the schema. */
const ManifestShape = z.object({
  $schema: z.string(),
  manifestVersion: z.string().regex(/^\d+\.\d+$/),
  icons: z.object({ color: z.string(), outline: z.string(), color32x32: z.string().optional() }),
  localizationInfo: z
    .object({
      defaultLanguageFile: z.string().optional(),
      additionalLanguages: z.array(z.object({ file: z.string() })).default([]),
    })
    .optional(),
});

/** The schema URL a Teams manifest or localization file of a version must declare as `$schema`. */
export function schemaUrl(manifestVersion: string, kind: SchemaKind): string {
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/${file}`;
}

/** Where `@microsoft/app-manifest` keeps the official schema of a version; it ships one folder per version. */
export function schemaFile(manifestVersion: string, kind: SchemaKind): string {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  const file = kind === 'manifest' ? 'MicrosoftTeams.schema.json' : 'MicrosoftTeams.Localization.schema.json';
  return path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, file);
}

/**
 * A validator for an official Teams schema. The schemas declare JSON Schema draft-04, which ajv 8 no
 * longer bundles; they use none of draft-04's own syntax (boolean `exclusiveMaximum`, `id`), so ajv's
 * default draft-07 validator reads them the same — and if a later schema did, ajv's check of the schema
 * against the draft-07 meta-schema would refuse to compile it rather than misread it. Options:
 * - `strict` stays on (an unknown keyword or format fails the compile), except `strictTypes: false`:
 *   the schemas often leave out `type` beside `additionalProperties` or `maxItems`, which ajv would
 *   otherwise log on every compile although it changes nothing.
 * - `unicodeRegExp: false`: patterns are ECMA-262 regular expressions without the `u` flag, and the
 *   localization schema has one (`…\b]\.description$`) that is a syntax error with it.
 * - `allErrors: true`, so a bad file gets every problem named at once.
 */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  const { $schema: dialect, ...body } = schema;
  if (typeof dialect !== 'string' || !/draft-0[467]\/schema#?$/.test(dialect)) {
    throw new Error(`schema_dialect_unsupported: ${String(dialect)}; this script knows draft-04 to draft-07`);
  }
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(body);
}

/** The official validator of a kind for a manifest version, or undefined if the package has no such schema. */
export function officialValidator(manifestVersion: string, kind: SchemaKind): ValidateFunction | undefined {
  const file = schemaFile(manifestVersion, kind);
  if (!existsSync(file)) return undefined;
  return compileSchema(z.record(z.unknown()).parse(JSON.parse(readFileSync(file, 'utf8'))));
}

/** Each ajv error as one line, `where: what`. */
export function describeErrors(file: string, errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` ("${String(e.params.additionalProperty)}")`
        : e.keyword === 'enum' || e.keyword === 'const'
          ? ` (${JSON.stringify(e.params)})`
          : '';
    return `${file}: ${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`;
  });
}

/** An env file's `NAME=value` lines (`#` comments, blank lines, `export NAME=…` and quoted values allowed). */
export function parseEnvFile(text: string, label: string): { values: Record<string, string>; problems: string[] } {
  const values: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (!match) {
      problems.push(`${label}:${index + 1}: not NAME=value: ${line}`);
      return;
    }
    const [, name = '', rest = ''] = match;
    const quoted = /^\s*(["'])(.*)\1\s*$/.exec(rest);
    values[name] = quoted ? (quoted[2] ?? '') : rest.replace(/\s+#.*$/, '').trim();
  });
  return { values, problems };
}

/** Where placeholders are filled from: the environment first, then the env file of TEAMSFX_ENV. */
export interface Variables {
  env: NodeJS.ProcessEnv;
  file: Readonly<Record<string, string>>;
  /** How the env file is named in messages, e.g. `env/.env.dev`. */
  fileLabel: string;
}

/** The env file of `TEAMSFX_ENV` (or `dev`): its values, or every reason it cannot be read. */
export function readEnvFile(
  env: NodeJS.ProcessEnv,
  envDir: string = ENV_DIR,
): { ok: true; vars: Variables; path?: string } | { ok: false; problems: string[] } {
  const chosen = env.TEAMSFX_ENV?.trim();
  const name = chosen || DEFAULT_TEAMSFX_ENV;
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    return { ok: false, problems: [`TEAMSFX_ENV "${name}" is not an environment name (letters, digits, - and _)`] };
  const file = path.join(envDir, `.env.${name}`);
  const fileLabel = shown(file);
  if (!existsSync(file)) {
    // An environment named on purpose must exist; the default one may be left out (everything from the environment).
    return chosen
      ? { ok: false, problems: [`TEAMSFX_ENV is "${name}", but ${fileLabel} does not exist`] }
      : { ok: true, vars: { env, file: {}, fileLabel } };
  }
  const parsed = parseEnvFile(readFileSync(file, 'utf8'), fileLabel);
  return parsed.problems.length
    ? { ok: false, problems: parsed.problems }
    : { ok: true, vars: { env, file: parsed.values, fileLabel }, path: fileLabel };
}

/** A variable's value and where it came from: the environment if it sets the name (even empty), else the env file. */
export function lookup(vars: Variables, name: string): { value: string; from: string } | undefined {
  const fromEnv = vars.env[name];
  if (fromEnv !== undefined) return { value: fromEnv.trim(), from: name };
  const fromFile = vars.file[name];
  return fromFile === undefined ? undefined : { value: fromFile.trim(), from: `${name} in ${vars.fileLabel}` };
}

/**
 * The bot's and the Teams app's ids, or every reason they cannot be had. The bot's is the first non-empty of
 * BOT_ID, MicrosoftAppId and MICROSOFT_APP_ID in the environment, then in the env file; two of them in the
 * environment that disagree are refused. TEAMS_APP_ID empty or unset means the bot's id (one registration, one id).
 */
export function idsFrom(
  env: NodeJS.ProcessEnv,
  vars: Variables = { env, file: {}, fileLabel: 'env/.env.dev' },
): { ok: true; botId: string; teamsAppId: string } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const inEnv = BOT_ID_NAMES.flatMap((name) => {
    const value = env[name]?.trim();
    return value ? [{ value, from: name }] : [];
  });
  const inFile = BOT_ID_NAMES.flatMap((name) => {
    const value = vars.file[name]?.trim();
    return value ? [{ value, from: `${name} in ${vars.fileLabel}` }] : [];
  });
  if (new Set(inEnv.map((c) => c.value.toLowerCase())).size > 1) {
    problems.push(
      `${inEnv.map((c) => `${c.from} (${c.value})`).join(' and ')} disagree: set one, the bot's Microsoft App ID.`,
    );
  }
  const bot = inEnv[0] ?? inFile[0];
  if (!bot) {
    problems.push(
      `BOT_ID is not set: the package needs the bot's Microsoft App ID (${GUID_HINT}), the botId output of infra/main.bicep or its Azure Bot's; set BOT_ID in ${vars.fileLabel} or the environment (MicrosoftAppId and MICROSOFT_APP_ID work too).`,
    );
  } else if (!GUID.test(bot.value)) {
    problems.push(
      `${bot.from} "${bot.value}" is not ${GUID_HINT}: use the bot's Microsoft App ID from its Azure Bot registration.`,
    );
  }
  const teams = lookup(vars, 'TEAMS_APP_ID');
  if (teams?.value && !GUID.test(teams.value)) {
    problems.push(
      `${teams.from} "${teams.value}" is not ${GUID_HINT}; leave it empty to use the bot's id as the Teams app id.`,
    );
  }
  const teamsAppId = teams?.value || bot?.value;
  return problems.length || !bot || !teamsAppId ? { ok: false, problems } : { ok: true, botId: bot.value, teamsAppId };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** The names of the `${{NAME}}` placeholders in a JSON value's strings, each once, in order. */
export function placeholdersIn(template: Json): string[] {
  const names = new Set<string>();
  const visit = (node: Json): void => {
    if (typeof node === 'string') for (const m of node.matchAll(PLACEHOLDER)) names.add(m[1] ?? '');
    else if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(template);
  return [...names];
}

/**
 * `template` with every `${{NAME}}` in its strings replaced from `values`, and the names it had no value for.
 * A string with a placeholder is trimmed once filled (`PlanDesk ${{APP_NAME_SUFFIX}}` with no suffix is
 * `PlanDesk`), and an array item that fills to nothing is left out (`validDomains: ["${{BOT_DOMAIN}}"]` is `[]`).
 */
export function fillPlaceholders(
  template: Json,
  values: Readonly<Record<string, string>>,
): { value: Json; unknown: string[] } {
  const unknown = new Set<string>();
  const hasPlaceholder = (node: Json) => typeof node === 'string' && new RegExp(PLACEHOLDER.source).test(node);
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      if (!hasPlaceholder(node)) return node;
      return node
        .replace(PLACEHOLDER, (whole, name: string) => {
          const value = values[name];
          if (value === undefined) unknown.add(name);
          return value ?? whole;
        })
        .trim();
    }
    if (Array.isArray(node))
      return node.flatMap((item) => {
        const value = fill(item);
        return hasPlaceholder(item) && value === '' ? [] : [value];
      });
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const value = fill(template);
  return { value, unknown: [...unknown] };
}

/**
 * The value of every placeholder `names` holds, or every variable missing (unset, or empty where a value is
 * needed) and every bad id, each named.
 */
export function placeholderValues(
  names: readonly string[],
  vars: Variables,
  appVersion: string,
): { ok: true; values: Record<string, string>; botId: string; teamsAppId: string } | { ok: false; problems: string[] } {
  const ids = idsFrom(vars.env, vars);
  const problems = ids.ok ? [] : [...ids.problems];
  const values: Record<string, string> = { APP_VERSION: appVersion };
  if (ids.ok) Object.assign(values, { BOT_ID: ids.botId, MICROSOFT_APP_ID: ids.botId, TEAMS_APP_ID: ids.teamsAppId });
  for (const name of names) {
    // The ids and the version are settled above (a bad id is already named).
    if (name in values || ['BOT_ID', 'MICROSOFT_APP_ID', 'TEAMS_APP_ID'].includes(name)) continue;
    const found = lookup(vars, name);
    if (found === undefined || (found.value === '' && !MAY_BE_EMPTY.has(name))) {
      problems.push(
        `${name} is not set: the manifest's \${{${name}}} needs it, from the environment or ${vars.fileLabel}.`,
      );
    } else values[name] = found.value;
  }
  const domain = values.BOT_DOMAIN;
  if (domain && !/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d+)?$/.test(domain)) {
    problems.push(
      `${lookup(vars, 'BOT_DOMAIN')?.from ?? 'BOT_DOMAIN'} "${domain}" is not a host name: give the host alone, e.g. plandesk-pilot-abc123.azurewebsites.net or abc123-3978.euw.devtunnels.ms, without https:// or a path.`,
    );
  }
  return problems.length || !ids.ok
    ? { ok: false, problems }
    : { ok: true, values, botId: ids.botId, teamsAppId: ids.teamsAppId };
}

/** Width and height from a PNG's IHDR chunk, or undefined if the bytes are not a PNG. */
export function pngSize(data: Buffer): { width: number; height: number } | undefined {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (data.length < 24 || !data.subarray(0, 8).equals(signature) || data.toString('latin1', 12, 16) !== 'IHDR')
    return undefined;
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

function readJson(file: string): Json {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (error) {
    throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * The app package's files, checked, from the manifest folder, the environment and the env file of TEAMSFX_ENV;
 * nothing is written.
 */
export function buildAppPackage(
  env: NodeJS.ProcessEnv,
  manifestDir: string = MANIFEST_DIR,
  envDir: string = ENV_DIR,
): PackageResult {
  const envFile = readEnvFile(env, envDir);
  if (!envFile.ok) return { ok: false, code: 'bad_input', problems: envFile.problems };

  const invalid = (problems: string[]): PackageResult => ({ ok: false, code: 'invalid_package', problems });
  const template = readJson(path.join(manifestDir, 'manifest.json'));
  const shape = ManifestShape.safeParse(template);
  if (!shape.success) return invalid(shape.error.issues.map((i) => `manifest.json: /${i.path.join('/')} ${i.message}`));
  const { manifestVersion, icons } = shape.data;
  if (shape.data.$schema !== schemaUrl(manifestVersion, 'manifest')) {
    return invalid([
      `manifest.json: $schema is ${shape.data.$schema}, but manifestVersion ${manifestVersion} needs ${schemaUrl(manifestVersion, 'manifest')}`,
    ]);
  }
  const validateManifest = officialValidator(manifestVersion, 'manifest');
  if (!validateManifest)
    return invalid([
      `manifest.json: @microsoft/app-manifest has no schema for manifestVersion ${manifestVersion} (${schemaFile(manifestVersion, 'manifest')})`,
    ]);

  const appVersion = z.object({ version: z.string() }).parse(readJson(path.join(ROOT, 'package.json'))).version;
  if (!TEAMS_VERSION.test(appVersion))
    return invalid([`package.json: version "${appVersion}" is not MAJOR.MINOR.PATCH, the only form Teams accepts`]);

  const { defaultLanguageFile, additionalLanguages = [] } = shape.data.localizationInfo ?? {};
  const languageNames = [
    ...(defaultLanguageFile ? [defaultLanguageFile] : []),
    ...additionalLanguages.map((l) => l.file),
  ];
  const languages = languageNames.map((name) => {
    const file = path.join(manifestDir, name);
    return { name, strings: existsSync(file) ? readJson(file) : undefined };
  });

  // Every variable the manifest and its language files need, all named at once when any is missing.
  const names = [template, ...languages.map((l) => l.strings ?? null)].flatMap(placeholdersIn);
  const resolved = placeholderValues([...new Set(names)], envFile.vars, appVersion);
  if (!resolved.ok) return { ok: false, code: 'bad_input', problems: resolved.problems };

  const filled = fillPlaceholders(template, resolved.values);
  const problems = filled.unknown.map((name) => `manifest.json: no value for the placeholder \${{${name}}}`);
  if (!validateManifest(filled.value)) problems.push(...describeErrors('manifest.json', validateManifest.errors));

  const files: PackageFile[] = [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(filled.value, null, 2)}\n`) },
  ];
  for (const [kind, name] of Object.entries(icons) as [keyof typeof ICON_SIZES, string | undefined][]) {
    if (!name) continue;
    const file = path.join(manifestDir, name);
    if (!existsSync(file)) {
      problems.push(`${name}: the ${kind} icon is missing`);
      continue;
    }
    const data = readFileSync(file);
    const size = pngSize(data);
    const want = ICON_SIZES[kind];
    if (!size) problems.push(`${name}: the ${kind} icon is not a PNG`);
    else if (size.width !== want || size.height !== want)
      problems.push(`${name}: the ${kind} icon is ${size.width}×${size.height}, Teams needs ${want}×${want}`);
    files.push({ name, data });
  }

  const validateLanguage = languages.length ? officialValidator(manifestVersion, 'localization') : undefined;
  for (const { name, strings } of languages) {
    if (strings === undefined) {
      problems.push(`${name}: the language file is missing`);
      continue;
    }
    const declared = strings && typeof strings === 'object' && !Array.isArray(strings) ? strings.$schema : undefined;
    if (declared !== schemaUrl(manifestVersion, 'localization'))
      problems.push(`${name}: $schema should be ${schemaUrl(manifestVersion, 'localization')}, the manifest's version`);
    const language = fillPlaceholders(strings, resolved.values);
    problems.push(...language.unknown.map((unknown) => `${name}: no value for the placeholder \${{${unknown}}}`));
    if (!validateLanguage)
      problems.push(`${name}: @microsoft/app-manifest has no localization schema for ${manifestVersion}`);
    else if (!validateLanguage(language.value)) problems.push(...describeErrors(name, validateLanguage.errors));
    files.push({ name, data: Buffer.from(`${JSON.stringify(language.value, null, 2)}\n`) });
  }

  return problems.length
    ? invalid(problems)
    : {
        ok: true,
        manifestVersion,
        appVersion,
        teamsAppId: resolved.teamsAppId,
        botId: resolved.botId,
        ...(envFile.path ? { envFile: envFile.path } : {}),
        files,
      };
}

/** The zip of a package's files, each at the root. */
export function zipOf(files: readonly PackageFile[]): Buffer {
  const zip = new AdmZip();
  for (const { name, data } of files) zip.addFile(name, data);
  return zip.toBuffer();
}

function outPathFrom(args: readonly string[]): { out: string } | { problem: string } {
  let out = DEFAULT_OUT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--out' && args[i + 1]) out = path.resolve(args[++i] ?? '');
    else if (arg.startsWith('--out=') && arg.length > 6) out = path.resolve(arg.slice(6));
    else return { problem: `unknown argument "${arg}"; usage: package-app [--out path/to/app.zip]` };
  }
  return { out };
}

/** The command: build, write, say what was written; or name every problem and set the exit code. */
export function main(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const target = outPathFrom(args);
  if ('problem' in target) {
    process.stderr.write(`package-app: ${target.problem}\n`);
    return 2;
  }
  const result = buildAppPackage(env);
  if (!result.ok) {
    const what =
      result.code === 'bad_input'
        ? 'cannot build the Teams app package'
        : 'the Teams app package does not pass its checks';
    process.stderr.write(`package-app: ${what}:\n${result.problems.map((p) => `  - ${p}\n`).join('')}`);
    return result.code === 'bad_input' ? 2 : 1;
  }
  mkdirSync(path.dirname(target.out), { recursive: true });
  const zip = zipOf(result.files);
  writeFileSyncAtomic(target.out, zip);
  process.stdout.write(
    `Wrote ${shown(target.out)} (${zip.length} bytes): Teams manifest v${result.manifestVersion}, app version ${result.appVersion}\n` +
      `  app id ${result.teamsAppId}, bot id ${result.botId}; variables from the environment${result.envFile ? ` and ${result.envFile}` : ''}\n` +
      `  files: ${result.files.map((f) => f.name).join(', ')}\n`,
  );
  return 0;
}

/** A path relative to the working directory when it is inside it, else absolute. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

// Write beside the target and rename, so an interrupted run never leaves half a zip under the real name.
function writeFileSyncAtomic(file: string, data: Buffer): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2), process.env);
}
