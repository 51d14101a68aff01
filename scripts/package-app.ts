/**
 * Builds the Teams app package: `manifest/manifest.json` with its `${{NAME}}` placeholders filled from
 * the environment, checked against the official schema for its `manifestVersion`, zipped at the root
 * with the icons and language files it names.
 *
 *   MicrosoftAppId=<guid> npm run package [-- --out path/to/app.zip]
 *
 * Placeholders: MICROSOFT_APP_ID (the bot, from `MicrosoftAppId` or `MICROSOFT_APP_ID`), TEAMS_APP_ID
 * (from `TEAMS_APP_ID`, else the bot's id) and APP_VERSION (package.json's version).
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

/** A JSON value, as the manifest files hold them. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type SchemaKind = 'manifest' | 'localization';
export interface PackageFile {
  name: string;
  data: Buffer;
}
/** Expected failures are values: `bad_input` (the environment or arguments, exit 2) or `invalid_package` (our files, exit 1). */
export type PackageResult =
  | { ok: true; manifestVersion: string; appVersion: string; teamsAppId: string; botId: string; files: PackageFile[] }
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

/** The ids the package needs from the environment, or every reason they cannot be had. */
export function idsFrom(
  env: NodeJS.ProcessEnv,
): { ok: true; botId: string; teamsAppId: string } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const camel = env.MicrosoftAppId?.trim() || undefined;
  const upper = env.MICROSOFT_APP_ID?.trim() || undefined;
  if (camel && upper && camel.toLowerCase() !== upper.toLowerCase()) {
    problems.push(
      `MicrosoftAppId (${camel}) and MICROSOFT_APP_ID (${upper}) disagree: set one, the bot's Microsoft App ID.`,
    );
  }
  const botId = camel ?? upper;
  const name = camel ? 'MicrosoftAppId' : 'MICROSOFT_APP_ID';
  if (!botId) {
    problems.push(
      `MicrosoftAppId is not set: the package needs the bot's Microsoft App ID (${GUID_HINT}) from its Azure Bot registration; MICROSOFT_APP_ID works too.`,
    );
  } else if (!GUID.test(botId)) {
    problems.push(
      `${name} "${botId}" is not ${GUID_HINT}: use the bot's Microsoft App ID from its Azure Bot registration.`,
    );
  }
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  if (env.TEAMS_APP_ID?.trim() && !GUID.test(env.TEAMS_APP_ID.trim())) {
    problems.push(
      `TEAMS_APP_ID "${env.TEAMS_APP_ID.trim()}" is not ${GUID_HINT}; leave it unset to use the bot's id as the Teams app id.`,
    );
  }
  return problems.length || !botId || !teamsAppId ? { ok: false, problems } : { ok: true, botId, teamsAppId };
}

/** `template` with every `${{NAME}}` in its strings replaced from `values`, and the names it had no value for. */
export function fillPlaceholders(
  template: Json,
  values: Readonly<Record<string, string>>,
): { value: Json; unknown: string[] } {
  const unknown = new Set<string>();
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(name);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, fill(v)]));
    return node;
  };
  const value = fill(template);
  return { value, unknown: [...unknown] };
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

/** The app package's files, checked, from the manifest folder and the environment; nothing is written. */
export function buildAppPackage(env: NodeJS.ProcessEnv, manifestDir: string = MANIFEST_DIR): PackageResult {
  const ids = idsFrom(env);
  if (!ids.ok) return { ok: false, code: 'bad_input', problems: ids.problems };

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

  const filled = fillPlaceholders(template, {
    MICROSOFT_APP_ID: ids.botId,
    TEAMS_APP_ID: ids.teamsAppId,
    APP_VERSION: appVersion,
  });
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

  const { defaultLanguageFile, additionalLanguages = [] } = shape.data.localizationInfo ?? {};
  const languages = [...(defaultLanguageFile ? [defaultLanguageFile] : []), ...additionalLanguages.map((l) => l.file)];
  const validateLanguage = languages.length ? officialValidator(manifestVersion, 'localization') : undefined;
  for (const name of languages) {
    const file = path.join(manifestDir, name);
    if (!existsSync(file)) {
      problems.push(`${name}: the language file is missing`);
      continue;
    }
    const strings = readJson(file);
    const declared = strings && typeof strings === 'object' && !Array.isArray(strings) ? strings.$schema : undefined;
    if (declared !== schemaUrl(manifestVersion, 'localization'))
      problems.push(`${name}: $schema should be ${schemaUrl(manifestVersion, 'localization')}, the manifest's version`);
    if (!validateLanguage)
      problems.push(`${name}: @microsoft/app-manifest has no localization schema for ${manifestVersion}`);
    else if (!validateLanguage(strings)) problems.push(...describeErrors(name, validateLanguage.errors));
    files.push({ name, data: readFileSync(file) });
  }

  return problems.length
    ? invalid(problems)
    : { ok: true, manifestVersion, appVersion, teamsAppId: ids.teamsAppId, botId: ids.botId, files };
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
      `  app id ${result.teamsAppId}, bot id ${result.botId}\n` +
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
