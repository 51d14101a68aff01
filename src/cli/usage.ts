import { t, type Lang, type StringKey } from '../i18n';

/** Each command's usage block, in the order `plandesk --help` lists them. */
export const USAGE: Readonly<Record<string, StringKey>> = {
  preview: 'cli.usage.preview',
  simulate: 'cli.usage.simulate',
  'catalog import': 'cli.usage.catalog_import',
  'policy import': 'cli.usage.policy_import',
  'directory import': 'cli.usage.directory_import',
  tick: 'cli.usage.tick',
  migrate: 'cli.usage.migrate',
  'audit verify': 'cli.usage.audit_verify',
  'audit sign': 'cli.usage.audit_sign',
  'export applications': 'cli.usage.export_applications',
  'export audit': 'cli.usage.export_audit',
  report: 'cli.usage.report',
};

const indented = (text: string, by: string) =>
  text
    .split('\n')
    .map((line) => by + line)
    .join('\n');

/** `plandesk --help`: every command, then the environment and how to get one command's usage. */
export function fullUsage(lang: Lang): string {
  const blocks = Object.values(USAGE).map((key) => indented(t(lang, key), '  '));
  return [t(lang, 'cli.usage.head'), ...blocks, t(lang, 'cli.usage.progress_note'), t(lang, 'cli.usage.foot')].join(
    '\n',
  );
}

/** `plandesk <command> --help`: that command's usage alone. */
export function commandUsage(command: string, lang: Lang): string {
  const key = USAGE[command];
  if (!key) return fullUsage(lang);
  return `${t(lang, 'cli.usage.label')}plandesk ${t(lang, key)}\n${t(lang, 'cli.usage.lang')}`;
}

/** Whether the arguments ask for help (`--help` or `-h` before any `--`). */
export function asksForHelp(args: string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * node:util parseArgs' complaint in the reader's language. Its English message quotes the option or
 * argument it means first ('--foo', '--policy <value>'); the code says which complaint it is.
 */
export function describeParseArgsError(error: Error & { code?: unknown }, lang: Lang): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  const option = quoted.split(/[ ,]/)[0] ?? quoted;
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(lang, 'error.unknown_option', { option });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t(lang, 'error.unexpected_argument', { argument: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(error.message)
        ? t(lang, 'error.option_takes_no_value', { option })
        : t(lang, 'error.option_needs_value', { option });
    default:
      return error.message;
  }
}
