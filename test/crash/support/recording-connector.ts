import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One request the stand-in Bot Connector received, and what became of its answer. */
export interface ReceivedCall {
  /** 1-based arrival order; a POST was given the activity id `reply-<n>`. */
  n: number;
  method: string;
  url: string;
  /** The conversation id from the URL (/v3/conversations/<id>/activities[/<activityId>]). */
  conversationId: string;
  /** For a PUT, the activity it replaces. */
  activityId: string | null;
  body: Partial<Activity>;
  receivedAt: number;
  /**
   * `answered`: the response reached the bot's socket; `cut`: the bot went away while the connector
   * still held the request (as Teams would, the message counts as posted all the same); `held`: still
   * being held.
   */
  outcome: 'held' | 'answered' | 'cut';
}

export interface RecordingConnector {
  url: string;
  readonly calls: readonly ReceivedCall[];
  /** Holds every later answer this long, so sends are in flight when a process is killed. */
  setDelay(ms: number): void;
  /** Requests received and not answered yet. */
  held(): number;
  /** Resolves once the requests held at one moment satisfy `enough` (e.g. three, one of them a post). */
  waitForHeld(enough: (held: readonly ReceivedCall[]) => boolean, what: string, timeoutMs: number): Promise<void>;
  /** Resolves once no request is held (the ones a killed process left are cut when its sockets close). */
  waitForNoneHeld(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Partial<Activity>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return (text ? JSON.parse(text) : {}) as Partial<Activity>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A Bot Connector stand-in that records every call with its body and answers `{ id: 'reply-N' }`,
 * after an adjustable delay. A request is recorded when it arrives, before any answer: Teams posts a
 * message the moment it takes the request, whether or not the answer gets back to the bot.
 */
export async function startRecordingConnector(): Promise<RecordingConnector> {
  const calls: ReceivedCall[] = [];
  let delayMs = 0;
  const server: Server = createServer((req, res) => {
    void readJson(req).then(
      (body) => {
        const path = (req.url ?? '').split('?')[0] ?? '';
        const match = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(path);
        const call: ReceivedCall = {
          n: calls.length + 1,
          method: req.method ?? '',
          url: req.url ?? '',
          conversationId: decodeURIComponent(match?.[1] ?? ''),
          activityId: req.method === 'PUT' && match?.[2] ? decodeURIComponent(match[2]) : null,
          body,
          receivedAt: Date.now(),
          outcome: 'held',
        };
        calls.push(call);
        res.once('close', () => {
          if (call.outcome === 'held') call.outcome = res.writableFinished ? 'answered' : 'cut';
        });
        const answer = () => {
          if (res.destroyed) return;
          // Not chained: restify patches http.ServerResponse#writeHead process-wide, and its version returns nothing.
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: `reply-${call.n}` }), () => {
            if (call.outcome === 'held') call.outcome = 'answered';
          });
        };
        if (delayMs > 0) setTimeout(answer, delayMs);
        else answer();
      },
      () => {
        // The sender died before the request was whole: Teams would not have taken it, so nothing is recorded.
        res.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const heldCalls = () => calls.filter((c) => c.outcome === 'held');
  const held = () => heldCalls().length;

  const until = async (done: () => boolean, timeoutMs: number, what: string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline)
        throw new Error(
          `the stand-in connector: ${what} within ${timeoutMs} ms (${calls.length} calls, ${held()} held)`,
        );
      await sleep(10);
    }
  };

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    setDelay: (ms) => {
      delayMs = ms;
    },
    held,
    waitForHeld: (enough, what, timeoutMs) => until(() => enough(heldCalls()), timeoutMs, `never held ${what}`),
    waitForNoneHeld: (timeoutMs) => until(() => held() === 0, timeoutMs, 'requests still held'),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
