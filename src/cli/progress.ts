import { t, type Lang } from '../i18n';
import type { CliContext } from './cli-context';

/** Where progress lines go: a terminal's stderr, one line rewritten in place. Absent otherwise: silent. */
export interface ProgressSink {
  /** Replaces the line shown. */
  show(line: string): void;
  /** Leaves the last line shown standing. */
  end(): void;
  /** Milliseconds on a clock that only moves forward. */
  now(): number;
}

export type ProgressWhat = 'migrate' | 'export' | 'simulate' | 'import';

export interface Progress {
  /** The number of items the work will count, once known. */
  total(total: number | undefined): void;
  /** One more item (or `n`) done. */
  add(n?: number): void;
  /** The work is over: the last count is shown, and the line left standing. */
  done(): void;
}

const SILENT: Progress = { total: () => undefined, add: () => undefined, done: () => undefined };

/** Shows at most this often, so a fast loop is not slowed by its own progress. */
export const PROGRESS_INTERVAL_MS = 250;

/**
 * Counts work and shows, on the context's progress sink, the count, the rate per second and (when the
 * total is known) about how long is left. Silent when the context has no sink (stderr is not a terminal).
 */
export function progressOf(ctx: Pick<CliContext, 'lang' | 'progress'>, what: ProgressWhat): Progress {
  const sink = ctx.progress;
  if (!sink) return SILENT;
  const started = sink.now();
  let count = 0;
  let total: number | undefined;
  let shownAt = -Infinity;
  let shown = false;
  const show = (at: number) => {
    shownAt = at;
    shown = true;
    sink.show(progressLine(ctx.lang, what, count, total, (at - started) / 1000));
  };
  return {
    total: (n) => {
      total = n;
    },
    add: (n = 1) => {
      count += n;
      const at = sink.now();
      if (at - shownAt >= PROGRESS_INTERVAL_MS) show(at);
    },
    done: () => {
      if (count === 0 && !shown) return;
      show(sink.now());
      sink.end();
    },
  };
}

/** One progress line: count and rate, and the time left when the total is known. */
export function progressLine(
  lang: Lang,
  what: ProgressWhat,
  count: number,
  total: number | undefined,
  seconds: number,
): string {
  const perSecond = seconds > 0 ? count / seconds : 0;
  const rate = perSecond >= 10 ? Math.round(perSecond) : Math.round(perSecond * 10) / 10;
  const label = t(lang, `cli.progress.what.${what}`);
  if (total === undefined || perSecond === 0) return t(lang, 'cli.progress.counted', { what: label, count, rate });
  return t(lang, 'cli.progress.estimated', {
    what: label,
    count,
    total,
    rate,
    left: duration(lang, Math.max(0, total - count) / perSecond),
  });
}

function duration(lang: Lang, seconds: number): string {
  return seconds < 90
    ? t(lang, 'cli.progress.seconds', { n: Math.ceil(seconds) })
    : t(lang, 'cli.progress.minutes', { n: Math.ceil(seconds / 60) });
}

/** The sink for this process: stderr when it is a terminal, else none. */
export function terminalProgress(stderr: NodeJS.WriteStream = process.stderr): ProgressSink | undefined {
  if (!stderr.isTTY) return undefined;
  return {
    show: (line) => stderr.write(`\r${line}\u001b[K`),
    end: () => stderr.write('\n'),
    now: () => performance.now(),
  };
}
