import type { Timer } from './conversation-pacer';

/** Ends a place taken in the cap: `sent` counts it for a window from now, otherwise it is forgotten (nothing went). */
export type CapRelease = (sent: boolean) => void;

/** The process-wide cap on sends, across every conversation. */
export interface SendCap {
  /** Waits, first come first served, until a send may start; gives what ends its place. */
  acquire(): Promise<CapRelease>;
}

/**
 * At most `limit` sends in any `windowMs`, across every conversation of this process. As with the
 * per-conversation pace, a send counts from its start until `windowMs` after it ended (Teams sees it
 * somewhere in between), so sends under way count too and a slow network cannot bunch them up.
 */
export function sendCap(limit: number, windowMs: number, timer: Timer): SendCap {
  let underWay = 0;
  let ended: number[] = [];
  const waiting: ((release: CapRelease) => void)[] = [];
  let waking = false;

  const release: CapRelease = (sent) => {
    underWay -= 1;
    if (sent) ended.push(timer.now());
    serve();
  };
  const take = (): CapRelease => {
    underWay += 1;
    let done = false;
    // A place ends once, however often its holder says so.
    return (sent) => {
      if (done) return;
      done = true;
      release(sent);
    };
  };

  /** How long until a place is free (0: now; null: only when a send under way ends). */
  const waitOf = (now: number): number | null => {
    ended = ended.filter((t) => t > now - windowMs);
    if (underWay + ended.length < limit) return 0;
    if (underWay >= limit) return null;
    const oldestThatCounts = ended[ended.length - (limit - underWay)] as number;
    return Math.max(1, oldestThatCounts + windowMs - now);
  };

  function serve(): void {
    while (waiting.length > 0) {
      const wait = waitOf(timer.now());
      if (wait === null) return;
      if (wait > 0) {
        if (!waking) {
          waking = true;
          void timer.sleep(wait).then(() => {
            waking = false;
            serve();
          });
        }
        return;
      }
      waiting.shift()?.(take());
    }
  }

  return {
    acquire() {
      if (waiting.length === 0 && waitOf(timer.now()) === 0) return Promise.resolve(take());
      return new Promise<CapRelease>((resolve) => {
        waiting.push(resolve);
        serve();
      });
    },
  };
}
