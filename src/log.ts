import type { LogLevel } from './config';

/** Fields that go with a log line; an Error among them is logged with its stack. */
export type LogFields = Record<string, unknown>;

/** The logging the adapters need; structural, so a pino or console logger fits. */
export interface Log {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

// JSON.stringify drops an Error's message and stack (they are not enumerable).
const plain = (value: unknown): unknown =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

/** One JSON object per line on stderr, from `level` up; `write` is replaceable so tests can read the lines. */
export function createJsonLog(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Log {
  const at =
    (lineLevel: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: LogFields = {}) => {
      if (RANK[lineLevel] < RANK[level]) return;
      const entries = Object.entries(fields).map(([key, value]) => [key, plain(value)]);
      write(JSON.stringify({ level: lineLevel, msg: message, ...Object.fromEntries(entries) }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
