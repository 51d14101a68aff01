import type { RateWindow } from './delivery-policy';

/** Real elapsed time, apart from the business clock: pacing is about what Teams counts now. */
export interface Timer {
  /** Milliseconds on a monotonic scale. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Keeps each conversation within its rate windows, one operation at a time. */
export interface ConversationPacer {
  /**
   * How long an operation on `key` started now would wait for its slot (0: it may go at once), behind the
   * ones already waiting in its lane, each taken to end the moment its own slot comes (so at least this).
   */
  delay(key: string): number;
  /** Runs `operation` on `key` after the ones before it, once its slot has come. */
  run<T>(key: string, operation: () => Promise<T>): Promise<T>;
  /** No operation on `key` before `ms` from now (Teams' Retry-After). */
  hold(key: string, ms: number): void;
}

interface Lane {
  /** When each recent operation finished, oldest first. */
  finished: number[];
  heldUntil: number;
  queued: number;
  tail: Promise<unknown>;
}

/**
 * Paces operations per conversation. An operation starts only once, in every window, fewer than
 * `limit` operations have *finished* within the last `ms`. Teams counts a request somewhere between
 * its start and its answer, so measuring from the answer of the old one to the start of the new one
 * keeps any two that Teams sees at least a window apart, whatever the network's delays.
 */
export function conversationPacer(windows: readonly RateWindow[], timer: Timer = realTimer): ConversationPacer {
  const lanes = new Map<string, Lane>();
  const longest = Math.max(0, ...windows.map((w) => w.ms));

  const laneOf = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { finished: [], heldUntil: 0, queued: 0, tail: Promise.resolve() };
      lanes.set(key, lane);
    }
    return lane;
  };

  const waitOf = (lane: Pick<Lane, 'finished' | 'heldUntil'>, now: number): number => {
    let until = lane.heldUntil;
    for (const w of windows) {
      const recent = lane.finished.filter((t) => t > now - w.ms);
      const oldestThatCounts = recent[recent.length - w.limit];
      if (oldestThatCounts !== undefined) until = Math.max(until, oldestThatCounts + w.ms);
    }
    return Math.max(0, until - now);
  };

  const forget = (key: string, lane: Lane, now: number): void => {
    lane.finished = lane.finished.filter((t) => t > now - longest);
    if (lane.queued === 0 && lane.finished.length === 0 && lane.heldUntil <= now) lanes.delete(key);
  };
  // Conversations not written to for the longest window are forgotten now and then, so memory follows
  // the conversations in use, not every one ever written to.
  let runs = 0;
  const sweep = (now: number): void => {
    for (const [key, lane] of lanes) forget(key, lane, now);
  };

  return {
    delay(key) {
      const lane = lanes.get(key);
      if (!lane) return 0;
      const now = timer.now();
      // The waiting ones take their slots first; past the longest window nothing can change the answer.
      const ahead = { finished: [...lane.finished], heldUntil: lane.heldUntil };
      let at = now;
      for (let i = 0; i < lane.queued && at - now <= longest; i += 1) {
        at += waitOf(ahead, at);
        ahead.finished.push(at);
      }
      return at - now + waitOf(ahead, at);
    },
    run(key, operation) {
      if (++runs % 256 === 0) sweep(timer.now());
      const lane = laneOf(key);
      lane.queued += 1;
      const result = lane.tail.then(async () => {
        for (let wait = waitOf(lane, timer.now()); wait > 0; wait = waitOf(lane, timer.now())) await timer.sleep(wait);
        try {
          return await operation();
        } finally {
          lane.finished.push(timer.now());
          lane.queued -= 1;
          forget(key, lane, timer.now());
        }
      });
      // The next operation waits for this one to end, however it ends.
      lane.tail = result.then(
        () => undefined,
        () => undefined,
      );
      return result;
    },
    hold(key, ms) {
      const lane = laneOf(key);
      lane.heldUntil = Math.max(lane.heldUntil, timer.now() + ms);
    },
  };
}
