/**
 * Turns begin in the order their requests came, one per turn of the event loop (issue 13).
 *
 * Node takes on a new connection about once per turn of its event loop, and a turn of the loop answers every
 * request that has come in on the connections it already holds. Under load a new connection therefore waited
 * behind thousands of answers to the others: at 64 connections, a bare Node server spending 2 ms per request
 * took 4.5 s to answer its last connection's first request, PlanDesk's decisions over 20 s, and some never
 * within autocannon's 10 s. Beginning one turn per turn of the loop lets Node take on a connection between
 * any two turns, and answers requests first come, first served. A turn waits for the ones before it only to
 * begin: what it awaits (the store, the Bot Connector) lets the next one begin meanwhile.
 */
export function turnGate(): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let scheduled = false;
  const next = () => {
    waiting.shift()?.();
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
