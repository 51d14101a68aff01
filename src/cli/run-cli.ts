import { t } from '../i18n';
import { auditSignCommand } from './commands/audit-sign';
import { auditVerifyCommand } from './commands/audit-verify';
import { catalogImportCommand, policyImportCommand } from './commands/import';
import { directoryImportCommand } from './commands/directory-import';
import { exportApplicationsCommand, exportAuditCommand } from './commands/export';
import { migrateCommand } from './commands/migrate';
import { previewCommand } from './commands/preview';
import { reportCommand } from './commands/report';
import { simulateCommand } from './commands/simulate';
import { tickCommand } from './commands/tick';
import { BadInput, EXIT, type CliContext } from './cli-context';
import { asksForHelp, commandUsage, describeParseArgsError, fullUsage } from './usage';
import { SchemaTooNew } from '../store/schema-version';

type Command = (args: string[], ctx: CliContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  preview: previewCommand,
  simulate: simulateCommand,
  tick: tickCommand,
  migrate: migrateCommand,
  'catalog import': catalogImportCommand,
  'policy import': policyImportCommand,
  'directory import': directoryImportCommand,
  'audit verify': auditVerifyCommand,
  'audit sign': auditSignCommand,
  'export applications': exportApplicationsCommand,
  'export audit': exportAuditCommand,
  report: reportCommand,
};

/**
 * Runs one CLI command and returns its exit code: 0 done, 2 bad input (named, in the reader's
 * language, on stderr), 1 unexpected. No stack trace reaches a person.
 */
export async function runCli(argv: string[], ctx: CliContext): Promise<number> {
  const args = withoutLanguage(argv);
  const twoWord = `${args[0] ?? ''} ${args[1] ?? ''}`;
  const [name, rest] = COMMANDS[twoWord] ? [twoWord, args.slice(2)] : [args[0] ?? 'help', args.slice(1)];
  if (name === 'help' || name === '--help' || name === '-h') {
    ctx.out(fullUsage(ctx.lang));
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.err(`${t(ctx.lang, 'error.unknown_command', { command: name })}\n\n${fullUsage(ctx.lang)}`);
    return EXIT.badInput;
  }
  if (asksForHelp(rest)) {
    ctx.out(commandUsage(name, ctx.lang));
    return EXIT.ok;
  }
  try {
    return await command(rest, ctx);
  } catch (error) {
    if (error instanceof BadInput) {
      ctx.err(error.lines.join('\n'));
      return EXIT.badInput;
    }
    if (isParseArgsError(error)) {
      ctx.err(`${describeParseArgsError(error, ctx.lang)}\n\n${commandUsage(name, ctx.lang)}`);
      return EXIT.badInput;
    }
    if (error instanceof SchemaTooNew) {
      ctx.err(t(ctx.lang, 'error.schema_too_new', { path: error.path, found: error.found, known: error.known }));
      return EXIT.badInput;
    }
    ctx.err(t(ctx.lang, 'error.unexpected', { detail: error instanceof Error ? error.message : String(error) }));
    return EXIT.unexpected;
  }
}

// By its code, not `instanceof TypeError`: node:util's errors come from another realm under jest's VM.
const isParseArgsError = (error: unknown): error is Error & { code: string } =>
  typeof error === 'object' &&
  error !== null &&
  String((error as NodeJS.ErrnoException).code ?? '').startsWith('ERR_PARSE_ARGS');

/** The arguments less `--lang X` / `--lang=X`, which every command accepts. */
function withoutLanguage(argv: string[]): string[] {
  return argv.filter((a, i) => a !== '--lang' && argv[i - 1] !== '--lang' && !a.startsWith('--lang='));
}

/** The reader's language from the arguments: `--lang en` for English, zh-CN otherwise. */
export function cliLanguage(argv: string[]): 'zh-CN' | 'en-US' {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice(7);
  return value && /^en/i.test(value) ? 'en-US' : 'zh-CN';
}
