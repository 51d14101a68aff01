import { readFile } from 'node:fs/promises';
import type { Clock } from '../app/ports/clock';
import type { WorkingCalendar } from '../domain/business-days';
import type { Store } from '../app/ports/store';
import type { TickReport } from '../app/scheduler/tick';
import type { Result } from '../domain/result';
import { inputError, type InputError, type ProblemCode } from '../formats/input-error';
import { describeInputError } from '../i18n/describe-input-error';
import { t, type Lang } from '../i18n';
import type { ProgressSink } from './progress';

/** What a CLI command may use; injected so tests run commands in-process with their own clock and store. */
export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
  /** The working calendar and id source a command that changes applications needs (deadlines, outbox keys). */
  calendar: WorkingCalendar;
  newId: () => string;
  lang: Lang;
  /** Opens the store (seeded with samples when fresh); the command closes it. */
  openStore: () => Promise<Store>;
  /**
   * Opens a store named on the command line (a migration's source or target) as it is: never seeded
   * with samples, and a SQLite source must exist. Null when that store is not configured (Cosmos DB
   * without COSMOS_ENDPOINT). The command closes it.
   */
  openStoreAt?: (location: StoreLocation) => Promise<Store | null>;
  /** Where long work shows its progress: set only when stderr is a terminal, so pipes and logs stay clean. */
  progress?: ProgressSink;
  /** Runs the jobs due at an instant and delivers what they decide. */
  tick: (now: Date) => Promise<TickReport>;
}

/** A store named on the command line: `sqlite:<file>` or `cosmos` (the account the environment configures). */
export type StoreLocation = { kind: 'sqlite'; path: string } | { kind: 'cosmos' };

export const EXIT = { ok: 0, unexpected: 1, badInput: 2 } as const;

/** Thrown inside a command to end it with exit code 2 and readable lines; never shown as a stack trace. */
export class BadInput extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** Reads a file, or fails with a message naming it. */
export async function readInput(path: string, lang: Lang): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BadInput([t(lang, 'error.file_not_found', { path })]);
    throw new BadInput([t(lang, 'error.file_unreadable', { path, detail: code ?? (error as Error).message })]);
  }
}

/** The value of a parse, or BadInput naming every problem. */
export function orBadInput<T>(result: Result<T, InputError>, lang: Lang): T {
  if (result.ok) return result.value;
  throw new BadInput(describeInputError(result.error, lang));
}

/** A missing or malformed option, reported like any other bad field. */
export function badOption(option: string, problem: ProblemCode, lang: Lang): BadInput {
  return new BadInput(
    describeInputError(inputError('plandesk', [{ field: `--${option}`, problem, params: {} }]), lang),
  );
}
