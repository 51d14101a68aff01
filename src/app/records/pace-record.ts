/** At most `limit` operations to one conversation within any `ms` milliseconds. */
export interface RateWindow {
  limit: number;
  ms: number;
}

/**
 * One conversation's recent sends as every instance sees them, in milliseconds of the wall clock (the
 * only time two processes share). `done`: when each finished send ended, oldest first; `open`: sends
 * under way, each counted as ending at `until` (the latest its send can end) until it is released,
 * so a process that dies mid-send holds its slot no longer than the send could have lasted;
 * `heldUntil`: no send before then (Teams' Retry-After).
 */
export interface PaceRecord {
  done: number[];
  open: { slot: string; until: number }[];
  heldUntil: number;
}

export const EMPTY_PACE: PaceRecord = { done: [], open: [], heldUntil: 0 };

/**
 * How long a send must wait before it may start (0: now). Like the in-process pacer, it counts sends by
 * when they *ended*: Teams sees a request somewhere between its start and its answer, so a new one starts
 * only when, in every window, fewer than `limit` sends have ended within the last `ms` (a send under way
 * counts as not yet ended).
 */
export function paceWait(record: PaceRecord, windows: readonly RateWindow[], now: number): number {
  const ends = [...record.done, ...record.open.map((o) => o.until)].sort((a, b) => a - b);
  let until = record.heldUntil;
  for (const w of windows) {
    const recent = ends.filter((t) => t > now - w.ms);
    const oldestThatCounts = recent[recent.length - w.limit];
    if (oldestThatCounts !== undefined) until = Math.max(until, oldestThatCounts + w.ms);
  }
  return Math.max(0, until - now);
}

/**
 * The record kept small: a send under way past its `until` is taken as ended then; ends older than the
 * longest window are dropped, and so is every end but the latest `limit` of the largest window (none of
 * the others can decide a wait).
 */
export function trimPace(record: PaceRecord, windows: readonly RateWindow[], now: number): PaceRecord {
  const longest = Math.max(0, ...windows.map((w) => w.ms));
  const most = Math.max(0, ...windows.map((w) => w.limit));
  const over = record.open.filter((o) => o.until <= now).map((o) => o.until);
  const done = [...record.done, ...over]
    .filter((t) => t > now - longest)
    .sort((a, b) => a - b)
    .slice(-most);
  return {
    done,
    open: record.open.filter((o) => o.until > now),
    heldUntil: record.heldUntil > now ? record.heldUntil : 0,
  };
}

/** A slot for a send starting `now` (counted as under way until `now + holdMs`), or how long to wait for one. */
export function reserveIn(
  record: PaceRecord,
  windows: readonly RateWindow[],
  now: number,
  slot: string,
  holdMs: number,
): { record: PaceRecord } | { waitMs: number } {
  const current = trimPace(record, windows, now);
  const waitMs = paceWait(current, windows, now);
  if (waitMs > 0) return { waitMs };
  return { record: { ...current, open: [...current.open, { slot, until: now + holdMs }] } };
}

/**
 * A reserved send is over at `now`: made (it counts from now on), or never made (forgotten). A send made
 * whose slot is no longer there (its `until` passed) still counts. `holdMs` closes the conversation that
 * long (a Retry-After), whichever instance sends next.
 */
export function releaseIn(
  record: PaceRecord,
  windows: readonly RateWindow[],
  now: number,
  slot: string,
  outcome: { sent: boolean; holdMs?: number },
): PaceRecord {
  const open = record.open.filter((o) => o.slot !== slot);
  const done = outcome.sent ? [...record.done, now] : record.done;
  const heldUntil = Math.max(record.heldUntil, now + (outcome.holdMs ?? 0));
  return trimPace({ done, open, heldUntil }, windows, now);
}
