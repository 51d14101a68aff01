import { performance } from 'node:perf_hooks';

/** How long a turn of the event loop should take at most under load, so a new connection waits about that long. */
const LOOP_TURN_MS = 10;
/** The most turns begun in one turn of the loop, however cheap they are. */
const MOST_PER_LOOP_TURN = 64;

/**
 * Turns begin in the order their requests came, a few per turn of the event loop (issue 13).
 *
 * Node takes on a new connection about once per turn of its event loop, and a turn of the loop began every
 * request that had come in on the connections it already held. Under load a new connection therefore waited
 * behind thousands of answers to the others: at 64 connections, a bare Node server spending 2 ms per request
 * took 4.5 s to answer its last connection's first request, PlanDesk's decisions over 20 s, and some were never
 * answered within autocannon's 10 s. The gate begins as many turns in each turn of the loop as fill about
 * LOOP_TURN_MS (judged by how long the last turn of the loop took), so Node takes on a waiting connection that
 * often, and requests are begun first come, first served. One turn per loop turn would do that too, but cost
 * cheap turns a third of their throughput (a system call per turn, and views audited one commit each).
 */
export function turnGate(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  let perLoopTurn = 1;
  let lastAt = 0;
  const next = () => {
    const now = performance.now();
    // The last turn of the loop, with the turns begun in it: begin more in this one if it was short, fewer if not.
    if (now - lastAt < LOOP_TURN_MS / 2) perLoopTurn = Math.min(MOST_PER_LOOP_TURN, perLoopTurn * 2);
    else if (now - lastAt > LOOP_TURN_MS) perLoopTurn = Math.max(1, Math.floor(perLoopTurn / 2));
    lastAt = now;
    for (let i = 0; i < perLoopTurn && waiting.length > 0; i += 1) waiting.shift()?.();
    if (waiting.length > 0) setImmediate(next);
    else scheduled = false;
  };
  return () =>
    new Promise<void>((begin) => {
      waiting.push(begin);
      if (!scheduled) {
        scheduled = true;
        setImmediate(next);
      }
    });
}
