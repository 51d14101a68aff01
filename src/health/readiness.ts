import type { OutboxRepository } from '../app/ports/outbox';
import { shanghaiDate } from '../domain/local-date';

/** A check's verdict: `fail` makes the instance not ready (503); `warn` is reported and the instance stays ready. */
export type CheckStatus = 'ok' | 'warn' | 'fail';

export interface CheckResult {
  status: CheckStatus;
  /** Why it is not ok, as a code a probe or an alert may match. */
  code?: string;
  message?: string;
  [figure: string]: unknown;
}

/** The body of GET /readyz, the same shape whether ready (200) or not (503). */
export interface Readiness {
  status: 'ready' | 'not_ready';
  checkedAt: string;
  /** Every check that is not ok, failures first. */
  reasons: { check: string; status: 'warn' | 'fail'; code: string; message: string }[];
  checks: Record<string, CheckResult>;
}

/** What readiness reads: the store's outbox, the scheduler's last tick, the calendar and the time. */
export interface ReadinessSources {
  outbox: Pick<OutboxRepository, 'waiting' | 'deadSince'>;
  now(): Date;
  /** When the last tick finished without failing; null before the first. */
  lastTick(): Date | null;
  /** When the process started ticking (the first tick is one interval after it). */
  startedAt: Date;
  tickIntervalMs: number;
  coversYear(year: number): boolean;
}

/** The thresholds; the defaults are the README's ("Telemetry and health"). */
export interface ReadinessRules {
  /** The store must answer within this. */
  storeTimeoutMs: number;
  /** A tick older than this many intervals (or none that long after start) makes the instance not ready. */
  tickIntervals: number;
  /** Warn when the oldest waiting message is older than this. */
  oldestWaitingWarnMs: number;
  /** Warn when more than this many messages wait. */
  backlogWarn: number;
}

export const READINESS_RULES: ReadinessRules = {
  storeTimeoutMs: 3_000,
  tickIntervals: 3,
  oldestWaitingWarnMs: 60 * 60_000,
  backlogWarn: 1_000,
};

const DAY_MS = 24 * 60 * 60_000;

class TimedOut extends Error {}

function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Reads every source and judges readiness; never throws (a source that does is a failed check). */
export async function checkReadiness(
  sources: ReadinessSources,
  rules: ReadinessRules = READINESS_RULES,
): Promise<Readiness> {
  const now = sources.now();
  const started = performance.now();
  const checks: Record<string, CheckResult> = {};
  try {
    const [waiting, dead] = await within(
      rules.storeTimeoutMs,
      Promise.all([sources.outbox.waiting(), sources.outbox.deadSince(new Date(now.getTime() - DAY_MS))]),
    );
    checks.store = { status: 'ok', ms: Math.round(performance.now() - started) };
    checks.outbox = outboxCheck(waiting.count, waiting.oldestCreatedAt, now, rules);
    checks.deadLetters =
      dead > 0
        ? {
            status: 'warn',
            code: 'dead_letters',
            message: `${dead} message(s) given up on in the last 24 h`,
            last24h: dead,
          }
        : { status: 'ok', last24h: dead };
  } catch (error) {
    const timedOut = error instanceof TimedOut;
    checks.store = {
      status: 'fail',
      code: timedOut ? 'store_timeout' : 'store_unreachable',
      message: timedOut
        ? `the store did not answer within ${rules.storeTimeoutMs} ms`
        : `the store failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  checks.tick = tickCheck(sources, now, rules);
  checks.calendar = calendarCheck(sources, now);
  return judged(checks, now);
}

function outboxCheck(count: number, oldestCreatedAt: string | null, now: Date, rules: ReadinessRules): CheckResult {
  const ageMs = oldestCreatedAt === null ? 0 : Math.max(0, now.getTime() - new Date(oldestCreatedAt).getTime());
  const figures = {
    waiting: count,
    oldestWaitingSince: oldestCreatedAt,
    oldestWaitingSeconds: Math.round(ageMs / 1000),
  };
  if (count > rules.backlogWarn)
    return { status: 'warn', code: 'outbox_backlog', message: `${count} messages wait to be delivered`, ...figures };
  if (ageMs > rules.oldestWaitingWarnMs)
    return {
      status: 'warn',
      code: 'outbox_old_message',
      message: `the oldest waiting message was decided ${Math.round(ageMs / 60_000)} minutes ago`,
      ...figures,
    };
  return { status: 'ok', ...figures };
}

function tickCheck(sources: ReadinessSources, now: Date, rules: ReadinessRules): CheckResult {
  const last = sources.lastTick();
  // Before the first tick, the process's start stands for it: the first beat comes one interval after it.
  const since = last ?? sources.startedAt;
  const ageMs = Math.max(0, now.getTime() - since.getTime());
  const limitMs = rules.tickIntervals * sources.tickIntervalMs;
  const figures = {
    lastTickAt: last?.toISOString() ?? null,
    ageSeconds: Math.round(ageMs / 1000),
    limitSeconds: Math.round(limitMs / 1000),
  };
  if (ageMs <= limitMs) return { status: 'ok', ...figures };
  return {
    status: 'fail',
    code: 'tick_late',
    message: last
      ? `the last tick finished ${figures.ageSeconds} s ago, more than ${rules.tickIntervals} intervals`
      : `no tick has finished in the ${figures.ageSeconds} s since start`,
    ...figures,
  };
}

function calendarCheck(sources: ReadinessSources, now: Date): CheckResult {
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const years = { [year]: sources.coversYear(year), [year + 1]: sources.coversYear(year + 1) };
  const hint = 'add it to the calendar override file (PLANDESK_CALENDAR_OVERRIDE)';
  if (!years[year])
    return {
      status: 'fail',
      code: 'calendar_year_missing',
      message: `the ${year} holiday arrangement is not loaded; ${hint}`,
      years,
    };
  if (!years[year + 1]) {
    // The State Council publishes next year's arrangement in the autumn, and from December deadlines reach into
    // it. A warning all the same: it is missing on every instance alike, and failing them all would take the
    // whole bot offline for dates that are wrong only past the new year.
    const december = today.slice(5, 7) === '12';
    return {
      status: 'warn',
      code: 'calendar_next_year_missing',
      message: `the ${year + 1} holiday arrangement is not loaded; ${hint}${december ? ' now: deadlines reach into it' : ' before December'}`,
      years,
    };
  }
  return { status: 'ok', years };
}

function judged(checks: Record<string, CheckResult>, now: Date): Readiness {
  const reasons = Object.entries(checks)
    .filter((entry): entry is [string, CheckResult & { status: 'warn' | 'fail' }] => entry[1].status !== 'ok')
    .map(([check, r]) => ({ check, status: r.status, code: r.code ?? check, message: r.message ?? '' }))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === 'fail' ? -1 : 1));
  return {
    status: reasons.some((r) => r.status === 'fail') ? 'not_ready' : 'ready',
    checkedAt: now.toISOString(),
    reasons,
    checks,
  };
}
