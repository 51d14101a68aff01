import pino from 'pino';
import type PinoPretty from 'pino-pretty';
import type { LogLevel } from './config';
import { currentTurn } from './telemetry/turn-context';

/** Fields that go with a log line; an Error among them (`error`, `err`, `cause`) is logged with its stack and cause. */
export type LogFields = Record<string, unknown>;

/** The logging the adapters need; structural, so a pino or console logger fits. */
export interface Log {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const errorFields = {
  error: pino.stdSerializers.errWithCause,
  err: pino.stdSerializers.errWithCause,
  cause: pino.stdSerializers.errWithCause,
};

const options = (level: LogLevel): pino.LoggerOptions => ({
  level,
  // The level as a word ("warn"), not pino's number, so a reader or a query need not know pino's scale.
  formatters: { level: (label) => ({ level: label }) },
  timestamp: pino.stdTimeFunctions.isoTime,
  base: { pid: process.pid },
  serializers: errorFields,
  // The turn being answered (activity id, conversation, verb), from the turn's async context.
  mixin: () => currentTurn() ?? {},
});

function asLog(logger: pino.Logger): Log {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (message: string, fields?: LogFields): void => {
      if (fields) logger[level](fields, message);
      else logger[level](message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * The process's log on stderr from `level` up: one JSON object per line (time, level, pid, msg, the turn's
 * context, the fields), or coloured lines for a person when stderr is a terminal.
 */
export function createLog(level: LogLevel, terminal = process.stderr.isTTY === true): Log {
  // pino-pretty is loaded only for a person at a terminal: a service writes JSON and starts without it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when needed, see above
  const pretty = terminal ? (require('pino-pretty') as typeof PinoPretty) : null;
  const destination = pretty
    ? pretty({ destination: 2, sync: true, colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid' })
    : pino.destination({ dest: 2, sync: true });
  return asLog(pino(options(level), destination));
}

/** The JSON log with its lines handed to `write` (tests read them); stderr by default. */
export function createJsonLog(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Log {
  return asLog(pino(options(level), { write: (chunk: string) => write(chunk.replace(/\n$/, '')) }));
}
